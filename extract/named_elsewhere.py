"""What the rest of the minutes say of a person their list names briefly.

The fullest name: attendees listed by surname, or by initials and surname ("Councillors Keller,
O'Dea", "Supt (Ms. A. Magner)"), are named as fully as the minutes name them elsewhere: "Paul
Keller" from the heading of his motion, "Aileen Magner" from the report that introduces her, "J.
Pond" from "Councillor J. Pond". A fuller form is taken only when the document gives exactly one,
agreeing with the initials listed, and no one else at the meeting has the surname ("Cllr Bell"
beside "Allan Bell" stays "Bell").

The rank: a person listed without a post takes the one rank the minutes write before their name
("preferably Inspector Bob Anderson").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .entities import text_of
from .gazetteer import POST, Gazetteer
from .lexicon import Lexicon
from .names import PARTICLES, name_key
from .nlp import gazetteer_id
from .records import Attendance, PostRef

__all__ = ["fullest_names", "ranks_named"]

_INITIAL = re.compile(r"^[^\W\d_]\.?$|^(?:[^\W\d_]\.){2,3}$")  # "J", "J.", "J.A."; not "TOM" or "SUE"
_APOSTROPHE = "['\u2019\u2018`]"
_WORD = re.compile(r"[^\W\d_][\w'\u2019\u2018`-]*\.?$")


def _plain(word: str) -> str:
    """A word as name keys spell it, in one piece: "O'Dea" -> "odea", "SÉIGHÍN" -> "seighin"."""
    return name_key(word).replace(" ", "")


def _split(name: str) -> tuple[str, str] | None:
    """A name lacking a first name as its initials and its surname ("J. A.", "Taylor"); None for a
    name with one ("Sean Lynch") or one too short to tell."""
    words = name.split()
    lead = 0
    while (
        lead < len(words) - 1
        and _INITIAL.match(words[lead])
        and words[lead].rstrip(".").isupper()
        and _plain(words[lead]) not in PARTICLES  # the Ó of "Ó Ceallaigh"
    ):
        lead += 1
    rest = words[lead:]
    if len(rest) == 1 or (len(rest) == 2 and _plain(rest[0]) in PARTICLES):
        return " ".join(words[:lead]), " ".join(rest)
    return None


def _capitalised(word: str) -> str:
    """A word as a name is written: "PAUL" -> "Paul", "MARY-ANNE" -> "Mary-Anne"; mixed case kept."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word) if word.isupper() else word


def _fuller_forms(
    doc: Doc, surname: str, titles: frozenset[str], excluded: frozenset[str]
) -> set[tuple[str, str | None]]:
    """The first names and initials the document writes directly before ``surname``, each with the
    title written before it (None for a name the NER found in running text)."""
    parts = [re.sub(_APOSTROPHE, lambda _: _APOSTROPHE, re.escape(w)) for w in surname.split()]
    pattern = r"(?<![\w'\u2019])" + r"\s+".join(parts) + r"(?![\w'\u2019])"
    found = (_form_before(doc, m, surname, titles, excluded) for m in re.finditer(pattern, text_of(doc), re.IGNORECASE))
    return {form for form in found if form}


def _form_before(
    doc: Doc, match: re.Match, surname: str, titles: frozenset[str], excluded: frozenset[str]
) -> tuple[str, str | None] | None:
    """The first name or initial written before this mention of a surname, and its title: after a
    title ("Superintendent Aileen Magner", "COUNCILLOR PAUL KELLER") or, in running text, in a name
    the NER found. In a heading written in capitals, neither capitals nor the NER tell a name."""
    text, written = text_of(doc), match.group()
    shouting = written.isupper() and not surname.isupper()
    if not shouting and written[0] != surname[0]:
        return None  # "the pond", not Cllr Pond
    before = text[max(0, match.start() - 60) : match.start()].split()
    if len(before) < 2 or not text[match.start() - 1].isspace() or not _WORD.match(word := before[-1]):
        return None
    initial = len(word.rstrip(".")) == 1
    if not word[0].isupper() or (not initial and {_plain(word), _plain(word).removesuffix("s")} & excluded):
        return None
    if (title := _plain(before[-2])) in titles:
        return _capitalised(word), title
    if not shouting and not initial and _is_person(doc, text.rindex(word, 0, match.start()), match.end()):
        return _capitalised(word), None
    return None


def _titles_of(person: Attendance, gazetteer: Gazetteer) -> frozenset[str]:
    """The words the minutes may title this person with: their honorific's spellings, their posts'."""
    names = [s for spellings in gazetteer.honorifics if spellings[0] == person.honorific for s in spellings]
    for post in person.posts:
        known = gazetteer.posts.get(post.id) if post.id else None
        names += [post.name, *(known.aliases if known else ())]
    return frozenset(_plain(w) for n in names for w in n.split())


def _same_person(title: str | None, person: Attendance, gazetteer: Gazetteer) -> bool:
    """Whether a fuller form written after ``title`` can be this listing's: "Councillor Paul Keller"
    for "Cllr Keller", "Superintendent Aileen Magner" for "Superintendent (Ms. A. Magner)"; never
    "Mr A Brown" (a planning applicant) or "Mrs Jane Bell" (a letter's writer) for a Cllr Brown or
    Bell, and a name with no title only for someone listed with none."""
    if person.honorific is None and not person.posts:
        return True
    return title is not None and title in _titles_of(person, gazetteer)


def _is_person(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span[0].ent_type_ == "PERSON"


def fullest_names(
    doc: Doc, attendance: tuple[Attendance, ...], gazetteer: Gazetteer, lexicon: Lexicon
) -> tuple[Attendance, ...]:
    """The attendance with each name lacking a first name written as fully as ``doc`` writes it."""
    surnames = Counter(_plain(a.name.split()[-1]) for a in attendance if a.name.split())
    titles = frozenset(_plain(w) for w in gazetteer.role_words) - STOP_WORDS  # "the" of "The Rt Hon"
    excluded = titles | frozenset(
        _plain(w) for w in (*lexicon.not_name_words, *lexicon.organisation_heads, *lexicon.role_heads, *STOP_WORDS)
    )

    def fuller(person: Attendance) -> Attendance:
        split = _split(person.name) if person.name.split() else None
        if split is None or surnames[_plain(person.name.split()[-1])] > 1:
            return person
        listed, surname = split
        agreeing = [
            f
            for f, title in _fuller_forms(doc, surname, titles, excluded)
            if (_plain(f)[:1] == _plain(listed)[:1] or not listed) and _same_person(title, person, gazetteer)
        ]
        # One form a name, in a fixed order whatever the process's hash seed: the one written with the
        # most accents ("SÉIGHÍN" in one heading, "SÉIGHIN" in another).
        agreeing.sort(key=lambda f: (sum(not c.isascii() for c in f), f))
        firsts = {_plain(f): f for f in agreeing if len(f.rstrip(".")) > 1}
        initials = {_plain(f): f for f in agreeing if len(f.rstrip(".")) == 1 and not listed}
        choice = firsts or initials  # a first name says more than an initial
        return replace(person, name=f"{choice.popitem()[1]} {surname}") if len(choice) == 1 else person

    return tuple(fuller(person) for person in attendance)


def ranks_named(doc: Doc, attendance: tuple[Attendance, ...], gazetteer: Gazetteer) -> tuple[Attendance, ...]:
    """The attendance with each person listed with neither post nor title given the rank the minutes
    put before their name elsewhere, when they give one only ("preferably Inspector Bob Anderson, a
    senior officer"). Letters such as "CC" or "PC" are no rank here: minutes write them for a
    county or community council and a parish clerk as often as for a chief or police constable."""
    keys = {
        name_key(a.name): i
        for i, a in enumerate(attendance)
        if not a.posts and a.honorific is None and len(a.name.split()) > 1
    }
    found: dict[int, set[str]] = {}
    for ent in doc.ents:
        ident = gazetteer_id(ent)
        if ent.label_ != POST or not ident or not gazetteer.posts[ident[1]].rank:
            continue
        if ent.text.isupper() and len(ent.text) <= 3:
            continue
        for size in (2, 3):
            after = doc[ent.end : ent.end + size]
            if any(t.is_space or t.is_punct for t in after) or not ent[-1].whitespace_:
                continue  # "Lynne Owens, Deputy Commissioner\nDoug Flight": the rank is the line before's
            person = keys.get(name_key(after.text))
            if person is not None:
                found.setdefault(person, set()).add(ident[1])
    named = list(attendance)
    for person, ranks in found.items():
        if len(ranks) == 1:
            rank = gazetteer.posts[ranks.pop()]
            named[person] = replace(attendance[person], posts=(PostRef(name=rank.name, id=rank.id),))
    return tuple(named)
