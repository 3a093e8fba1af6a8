"""Who a phrase names at a given meeting: an attendee, the holder of a post, or an organisation."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from .entities import entities_in, entities_of, text_of
from .gazetteer import HONORIFIC, ORG, POST, Gazetteer
from .lexicon import load_lexicon
from .names import initials, name_key
from .nlp import gazetteer_id
from .records import Actor, Attendance
from .topics import load_keyphrase_words

__all__ = ["resolve_actor", "attendee_named", "introduced_names"]


def attendee_named(text: str, attendance: Sequence[Attendance], titled: bool = False) -> int | None:
    """The attendee whose full name or initials are ``text`` ("MW", "AWa", "JKM" for Jacob
    Kaplan-Moss), or whose first name it is when only one attendee has it ("Jacob"), or, after a
    title ("Councillor Athwal"), whose surname it is when only one attendee has it, or the one
    whose name agrees but for an initial ("S. Lynch" and Sean Lynch)."""
    key = name_key(text)
    for i, a in enumerate(attendance):
        if name_key(a.name) == key:
            return i
    if text.isalpha() and 1 < len(text) <= 4 and text[:2].isupper():
        # Initials, as the list gave them ("Tamara Barnett (TB)") or as the name spells them.
        given = [i for i, a in enumerate(attendance) if a.initials == text]
        spelled = [i for i, a in enumerate(attendance) if initials(a.name) == text.upper()]
        for found in (given, spelled):
            if len(found) == 1:
                return found[0]
    if len(key.split()) == 1 and text[:1].isupper() and not text.isupper():
        first = [i for i, a in enumerate(attendance) if len(a.name.split()) > 1 and name_key(a.name).split()[0] == key]
        if len(first) == 1 and not titled:
            return first[0]
    words = key.split()
    if titled and len(words) == 1:
        matches = [i for i, a in enumerate(attendance) if name_key(a.name).split()[-1:] == words]
        if len(matches) == 1:
            return matches[0]
    if len(words) > 1:
        # An initial for a first name, either way round: "Councillor S. Lynch" is the Sean Lynch of
        # the list, "Cllr Brian Jones" its B Jones, "P. Keller" the Keller of "Councillors Keller, ...".
        # A first name in full and a surname alone ("Mr John Collins" and Cllr Collins) may be two people.
        matches = [i for i, a in enumerate(attendance) if _initial_fits(words, name_key(a.name).split())]
        if len(matches) == 1:
            return matches[0]
    return None


def _initial_fits(written: list[str], listed: list[str]) -> bool:
    """One surname, and an initial on one side that begins the first name on the other."""
    if not listed or listed[-1] != written[-1]:
        return False
    initialled = all(len(w) == 1 for w in written[:-1])
    if len(listed) == 1:
        return initialled
    return (initialled or all(len(w) == 1 for w in listed[:-1])) and listed[0][0] == written[0][0]


def _holding(text: str, attendance: Sequence[Attendance]) -> int | None:
    """The one attendee listed with this post ("The Finance Manager updated...": Mandy Wilkinson,
    listed as "Mandy Wilkinson (Finance Manager)"), or else with a post it ends, when it ends in a
    word for a role ("the Commissioner": never "the Board" for a Chair of VAWG Board)."""
    key = _post_key(text)
    lexicon = load_lexicon()
    ends = bool(key) and key.split()[-1] in lexicon.role_heads

    def ending(post: str) -> bool:  # "the Commissioner": Police and Crime Commissioner, no Deputy Commissioner
        return ends and post.endswith(" " + key) and not set(post.split()) & lexicon.lesser_post_words

    for fits in (lambda post: post == key, ending):
        # "The Finance Manager"; then "the Commissioner" for the one Police and Crime Commissioner
        holders = [i for i, a in enumerate(attendance) if any(fits(_post_key(p.name)) for p in a.posts)]
        if holders:
            return holders[0] if len(holders) == 1 else None
    return None


def _post_key(name: str) -> str:
    """A post's name as two spellings of it share: "Senior Crime & Policing Analyst" and "senior crime
    and policing analyst"."""
    return " ".join(name.casefold().replace("&", " and ").split())


def _holder(post_id: str, name: str, attendance: Sequence[Attendance]) -> int | None:
    """The one attendee holding the post, or a more specific post of the same name ("Deputy Mayor"
    is the Deputy Mayor for Policing and Crime when only one deputy mayor is present)."""
    holders = [i for i, a in enumerate(attendance) if any(p.id == post_id for p in a.posts)]
    if not holders:
        holders = [i for i, a in enumerate(attendance) if any(p.name.startswith(name) for p in a.posts)]
    return holders[0] if len(holders) == 1 else None


# "Camilla Bailey (CB)": a name, then its initials in brackets; found from the brackets back, a
# cheap search of a long text.
_LETTERS = re.compile(r"\([A-Z]{2,4}\)")
_INTRODUCED = re.compile(r"\b([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,4})[ \t]*\(([A-Z]{2,4})\)$")
_NAME_REACH = 120


def _introduced(doc) -> dict[str, str]:
    """The initials the minutes give a guest in passing ("Camilla Bailey (CB) advised..."), so
    that "CB" later in the text is that guest; read once per document."""
    found = doc.user_data.get("minutes_graph.introduced")
    if found is None:
        found = {}
        text = text_of(doc)
        for letters in _LETTERS.finditer(text):
            m = _INTRODUCED.search(text, max(0, letters.start() - _NAME_REACH), letters.end())
            if m is None:
                continue
            words = m[1].split()  # the name is the words before the brackets that the letters spell
            spelled = (" ".join(words[i:]) for i in range(len(words) - 1))
            name = next((n for n in spelled if initials(n) == m[2]), None)
            if name and not any(w.casefold() in _things() for w in name.split()):  # not "Police Service (MPS)"
                found[m[2]] = name
        doc.user_data["minutes_graph.introduced"] = found
    return found


def introduced_names(doc) -> tuple[str, ...]:
    """The names the minutes give initials to in passing ("Camilla Bailey (CB)")."""
    return tuple(_introduced(doc).values())


def _is_name(phrase: SpacySpan) -> bool:
    """Words that read as a person's name after a title: a surname ("Mann" in "Cllr Mann"), or
    up to three capitalised words or initials ("Josh Morgan", "P. Van Meerbergen")."""
    words = [t.text for t in phrase]
    things = _things()
    return (
        0 < len(words) <= 4
        and _letters(words[-1]).isalpha()
        and not words[-1].isupper()
        and not _plural(phrase[-1])  # "Recruits" of "Garda Recruits"
        and all(w[:1].isupper() and _letters(w.rstrip(".")).isalpha() and w.casefold() not in things for w in words)
    )


def _stop(token) -> bool:
    """A word that names no one: a stop word, unless the tagger read it as a name ("Will Perrin")."""
    return token.is_stop and not (token.pos_ == "PROPN" and token.text[:1].isupper())


def _plural(token) -> bool:
    """A plural noun ("Recruits"), not a surname the NER knows as a name ("Evans", "Williams")."""
    return token.tag_ in ("NNS", "NNPS") and token.ent_type_ != "PERSON"


def _letters(word: str) -> str:
    """A name's letters, without the apostrophes and hyphens inside it (O'Dwyer, Weekes-Bernard)."""
    return re.sub(r"(?<=\w)['\u2019-](?=\w)", "", word)


@functools.cache
def _things() -> frozenset[str]:
    """Words that make a capitalised phrase a thing, not a name: "Review", "Board", "Items"."""
    lexicon = load_lexicon()
    return lexicon.not_name_words | lexicon.organisation_heads | lexicon.role_heads | load_keyphrase_words()["heads"]


def _full_name(doc, name: str) -> str:
    """The one full name the document gives a surname ("Trudy Mann" for "Cllr Mann"), or the
    name as written."""
    return name if " " in name else _named_in_full(doc, name, -1) or name


def _named_in_full(doc, word: str, position: int) -> str | None:
    """The one full name in the document whose first (``position`` 0) or last (-1) word this is."""
    names = {
        " ".join(e.text.split())
        for e in entities_of(doc)
        if e.label_ == "PERSON" and len(e) > 1 and e[position].text == word and all(t.text[:1].isupper() for t in e)
    }
    return names.pop() if len(names) == 1 else None


def resolve_actor(span: SpacySpan, attendance: Sequence[Attendance], gazetteer: Gazetteer) -> Actor | None:
    """The actor a noun phrase names: the document's own key first (initials an attendee is listed
    with, "CC" for Catherine Chisholm rather than the gazetteer's Chief Constable); then gazetteer
    posts, resolved to their holder at this meeting, and organisations."""
    own = span.text.strip(" .,:;()")
    if own.isalpha() and own[:2].isupper():
        if (person := attendee_named(own, attendance)) is not None:
            return Actor("person", attendance[person].name, attendance=person, via=span.text)
        if own in (introduced := _introduced(span.doc)):
            return Actor("person", introduced[own], via=span.text)
    for ent in entities_in(span.doc, span.start, span.end):
        ident = gazetteer_id(ent)
        if ident and ent.label_ == ORG:
            org = gazetteer.organisations[ident[1]]
            return Actor("organisation", org.name, org.id, via=ent.text)
        if ident and ent.label_ == POST:
            after = span.doc[ent.end : span.end]
            if len(after) and (person := attendee_named(after.text, attendance, titled=True)) is not None:
                return Actor("person", attendance[person].name, attendance=person, via=span.text)
            if len(after) and _is_name(after):  # "Inspector Cant", "Mayor Josh Morgan": not on the list
                return Actor("person", _full_name(span.doc, after.text), via=span.text)
            if len(after) and _plural(after[-1]):
                return None  # "three new Garda Recruits": people of that rank, no one named
            post = gazetteer.posts[ident[1]]
            holder = _holder(post.id, post.name, attendance)
            if holder is not None:
                return Actor("person", attendance[holder].name, attendance=holder, via=ent.text)
            # Named as the minutes name it ("Vice Chair", not the gazetteer's "Vice-Chair"): a post no
            # one at the meeting is listed with is known only by these words.
            written = re.sub(r"^(?:the|our)\s+", "", " ".join(ent.text.split()), flags=re.I)
            return Actor(
                "post", post.name if written.isupper() and len(written) > 5 else written, post.id, via=ent.text
            )
    plural = [t for t in span if gazetteer.plural_honorific(t.text)]  # "Councillors Alam and Dornan"
    titles = [t.i for t in span if t.ent_type_ in (HONORIFIC, POST) or t in plural]
    # The name follows the last title: "County Cllr Storey", "Borough Councillor Sampson".
    rest = span.doc[titles[-1] + 1 : span.end] if titles and titles[-1] + 1 < span.end else span
    words = [t for t in rest if not (t.ent_type_ == HONORIFIC or _stop(t) or t.is_punct or t in plural)]
    if not words:
        return None
    text = span.doc[words[0].i : words[-1].i + 1].text
    person = attendee_named(text, attendance, titled=bool(titles))
    if person is None:
        person = _holding(text, attendance)
    if person is not None:
        return Actor("person", attendance[person].name, attendance=person, via=span.text)
    if titles and _is_name(span.doc[words[0].i : words[-1].i + 1]):
        return Actor("person", _full_name(span.doc, text), via=span.text)  # "Cllr Mann", not on the list
    if len(words) == 1 and _is_name(span) and (full := _named_in_full(span.doc, text, 0)):
        return Actor("person", full, via=span.text)  # "Brian said", a guest named in full before
    lexicon = load_lexicon()
    # A name the NER found that no list explains: a person unless it reads as a thing ("Victim Bill").
    things = _things()
    if all(t.ent_type_ == "PERSON" and t.lower_ not in things for t in words) and len(words) >= 2:
        return Actor("person", text, via=span.text)
    # An organisation outside the gazetteer must say what it is: "Defence Community", "Local Authorities".
    head = words[-1].lower_
    if words[-1].text[:1].isupper() and (
        head in lexicon.organisation_heads
        or head.removesuffix("s") in lexicon.organisation_heads
        or head.removesuffix("ies") + "y" in lexicon.organisation_heads
    ):
        return Actor("organisation", text, via=span.text)
    return None
