"""An attendee list cut into pieces: separators, gazetteer entities, names and the other words
between them, ready to be assembled into people (``extract.attendees``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .gazetteer import HONORIFIC, ORG, POST, Gazetteer
from .lexicon import Lexicon
from .nlp import gazetteer_id

__all__ = ["Piece", "LINKING", "list_pieces"]

_SEPARATORS = {
    ",": "comma",
    ";": "comma",
    "|": "comma",
    "(": "open",
    ")": "close",
    "[": "open",
    "]": "close",
    ":": "colon",
    "-": "dash",
    "\u2022": "dash",
    "*": "dash",
    "\u00b7": "dash",
    ".": "stop",
}
LINKING = {"of", "for", "the", "and", "&", "to", "in", "at", "on"}


@dataclass(frozen=True)
class Piece:
    """Tokens ``start:end`` of the doc: a separator, a gazetteer entity, or words ("name"/"other")."""

    kind: str
    start: int
    end: int
    ref: str | None = None


def list_pieces(
    doc: Doc, start: int, end: int, soft_breaks: frozenset[int], gazetteer: Gazetteer, lexicon: Lexicon
) -> list[Piece]:
    """Tokens ``start:end`` as pieces: separators (a line break at one of ``soft_breaks`` is a space),
    gazetteer entities, names, and other phrases, with a role in an organisation joined into one."""
    return _join_phrases(doc, _split_words(doc, _pieces(doc, start, end, soft_breaks, gazetteer), lexicon), lexicon)


def _separator(doc: Doc, tok: Token) -> str | None:
    if tok.is_space:
        if "\n" in tok.text:
            return "newline"
        return "gap" if len(tok.text) >= 2 else "space"  # a wide gap: a column or a table's cell
    kind = _SEPARATORS.get(tok.text)
    if kind == "dash" and tok.i > 0 and not doc[tok.i - 1].whitespace_ and not tok.whitespace_:
        return None  # a hyphen inside a word: Weekes-Bernard
    return kind


def _pieces(doc: Doc, start: int, end: int, soft_breaks: frozenset[int], gazetteer: Gazetteer) -> list[Piece]:
    """Separators, gazetteer entities and runs of words; a line break at one of the ``soft_breaks``
    is a space ("Robert\nPreston" is one name), and "Cllrs" or "Councillors" is a plural title."""
    ents = {
        e.start: e
        for e in doc.ents
        if e.label_ in (ORG, POST, HONORIFIC) and gazetteer_id(e) and start <= e.start and e.end <= end
    }
    pieces: list[Piece] = []
    i = start
    while i < end:
        if i in ents and not _ends_phrase(doc, ents[i], pieces, end):
            ent = ents[i]
            pieces.append(Piece(ent.label_, ent.start, ent.end, ent.ent_id_.partition(":")[2]))
            i = ent.end
            continue
        sep = _separator(doc, doc[i])
        if sep == "newline" and any(doc[i].idx + k in soft_breaks for k, c in enumerate(doc[i].text) if c == "\n"):
            sep = "space"
        plural = None if sep else gazetteer.plural_honorific(doc[i].text)
        wide = None if sep or i + 1 >= end else gazetteer.plural_honorific(doc[i : i + 2].text)
        if sep == "space":
            pass
        elif wide:  # "Council Members Maria Lopez, James Carter and Ruth Kim"
            pieces.append(Piece("plural", i, i + 2, wide))
            i += 2
            continue
        elif plural:
            pieces.append(Piece("plural", i, i + 1, plural))
        elif sep:
            pieces.append(Piece(sep, i, i + 1))
        elif pieces and pieces[-1].kind == "words" and (pieces[-1].end == i or _wrapped_break(doc, pieces[-1], i)):
            pieces[-1] = Piece("words", pieces[-1].start, i + 1)  # the words go on, after a wrapped line too
        else:
            pieces.append(Piece("words", i, i + 1))
        i += 1
    return pieces


def _ends_phrase(doc: Doc, ent, pieces: list[Piece], end: int) -> bool:
    """A title that ends the words before it, before no name: the "Judge" of "Office of the Senior
    Presiding Judge" is a word of that office's name, not the title of a person after it."""
    after = next((t for t in doc[ent.end : end] if not t.is_space or "\n" in t.text), None)
    return (
        ent.label_ == HONORIFIC
        and bool(pieces)
        and pieces[-1].kind == "words"
        and pieces[-1].end == ent.start
        and (after is None or _separator(doc, after) is not None)
    )


def _wrapped_break(doc: Doc, words: Piece, i: int) -> bool:
    """Only a line break (read as a space) lies between the words and token ``i``."""
    return words.end == i - 1 and doc[i - 1].is_space and "\n" in doc[i - 1].text


def _name_like(tok: Token, lexicon: Lexicon) -> bool:
    text = tok.text
    if text.casefold() in lexicon.not_name_words | lexicon.organisation_heads | lexicon.role_heads:
        return False
    if len(text) == 1 or (len(text) == 2 and text[1] == "."):
        return text[0].isupper()  # an initial: "D Clements", "G. Roche"
    letters = text.replace("'", "").replace("\u2019", "")
    if letters.isalpha() and text[0].lower() == text[0].upper():
        return True  # a script without capitals (李明): every word may be a name
    return text[0].isupper() and letters.isalpha() and not letters.isupper()


def _split_words(doc: Doc, pieces: list[Piece], lexicon: Lexicon) -> list[Piece]:
    """Cut each run of words into names (two to four name-like words) and other phrases.

    After a plural title ("Cllrs Alam, Bell, Dornan and Hutchison") every comma-separated word or
    two is a surname bearing that title, up to the one after "and"."""
    out: list[Piece] = []
    plural: str | None = None
    for p in pieces:
        if p.kind == "plural":
            plural = p.ref
            continue
        if p.kind != "words":
            out.append(p)
            if p.kind not in ("comma", "gap"):
                plural = None
            continue
        if plural is not None:
            surnames = _surnames(doc, p, lexicon)
            if surnames is not None:
                out.extend(Piece("name", s, e, plural) for s, e in surnames)
                if len(surnames) > 1 or doc[p.start].text.casefold() == "and":
                    plural = None
                continue
            plural = None
        names = list(_name_runs(doc, p.start, p.end, lexicon))
        pos = p.start
        for s, e in names:
            if s > pos:
                out.append(Piece("other", pos, s))
            out.append(Piece("name", s, e))
            pos = e
        if pos < p.end:
            out.append(Piece("other", pos, p.end))
    return out


def _surnames(doc: Doc, p: Piece, lexicon: Lexicon) -> list[tuple[int, int]] | None:
    """Token ranges of the surnames in "Dornan and Hutchison" or "Ó Ceallaigh"; None if a part is no name."""
    parts, start = [], p.start
    for i in range(p.start, p.end + 1):
        if i == p.end or doc[i].text.casefold() == "and":
            if i > start:
                parts.append((start, i))
            start = i + 1
    for s, e in parts:
        words = [t for t in doc[s:e] if not t.is_space]
        if not words or len(words) > 2 or not all(_name_like(t, lexicon) for t in words):
            return None
    return parts


@dataclass(frozen=True)
class _Word:
    """Tokens ``start:end`` that read as one word: a hyphen with no spaces joins (Loseby-Morris)."""

    start: int
    end: int
    text: str
    name_like: bool


def _words(doc: Doc, start: int, end: int, lexicon: Lexicon) -> list[_Word]:
    words: list[_Word] = []
    i = start
    while i < end:
        if doc[i].is_space:
            i += 1
            continue
        j = i + 1
        while j + 1 < end and doc[j].text in {"-", "'"} and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
            j += 2
        parts = [doc[k] for k in range(i, j, 2)]
        like = all(_name_like(t, lexicon) for t in parts) and (j - i == 1 or len(parts[0].text) > 1)
        words.append(_Word(i, j, doc[i:j].text, like))
        i = j
    return words


def _name_runs(doc: Doc, start: int, end: int, lexicon: Lexicon):
    """Token ranges of the person names in a run of words."""
    words = _words(doc, start, end, lexicon)
    named_before = -1  # the index of the last word of the last name yielded
    i = 0
    while i < len(words):
        if not words[i].name_like:
            i += 1
            continue
        j = i
        while j < len(words) and words[j].name_like:
            j += 1
        run = words[i:j]
        following = words[j].text.casefold() if j < len(words) else ""
        if following in lexicon.organisation_heads | lexicon.role_heads | {"'", "'s"}:
            run = run[:-1]  # the last word qualifies what follows: "Leapwise Consultancy", "Regional Director"
            if following in lexicon.organisation_heads and len(run) > 2 and doc.has_annotation("ENT_IOB"):
                # "Dina Pataki Leapwise Consultancy" holds a name; "Neath Port Talbot County Council" none.
                if not any(doc[k].ent_type_ == "PERSON" for w in run for k in range(w.start, w.end)):
                    run = []
        preceding = words[i - 1].text.casefold() if i > 0 else ""
        # "Head of London Partnerships" names no one; an "and" opening the words after a comma joins
        # two people ("..., and Steph Stearman, Business Liaison Co-ordinator").
        # "Carol White and Dan Brown": an "and" straight after a name joins two people too.
        joins = preceding == "and" and (named_before == i - 2 or (i == 1 and _after_comma(doc, words[0].start)))
        if preceding not in LINKING or joins:
            for chunk in _chunks(run):
                yield chunk[0].start, chunk[-1].end
                named_before = i + len(run) - 1
        i = j


def _after_comma(doc: Doc, i: int) -> bool:
    """Token ``i`` comes after a comma (and perhaps spaces)."""
    while i > 0 and doc[i - 1].is_space:
        i -= 1
    return i > 0 and doc[i - 1].text == ","


def _uncased(word: _Word) -> bool:
    return word.text[0].lower() == word.text[0].upper() and len(word.text) > 1


def _chunks(run: list[_Word]) -> list[list[_Word]]:
    """Split a run of name-like words into names of two or three words (a middle initial makes three);
    in a script without capitals and spaces (李明) one word is a whole name."""
    if len(run) == 1 and _uncased(run[0]):
        return [run]
    if len(run) < 2:
        return []
    if len(run) <= 3:
        return [run]
    size = 3 if len(run[1].text.rstrip(".")) == 1 else 2
    rest = _chunks(run[size:])
    if len(run) - size == 1:
        return [run]
    return [run[:size], *rest]


def _join_phrases(doc: Doc, pieces: list[Piece], lexicon: Lexicon) -> list[Piece]:
    """ "Head of" + Met + "Prosecutions" is one role in an organisation, not a role and an organisation;
    so is "LCJB" + "Business Manager"."""
    out: list[Piece] = []
    k = 0
    while k < len(pieces):
        p = pieces[k]
        nxt = pieces[k + 1] if k + 1 < len(pieces) else None
        if (
            p.kind == ORG
            and nxt is not None
            and nxt.kind == "other"
            and nxt.start == p.end
            and doc[nxt.end - 1].text.casefold() in lexicon.organisation_heads
        ):
            out.append(Piece("other", p.start, nxt.end))  # "NHS" + "Wales Informatics Service": another body
            k += 2
            continue
        if (
            p.kind == ORG
            and nxt is not None
            and nxt.kind == "other"
            and nxt.start == p.end
            and any(t.text.casefold() in lexicon.role_heads for t in doc[nxt.start : nxt.end])
        ):
            out.append(Piece("other", p.start, nxt.end, p.ref))
            k += 2
            continue
        if (
            p.kind == "other"
            and doc[p.end - 1].text.casefold() in LINKING
            and nxt is not None
            and nxt.kind == POST
            and nxt.start == p.end
            and doc[p.start].text.casefold() in lexicon.organisation_heads
        ):
            out.append(Piece("other", p.start, nxt.end))  # "Office of the" + Police and Crime Commissioner
            k += 2
            continue
        if (
            p.kind == "other"
            and doc[p.end - 1].text.casefold() in LINKING
            and nxt is not None
            and nxt.kind == ORG
            and nxt.start == p.end
        ):
            end, k = nxt.end, k + 2
            if k < len(pieces) and pieces[k].kind == "other" and pieces[k].start == end:
                end, k = pieces[k].end, k + 1
            out.append(Piece("other", p.start, end, nxt.ref))
            continue
        out.append(p)
        k += 1
    return out
