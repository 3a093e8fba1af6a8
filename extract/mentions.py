"""People, organisations, posts and places named in the discussion of each agenda item."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .actors import resolve_actor
from .entities import entities_in
from .gazetteer import HONORIFIC, ORG, POST, Gazetteer
from .lexicon import load_lexicon
from .meeting_text import item_spans
from .records import AgendaItem, Attendance, Mention, Span

__all__ = ["find_mentions"]

_PLACES = {"GPE", "LOC", "FAC"}


def _with_name_after(doc: Doc, ent):
    """A title and the capitalised words after it: "Councillor Athwal", "DAC Boon"."""
    end = ent.end
    while end < min(len(doc), ent.end + 3) and doc[end].text[:1].isupper() and doc[end].ent_type_ in ("", "PERSON"):
        end += 1
    return doc[ent.start : end] if ent.label_ in (HONORIFIC, POST) else ent


def find_mentions(
    doc: Doc, items: Sequence[AgendaItem], attendance: Sequence[Attendance], gazetteer: Gazetteer
) -> tuple[Mention, ...]:
    """Entities in each item's text, resolved to the same people and organisations as the attendee list."""
    found: dict[tuple[str, str, int], Mention] = {}
    for item, span in item_spans(doc, items):
        for ent in entities_in(doc, span.start, span.end):
            if ent.label_ in (ORG, POST, "PERSON", HONORIFIC):
                actor = resolve_actor(_with_name_after(doc, ent), attendance, gazetteer)
                if actor is None or (not actor.id and actor.name.casefold() in load_lexicon().organisation_heads):
                    continue  # "the Board" alone names no one new
                kind, name = actor.kind, actor.name
            elif ent.label_ in _PLACES:
                actor, kind, name = None, "place", ent.text
            else:
                continue
            sent = ent.sent
            found.setdefault(
                (kind, name, sent.start),
                Mention(
                    item.number,
                    actor,
                    kind,
                    name,
                    Span(ent.start_char, ent.end_char, ent.text),
                    Span(sent.start_char, sent.end_char, sent.text),
                ),
            )
    return tuple(found.values())
