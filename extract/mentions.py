"""People, organisations, posts and places named in the discussion of each agenda item."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .actors import resolve_actor
from .entities import entities_in
from .gazetteer import HONORIFIC, ORG, POST, Gazetteer
from .lexicon import load_lexicon
from .meeting_text import item_spans
from .records import Actor, AgendaItem, Attendance, Mention, Span

__all__ = ["find_mentions"]

_PLACES = {"GPE", "LOC", "FAC"}


def _with_name_after(doc: Doc, ent):
    """A title and the capitalised words after it: "Councillor Athwal", "DAC Boon"."""
    end = ent.end
    while end < min(len(doc), ent.end + 3) and doc[end].text[:1].isupper() and doc[end].ent_type_ in ("", "PERSON"):
        end += 1
    return doc[ent.start : end] if ent.label_ in (HONORIFIC, POST) else ent


_JOINERS = {",", "and", "&"}


def _list_head(doc: Doc, ent):
    """The first organisation of the list ``ent`` ends ("HMP Pentonville" of "HMP Pentonville,
    Wandsworth and Feltham"), or None when ``ent`` follows no organisation so joined."""
    head, i = None, ent.start
    while i > 0 and doc[i - 1].lower_ in _JOINERS:
        j = i - 1
        while j >= 0 and doc[j].lower_ in _JOINERS:
            j -= 1
        if j < 0 or doc[j].ent_type_ != ORG:
            break
        start = j
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        head, i = doc[start : j + 1], start
    return head


def _of_the_list(doc: Doc, ent, gazetteer: Gazetteer) -> Actor | None:
    """A bare name listed after an organisation whose name starts with its kind's title is one of
    that kind: "HMP Pentonville, Wandsworth and Feltham" lists HMP Wandsworth, not the borough, when
    the gazetteer knows an organisation so named."""
    head = _list_head(doc, ent)
    if head is None or len(head) < 2 or head[0].text == ent[0].text:
        return None
    ident = gazetteer.organisation_named(f"{head[0].text} {ent.text}")
    return None if ident is None else Actor("organisation", gazetteer.organisations[ident].name, ident, via=ent.text)


def find_mentions(
    doc: Doc, items: Sequence[AgendaItem], attendance: Sequence[Attendance], gazetteer: Gazetteer
) -> tuple[Mention, ...]:
    """Entities in each item's text, resolved to the same people and organisations as the attendee list."""
    found: dict[tuple[str, str, int], Mention] = {}
    for item, span in item_spans(doc, items):
        for ent in entities_in(doc, span.start, span.end):
            if ent.label_ in (ORG, POST, "PERSON", HONORIFIC):
                actor = (ent.label_ == ORG and _of_the_list(doc, ent, gazetteer)) or resolve_actor(
                    _with_name_after(doc, ent), attendance, gazetteer
                )
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
