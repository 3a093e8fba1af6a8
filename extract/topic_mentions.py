"""Topics named under each agenda item: scheme concepts, named programmes and acronyms defined in the text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from .entities import entities_in
from .gazetteer import ORG, Gazetteer
from .meeting_text import item_spans
from .nlp import gazetteer_id
from .records import AgendaItem, OrganisationRef, Span, TopicMention
from .topics import TOPIC, TopicScheme, key_phrases, topic_key

__all__ = ["find_topics"]


def _span(doc: Doc, start: int, end: int) -> Span:
    s = doc[start:end]
    return Span(s.start_char, s.end_char, s.text)


def _sentence(doc: Doc, start: int) -> Span:
    sent = doc[start].sent
    return Span(sent.start_char, sent.end_char, sent.text)


def find_topics(
    doc: Doc, items: Sequence[AgendaItem], body: OrganisationRef | None, scheme: TopicScheme, gazetteer: Gazetteer
) -> tuple[TopicMention, ...]:
    """Every topic mention in each item's heading and text, one per topic and sentence.

    Boards named in the discussion (a new London Policing Board) are topics too, but not the
    board that is meeting.
    """
    found: dict[tuple[str, str, int], TopicMention] = {}
    acronyms: dict[str, tuple[str, str]] = {}

    def add(item: str, key: str, label: str, start: int, end: int, curated: bool, alt: tuple[str, ...] = ()):
        sentence = _sentence(doc, start)
        found.setdefault(
            (item, key, sentence.start), TopicMention(item, key, label, _span(doc, start, end), sentence, curated, alt)
        )

    for item, span in item_spans(doc, items):
        for ent in entities_in(doc, span.start, span.end):
            ident = gazetteer_id(ent)
            if ent.label_ == TOPIC and ident:
                # Labelled as the minutes put it ("gun discharge"), and linked to the concept (gun crime).
                concept = scheme.concepts[ident[1]]
                said = next(
                    (x for x in (concept.label, *concept.alt_labels) if x.casefold() == ent.text.casefold()),
                    concept.label,
                )
                add(item.number, concept.id, said, ent.start, ent.end, True, concept.alt_labels)
            elif (
                ent.label_ == ORG
                and ident
                and gazetteer.organisations[ident[1]].kind == "board"
                and (body is None or body.id != ident[1])
            ):
                org = gazetteer.organisations[ident[1]]
                add(item.number, f"org-{org.id}", org.name, ent.start, ent.end, False, org.aliases)
        for start, end, acronym in key_phrases(doc, span.start, span.end):
            label = doc[start:end].text.strip(" ,")
            words = label.split()
            if words and words[0].casefold() in ("the",):
                label = " ".join(words[1:])
            concept = scheme.find(label)
            if concept is not None:
                add(item.number, concept.id, concept.label, start, end, True, concept.alt_labels)
                continue
            key = topic_key(label)
            if acronym:
                acronyms[acronym] = (key, label)
            add(item.number, key, label, start, end, False, (acronym,) if acronym else ())
        for tok in span:
            if tok.text in acronyms and not (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")"):
                key, label = acronyms[tok.text]
                add(item.number, key, label, tok.i, tok.i + 1, False, (tok.text,))
    return _prefer_longer_names(tuple(found.values()))


def _prefer_longer_names(mentions: tuple[TopicMention, ...]) -> tuple[TopicMention, ...]:
    """ "the Action Plan" after "the Disproportionality Action Plan" is the same programme, named short."""
    named = {m.key: m for m in mentions if not m.curated}
    out = []
    for m in mentions:
        longer = [n for k, n in named.items() if m.key in named and k != m.key and k.endswith(" " + m.key)]
        out.append(replace(m, key=longer[0].key, label=longer[0].label) if len(longer) == 1 else m)
    return tuple(dict.fromkeys(out))
