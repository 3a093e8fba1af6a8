"""People the minutes show taking part in the meeting though no list names them: a speaker the
text brings in ("Camilla Bailey (CB) advised of three boys...", "Mr Les Bonnett reported that...",
"Brian described plans...") was there, as a guest or a member of the public who spoke.

Only what the minutes narrate counts: a verb in the simple past in an item's own text, or a
motion moved or seconded. "Gordon McKay had written", "Ed Sheeran has agreed", a report quoted
in an appendix and "Chris will attend" tell of people who were not at the meeting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from .actors import attendee_named
from .attendees import parse_attendees
from .entities import entities_in
from .gazetteer import HONORIFIC, ORG, POST, Gazetteer
from .layout import AttendanceBlock
from .lexicon import Lexicon
from .names import name_key
from .nlp import gazetteer_id
from .records import AgendaItem, Attendance, OrganisationRef, PostRef, Span, Statement
from .topics import load_keyphrase_words

__all__ = ["with_guests"]

_MOTIONS = {"propose", "second", "move"}
_WELCOMING = {"welcome", "invite", "introduce"}
_JOINING = {"attend", "join"}
# "representatives from Norfolk Constabulary, ...": the organisation the people after it come from.
_GROUP = re.compile(
    r"\W*(?:the\s+)?(?:\w+\s+)?(?:representatives?|officers?|members?|colleagues?|staff)\s+(?:from|of)\s+"
    r"(?:the\s+)?(?P<org>[A-Z][^,;:()\n]*?)\s*[,:]"
)


def with_guests(
    doc: Doc,
    statements: Sequence[Statement],
    items: Sequence[AgendaItem],
    attendance: tuple[Attendance, ...],
    gazetteer: Gazetteer,
    lexicon: Lexicon,
) -> tuple[tuple[Attendance, ...], tuple[Statement, ...]]:
    """The attendance with each person the items' text brings into the meeting but no list names
    (welcomed, invited to speak, attending or joining it, or speaking at it) added as present, with
    what the words that bring them in say of them; and the statements pointing at them."""
    people = list(attendance)
    guests: dict[str, int] = {}

    def admit(person: Attendance) -> None:
        key = name_key(person.name)
        if key not in guests and attendee_named(person.name, attendance) is None:
            guests[key] = len(people)
            people.append(person)

    for item in items:
        for person in _welcomed(doc, item.body, gazetteer, lexicon):
            admit(person)
    bodies = {item.number: item.body for item in items}
    out = []
    for said in statements:
        actor = said.actor
        if actor.kind == "person" and actor.attendance is None and _full(actor.name):
            key = name_key(actor.name)
            if key not in guests and (entry := _narrated(doc, said, bodies.get(said.item))) is not None:
                admit(_guest(doc, actor.name, entry, gazetteer, lexicon))
            if key in guests:
                said = replace(said, actor=replace(actor, attendance=guests[key]))
        out.append(said)
    return tuple(people), tuple(out)


def _welcomed(doc: Doc, body: Span, gazetteer: Gazetteer, lexicon: Lexicon) -> list[Attendance]:
    """The people an item's text says were welcomed, invited or introduced to the meeting ("Chair
    invited ... Inspector Rebecca Cant, Mr Leigh Jenkins, Business Liaison Manager, and ... to
    present"), or attended or joined it ("Susan Burn -- Community Engagement Officer, Govan Housing
    Association, attended to describe her role"), read from those words as a list is read."""
    words = doc.char_span(body.start, body.end, alignment_mode="contract")
    found = []
    for verb in words or ():
        lemma = verb.lemma_.lower()
        if lemma not in _WELCOMING and lemma not in _JOINING or not _past(verb):
            continue
        sentence = verb.sent
        if lemma in _WELCOMING:  # whom, up to what they were welcomed to or for
            end = next((t.i for t in doc[verb.i + 1 : sentence.end] if t.lower_ in ("to", "for")), sentence.end)
            who = doc[verb.i + 1 : end]
        elif any(c.dep_ == "dobj" and c.lemma_.lower() != "meeting" for c in verb.children):
            continue  # "attended a conference" was somewhere else
        else:
            who = doc[_clause_start(doc, sentence, body) : verb.i]
        if len(who):
            read = [a for a in _read(doc, who.start_char, who.end_char, gazetteer, lexicon) if _full(a.name)]
            found += _from_group(doc, who, read, gazetteer)
    return found


def _from_group(doc: Doc, who, people: list[Attendance], gazetteer: Gazetteer) -> list[Attendance]:
    """People brought in as "representatives from Norfolk Constabulary, Inspector Rebecca Cant, Mr
    Leigh Jenkins, ...": each of them from that organisation, as a heading's qualifier gives it."""
    group = _GROUP.match(who.text)
    if group is None or not people:
        return people
    start = who.start_char + group.start("org")
    org = next((e for e in entities_in(doc, who.start, who.end) if e.start_char == start and e.label_ == ORG), None)
    ident = gazetteer_id(org) if org is not None else None
    named = gazetteer.organisations[ident[1]].name if ident else group["org"]
    ref = OrganisationRef(named, ident[1] if ident else None, Span(start, start + len(group["org"]), group["org"]))
    return [
        replace(a, organisation=ref) if a.organisation is None or a.organisation.span.start <= start else a
        for a in people
    ]


def _clause_start(doc: Doc, sentence, body: Span) -> int:
    """Where the words before a verb begin: the sentence's start, or the paragraph's when no
    sentence ends in between (the parser may end one at a wrapped line: "Govan Housing |
    Association, attended...")."""
    paragraph = max(body.start, doc.text.rfind("\n\n", body.start, sentence.start_char) + 2)
    if re.search(r"[.!?]\s", doc.text[paragraph : sentence.start_char]):
        return sentence.start
    words = doc.char_span(paragraph, sentence.start_char, alignment_mode="expand")
    return words.start if words is not None else sentence.start


def _full(name: str) -> bool:
    """A name with a first name or initial before the surname: no list need explain it."""
    return len(name.split()) > 1


def _read(doc: Doc, start: int, end: int, gazetteer: Gazetteer, lexicon: Lexicon) -> tuple[Attendance, ...]:
    """The people of some running text, read as an attendee list is: its line breaks are where the
    page ended, not between people."""
    breaks = frozenset(i for i in range(start, end) if doc.text[i] == "\n")
    return parse_attendees(doc, [AttendanceBlock("present", start, end, soft_breaks=breaks)], gazetteer, lexicon)


def _narrated(doc: Doc, said: Statement, body: Span | None) -> tuple[int, int] | None:
    """Where the words naming the speaker stand, when the sentence tells what they did at the
    meeting: in the item's own text, a verb of speech in the simple past, or a motion."""
    sentence = said.sentence
    if body is None or not body.start <= sentence.start < body.end or not said.actor.via:
        return None
    # From the name in full where the sentence gives it ("Tracey Dick (TD), Chair of..."), else
    # from the words the statement found ("TD", "Mr Jenkins").
    via = said.actor.via
    spellings = (via,) if said.actor.name in via else (said.actor.name, via)  # "Mr Les Bonnett" with his title
    found = (doc.text.find(words, sentence.start, sentence.end) for words in spellings)
    named = next((at for at in found if at >= 0), None)
    if named is None:
        return None
    lemma = said.verb.split()[0]
    if lemma in load_keyphrase_words()["written_verbs"]:
        return None
    if lemma in _MOTIONS:
        return named, doc.text.find(via, named) + len(via)
    words = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    verb = next((t for t in words or () if t.lemma_.lower() == lemma and t.idx > named and _past(t)), None)
    if verb is None:
        return None
    end = verb.idx
    while end > named and (doc.text[end - 1].isspace() or doc.text[end - 1] in ",;-–—"):
        end -= 1
    return named, end


def _past(verb: Token) -> bool:
    """A verb in the simple past: "advised" (which the small parser may tag a participle), not
    "has agreed" or "had written"."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _guest(doc: Doc, name: str, entry: tuple[int, int], gazetteer: Gazetteer, lexicon: Lexicon) -> Attendance:
    """The guest as the words that bring them in describe them ("Tracey Dick (TD), Chair of the
    Parent Council"), read as an entry of an attendee list is; under the fullest name the text gives."""
    start, end = entry
    read = _read(doc, start, end, gazetteer, lexicon)
    surname = name_key(name).split()[-1]
    found = next((a for a in read if name_key(a.name).split()[-1:] == [surname]), None)
    span = Span(start, end, doc.text[start:end])
    return replace(found, name=name, span=span) if found else _titled(doc, name, span, gazetteer)


def _titled(doc: Doc, name: str, span: Span, gazetteer: Gazetteer) -> Attendance:
    """A guest the text names by a title and a surname ("Cllr Mann", "Inspector Cant"), which no
    list entry is: the title as their honorific, and a rank as their post too."""
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    for ent in entities_in(doc, words.start, words.end) if words is not None else ():
        ident = gazetteer_id(ent)
        if ent.label_ == HONORIFIC:
            return Attendance(name, "present", span, honorific=gazetteer.honorific(ent.text))
        if ent.label_ == POST and ident and (post := gazetteer.posts[ident[1]]).rank:
            held = PostRef(post.name, post.id, post.organisation, Span(ent.start_char, ent.end_char, ent.text))
            return Attendance(name, "present", span, honorific=ent.text, posts=(held,))
    return Attendance(name, "present", span)
