"""Statements: who did or said what under each agenda item, from the dependency parse."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .actors import resolve_actor
from .blocks import Block
from .entities import entity_at
from .gazetteer import HONORIFIC, Gazetteer
from .records import Actor, AgendaItem, Attendance, Span, Statement
from .speakers import laid_out_statements
from .topics import load_keyphrase_words

__all__ = ["find_statements"]

_RELATIVE = {"which", "who", "that", "whom"}
# A verb in one of these clauses is what was reported or intended, not the speech act itself:
# "PW noted that Karen O'Kane had been in contact" is PW's statement, not Karen O'Kane's.
_REPORTED = {"ccomp", "advcl", "xcomp", "pcomp", "csubj", "acl", "parataxis", "oprd"}
_PERSONAL = {"he", "she"}
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
    before = doc[start - 1] if start > 0 else None
    if (
        before is not None
        and before.text[:1].isupper()
        and ((before.dep_ == "aux" and before.pos_ == "PROPN") or before.ent_type_ == HONORIFIC)
    ):
        # A first name the parser took for a modal ("Will Perrin was clear"), a title it parted
        # from the name ("Cllr. | Burke welcomed").
        start = entity.start if (entity := entity_at(doc, before.i)) is not None else before.i
    # Never across a bracket, colon, comma or spaced dash: "Dunclutha (Paul Wheelhouse) - PP reported".
    breaks = [t.i for t in doc[start : head.i] if t.text in "():;," or (t.text in "-–—" and t.whitespace_)]
    start = max([start, *(b + 1 for b in breaks)])
    entity = entity_at(doc, head.i)
    if entity is not None:
        return doc[min(start, entity.start) : max(end, entity.end)]
    if head.lower_ in agent_nouns or head.lemma_.lower() in agent_nouns or head.text[:1].isupper():
        return doc[start:end]
    return None


def _subject(verb: Token) -> tuple[Token | None, str | None]:
    """The acting subject of a clause and the verb it acts through.

    Passives name their agent ("was provided by the MPS"); a passive with no agent has no actor
    (a purpose clause, "a team set up to address violence", says what its subject does, but
    ``_speech_act`` takes no such sentence for speech).
    """
    if verb.pos_ == "NOUN":  # "The MPS recognise": the subject was read as part of the noun
        compounds = [c for c in verb.lefts if c.dep_ == "compound"]
        return compounds[-1], None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:  # the one nearest before the verb: "51 Houses Development - IK updated"
        return max((c for c in subjects if c.i < verb.i), default=subjects[0], key=lambda c: c.i), None
    for child in verb.children:
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
    if (
        verb.dep_ == "ROOT"
        and before is not None
        and (before.pos_ == "PROPN" or (before.dep_ == "ROOT" and before.pos_ == "NOUN") or _initials_opening(before))
    ):
        # The small parser often cuts a sentence after an opening acronym ("TB | provided updates")
        # or hangs the name before the verb elsewhere ("In reply to Members Superintendent Smart stated").
        return before, None
    if verb.dep_ == "acl" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # A finite verb the parser hung on the noun before it: "Tracey Dick (TD), Chair of the
        # Parent Council, advised of works": the speaker is the name that noun stands beside.
        head = verb.head
        while head.dep_ == "appos" and head.head.i < head.i:
            head = head.head
        if head.pos_ == "PROPN":
            return head, None
    return None, None


def _initials_opening(token: Token) -> bool:
    """Capitals opening a sentence, which the parser may take for a word ("AS noted that..." is
    Alan Scott, not "as")."""
    return token.is_sent_start and token.text.isalpha() and token.text.isupper() and 2 <= len(token.text) <= 4


def _verb_text(verb: Token, lemma: str | None, reporting: frozenset[str], speech_nouns: frozenset[str]) -> str:
    """The verb as a statement names it: its lemma and particle ("point out"), or with the noun of
    speech that makes it one ("have discussion")."""
    if lemma:
        return lemma
    particles = [c.text for c in verb.children if c.dep_ == "prt"]
    noun = None if verb.lemma_.lower() in reporting else _speech_object(verb, speech_nouns)
    return " ".join([verb.lemma_ or verb.lower_, *particles, *([noun.lemma_.lower()] if noun else [])])


def _verbal(token: Token) -> bool:
    """A verb, or a verb the small parser took for a noun after its subject ("The MPS recognise")."""
    if token.pos_ in ("VERB", "AUX"):
        return token.dep_ not in ("aux", "auxpass")
    return token.pos_ == "NOUN" and token.dep_ == "ROOT" and any(c.dep_ == "compound" for c in token.lefts)


def _speech_object(verb: Token, speech_nouns: frozenset[str]) -> Token | None:
    """The noun of speech a verb takes as its object ("started a conversation"), or None."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in speech_nouns), None)


def _speech_act(verb: Token, reporting: frozenset[str], speech_nouns: frozenset[str]) -> bool:
    """A verb of speech ("noted", "asked", "went through") or a verb with a noun of speech for its
    object ("had discussions", "took questions") that is not itself what someone else said: "PW
    noted that Karen O'Kane had asked..." is PW's statement alone. A clause a relative pronoun opens
    ("who gave a briefing") speaks for the person before it."""
    if verb.lemma_.lower() not in reporting and _speech_object(verb, speech_nouns) is None:
        return False
    children = {c.dep_ for c in verb.children}
    if "nsubjpass" in children and "agent" not in children:
        return False  # "a team set up to address violence", "An update was provided": no speaker
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "should", "must", "to") for c in verb.children):
        return False  # an action to come ("Clerk will inform Highways", "Clerk to respond"), not speech
    clause = verb
    while clause.dep_ == "conj":
        clause = clause.head
    if clause.dep_ == "relcl":
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE for c in clause.children)
    if clause.dep_ in _REPORTED and not _set_apart(clause):
        speaker = clause.head
        return not (speaker.lemma_.lower() in reporting and any(c.dep_ in ("nsubj", "agent") for c in speaker.children))
    return True


def _stance(verb: Token, stance_words: frozenset[str]) -> tuple[Token, str] | None:
    """The subject of a view stated in the minutes' own narrative ("The Chair was concerned that...",
    "Will Perrin was clear on the need...", "Margaret Carey was keen to discuss"), and the words
    for it; None for any other verb."""
    if verb.dep_ not in ("ROOT", "conj"):
        return None  # "PW said that Karen was concerned": PW's statement, not Karen's
    children = {c.dep_: c for c in verb.children}
    feeling = children.get("acomp") if verb.lemma_ == "be" else verb if "auxpass" in children else None
    subject = children.get("nsubj") if verb.lemma_ == "be" else children.get("nsubjpass")
    if feeling is None or subject is None or feeling.lower_ not in stance_words or "agent" in children:
        return None
    return subject, f"be {feeling.lower_}"


def _set_apart(clause: Token) -> bool:
    """A clause a semicolon or colon parts from the verb the parser hung it on is a sentence of its
    own: "Cllr Leamon proposed approval; Cllr Stocking seconded" has two speakers."""
    head = clause.head
    lo, hi = sorted((clause.left_edge.i if clause.i > head.i else clause.right_edge.i, head.i))
    return any(t.text in (";", ":") for t in clause.doc[lo:hi])


def find_statements(
    doc: Doc,
    regions: Sequence[tuple[AgendaItem, Span]],
    attendance: Sequence[Attendance],
    gazetteer: Gazetteer,
    blocks: Sequence[Block] = (),
) -> tuple[Statement, ...]:
    """One statement per actor and sentence, under the item whose text holds it (its body, or an
    appendix it refers to: ``regions``): a speech act (see ``_speech_act``) whose subject names an
    attendee, a post or an organisation that acts, a motion's mover or seconder, or what the layout
    gives a speaker (see ``laid_out_statements``).

    Needs a dependency parse; with the rules-only pipeline there are none.
    """
    if not doc.has_annotation("DEP"):
        return ()
    words = load_keyphrase_words()
    reporting, speech_nouns = words["reporting_verbs"], words["speech_nouns"]
    found: dict[tuple[str, str, int], Statement] = {}

    def add(item: AgendaItem, actor: Actor, verb: str, sent) -> None:
        if actor.kind == "organisation" and actor.id and not gazetteer.can_act(actor.id):
            return  # an organisation the gazetteer says never speaks for itself
        end = sent.end
        while end > sent.start + 1 and doc[end - 1].is_space:
            end -= 1  # the blank line after a paragraph is no part of its last sentence
        sent = doc[sent.start : end]
        key = (actor.kind, actor.name, sent.start)
        if key not in found:
            spoken = verb.split()[0] in reporting or verb.split()[-1] in speech_nouns
            found[key] = Statement(item.number, actor, verb, spoken, Span(sent.start_char, sent.end_char, sent.text))

    def resolve(phrase) -> Actor | None:
        return resolve_actor(phrase, attendance, gazetteer)

    for item, region in regions:
        body = doc.char_span(region.start, region.end, alignment_mode="contract")
        if body is None:
            continue
        last_person: Actor | None = None  # whom "he" or "she" stands for: the last person who spoke
        for verb in body:
            if not _verbal(verb) or _shouted(verb.sent.text):
                continue
            stance = _stance(verb, words["stance_words"])
            if stance is None and not _speech_act(verb, reporting, speech_nouns):
                continue
            subject, purpose = stance or _subject(verb)
            if subject is None:
                continue
            beside = [c for c in subject.children if c.dep_ == "appos"]
            if subject.ent_type_ == HONORIFIC and beside:
                subject = beside[0]  # "His Worship the Mayor recognizes": the Mayor
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                subject = verb.head
            if any(t.text == ":" for t in doc[min(subject.i, verb.i) : max(subject.i, verb.i)]):
                continue  # "Thibaud Colas: Update the website page": an action item, not speech
            if subject.lower_ in _PERSONAL:
                if last_person is None:
                    continue
                phrase = doc[subject.i : subject.i + 1]
                # "he, Inspector Cant and Ms Stearman took questions": the others with him
                others = [_subject_phrase(doc, c, words["agent_nouns"]) for c in subject.conjuncts]
                actors = [last_person, *(a for p in others for a in _each_actor(doc, p, resolve))]
            else:
                phrase = _subject_phrase(doc, subject, words["agent_nouns"])
                # "Superintendent (Mr. D. Smart) stated"; but "Gus Jaspert (Deputy Director) provided" is Gus Jaspert
                named = None if phrase is None or _names_someone(phrase) else _bracketed(doc, phrase)
                phrases = [named or phrase] + [_subject_phrase(doc, c, words["agent_nouns"]) for c in subject.conjuncts]
                actors = [a for p in phrases for a in _each_actor(doc, p, resolve)]
                if not actors:  # "three new Garda Recruits namely Garda C. Fallon, ... who gave a briefing"
                    named = [n for c in subject.children if c.dep_ == "appos" for n in (c, *c.conjuncts)]
                    phrases = [_subject_phrase(doc, n, words["agent_nouns"]) for n in named]
                    actors = [a for p in phrases for a in _each_actor(doc, p, resolve) if a.kind == "person"]
                if not any(a.kind == "person" for a in actors) and phrase is not None and _names_someone(phrase):
                    last_person = None  # "Mr Jenkins made a presentation, and he...": not the last attendee
            # A sentence the parser cut inside the subject ("CPS | North updated") starts with it.
            sent = doc[min(verb.sent.start, phrase.start) : verb.sent.end] if phrase is not None else verb.sent
            for actor in actors:
                add(item, actor, _verb_text(verb, purpose, reporting, speech_nouns), sent)
                if actor.kind == "person":
                    last_person = actor
        for verb, opening, phrase in _motions(doc, body, gazetteer.full_stop):
            for p in _coordinated(doc, phrase):
                if (actor := resolve(p)) is not None:
                    add(item, actor, verb, doc[opening.start : max(opening.end, p.end)])
        title = item.heading if region == item.body else None
        for said in laid_out_statements(doc, title, region, blocks, resolve):
            add(item, said.actor, said.verb, said.sentence)
    return tuple(found.values())


def _shouted(text: str) -> bool:
    """A short line in capitals: a heading or a title ("CASTLECONNELL GARDA STATION PROVIDING COVER"),
    no one's speech. Minutes typed in capitals throughout have long sentences, which still count."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 10 and len(text.split()) <= 15 and all(c.isupper() for c in letters)


# "Proposed by Deputy N. Collins", "Seconded by: Cllr Bell", "Motion made by A. Hopkins", "Moved by S. Trosow",
# "Motion by Council Member Lopez", "On the proposal of Cllr. Daly, seconded by Cllr. Nolan",
# and a name straight after the verb ("proposed by Cllr Leamon; seconded Cllr Denny").
_MOTION = re.compile(
    r"\b(?:(?:(?P<verb>proposed|seconded|moved)|motion (?:made|moved))(?:\s+by:?\s+|\s+(?=(?-i:[A-Z][a-z]*\.?\s+[A-Z])))"
    r"|motion\s+by:?\s+|on the (?P<proposal>proposal) of\s+)",
    re.I,
)


def _motions(doc: Doc, body, full_stop: re.Pattern) -> list[tuple[str, object, object]]:
    """Who proposed, moved or seconded, as minutes record motions: the verb, the sentence it opens
    in (the parser may end one before the name) and the words after "by", up to the end of the line
    or the clause."""
    out = []
    start = body.start_char
    for m in _MOTION.finditer(body.text):
        stop = re.search(
            rf"[\n;:]|{full_stop.pattern}|,\s+(?![A-Z]\.)|\s+(?:and\s+)?(?:seconded|proposed|moved)\b",
            body.text[m.end() :],
        )
        end = m.end() + (stop.start() if stop else len(body.text) - m.end())
        phrase = doc.char_span(start + m.end(), start + end, alignment_mode="expand")  # "CC." is one token
        if phrase is not None and len(phrase):
            verb = "propose" if m["proposal"] else (m["verb"] or "move").lower()
            opening = doc.char_span(start + m.start(), start + m.end(), alignment_mode="expand")[0].sent
            out.append(
                ({"proposed": "propose", "seconded": "second", "moved": "move"}.get(verb, verb), opening, phrase)
            )
    return out


def _bracketed(doc: Doc, phrase):
    """The name in brackets right after a post ("Superintendent (Mr. D. Smart)"), or None."""
    if phrase is None or phrase.end >= len(doc) or doc[phrase.end].text != "(":
        return None
    close = next((t.i for t in doc[phrase.end : phrase.end + 10] if t.text == ")"), None)
    return doc[phrase.end + 1 : close] if close and close > phrase.end + 1 else None


def _names_someone(phrase) -> bool:
    """A phrase that names a person, known or not: a title or a name the NER found."""
    return any(t.ent_type_ in ("PERSON", "HONORIFIC") for t in phrase)


def _each_actor(doc: Doc, phrase, resolve) -> list[Actor]:
    """The actors of a subject: the one it names whole when that is an attendee or a known post or
    organisation ("The Senior Crime and Policing Analyst"), else each person it joins by "and"."""
    if phrase is not None and any(t.lower_ == "and" for t in phrase):
        whole = resolve(phrase)
        if whole is not None and (whole.attendance is not None or whole.id):
            return [whole]
    return [a for q in _coordinated(doc, phrase) if (a := resolve(q))]


def _coordinated(doc: Doc, phrase) -> list:
    """ "Danny O'Neill and Esme Clark", "Councillors Alam and Dornan": each person of a phrase
    joined by "and" (a title before the first goes with each name), or the phrase itself."""
    if phrase is None:
        return []
    cuts = [t.i for t in phrase if t.lower_ == "and"]
    if not cuts:
        return [phrase]
    bounds = [phrase.start, *cuts, phrase.end]
    parts = [doc[a + (a != phrase.start) : b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return [p for p in parts if len(p)]
