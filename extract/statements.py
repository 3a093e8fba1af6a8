"""Statements: who did or said what under each agenda item, from the dependency parse."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .actors import resolve_actor
from .entities import entity_at
from .gazetteer import Gazetteer
from .records import AgendaItem, Attendance, Span, Statement
from .topics import load_keyphrase_words

__all__ = ["find_statements"]

_RELATIVE = {"which", "who", "that", "whom"}
_MODIFIERS = {"compound", "poss", "amod", "det", "nmod", "flat", "case", "punct"}


def _subject_phrase(doc: Doc, head: Token, agent_nouns: frozenset[str]):
    """The words that can name the actor: the head and what stands before it ("The DMPC",
    "a CPS team"), never a phrase after it ("the relationship with the MPS" names no MPS actor).

    None when the head is a thing rather than someone ("the MPS plan"): a named entity, a
    capitalised name or a noun for a group of people can act, nothing else.
    """
    start, end = head.i, head.i + 1
    for t in reversed(list(head.lefts)):
        if t.dep_ in _MODIFIERS or t.i == start - 1:
            start = min(start, t.left_edge.i)
    entity = entity_at(doc, head.i)
    if entity is not None:
        return doc[min(start, entity.start) : max(end, entity.end)]
    if head.lower_ in agent_nouns or head.lemma_.lower() in agent_nouns or head.text[:1].isupper():
        return doc[start:end]
    return None


def _subject(verb: Token) -> tuple[Token | None, str | None]:
    """The acting subject of a clause and the verb it acts through.

    Passives name their agent ("was provided by the MPS"); a passive with no agent has no actor,
    unless a purpose clause says what its subject does ("a team set up to address violence").
    """
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child, None
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return (objects[0], None) if objects else (None, None)
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    purpose = [
        c
        for c in verb.children
        if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    if passive and purpose:
        return passive[0], purpose[0].lemma_
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.dep_ == "ROOT" and before is not None and before.dep_ == "ROOT" and before.pos_ in ("PROPN", "NOUN"):
        # The small parser often cuts a sentence after an opening acronym: "TB | provided updates".
        return before, None
    return None, None


def _verb_text(verb: Token, lemma: str | None) -> str:
    if lemma:
        return lemma
    particles = [c.text for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_ or verb.lower_, *particles])


def find_statements(
    doc: Doc, items: Sequence[AgendaItem], attendance: Sequence[Attendance], gazetteer: Gazetteer
) -> tuple[Statement, ...]:
    """One statement per actor and sentence, under the item whose text holds it.

    Needs a dependency parse; with the rules-only pipeline there are none.
    """
    if not doc.has_annotation("DEP"):
        return ()
    words = load_keyphrase_words()
    reporting = words["reporting_verbs"]
    found: dict[tuple[str, str, int], Statement] = {}
    for item in items:
        body = doc.char_span(item.body.start, item.body.end, alignment_mode="contract")
        if body is None:
            continue
        for verb in body:
            if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass"):
                continue
            subject, purpose = _subject(verb)
            if subject is None:
                continue
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                subject = verb.head
            phrase = _subject_phrase(doc, subject, words["agent_nouns"])
            actor = resolve_actor(phrase, attendance, gazetteer) if phrase is not None else None
            if actor is None or (actor.kind == "organisation" and actor.id and not gazetteer.can_act(actor.id)):
                continue
            # A sentence the parser cut inside the subject ("CPS | North updated") starts with it.
            sent = doc[min(verb.sent.start, phrase.start) : verb.sent.end]
            key = (actor.kind, actor.name, sent.start)
            if key not in found:
                lemma = _verb_text(verb, purpose)
                found[key] = Statement(
                    item.number,
                    actor,
                    lemma,
                    lemma.split()[0] in reporting,
                    Span(sent.start_char, sent.end_char, sent.text),
                )
    return tuple(found.values())
