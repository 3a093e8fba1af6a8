"""Attendee lists: people with their honorific, posts, organisation and status, in any layout.

Lists come one person a line ("DAC Alexis Boon, MPS"), as "Name (XX) Role, Org", as
"Name - Org - Role", or run on with no separator between people at all. The parser reads the
gazetteer entities the spaCy pipeline marked (organisations, posts, honorifics) and the words
between them, and builds people left to right: a name opens a person; what follows attaches to
that person; a rank or honorific directly before a name belongs to the name after it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from .actors import attendee_named
from .entities import text_of
from .entry_pieces import LINKING, Piece, list_pieces
from .gazetteer import HONORIFIC, ORG, POST, Gazetteer
from .layout import AttendanceBlock, Membership
from .lexicon import Lexicon
from .names import initials, name_key
from .nlp import gazetteer_id
from .records import Attendance, OrganisationRef, PostRef, Span, Status

__all__ = ["OPENING_MOST", "parse_attendees", "people_named", "with_chair_named"]

# "The Meeting was Chaired by Kenny Combe.", "The meeting was presided over by Cllr Ryan", "Cllr A Smith
# took the chair", "Sean Lynch (in the chair)": who chaired, in the opening's words. The phrase is
# found first and the name read from the words beside it (a pattern reaching back for a name from
# every letter of a long line took seconds).
_CHAIR_PHRASE = re.compile(
    r"\bmeeting\s+(?:was\s+)?(?:chaired|presided\s+over)\s+by\s+(?P<after>[^.,;:()\n]{1,80})"
    r"|\s+(?:\(in the chair\)|(?:was\s+)?in the chair\b|took the chair\b)",
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'\u2019.-]*\s+){0,4}[A-Z][\w'\u2019-]*)\s*$")
# Where a sentence naming the chair is looked for when the minutes number no items.
OPENING_MOST = 5000


@dataclass
class _Draft:
    """A person being assembled; frozen into an Attendance at the end."""

    name: Piece
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
        pieces = list_pieces(doc, span.start, span.end, block.soft_breaks, gazetteer, lexicon)
        named = _heading_organisation(block.qualifier, gazetteer)
        for draft in _assemble(doc, pieces, block, gazetteer, lexicon):
            if named and not draft.organisations:  # "GARDA NOMINATIONS :" names where its people come from
                draft.organisations.append(OrganisationRef(name=gazetteer.organisations[named].name, id=named))
            if _member(block.members, draft, gazetteer) and body is not None:
                draft.organisations.append(_represented(body, lexicon))
            if block.post and not draft.posts:  # the heading's post says least: "Trustees present: Jane Doe (Chair)"
                draft.posts.append(_labelled_post(block.post, None, gazetteer))
            person = _freeze(doc, draft, gazetteer)
            key = name_key(person.name)
            people[key] = _merge(people[key], person) if key in people else person
    return tuple(_fuller_posts(doc, list(people.values()), gazetteer))


def with_chair_named(text: str, attendance: tuple[Attendance, ...], gazetteer: Gazetteer) -> tuple[Attendance, ...]:
    """The attendance with the chair of the meeting, as a sentence of the opening ``text`` names
    them, holding the post of chair (unless the list gave them one already)."""
    chair = gazetteer.posts.get("chair")
    if chair is None or not attendance:
        return attendance
    not_name = gazetteer.role_words | {"the", "by"}
    for found in _CHAIR_PHRASE.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, found.start() - 80), found.start())
        words = (found.group("after") or (before.group(1) if before else "")).split()
        name = [w for w in words if w.casefold().rstrip(".") not in not_name]
        person = attendee_named(" ".join(name), attendance, titled=len(name) < len(words)) if name else None
        if person is not None and not attendance[person].posts:
            chairing = replace(attendance[person], posts=(PostRef(name=chair.name, id=chair.id),))
            return (*attendance[:person], chairing, *attendance[person + 1 :])
    return attendance


def _represented(body: OrganisationRef, lexicon: Lexicon) -> OrganisationRef:
    """The organisation the members of the body that met represent: the foundation or company whose
    "Board of Directors" (of Trustees, of Governors) it is, else the body itself ("Finance Committee
    of the Board of Trustees" stays the committee)."""
    words = body.name.split()
    owner = [w.casefold() for w in words[:-3]]
    if (
        len(owner) >= 2
        and [w.casefold() for w in words[-3:-1]] == ["board", "of"]
        and words[-1].casefold() in lexicon.plural_posts
        and owner[-1] not in LINKING
        and not lexicon.body_words.intersection(owner)
    ):
        return OrganisationRef(name=" ".join(words[:-3]))
    return OrganisationRef(name=body.name, id=body.id)


def _heading_organisation(qualifier: str | None, gazetteer: Gazetteer) -> str | None:
    """The organisation a list's heading names its people by ("MPS officers"), or names through
    their rank ("GARDA NOMINATIONS": gardaí are An Garda Síochána's). A council the gazetteer knows
    by a place's name alone is no such heading ("Sutton officers" may be anyone's Sutton)."""
    if not qualifier:
        return None
    org = gazetteer.organisation_named(qualifier)
    if org is not None and gazetteer.organisations[org].kind != "council":
        return org
    ranks = (
        p for p in gazetteer.posts.values() if p.rank and qualifier in {n.casefold() for n in (p.name, *p.aliases)}
    )
    return next((p.organisation for p in ranks if p.organisation), None)


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


def _assemble(
    doc: Doc, pieces: list[Piece], block: AttendanceBlock, gazetteer: Gazetteer, lexicon: Lexicon
) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    on_line = False  # a person has been opened on the current line
    pending: list[Piece] = []  # attributes written before the name they belong to ("Chair: Cllr A Smith")
    titles: list[Piece] = []  # "Chief Superintendent (Mr. G. Roche)": a rank and an honorific
    for k, p in enumerate(pieces):
        if p.kind == "newline":
            on_line, pending, titles = False, [], []
        elif p.kind == "name" and block.one_per_line and on_line and pieces[k - 1].kind == "comma" and not p.ref:
            # One person a line: a name after the comma is their organisation's ("Talk About Local"),
            # unless a plural title before makes the line a list ("Councillors Peter Brown, Amina Khan").
            current.organisations.append(
                OrganisationRef(name=doc[p.start : p.end].text, span=_span(doc, p.start, p.end))
            )
            current.end = p.end
        elif (
            p.kind == "name"
            and current is not None
            and on_line
            and _in_brackets_after(doc, pieces, k, current, lexicon)
        ):
            _attach(doc, current, Piece("other", p.start, p.end), None, gazetteer, lexicon)  # "(Libraries Innovation
            current.end = p.end  # and Development manager)": what the person before does, no one new
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
        elif p.kind == POST and not gazetteer.posts[p.ref].office and _opens_entry(pieces, k):
            # "..., City Attorney Sandra Bell": the post of the name after it. Not an office of the
            # meeting, which run-on lists write after the name ("Sadiq Khan, Mayor of London, Chair Sophie Linden").
            pending.append(p)
        elif p.kind == "other" and (
            _qualifies_title(pieces, k, gazetteer)
            or _names_bracketed(pieces, k)
            and (current is None or not on_line or current.posts or current.organisations)
        ):
            pending.append(p)  # "Cllr J Stocking, Borough Cllr C Sampson": the word is the next person's
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


def _qualifies_title(pieces: list[Piece], k: int, gazetteer: Gazetteer) -> bool:
    """Words after a separator and right before a title that opens the next person ("Borough" of
    ", Borough Cllr C Sampson", "County" of ", County Cllr M Storey")."""
    after = pieces[k + 1] if k + 1 < len(pieces) else None
    return (
        k > 0
        and pieces[k - 1].kind in ("comma", "newline", "gap")
        and after is not None
        and after.kind in (HONORIFIC, POST)
        and after.start == pieces[k].end
        and _is_title(after, pieces[k + 2 : k + 4], gazetteer)
        and k + 2 < len(pieces)
        and pieces[k + 2].kind == "name"  # not "Office of the Senior Presiding Judge", "Our Lady of Lourdes"
    )


def _in_brackets_after(doc: Doc, pieces: list[Piece], k: int, draft: _Draft, lexicon: Lexicon) -> bool:
    """A name-like run that opens a bracket straight after a person's name, with no title, and goes
    on as a role or an organisation ("(Libraries Innovation and Development manager)"); not a name
    ("(Jane Brown deputising)", "(Bob)")."""
    if not (k > 1 and pieces[k - 1].kind == "open" and pieces[k - 2] == draft.name and not pieces[k].ref):
        return False
    after = pieces[k + 1] if k + 1 < len(pieces) else None
    heads = lexicon.role_heads | lexicon.organisation_heads
    goes_on = after is not None and after.kind == "other" and after.start == pieces[k].end
    return goes_on and any(t.lower_ in heads for t in doc[after.start : after.end])


def _names_bracketed(pieces: list[Piece], k: int) -> bool:
    """A role or organisation after a separator, written before the name it belongs to in brackets,
    as ranks are ("Superintendent (Mr. D. Smart)"): "Senior Crime & Policing Analyst (Ms. L. Breen)"."""
    following = [q.kind for q in pieces[k + 1 : k + 3]]
    return (
        k > 0
        and pieces[k - 1].kind in ("comma", "close", "newline", "gap")
        and following[:1] == ["open"]
        and (following[1:] in (["name"], [HONORIFIC]))
    )


def _own_initials(doc: Doc, p: Piece, draft: _Draft) -> bool:
    """ "KC" after Kenny Combe, "(AWa)" after Andy Warburton: the document's key for that person,
    which wins over any gazetteer reading of the letters (CC is not a Chief Constable here)."""
    letters = re.sub(r"[^A-Za-z]", "", doc[p.start : p.end].text)
    if not 1 < len(letters) <= 4 or not letters[:2].isupper():
        return False
    capitals = "".join(c for c in letters if c.isupper())
    spelled = initials(doc[draft.name.start : draft.name.end].text)
    return len(spelled) > 1 and capitals in (spelled, spelled[0] + spelled[-1])


def _is_title(p: Piece, following: list[Piece], gazetteer: Gazetteer) -> bool:
    """An honorific, or a rank written straight before a name ("DAC Alexis Boon") or before the
    name in brackets ("Chief Superintendent (Mr. G. Roche)")."""
    if p.kind == HONORIFIC:
        return True
    if not following or not gazetteer.posts[p.ref].rank:
        return False
    if following[0].kind == "open" and len(following) > 1:
        return following[1].kind in ("name", HONORIFIC)
    return following[0].kind in ("name", HONORIFIC) and following[0].start == p.end


def _opens_entry(pieces: list[Piece], k: int) -> bool:
    """A piece that starts an entry (after a comma, a line break or the heading) and runs straight
    into a name: it is that name's."""
    before = pieces[k - 1].kind if k > 0 else "newline"
    after = pieces[k + 1] if k + 1 < len(pieces) else None
    return (
        before in ("comma", "newline") and after is not None and after.kind == "name" and after.start == pieces[k].end
    )


def _take_honorific(doc: Doc, draft: _Draft, p: Piece, gazetteer: Gazetteer) -> None:
    text = doc[p.start : p.end].text
    if p.kind == HONORIFIC:
        draft.honorific = gazetteer.honorific(text)
    else:
        draft.honorific = text
        draft.posts.append(_post_ref(doc, p, gazetteer))


def _is_initials(doc: Doc, pieces: list[Piece], k: int, draft: _Draft) -> bool:
    """ "(SL)" or "CW)" after Sophie Linden or Claire Waxman: the person's initials, not an organisation."""
    p = pieces[k]
    text = doc[p.start : p.end].text.strip("()")
    if p.kind != "other" or not (1 < len(text) <= 4 and text.isupper() and text.isalpha()):
        return False
    bracketed = any(0 <= j < len(pieces) and pieces[j].kind in ("open", "close") for j in (k - 1, k + 1))
    name = doc[draft.name.start : draft.name.end].text.split()
    # The first letter is the first name's and the last one of the surname's capitals ("(SL)", "(JAT)",
    # "(MOB)" for Mary O'Brien): "Stephen Taylor (SCC)" names a council.
    return bracketed and text[0] == name[0][:1] and text[-1] in re.findall(r"[A-Z]", name[-1])


def _labelled_post(label: str, span: Span | None, gazetteer: Gazetteer) -> PostRef:
    """The post a label names ("IN THE CHAIR :", "Cathaoirleach:", "(minute taker)"): the gazetteer's
    where it knows the words, the chair's where the label says who chaired, else as written."""
    key = " ".join(label.casefold().split())
    chaired = key in ("in the chair", "chaired by")
    known = gazetteer.posts_by_name.get(key) or (gazetteer.posts.get("chair") if chaired else None)
    if known is None:
        return PostRef(name=" ".join(label.split()), span=span)
    return PostRef(name=known.name, id=known.id, organisation_id=known.organisation, span=span)


def _qualified(doc: Doc, span: Span) -> bool:
    """A capitalised word written right before the post, on its line ("Town Mayor")."""
    words = text_of(doc)[max(0, span.start - 40) : span.start].split("\n")[-1].split()
    return bool(words) and words[-1][:1].isupper() and words[-1][-1:].isalnum()


def _post_ref(doc: Doc, p: Piece, gazetteer: Gazetteer) -> PostRef:
    post = gazetteer.posts[p.ref]
    return PostRef(name=post.name, id=post.id, organisation_id=post.organisation, span=_span(doc, p.start, p.end))


def _fuller_posts(doc: Doc, people: list[Attendance], gazetteer: Gazetteer) -> list[Attendance]:
    """A post the list writes short ("Sadiq Khan (SK) Mayor") is the one post of that name of a
    place or body the minutes name elsewhere ("Mayor of London"), when one person holds it: two
    deputy mayors are not both the Deputy Mayor for Policing and Crime. "Mayor Pro Tem" is another post."""
    named = doc.user_data.get("minutes_graph.posts_named")
    if named is None:  # read once a document: guests' words are read as lists too
        named = {ref[1] for e in doc.ents if e.label_ == POST and (ref := gazetteer_id(e))}
        doc.user_data["minutes_graph.posts_named"] = named
    # Only a post written bare: "Town Mayor" is no Mayor of London, whatever else the minutes discuss.
    held = Counter(p.id for a in people for p in a.posts if p.id and p.span and not _qualified(doc, p.span))
    fuller = {}
    for ident, holders in held.items():
        short = re.escape(gazetteer.posts[ident].name)
        found = [n for n in named if re.match(rf"{short}\s+(?:of|for)\s", gazetteer.posts[n].name)]
        if holders == 1 and len(found) == 1:
            fuller[ident] = gazetteer.posts[found[0]]

    def full(post: PostRef) -> PostRef:
        known = fuller.get(post.id)
        return replace(post, name=known.name, id=known.id, organisation_id=known.organisation) if known else post

    def organisation(a: Attendance) -> OrganisationRef | None:
        owner = next((fuller[p.id].organisation for p in a.posts if p.id in fuller), None)
        if a.organisation is not None or owner is None:
            return a.organisation
        return OrganisationRef(name=gazetteer.organisations[owner].name, id=owner)

    return [replace(a, posts=tuple(map(full, a.posts)), organisation=organisation(a)) for a in people]


def _org_ref(doc: Doc, p: Piece, gazetteer: Gazetteer) -> OrganisationRef:
    span = _span(doc, p.start, p.end)
    if p.kind == ORG:
        return OrganisationRef(name=gazetteer.organisations[p.ref].name, id=p.ref, span=span)
    return OrganisationRef(name=span.text, span=span)


def _qualify_post(doc: Doc, draft: _Draft, post_piece: Piece, words: Piece, suffix: str) -> None:
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


def _attach(doc: Doc, draft: _Draft, p: Piece, previous: Piece | None, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
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
    text = doc[p.start : p.end].text.strip(" -,")
    if not any(t.text[:1].isupper() for t in words):
        # Lower-case remarks say nothing of the person ("(by phone)"), but for a post's label
        # ("(minute taker)", "(minutes)").
        if " ".join(text.casefold().split()) in lexicon.post_labels:
            draft.posts.append(_labelled_post(text, _span(doc, p.start, p.end), gazetteer))
        return
    folded = [t.text.casefold() for t in words]
    follows_post = previous is not None and previous.kind == POST and previous.end == p.start and draft.posts
    if follows_post and folded[0] in LINKING:
        # "Chair of VAWG Board": the post is in the organisation that follows.
        _qualify_post(doc, draft, previous, p, f" {text}")
        if any(w in lexicon.organisation_heads for w in folded):
            org_words = doc[p.start : p.end]
            start = next(t.i for t in org_words if t.text.casefold() not in LINKING)
            draft.organisations.append(OrganisationRef(name=doc[start : p.end].text, span=_span(doc, start, p.end)))
        return
    if follows_post:
        # "DCCP Homicide & RASSO North": a qualifier of the post before it.
        _qualify_post(doc, draft, previous, p, f", {text}")
        return
    if _names_organisation(folded, lexicon) or (folded[0] in ("of", "from") and len(folded) > 1):
        text = re.sub(r"^(?:of|from|for|at)\s+(?:the\s+)?", "", text)  # "Mr Ian Hay of Highways England"
        known = gazetteer.find_by_tail(text)
        name = gazetteer.organisations[known].name if known else text
        draft.organisations.append(OrganisationRef(name=name, id=known, span=_span(doc, p.start, p.end)))
    elif text:
        draft.posts.append(PostRef(name=text, span=_span(doc, p.start, p.end)))


def _names_organisation(folded: list[str], lexicon: Lexicon) -> bool:
    """An organisation's name, not a post: its first word is an organisation's, before "of" or the
    like, or its last word is ("Victim Commissioner's Office"), or it is one word that names no post ("Honestlyreal"); a post named after its
    organisation stays a post ("Clerk to the Board", "Head of London Partnerships")."""
    words = [w for w in folded if w not in {"'s", "'"}]
    if not words:
        return False
    if len(words) > 2 and words[0] in lexicon.organisation_heads and words[1] in LINKING:
        return True  # "Office of the Senior Presiding Judge", "Ministry of Justice"
    roles = [k for k, w in enumerate(words) if w in lexicon.role_heads]
    if roles and (len(words) == 1 or roles[0] + 1 < len(words) and words[roles[0] + 1] in LINKING):
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
        posts=tuple(replace(p, name=" ".join(p.name.split())) for p in draft.posts),
        organisation=(org := _best_organisation(draft, gazetteer)) and replace(org, name=" ".join(org.name.split())),
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
