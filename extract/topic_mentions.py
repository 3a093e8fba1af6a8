"""Topics named under each agenda item: scheme concepts, named programmes and acronyms defined in the text."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from .actors import introduced_names
from .blocks import Block, BlockKind
from .entities import entities_in, entities_of, text_of
from .gazetteer import ORG, Gazetteer
from .key_terms import key_terms
from .meeting_text import item_spans
from .names import name_key
from .nlp import gazetteer_id
from .records import AgendaItem, OrganisationRef, Span, TopicMention
from .topics import TOPIC, TopicScheme, key_phrases, load_keyphrase_words, topic_key

__all__ = ["find_topics"]


def _span(doc: Doc, start: int, end: int) -> Span:
    s = doc[start:end]
    return Span(s.start_char, s.end_char, s.text)


def _sentence(doc: Doc, start: int) -> Span:
    sent = doc[start].sent
    return Span(sent.start_char, sent.end_char, sent.text)


def find_topics(
    doc: Doc,
    items: Sequence[AgendaItem],
    body: OrganisationRef | None,
    scheme: TopicScheme,
    gazetteer: Gazetteer,
    blocks: Sequence[Block] = (),
    people: Sequence[str] = (),
) -> tuple[TopicMention, ...]:
    """Every topic mention in each item's heading and text, one per topic and sentence: concepts
    of the curated scheme, named programmes and defined acronyms, boards under discussion (not the
    one meeting), and what the meeting itself names as its subjects: the titles of its items, the
    headings and bold or dashed leads of the paragraphs under them ("Peelwalls Meadows - a
    distressing incident..."). Named programmes beyond a short list are kept by how often they
    are named (see ``_short_list``).
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
    itself = topic_key(body.name) if body else ""
    # People the meeting names, its attendees and those given initials in passing ("Camilla Bailey
    # (CB)", which reads like a defined acronym), are never topics.
    persons = {topic_key(name) for name in (*people, *introduced_names(doc))}

    def someone(key: str) -> bool:
        """The body that met, or a person the meeting names."""
        return key in itself or key in persons

    named = tuple(
        m
        for m in _prefer_longer_names(tuple(found.values()))
        if m.curated
        or not (
            _fragment(m.label)
            or someone(m.key)
            or (len(m.label.split()) == 1 and not m.label.isupper())
            or _names_people(doc.char_span(m.span.start, m.span.end, alignment_mode="expand"), titled=True)
        )
    )
    titled: dict[tuple[str, str, int], TopicMention] = {}
    ranks: dict[str, float] = {m.key: 1 for m in named}
    for item, start, end, title, rank in _subjects(doc, items, blocks):
        label = _subject_of(title, load_keyphrase_words())
        span = doc.char_span(start, end, alignment_mode="expand")
        if label is None or span is None:
            continue
        key = topic_key(label)
        if ranks.get(key, rank + 1) <= rank:
            continue
        if _no_subject(span, label) or someone(key) or rank and len(label.split()) > _LEAD_WORDS:
            continue
        ranks[key] = rank
        sentence = Span(span.start_char, span.end_char, span.text)
        titled.setdefault((item.number, key, start), TopicMention(item.number, key, label, sentence, sentence, False))
    mentions = named + tuple(titled.values())
    # Key phrases come after the meeting's own subjects and before its sub-headings and leads.
    places = min(_KEY_TERMS, _TOPICS - sum(rank < _KEY_TERM_RANK for rank in ranks.values()))
    phrases = _key_term_mentions(doc, items, mentions, people, gazetteer, body, places)
    for m in phrases:
        ranks.setdefault(m.key, _KEY_TERM_RANK)
    return _short_list(mentions + phrases, ranks, _TOPICS)


def _key_term_mentions(
    doc: Doc,
    items: Sequence[AgendaItem],
    listed: Sequence[TopicMention],
    people: Sequence[str],
    gazetteer: Gazetteer,
    body: OrganisationRef | None,
    limit: int,
) -> tuple[TopicMention, ...]:
    """Each mention under an item of the meeting's key phrases (see ``key_terms``) that the topics
    already listed do not name, labelled as first written."""
    names = {w for name in people for w in name_key(name).split()}
    names |= {w for e in entities_of(doc) if e.label_ == "PERSON" for w in name_key(e.text).split()}
    named = " | ".join(topic_key(m.label) for m in listed)
    out: list[TopicMention] = []
    text = text_of(doc)
    for phrase in key_terms(doc, names, gazetteer.role_words, body.name if body else "", limit):
        if re.search(rf"\b{re.escape(topic_key(phrase))}\b", named):
            continue
        pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", re.I)
        label = None
        for item in items:
            for m in pattern.finditer(text, item.body.start, item.body.end):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is None:
                    continue
                label = label or " ".join(m[0].split())
                out.append(
                    TopicMention(
                        item.number,
                        topic_key(label),
                        label,
                        _span(doc, span.start, span.end),
                        _sentence(doc, span.start),
                        False,
                    )
                )
    return tuple(dict.fromkeys(out))


# A meeting's topics are what a reader would write in the margin: at most this many, its items'
# own titles first, then the curated scheme's concepts, then the programmes, plans and boards it
# names, then the titles of its sub-items and the headings and leads under its items, the most
# named first within each, with its key phrases after the programmes.
_TOPICS = 30
_KEY_TERMS = 14
_KEY_TERM_RANK = 2.5
_LEAD = re.compile(r"^[\W\d]{0,4}(?P<lead>[A-Z][^\n.:;]{2,60}?)\s+[-\u2013:]\s+\S")


def _short_list(mentions: tuple[TopicMention, ...], ranks: dict[str, float], limit: int) -> tuple[TopicMention, ...]:
    counts = Counter(m.key for m in mentions)
    first = {m.key: n for n, m in reversed(list(enumerate(mentions)))}
    order = sorted(counts, key=lambda key: (ranks.get(key, 2), -counts[key], first[key]))
    keep = set(order[:limit])
    return tuple(m for m in mentions if m.key in keep)


def _subjects(doc: Doc, items: Sequence[AgendaItem], blocks: Sequence[Block]):
    """(item, start, end, words, rank) for each item's title (rank 0 for an item, 3 for a
    sub-item), and the headings and leads in its text (rank 3)."""
    whole = text_of(doc)
    for item in items:
        yield item, item.heading.start, item.heading.end, item.title, 0 if item.parent is None else 3
        for block in blocks:
            if block.end <= item.body.start or block.start >= item.body.end:
                continue
            text = whole[block.start : block.end]
            inside = block.start >= item.body.start
            if inside and block.kind == BlockKind.HEADING:
                yield item, block.start, block.end, text, 3
            elif inside and block.lead_end is not None:
                yield item, block.start, block.lead_end, text[: block.lead_end - block.start], 3
            else:  # the block's first line, and each bulleted line in it, under the item's heading
                offset = block.start
                for k, line in enumerate(text.split("\n")):
                    under = item.body.start <= offset < item.body.end
                    if under and (k == 0 or line.lstrip()[:1] in "\u2022-*") and (m := _LEAD.match(line)):
                        yield item, offset + m.start("lead"), offset + m.end("lead"), m["lead"], 3
                    offset += len(line) + 1


@functools.cache
def _longest_first(openings: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(openings, key=len, reverse=True))


def _subject_of(title: str, words: dict[str, frozenset[str]]) -> str | None:
    """What an item is about, as its title says: "To consider Budget/Precept for 2015/16" is about
    the budget; "Apologies for absence" or "Any other business" about nothing. In capitals, the
    title is given its words' capitals ("SECRETARY'S REPORT" is "Secretary's Report")."""
    # Numbering ("a)", "8.1.1", "(2.1)", "AB.") and who reported ("[Brett]") are not the subject.
    text = re.sub(r"^(?:[a-z]\)|\(?[ivx]+\)|[A-Z]{1,2}\.\s|[\d.]+\s|\(\d[\d.]*\)|\W)+", "", " ".join(title.split()))
    text = re.sub(r"\s*\[[^\]]*\]$", "", text).strip(" :.-,")
    if text.casefold().startswith(("that ", "it was ")):
        return None  # a motion's or a decision's words
    if text.isupper():
        text = " ".join(w.capitalize() for w in text.split())
    folded = text.casefold()
    for opening in _longest_first(words["procedural_openings"]):
        if folded.startswith(opening + " "):
            if opening.endswith(" by"):
                return None  # "Question submitted by Councillor Pond": who asked, not what about
            text = text[len(opening) :].strip(" :-")
            folded = text.casefold()
    if (
        not text
        or folded in words["procedural_items"]
        or any(re.match(rf"{re.escape(start)}\b", folded) for start in words["procedural_starts"])
        or _ACTION.match(folded)
        or len(text.split()) > 10
    ):
        return None
    return text


# A numbered action ("Action 3", "Actions:") records what someone is to do, not a subject.
_ACTION = re.compile(r"^actions?\s*(?:\d|:|$)")
# A title cut from a longer line, or wrapped over lines, begins or ends with a joining word:
# "Of Any Social Behaviour", "Held On 18th June, 2018)", "Review of".
_JOINING = {"of", "on", "and", "or", "to", "in", "for", "by", "with", "at", "from", "as", "held", "the", "a", "that"}
# A sub-heading or a lead longer than this is a line of text in capitals, not a heading.
_LEAD_WORDS = 8


def _fragment(label: str) -> bool:
    """A piece of a longer title or sentence: "Of Any Social Behaviour", "Civic Administration for",
    "That Second Reading of Bill", "Accordingly'"."""
    words = label.split()
    return (
        not words
        or words[0].casefold() in _JOINING - {"a", "the"}
        or words[-1].casefold().strip(",") in _JOINING
        or label.count("(") != label.count(")")
        or not label[-1:].isalnum()
        and label[-1:] not in ")."
    )


def _no_subject(span, label: str) -> bool:
    """A title that names people or posts rather than a subject ("Councillor Bell", "Chief
    Superintendent", "Camilla Bailey"), or a piece of a longer title."""
    return _fragment(label) or _names_people(span)


def _names_people(span, titled: bool = False) -> bool:
    """Words mostly of people's names, titles and posts ("Alister Jack, Secretary of State"); with
    ``titled``, only where a title or post says so (the NER reads "Our London Map" as a person)."""
    if span is None or titled and not any(t.ent_type_ in ("HONORIFIC", "POST") for t in span):
        return False
    named = [t for t in span if t.is_alpha and t.ent_type_ in ("PERSON", "HONORIFIC", "POST")]
    return 2 * len(named) >= len([t for t in span if t.is_alpha]) > 0


def _prefer_longer_names(mentions: tuple[TopicMention, ...]) -> tuple[TopicMention, ...]:
    """ "the Action Plan" after "the Disproportionality Action Plan" is the same programme, named short."""
    named = {m.key: m for m in mentions if not m.curated}
    out = []
    for m in mentions:
        longer = [n for k, n in named.items() if m.key in named and k != m.key and k.endswith(" " + m.key)]
        out.append(replace(m, key=longer[0].key, label=longer[0].label) if len(longer) == 1 else m)
    return tuple(dict.fromkeys(out))
