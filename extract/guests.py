"""People the minutes show taking part in the meeting though no list names them: a speaker the
text brings in ("Camilla Bailey (CB) advised of three boys...", "Mr Les Bonnett reported that...")
was there, as a guest or a member of the public who spoke.

Only what the minutes narrate counts: a verb in the simple past in an item's own text, or a
motion moved or seconded. "Gordon McKay had written", "Ed Sheeran has agreed", a report quoted
in an appendix and "Chris will attend" tell of people who were not at the meeting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .actors import attendee_named
from .attendees import parse_attendees
from .entities import entities_in, text_of
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
    written = _written()
    # Correspondence read to the meeting ("Mrs Jean Hope asked the council to consider a bench")
    # brings no one to it.
    bodies = {item.number: item.body for item in items if not _words_of(item.title) & written}
    out = []
    for said in statements:
        actor = said.actor
        if actor.kind == "person" and actor.attendance is None and _full(actor.name):
            key = name_key(actor.name)
            if key not in guests and (named := _narrated(doc, said, bodies.get(said.item))) is not None:
                admit(_guest(doc, actor.name, (named.start, named.end), gazetteer, lexicon))
            if key in guests:
                said = replace(said, actor=replace(actor, attendance=guests[key]))
        elif actor.kind == "person" and actor.attendance is not None and not (listed := people[actor.attendance]).posts:
            # Listed without a post, described in passing where they speak: "Melissa Case, co-chair
            # of Crime and Justice Transparency Strategic Group (CJTSG) provided an update".
            named = _narrated(doc, said, bodies.get(said.item))
            entry = named and named.apposition(text_of(doc))
            described = entry and _describes(doc, entry) and _described(doc, actor.name, entry, gazetteer, lexicon)
            if described and described.posts:
                organisation = listed.organisation or described.organisation
                people[actor.attendance] = replace(listed, posts=described.posts, organisation=organisation)
        out.append(said)
    return tuple(people), tuple(out)


def _welcomed(doc: Doc, body: Span, gazetteer: Gazetteer, lexicon: Lexicon) -> list[Attendance]:
    """The people an item's text says were welcomed, invited or introduced to the meeting ("Chair
    invited ... Inspector Rebecca Cant, Mr Leigh Jenkins, Business Liaison Manager, and ... to
    present"), or attended or joined it ("Susan Burn -- Community Engagement Officer, Govan Housing
    Association, attended to describe her role"), read from those words as a list is read.

    Only where the words name people straight after the verb (not "welcomed the news that John
    Smith...", "the report from Dr Jane Doe"), up to the next verb or relative clause (not "Mrs Ann
    Brown, widow of the late Cllr Fred Brown, who died"), and not to a later meeting; only someone
    who attended or joined the meeting itself (not "attended on behalf of the council", "who
    attended last month's meeting", "joined in the litter pick")."""
    words = doc.char_span(body.start, body.end, alignment_mode="contract")
    found = []
    for verb in words or ():
        lemma = verb.lemma_.lower()
        if lemma not in _WELCOMING and lemma not in _JOINING or not _past(verb) or verb.dep_ not in ("ROOT", "conj"):
            continue
        if lemma in _WELCOMING:
            who = _welcomed_words(doc, verb)
        elif _at_this_meeting(verb):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            start = subject.left_edge.i if subject is not None else verb.sent.start
            who = doc[_clause_start(doc, verb.sent, body) if start == verb.sent.start else start : verb.i]
        else:
            continue
        if who is not None and len(who):
            read = [a for a in _read(doc, who.start_char, who.end_char, gazetteer, lexicon) if _person(doc, a, lexicon)]
            found += _from_group(doc, who, read, gazetteer)
    return found


def _welcomed_words(doc: Doc, verb: Token):
    """The words naming whom a verb welcomes or invites: from right after it, when they start with
    a person or a group of them, up to a verb, a relative pronoun or what they were welcomed to."""
    sentence = verb.sent
    first = next((t for t in doc[verb.i + 1 : sentence.end] if not t.is_space), None)
    opens = first is not None and (
        first.ent_type_ in (HONORIFIC, POST, "PERSON") or _GROUP.match(text_of(doc)[first.idx :])
    )
    if not opens:
        return None
    end = next(
        (
            t.i
            for t in doc[first.i : sentence.end]
            if t.lower_ in ("to", "for", "who", "which", "whose") or t.pos_ == "VERB"
        ),
        sentence.end,
    )
    if re.match(r"to\s+(?:a|the|its|their)\s+(?:next|future|later|following)\b", doc[end : sentence.end].text, re.I):
        return None  # invited to the next meeting: not at this one
    return doc[first.i : end]


def _at_this_meeting(verb: Token) -> bool:
    """ "attended", "attended the meeting", "joined the meeting", "attended to describe her role":
    not "attended a conference", "attended on behalf of the council", "joined in the litter pick"."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() != "meeting":
            return False
        if child.dep_ in ("prep", "prt", "agent", "npadvmod"):
            return False
    return True


def _person(doc: Doc, person: Attendance, lexicon: Lexicon) -> bool:
    """A guest the words read as a person: a first name or initial before the surname, no word of an
    organisation's ("Ayton Football Club"), no possessive ("Mr Bob White's offer"), not "the late"."""
    words = person.name.split()
    before = text_of(doc)[max(0, person.span.start - 12) : person.span.start].casefold()
    return (
        len(words) > 1
        and not any(w.casefold().strip(".") in lexicon.organisation_heads for w in words)
        and not person.name.endswith(("'s", "\u2019s"))
        and "late" not in before.split()
    )


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

    def given(org: OrganisationRef | None) -> bool:  # none, or read from the group's own words
        return org is None or org.span is None or org.span.end <= start + len(group["org"])

    return [replace(a, organisation=ref) if given(a.organisation) else a for a in people]


def _clause_start(doc: Doc, sentence, body: Span) -> int:
    """Where the words before a verb begin: the sentence's start, or the paragraph's when no
    sentence ends in between (the parser may end one at a wrapped line: "Govan Housing |
    Association, attended...")."""
    paragraph = max(body.start, text_of(doc).rfind("\n\n", body.start, sentence.start_char) + 2)
    if re.search(r"[.!?]\s", text_of(doc)[paragraph : sentence.start_char]):
        return sentence.start
    words = doc.char_span(paragraph, sentence.start_char, alignment_mode="expand")
    return words.start if words is not None else sentence.start


def _full(name: str) -> bool:
    """A name with a first name or initial before the surname: no list need explain it."""
    return len(name.split()) > 1


def _read(doc: Doc, start: int, end: int, gazetteer: Gazetteer, lexicon: Lexicon) -> tuple[Attendance, ...]:
    """The people of some running text, read as an attendee list is."""
    block = AttendanceBlock.in_running_text("present", text_of(doc), start, end)
    return parse_attendees(doc, [block], gazetteer, lexicon)


@dataclass(frozen=True)
class _Mention:
    """Where a sentence names its speaker: the name's start and end, and the end of the words
    before the verb (the name and what is said of them there)."""

    start: int
    name_end: int
    end: int

    def apposition(self, text: str) -> tuple[int, int] | None:
        """The name and what a bracket or a comma right after it says of them, up to the bracket's
        end or the next comma ("Iain Bell (MoJ Chief Statistician)", "Melissa Case, co-chair of
        ..."): never the other people of the sentence ("Cllrs Leamon, Lintern and ...")."""
        rest = text[self.name_end : self.end]
        after = self.name_end + len(rest) - len(rest.lstrip())
        if after >= self.end or text[after] not in "(,":
            return None
        if text[after] == "(":
            close = text.find(")", after, self.end)
            return (self.start, close + 1) if close > 0 else None
        comma = text.find(",", after + 1, self.end)
        return self.start, comma if comma > 0 else self.end


def _describes(doc: Doc, entry: tuple[int, int]) -> bool:
    """An apposition that says what someone is ("co-chair of ...", "(MoJ Chief Statistician)"),
    not one that goes on to name others ("Cllrs Leamon, Lintern and ..."): a bracket naming no one,
    or after a comma a word in lower case (not an article: "a resident of Mill Lane" says where,
    not what), or a post or organisation the gazetteer knows."""
    words = doc.char_span(*entry, alignment_mode="expand")
    opening = next((t for t in words or () if t.text in "(,"), None)
    if opening is None:
        return False
    if opening.text == "(":
        return not any(t.ent_type_ == "PERSON" for t in doc[opening.i : words.end])
    first = next((t for t in doc[opening.i + 1 : words.end] if not t.is_space), None)
    return (
        first is not None
        and first.lower_ not in ("the", "a", "an")
        and (first.is_lower or first.ent_type_ in (POST, ORG))
    )


def _narrated(doc: Doc, said: Statement, body: Span | None) -> _Mention | None:
    """Where the sentence names the speaker, when it tells what they did at the meeting: in the
    item's own text, a verb of speech in the simple past, or a motion."""
    sentence = said.sentence
    if body is None or not body.start <= sentence.start < body.end or not said.actor.via:
        return None
    # From the name in full where the sentence gives it ("Tracey Dick (TD), Chair of..."), else
    # from the words the statement found ("TD", "Mr Jenkins").
    via = said.actor.via
    spellings = (via,) if said.actor.name in via else (said.actor.name, via)  # "Mr Les Bonnett" with his title
    found = ((text_of(doc).find(words, sentence.start, sentence.end), words) for words in spellings)
    named, spelling = next(((at, words) for at, words in found if at >= 0), (-1, ""))
    lemma = said.verb.split()[0]
    words = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if named < 0 or lemma == "be" or words is None or {t.lemma_.lower() for t in words} & _written():
        return None  # a view ("was grateful"), or a letter ("In a letter, Dr Anne Black explained")
    name_end = named + len(spelling)
    if lemma in _MOTIONS:  # "Seconded by Cllr Nolan": the verb comes first
        moved = any(t.lemma_.lower() == lemma and _past(t) for t in words)
        return _Mention(named, name_end, name_end) if moved else None
    verb = next((t for t in words if t.lemma_.lower() == lemma and t.idx > named and _past(t)), None)
    if verb is None:
        return None
    text, end = text_of(doc), verb.idx
    while end > named and (text[end - 1].isspace() or text[end - 1] in ",;-–—"):
        end -= 1
    return _Mention(named, name_end, max(end, name_end))


def _written() -> frozenset[str]:
    return load_keyphrase_words()["written_words"]


def _words_of(title: str) -> set[str]:
    """A title's words, casefolded and singular: "Correspondence", "Letters received"."""
    return {w.removesuffix("s") for w in re.findall(r"[\w-]+", title.casefold())}


def _past(verb: Token) -> bool:
    """A verb in the simple past: "advised" (which the small parser may tag a participle), not
    "has agreed" or "had written"."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _described(doc: Doc, name: str, entry: tuple[int, int], gazetteer: Gazetteer, lexicon: Lexicon):
    """The person ``name`` as the words that bring them in describe them ("Tracey Dick (TD), Chair
    of the Parent Council"), read as an entry of an attendee list is, or None."""
    surname = name_key(name).split()[-1]
    read = _read(doc, *entry, gazetteer, lexicon)
    return next((a for a in read if name_key(a.name).split()[-1:] == [surname]), None)


def _guest(doc: Doc, name: str, entry: tuple[int, int], gazetteer: Gazetteer, lexicon: Lexicon) -> Attendance:
    """A guest as the words that bring them in describe them, under the fullest name the text gives."""
    span = Span(entry[0], entry[1], text_of(doc)[entry[0] : entry[1]])
    found = _described(doc, name, entry, gazetteer, lexicon)
    return replace(found, name=name, span=span) if found else _titled(doc, name, span, gazetteer)


def _titled(doc: Doc, name: str, span: Span, gazetteer: Gazetteer) -> Attendance:
    """A guest the words bringing them in name by a title and a surname ("Cllr Mann" for Trudy Mann,
    "Inspector Cant"), which the list parser reads as no one: the title as their honorific, and a
    rank as their post too."""
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    for ent in entities_in(doc, words.start, words.end) if words is not None else ():
        ident = gazetteer_id(ent)
        if ent.label_ == HONORIFIC:
            return Attendance(name, "present", span, honorific=gazetteer.honorific(ent.text))
        if ent.label_ == POST and ident and (post := gazetteer.posts[ident[1]]).rank:
            held = PostRef(post.name, post.id, post.organisation, Span(ent.start_char, ent.end_char, ent.text))
            return Attendance(name, "present", span, honorific=ent.text, posts=(held,))
    return Attendance(name, "present", span)
