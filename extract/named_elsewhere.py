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
import unicodedata
from collections import Counter
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .gazetteer import POST, Gazetteer
from .lexicon import Lexicon
from .names import name_key
from .nlp import gazetteer_id
from .records import Attendance, OrganisationRef, PostRef

__all__ = ["fullest_names", "ranks_named"]

# Words that begin a surname rather than being a first name: "Ó Ceallaigh", "Van Meerbergen".
PARTICLES = frozenset({"ó", "o", "ní", "nic", "mac", "mc", "van", "von", "de", "da", "di", "du", "le", "la", "st"})
_INITIAL = re.compile(r"^(?:[^\W\d_]\.?){1,3}$")  # "J", "J.", "J.A."
_APOSTROPHE = "['\u2019\u2018`]"
_WORD = re.compile(r"[^\W\d_][\w'\u2019\u2018`-]*\.?$")


def _plain(word: str) -> str:
    text = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


def _split(name: str) -> tuple[str, str] | None:
    """A name lacking a first name as its initials and its surname ("J. A.", "Taylor"); None for a
    name with one ("Sean Lynch") or one too short to tell."""
    words = name.split()
    lead = 0
    while lead < len(words) - 1 and _INITIAL.match(words[lead]) and words[lead].rstrip(".").isupper():
        lead += 1
    rest = words[lead:]
    if len(rest) == 1 or (len(rest) == 2 and _plain(rest[0]) in PARTICLES):
        return " ".join(words[:lead]), " ".join(rest)
    return None


def _capitalised(word: str) -> str:
    """A word as a name is written: "PAUL" -> "Paul", "MARY-ANNE" -> "Mary-Anne"; mixed case kept."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word) if word.isupper() else word


def _fuller_forms(doc: Doc, surname: str, titles: frozenset[str], excluded: frozenset[str]) -> set[str]:
    """The first names and initials the document writes directly before ``surname``."""
    parts = [re.sub(_APOSTROPHE, lambda _: _APOSTROPHE, re.escape(w)) for w in surname.split()]
    pattern = r"(?<![\w'\u2019])" + r"\s+".join(parts) + r"(?![\w'\u2019])"
    found = (_form_before(doc, m, surname, titles, excluded) for m in re.finditer(pattern, doc.text, re.IGNORECASE))
    return {form for form in found if form}


def _form_before(
    doc: Doc, match: re.Match, surname: str, titles: frozenset[str], excluded: frozenset[str]
) -> str | None:
    """The first name or initial written before this mention of a surname: after a title
    ("Superintendent Aileen Magner", "COUNCILLOR PAUL KELLER") or, in running text, in a name the
    NER found. In a heading written in capitals, neither capitals nor the NER tell a name."""
    text, written = doc.text, match.group()
    shouting = written.isupper() and not surname.isupper()
    if not shouting and written[0] != surname[0]:
        return None  # "the pond", not Cllr Pond
    before = text[max(0, match.start() - 60) : match.start()].split()
    if len(before) < 2 or not text[match.start() - 1].isspace() or not _WORD.match(word := before[-1]):
        return None
    initial = len(word.rstrip(".")) == 1
    if not word[0].isupper() or (not initial and {_plain(word), _plain(word).removesuffix("s")} & excluded):
        return None
    if (
        _plain(before[-2]) in titles
        or not shouting
        and (initial or _is_person(doc, text.rindex(word, 0, match.start()), match.end()))
    ):
        return _capitalised(word)
    return None


def _is_person(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span[0].ent_type_ == "PERSON"


def fullest_names(
    doc: Doc, attendance: tuple[Attendance, ...], gazetteer: Gazetteer, lexicon: Lexicon
) -> tuple[Attendance, ...]:
    """The attendance with each name lacking a first name written as fully as ``doc`` writes it."""
    surnames = Counter(_plain(a.name.split()[-1]) for a in attendance)
    titles = frozenset(_plain(w) for w in gazetteer.role_words) - STOP_WORDS  # "the" of "The Rt Hon"
    excluded = titles | frozenset(
        _plain(w) for w in (*lexicon.not_name_words, *lexicon.organisation_heads, *lexicon.role_heads, *STOP_WORDS)
    )

    def fuller(person: Attendance) -> Attendance:
        split = _split(person.name)
        if split is None or surnames[_plain(person.name.split()[-1])] > 1:
            return person
        listed, surname = split
        agreeing = [
            f
            for f in _fuller_forms(doc, surname, titles, excluded)
            if _plain(f)[:1] == _plain(listed)[:1] or not listed
        ]
        firsts = {_plain(f): f for f in agreeing if len(f.rstrip(".")) > 1}
        initials = {_plain(f): f for f in agreeing if len(f.rstrip(".")) == 1 and not listed}
        choice = firsts or initials  # a first name says more than an initial
        return replace(person, name=f"{choice.popitem()[1]} {surname}") if len(choice) == 1 else person

    return tuple(fuller(person) for person in attendance)


def ranks_named(doc: Doc, attendance: tuple[Attendance, ...], gazetteer: Gazetteer) -> tuple[Attendance, ...]:
    """The attendance with each person listed without a post given the rank the minutes put before
    their name elsewhere, when they give one only ("preferably Inspector Bob Anderson, a senior
    officer"), and with it the rank's organisation where the list gave none."""
    keys = {name_key(a.name): i for i, a in enumerate(attendance) if not a.posts and len(a.name.split()) > 1}
    found: dict[int, set[str]] = {}
    for ent in doc.ents:
        ident = gazetteer_id(ent)
        if ent.label_ != POST or not ident or not gazetteer.posts[ident[1]].rank:
            continue
        for size in (2, 3):
            person = keys.get(name_key(doc[ent.end : ent.end + size].text))
            if person is not None:
                found.setdefault(person, set()).add(ident[1])
    named = list(attendance)
    for person, ranks in found.items():
        if len(ranks) == 1:
            rank = gazetteer.posts[ranks.pop()]
            org = attendance[person].organisation or (
                OrganisationRef(name=gazetteer.organisations[rank.organisation].name, id=rank.organisation)
                if rank.organisation
                else None
            )
            post = PostRef(name=rank.name, id=rank.id, organisation_id=rank.organisation)
            named[person] = replace(attendance[person], posts=(post,), organisation=org)
    return tuple(named)
