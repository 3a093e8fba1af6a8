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

__all__ = ["find_body"]

_OF_THE = re.compile(r"\bmeeting of (?:the )?(?P<name>[A-Z][\w&',\- ]+?)(?= held\b| on\b| at\b|,|$)", re.I)
_BEFORE_DATE = re.compile(r"\s+-\s+|\s+\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}|\b(?:meeting|minutes)\b", re.I)


def _known(ent, gazetteer: Gazetteer) -> OrganisationRef:
    ident = gazetteer_id(ent)[1]
    return OrganisationRef(gazetteer.organisations[ident].name, ident, Span(ent.start_char, ent.end_char, ent.text))


def _named(text: str, start: int) -> OrganisationRef:
    name = text.title() if text.isupper() else text
    return OrganisationRef(name, None, Span(start, start + len(text), text))


def _from_title(title: Line) -> OrganisationRef | None:
    if m := _OF_THE.search(title.text):
        return _named(m["name"].strip(), title.start + m.start("name"))
    name = _BEFORE_DATE.split(title.text)[0]
    name = re.sub(r"^\s*(minutes of( the)?|agenda of( the)?)\s+", "", name, flags=re.I).strip(" -:,")
    if name and name[0].isupper() and len(name.split()) <= 10:
        return _named(name, title.start + title.text.index(name))
    return None


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
