"""Entities of a parsed document by token, computed once per document."""

from __future__ import annotations

__all__ = ["entity_at", "entities_in", "entities_of", "text_of"]


def _entity_index(doc) -> tuple[tuple, dict[int, object]]:
    """The doc's entities and the entity of each token, built once: ``doc.ents`` is rebuilt on every
    access, and the rules ask about entities thousands of times a document."""
    cached = doc.user_data.get("minutes_graph.ents")
    if cached is None:
        ents = tuple(doc.ents)
        cached = (ents, {i: e for e in ents for i in range(e.start, e.end)})
        doc.user_data["minutes_graph.ents"] = cached
    return cached


def entity_at(doc, i: int):
    """The entity token ``i`` belongs to, or None."""
    return _entity_index(doc)[1].get(i)


def entities_in(doc, start: int, end: int) -> list:
    """The entities wholly inside tokens ``start:end``, in order."""
    by_token = _entity_index(doc)[1]
    found = []
    for i in range(start, end):
        e = by_token.get(i)
        if e is not None and e.start >= start and e.end <= end and (not found or found[-1] is not e):
            found.append(e)
    return found


def entities_of(doc) -> tuple:
    """All the doc's entities, from the same index."""
    return _entity_index(doc)[0]


def text_of(doc) -> str:
    """The doc's text, joined once: ``Doc.text`` joins every token again on each access."""
    text = doc.user_data.get("minutes_graph.text")
    if text is None:
        text = doc.user_data["minutes_graph.text"] = doc.text
    return text
