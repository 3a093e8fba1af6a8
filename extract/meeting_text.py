"""The stretches of a parsed document that belong to each agenda item."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span

from .records import AgendaItem

__all__ = ["item_spans"]


def item_spans(doc: Doc, items: Sequence[AgendaItem]) -> Iterator[tuple[AgendaItem, Span]]:
    """Each item with the tokens of its heading and its text (empty stretches are left out)."""
    for item in items:
        for start, end in ((item.heading.start, item.heading.end), (item.body.start, item.body.end)):
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is not None and len(span):
                yield item, span
