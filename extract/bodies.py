"""The body that met: a known board, or the name the minutes give it ("Cabinet", "Police and Crime Panel")."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from .gazetteer import ORG, Gazetteer
from .layout import Line
from .lexicon import Lexicon
from .nlp import gazetteer_id
from .records import OrganisationRef, Span

__all__ = ["find_body", "body_from_file_name"]

_OF_THE = re.compile(r"\bmeeting of (?:the )?(?P<name>[A-Z][\w&',\- ]+?)(?= held\b| on\b| at\b|,|\s+-\s|\s+\d|$)", re.I)
_LEAD = re.compile(r"\s*(?:draft\s+)?(?:minutes|agenda)(?:\s+(?:of|for)(?:\s+(?:a|the))?)?\s+", re.I)
# Words that say what kind of meeting it was, not which body met: "DSF Board monthly meeting".
# So are the days of the week that come before a date ("Minutes - Wednesday 6th September 2023").
_KIND_OF_MEETING = {"open", "public", "special", "extraordinary", "ordinary", "annual", "monthly", "general", "regular"}
_KIND_OF_MEETING |= {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "held", "on"}
_GENERIC = {"board", "of", "the", "directors", "trustees", "governors", "management", "committee", "council"}
_BEFORE_DATE = re.compile(r"\s+-\s+|\s+\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}|\b(?:meeting|minutes)\b", re.I)


def _known(ent, gazetteer: Gazetteer) -> OrganisationRef:
    ident = gazetteer_id(ent)[1]
    return OrganisationRef(gazetteer.organisations[ident].name, ident, Span(ent.start_char, ent.end_char, ent.text))


def _named(text: str, start: int) -> OrganisationRef:
    name = " ".join((text.title() if text.isupper() else text).split())
    return OrganisationRef(name, None, Span(start, start + len(text), text))


def _from_title(title: Line) -> OrganisationRef | None:
    if m := _OF_THE.search(title.text):
        return _named(m["name"].strip(), title.start + m.start("name"))
    lead = _LEAD.match(title.text)
    offset = lead.end() if lead else 0
    words = _BEFORE_DATE.split(title.text[offset:])[0].strip(" -:,").split()
    while words and words[0].casefold() in _KIND_OF_MEETING:
        words.pop(0)
    while words and words[-1].casefold() in _KIND_OF_MEETING:
        words.pop()
    if not words or not words[0][0].isupper() or len(words) > 10:
        return None
    match = re.search(r"\s+".join(map(re.escape, words)), title.text[offset:])
    return _named(match.group(), title.start + offset + match.start())


def _with_owner(named: OrganisationRef, lines: list[Line], title: Line | None) -> OrganisationRef:
    """ "Board of Directors" alone names no one: the organisation whose board it is heads the page
    ("The Apache Software Foundation")."""
    if title is None or not set(named.name.casefold().split()) <= _GENERIC:
        return named
    first = next((line for line in lines if line.stripped), None)
    if (
        first is None
        or first.start >= title.start
        or len(first.stripped.split()) > 6
        or not first.stripped[0].isupper()
    ):
        return named
    return OrganisationRef(f"{first.stripped} {named.name}", None, named.span)


def body_from_file_name(source: str, lexicon: Lexicon) -> OrganisationRef | None:
    """Minutes saved under their body's name ("06_ayton-community-council_2025-05-06.txt"): the
    name, when it ends with a word that names a body."""
    stem = re.sub(r"\.[a-z0-9]+$", "", source.replace("\\", "/").rsplit("/", 1)[-1], flags=re.I)
    words = [w for w in re.split(r"[\W_]+", stem) if w.isalpha()]
    if len(words) < 2 or words[-1].casefold() not in lexicon.body_words | lexicon.organisation_heads:
        return None
    return OrganisationRef(" ".join(w.capitalize() if w.islower() else w for w in words))


def _from_heading(lines: list[Line], head_end: int, lexicon: Lexicon) -> OrganisationRef | None:
    """A short line before the list of people that ends in a body word: "CABINET", "Police and Crime Panel"."""
    words = lexicon.body_words | lexicon.organisation_heads
    for line in lines:
        if line.start >= head_end:
            break
        text = line.stripped
        if text and len(text.split()) <= 8 and text.split()[-1].casefold() in words and text[0].isupper():
            return _named(text, line.start + line.text.index(text))
    return None


def find_body(
    doc: Doc, lines: list[Line], title: Line | None, head_end: int, gazetteer: Gazetteer, lexicon: Lexicon
) -> OrganisationRef | None:
    """A gazetteer board in the title (else the opening); else the title's words ("meeting of the
    Cabinet"); else a heading line naming a body; else the board the whole text names most often.
    A council's cabinet or committee is named with its council ("London Borough of Southwark Cabinet")."""
    ents = [e for e in doc.ents if e.label_ == ORG and gazetteer_id(e)]
    boards = [e for e in ents if gazetteer.organisations[gazetteer_id(e)[1]].kind == "board"]
    for start, end in ((title.start, title.end) if title else (0, 0), (0, head_end)):
        if found := [e for e in boards if start <= e.start_char and e.end_char <= end]:
            return _known(found[0], gazetteer)
    named = (_from_title(title) if title else None) or _from_heading(lines, head_end, lexicon)
    if named is not None:
        named = _with_owner(named, lines, title)
    if named is None:
        if not boards:
            return None
        counts = Counter(gazetteer_id(e)[1] for e in boards)
        return _known(next(e for e in boards if gazetteer_id(e)[1] == counts.most_common(1)[0][0]), gazetteer)
    councils = [
        e for e in ents if e.end_char <= head_end and gazetteer.organisations[gazetteer_id(e)[1]].kind == "council"
    ]
    if councils and named.name.casefold() in lexicon.body_words | {"council", "full council"}:
        council = gazetteer.organisations[gazetteer_id(councils[0])[1]].name
        return OrganisationRef(f"{council} {named.name}", None, named.span)
    return named
