"""Attendee lists: people with their honorific, posts, organisation and status, in any layout.

Lists come one person a line ("DAC Alexis Boon, MPS"), as "Name (XX) Role, Org", as
"Name - Org - Role", or run on with no separator between people at all. The parser reads the
gazetteer entities the spaCy pipeline marked (organisations, posts, honorifics) and the words
between them, and builds people left to right: a name opens a person; what follows attaches to
that person; a rank or honorific directly before a name belongs to the name after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from .gazetteer import HONORIFIC, ORG, POST, Gazetteer
from .layout import AttendanceBlock, Membership
from .lexicon import Lexicon
from .names import name_key
from .nlp import gazetteer_id
from .records import Attendance, OrganisationRef, PostRef, Span, Status

__all__ = ["parse_attendees", "people_named"]

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
_LINKING = {"of", "for", "the", "and", "&", "to", "in", "at", "on"}


@dataclass(frozen=True)
class _Piece:
    """Tokens ``start:end`` of the doc: a separator, a gazetteer entity, or words ("name"/"other")."""

    kind: str
    start: int
    end: int
    ref: str | None = None


@dataclass
class _Draft:
    """A person being assembled; frozen into an Attendance at the end."""

    name: _Piece
    status: Status
    honorific: str | None = None
    posts: list[PostRef] = field(default_factory=list)
    organisations: list[OrganisationRef] = field(default_factory=list)
    end: int = 0
    initials: str | None = None


def parse_attendees(
    doc: Doc,
    blocks: list[AttendanceBlock],
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    body: OrganisationRef | None = None,
) -> tuple[Attendance, ...]:
    """Every person in the attendance blocks of ``doc``, each once, in order of listing.

    A member of the meeting ``body`` (listed under "Present" or "Apologies", not "Also present"
    or "Guests") who names no organisation and bears no title represents that body; a councillor
    or an officer with a title may well come from another."""
    people: dict[str, Attendance] = {}
    for block in blocks:
        span = doc.char_span(block.start, block.end, alignment_mode="expand")
        if span is None:
            continue
        pieces = _pieces(doc, span.start, span.end, block.soft_breaks, gazetteer)
        pieces = _join_phrases(doc, _split_words(doc, pieces, lexicon), lexicon)
        for draft in _assemble(doc, pieces, block, gazetteer, lexicon):
            if _member(block.members, draft, gazetteer) and body is not None:
                draft.organisations.append(OrganisationRef(name=body.name, id=body.id))
            if block.post:  # the heading's post says least: "OFFICERS: Althea Loderick - Chief Executive"
                draft.posts.append(PostRef(name=block.post))
            person = _freeze(doc, draft, gazetteer)
            key = name_key(person.name)
            people[key] = _merge(people[key], person) if key in people else person
    return tuple(people.values())


def people_named(doc: Doc, start: int, end: int) -> tuple[Attendance, ...]:
    """Minutes with no list of people: the people the trained NER finds between ``start`` and
    ``end`` (their opening), each once, taken as present. Never worse than NER alone."""
    people: dict[str, Attendance] = {}
    for ent in doc.ents:
        words = ent.text.split()
        if ent.label_ == "PERSON" and start <= ent.start_char and ent.end_char <= end and len(words) > 1:
            if all(w[:1].isupper() for w in words):
                span = Span(ent.start_char, ent.end_char, ent.text)
                people.setdefault(name_key(ent.text), Attendance(name=" ".join(words), status="present", span=span))
    return tuple(people.values())


def _member(members: Membership, draft: _Draft, gazetteer: Gazetteer) -> bool:
    """A person of the body that met: listed as one of its members, naming no organisation of
    their own; under a heading that does not say "members", with no title either, and no post but
    an office of the body (its chair, its clerk)."""
    if draft.organisations or members == Membership.NONE:
        return False
    offices = all(p.id and gazetteer.posts[p.id].office for p in draft.posts)
    return members == Membership.ALL or (draft.honorific is None and offices)


def _separator(doc: Doc, tok: Token) -> str | None:
    if tok.is_space:
        if "\n" in tok.text:
            return "newline"
        return "gap" if len(tok.text) >= 2 else "space"  # a wide gap: a column or a table's cell
    kind = _SEPARATORS.get(tok.text)
    if kind == "dash" and tok.i > 0 and not doc[tok.i - 1].whitespace_ and not tok.whitespace_:
        return None  # a hyphen inside a word: Weekes-Bernard
    return kind


def _pieces(doc: Doc, start: int, end: int, soft_breaks: frozenset[int], gazetteer: Gazetteer) -> list[_Piece]:
    """Separators, gazetteer entities and runs of words; a line break at one of the ``soft_breaks``
    is a space ("Robert\nPreston" is one name), and "Cllrs" or "Councillors" is a plural title."""
    ents = {
        e.start: e
        for e in doc.ents
        if e.label_ in (ORG, POST, HONORIFIC) and gazetteer_id(e) and start <= e.start and e.end <= end
    }
    pieces: list[_Piece] = []
    i = start
    while i < end:
        if i in ents:
            ent = ents[i]
            pieces.append(_Piece(ent.label_, ent.start, ent.end, ent.ent_id_.partition(":")[2]))
            i = ent.end
            continue
        sep = _separator(doc, doc[i])
        if sep == "newline" and any(doc[i].idx + k in soft_breaks for k, c in enumerate(doc[i].text) if c == "\n"):
            sep = "space"
        plural = None if sep else gazetteer.plural_honorific(doc[i].text)
        if sep == "space":
            pass
        elif plural:
            pieces.append(_Piece("plural", i, i + 1, plural))
        elif sep:
            pieces.append(_Piece(sep, i, i + 1))
        elif pieces and pieces[-1].kind == "words" and (pieces[-1].end == i or _wrapped_break(doc, pieces[-1], i)):
            pieces[-1] = _Piece("words", pieces[-1].start, i + 1)  # the words go on, after a wrapped line too
        else:
            pieces.append(_Piece("words", i, i + 1))
        i += 1
    return pieces


def _wrapped_break(doc: Doc, words: _Piece, i: int) -> bool:
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


def _split_words(doc: Doc, pieces: list[_Piece], lexicon: Lexicon) -> list[_Piece]:
    """Cut each run of words into names (two to four name-like words) and other phrases.

    After a plural title ("Cllrs Alam, Bell, Dornan and Hutchison") every comma-separated word or
    two is a surname bearing that title, up to the one after "and"."""
    out: list[_Piece] = []
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
                out.extend(_Piece("name", s, e, plural) for s, e in surnames)
                if len(surnames) > 1 or doc[p.start].text.casefold() == "and":
                    plural = None
                continue
            plural = None
        names = list(_name_runs(doc, p.start, p.end, lexicon))
        pos = p.start
        for s, e in names:
            if s > pos:
                out.append(_Piece("other", pos, s))
            out.append(_Piece("name", s, e))
            pos = e
        if pos < p.end:
            out.append(_Piece("other", pos, p.end))
    return out


def _surnames(doc: Doc, p: _Piece, lexicon: Lexicon) -> list[tuple[int, int]] | None:
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
        if preceding not in _LINKING:  # "Head of London Partnerships" names no one
            for chunk in _chunks(run):
                yield chunk[0].start, chunk[-1].end
        i = j


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


def _join_phrases(doc: Doc, pieces: list[_Piece], lexicon: Lexicon) -> list[_Piece]:
    """ "Head of" + Met + "Prosecutions" is one role in an organisation, not a role and an organisation;
    so is "LCJB" + "Business Manager"."""
    out: list[_Piece] = []
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
            out.append(_Piece("other", p.start, nxt.end))  # "NHS" + "Wales Informatics Service": another body
            k += 2
            continue
        if (
            p.kind == ORG
            and nxt is not None
            and nxt.kind == "other"
            and nxt.start == p.end
            and any(t.text.casefold() in lexicon.role_heads for t in doc[nxt.start : nxt.end])
        ):
            out.append(_Piece("other", p.start, nxt.end, p.ref))
            k += 2
            continue
        if (
            p.kind == "other"
            and doc[p.end - 1].text.casefold() in _LINKING
            and nxt is not None
            and nxt.kind == ORG
            and nxt.start == p.end
        ):
            end, k = nxt.end, k + 2
            if k < len(pieces) and pieces[k].kind == "other" and pieces[k].start == end:
                end, k = pieces[k].end, k + 1
            out.append(_Piece("other", p.start, end, nxt.ref))
            continue
        out.append(p)
        k += 1
    return out


def _assemble(
    doc: Doc, pieces: list[_Piece], block: AttendanceBlock, gazetteer: Gazetteer, lexicon: Lexicon
) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    on_line = False  # a person has been opened on the current line
    pending: list[_Piece] = []  # attributes written before the name they belong to ("Chair: Cllr A Smith")
    titles: list[_Piece] = []  # "Chief Superintendent (Mr. G. Roche)": a rank and an honorific
    for k, p in enumerate(pieces):
        if p.kind == "newline":
            on_line, pending, titles = False, [], []
        elif p.kind == "name" and block.one_per_line and on_line and pieces[k - 1].kind == "comma":
            # One person a line: a name after the comma is their organisation's ("Talk About Local").
            current.organisations.append(
                OrganisationRef(name=doc[p.start : p.end].text, span=_span(doc, p.start, p.end))
            )
            current.end = p.end
        elif p.kind == "name":
            current = _Draft(name=p, status=block.status, end=p.end)
            drafts.append(current)
            on_line = True
            if p.ref:
                current.honorific = p.ref  # a surname after a plural title
            for title in titles:
                _take_honorific(doc, current, title, gazetteer)
            for q in pending:
                _attach(doc, current, q, None, gazetteer, lexicon)
            pending, titles = [], []
        elif current is not None and on_line and p.kind in (ORG, POST, "other") and _own_initials(doc, p, current):
            current.initials = doc[p.start : p.end].text.strip("()")
        elif p.kind in (HONORIFIC, POST) and _is_title(p, pieces[k + 1 : k + 3], gazetteer):
            titles.append(p)
        elif p.kind in (ORG, POST, "other"):
            previous = pieces[k - 1] if k > 0 else None
            if current is not None and on_line:
                if _is_initials(doc, pieces, k, current):
                    current.initials = doc[p.start : p.end].text.strip("()")
                else:
                    _attach(doc, current, p, previous, gazetteer, lexicon)
                    current.end = p.end
            else:
                pending.append(p)
    return drafts


def _own_initials(doc: Doc, p: _Piece, draft: _Draft) -> bool:
    """ "KC" after Kenny Combe, "(AWa)" after Andy Warburton: the document's key for that person,
    which wins over any gazetteer reading of the letters (CC is not a Chief Constable here)."""
    letters = re.sub(r"[^A-Za-z]", "", doc[p.start : p.end].text)
    if not 1 < len(letters) <= 4 or not letters[:2].isupper():
        return False
    capitals = "".join(c for c in letters if c.isupper())
    words = [w for w in re.split(r"[\s\-]+", doc[draft.name.start : draft.name.end].text) if w[:1].isalpha()]
    initials = "".join(w[0].upper() for w in words)
    return len(words) > 1 and capitals in (initials, initials[0] + initials[-1])


def _is_title(p: _Piece, following: list[_Piece], gazetteer: Gazetteer) -> bool:
    """An honorific, or a rank written straight before a name ("DAC Alexis Boon") or before the
    name in brackets ("Chief Superintendent (Mr. G. Roche)")."""
    if p.kind == HONORIFIC:
        return True
    if not following or not gazetteer.posts[p.ref].rank:
        return False
    if following[0].kind == "open" and len(following) > 1:
        return following[1].kind in ("name", HONORIFIC)
    return following[0].kind in ("name", HONORIFIC) and following[0].start == p.end


def _take_honorific(doc: Doc, draft: _Draft, p: _Piece, gazetteer: Gazetteer) -> None:
    text = doc[p.start : p.end].text
    if p.kind == HONORIFIC:
        draft.honorific = gazetteer.honorific(text)
    else:
        draft.honorific = text
        draft.posts.append(_post_ref(doc, p, gazetteer))


def _is_initials(doc: Doc, pieces: list[_Piece], k: int, draft: _Draft) -> bool:
    """ "(SL)" or "CW)" after Sophie Linden or Claire Waxman: the person's initials, not an organisation."""
    p = pieces[k]
    text = doc[p.start : p.end].text.strip("()")
    if p.kind != "other" or not (1 < len(text) <= 4 and text.isupper() and text.isalpha()):
        return False
    bracketed = any(0 <= j < len(pieces) and pieces[j].kind in ("open", "close") for j in (k - 1, k + 1))
    return bracketed and text[0] == doc[draft.name.start].text[0]


def _post_ref(doc: Doc, p: _Piece, gazetteer: Gazetteer) -> PostRef:
    post = gazetteer.posts[p.ref]
    return PostRef(name=post.name, id=post.id, organisation_id=post.organisation, span=_span(doc, p.start, p.end))


def _org_ref(doc: Doc, p: _Piece, gazetteer: Gazetteer) -> OrganisationRef:
    span = _span(doc, p.start, p.end)
    if p.kind == ORG:
        return OrganisationRef(name=gazetteer.organisations[p.ref].name, id=p.ref, span=span)
    return OrganisationRef(name=span.text, span=span)


def _qualify_post(doc: Doc, draft: _Draft, post_piece: _Piece, words: _Piece, suffix: str) -> None:
    """The draft's last post, named with the words written after it and spanning them too."""
    post = draft.posts.pop()
    draft.posts.append(
        PostRef(
            name=post.name + suffix,
            id=post.id,
            organisation_id=post.organisation_id,
            span=_span(doc, post_piece.start, words.end),
        )
    )


def _attach(
    doc: Doc, draft: _Draft, p: _Piece, previous: _Piece | None, gazetteer: Gazetteer, lexicon: Lexicon
) -> None:
    if p.kind == POST:
        draft.posts.append(_post_ref(doc, p, gazetteer))
        return
    if p.kind == ORG:
        draft.organisations.append(_org_ref(doc, p, gazetteer))
        return
    if p.ref:  # a role in a named organisation, joined by _join_phrases
        draft.posts.append(PostRef(name=doc[p.start : p.end].text, span=_span(doc, p.start, p.end)))
        org = gazetteer.organisations[p.ref]
        draft.organisations.append(OrganisationRef(name=org.name, id=org.id, span=_span(doc, p.start, p.end)))
        return
    words = [t for t in doc[p.start : p.end] if not t.is_punct or t.text == "&"]
    if not any(t.text[:1].isupper() for t in words):
        return  # lower-case remarks such as "(minutes)"
    text = doc[p.start : p.end].text.strip(" -,")
    folded = [t.text.casefold() for t in words]
    follows_post = previous is not None and previous.kind == POST and previous.end == p.start and draft.posts
    if follows_post and folded[0] in _LINKING:
        # "Chair of VAWG Board": the post is in the organisation that follows.
        _qualify_post(doc, draft, previous, p, f" {text}")
        if any(w in lexicon.organisation_heads for w in folded):
            org_words = doc[p.start : p.end]
            start = next(t.i for t in org_words if t.text.casefold() not in _LINKING)
            draft.organisations.append(OrganisationRef(name=doc[start : p.end].text, span=_span(doc, start, p.end)))
        return
    if follows_post:
        # "DCCP Homicide & RASSO North": a qualifier of the post before it.
        _qualify_post(doc, draft, previous, p, f", {text}")
        return
    if _names_organisation(folded, lexicon):
        known = gazetteer.find_by_tail(text)
        name = gazetteer.organisations[known].name if known else text
        draft.organisations.append(OrganisationRef(name=name, id=known, span=_span(doc, p.start, p.end)))
    elif text:
        draft.posts.append(PostRef(name=text, span=_span(doc, p.start, p.end)))


def _names_organisation(folded: list[str], lexicon: Lexicon) -> bool:
    """An organisation's name, not a post: its last word is an organisation's ("Victim Commissioner's
    Office"), or it is one word that names no post ("Honestlyreal"); a post named after its
    organisation stays a post ("Clerk to the Board", "Head of London Partnerships")."""
    words = [w for w in folded if w not in {"'s", "'"}]
    if not words:
        return False
    roles = [k for k, w in enumerate(words) if w in lexicon.role_heads]
    if roles and (len(words) == 1 or roles[0] + 1 < len(words) and words[roles[0] + 1] in _LINKING):
        return False
    if words[-1] in lexicon.organisation_heads:
        return True
    return not roles and (len(words) == 1 or any(w in lexicon.organisation_heads for w in words))


def _span(doc: Doc, start: int, end: int) -> Span:
    span = doc[start:end]
    return Span(span.start_char, span.end_char, span.text)


def _best_organisation(draft: _Draft, gazetteer: Gazetteer) -> OrganisationRef | None:
    """The first organisation named, or a part of it named later ("CPS, CPS North"), or the post's.

    An organisation the gazetteer knows wins over a phrase it does not ("Director, C&P, MOPAC").
    """
    best: OrganisationRef | None = None
    known = [org for org in draft.organisations if org.id]
    for org in known or draft.organisations:
        if best is None or (org.id and best.id and best.id in gazetteer.ancestors(org.id)[1:]):
            best = org
    if best is None:
        for post in draft.posts:
            if post.organisation_id:
                return OrganisationRef(name=gazetteer.organisations[post.organisation_id].name, id=post.organisation_id)
    return best


def _freeze(doc: Doc, draft: _Draft, gazetteer: Gazetteer) -> Attendance:
    name = _span(doc, draft.name.start, draft.name.end)
    whole = doc[draft.name.start : max(draft.end, draft.name.end)]
    return Attendance(
        name=" ".join(name.text.split()),
        status=draft.status,
        span=Span(whole.start_char, whole.end_char, whole.text),
        honorific=draft.honorific,
        posts=tuple(draft.posts),
        organisation=_best_organisation(draft, gazetteer),
        initials=draft.initials,
    )


def _merge(first: Attendance, again: Attendance) -> Attendance:
    """One person listed twice: keep the first listing, filling in what only the second says;
    apologies or an absence recorded anywhere win over a place in a list of those present."""
    return replace(
        first,
        status=again.status if first.status == "present" else first.status,
        honorific=first.honorific or again.honorific,
        posts=first.posts or again.posts,
        organisation=first.organisation or again.organisation,
        initials=first.initials or again.initials,
    )
