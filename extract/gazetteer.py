"""The gazetteer of organisations, posts and honorifics, loaded from the YAML data files."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources

import yaml

__all__ = ["Organisation", "Post", "Gazetteer", "load_gazetteer", "entity_patterns", "ORG", "POST", "HONORIFIC"]

ORG, POST, HONORIFIC = "ORG", "POST", "HONORIFIC"


@dataclass(frozen=True)
class Organisation:
    """An organisation of the gazetteer: ``aliases`` are other names it goes by (published with it),
    ``search_forms`` patterns the recogniser also tries that are no name of its own ("City of X")."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "organisation"
    part_of: str | None = None
    member_of: str | None = None
    succeeded_by: str | None = None
    search_forms: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the minutes may write it."""
        return (self.name, *self.aliases, *self.search_forms)


@dataclass(frozen=True)
class Post:
    """A post of the gazetteer; ``rank`` posts are also written as titles before a name."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    organisation: str | None = None
    rank: bool = False
    office: bool = False


@dataclass(frozen=True)
class Gazetteer:
    """Organisations, posts and honorifics by id, with the parent chain of each organisation."""

    organisations: dict[str, Organisation]
    posts: dict[str, Post]
    honorifics: tuple[tuple[str, ...], ...]
    place_kinds: frozenset[str] = frozenset()

    @functools.cached_property
    def _by_form(self) -> dict[str, str]:
        return {f.casefold(): o.id for o in self.organisations.values() for f in o.forms}

    def organisation_named(self, text: str) -> str | None:
        """The organisation written exactly so (ignoring case and spacing), or None."""
        return self._by_form.get(" ".join(text.split()).casefold())

    def can_act(self, org_id: str) -> bool:
        """False for courts, prisons and the like: places where things happen, not speakers."""
        return self.organisations[org_id].kind not in self.place_kinds

    def ancestors(self, org_id: str) -> list[str]:
        """The organisation and everything it is part of, a member of, or was succeeded by, nearest first."""
        chain, todo = [], [org_id]
        while todo:
            current = todo.pop(0)
            if current in chain or current not in self.organisations:
                continue
            chain.append(current)
            org = self.organisations[current]
            todo += [p for p in (org.part_of, org.member_of, org.succeeded_by) if p]
        return chain

    def find_by_tail(self, name: str) -> str | None:
        """The one organisation whose name ends with these words ("Criminal Justice Board" is the
        London Criminal Justice Board), or None when no name or several do."""
        words = name.casefold().split()
        if len(words) < 2:
            return None
        found = {
            org.id
            for org in self.organisations.values()
            for alias in org.forms
            if alias.casefold().split()[-len(words) :] == words
        }
        return found.pop() if len(found) == 1 else None

    def names(self, org_id: str) -> list[str]:
        """Every way the minutes may write the organisation."""
        return list(self.organisations[org_id].forms)

    @functools.cached_property
    def _spellings(self) -> dict[str, str]:
        """Each honorific as written (casefolded, no full stop) to its canonical spelling."""
        return {s.casefold().rstrip("."): spellings[0] for spellings in self.honorifics for s in spellings}

    @functools.cached_property
    def role_words(self) -> frozenset[str]:
        """The words posts and titles are written with, casefolded ("chief", "superintendent", "cllr")."""
        names = [n for p in self.posts.values() for n in (p.name, *p.aliases)] + list(self._spellings)
        return frozenset(w for n in names for w in re.split(r"[\s.-]+", n.casefold()) if w)

    @functools.cached_property
    def posts_by_name(self) -> dict[str, Post]:
        """Each post under its name and aliases, casefolded ("cathaoirleach" is the chair)."""
        return {n.casefold(): p for p in self.posts.values() for n in (p.name, *p.aliases)}

    @functools.cached_property
    def abbreviated_titles(self) -> frozenset[str]:
        """The honorifics written as one word with a full stop ("Cllr.", "Prof."), also in capitals."""
        spelled = {s for spellings in self.honorifics for s in spellings if s.endswith(".") and " " not in s}
        return frozenset(spelled | {s.upper() for s in spelled})

    @functools.cached_property
    def full_stop(self) -> re.Pattern:
        """A full stop that can end a sentence: not one after an initial ("J.") or a title ("Cllr.")."""
        after = "".join(f"(?<!\\b{re.escape(t[:-1])})" for t in sorted(self.abbreviated_titles))
        return re.compile(rf"(?<!\b[A-Z]){after}\.")

    def plural_honorific(self, text: str) -> str | None:
        """The canonical honorific of a plural title ("Cllrs", "Councillors"), or None."""
        key = text.casefold()
        return self._spellings.get(key[:-1]) if len(key) > 2 and key.endswith("s") else None

    def honorific(self, text: str) -> str:
        """The canonical spelling of an honorific as written."""
        return self._spellings.get(text.casefold().rstrip("."), text)


def _variants(alias: str) -> set[str]:
    """The alias with "and" and "&" spelled both ways."""
    forms = {alias}
    if re.search(r"\band\b", alias):
        forms.add(re.sub(r"\band\b", "&", alias))
    if "&" in alias:
        forms.add(re.sub(r"\s*&\s*", " and ", alias))
    return forms


def _borough(name: str) -> Organisation:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return Organisation(
        id=f"lb-{slug}",
        name=f"London Borough of {name}",
        aliases=(name,),
        search_forms=(f"{name} Council", f"{name} Borough Council", f"Royal Borough of {name}", f"City of {name}"),
        kind="council",
        member_of="london-councils",
    )


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Read the packaged data files (once per process)."""
    data = resources.files("extract") / "data"
    orgs_yaml = yaml.safe_load((data / "organisations.yaml").read_text(encoding="utf-8"))
    posts_yaml = yaml.safe_load((data / "posts.yaml").read_text(encoding="utf-8"))
    orgs = [Organisation(**{**o, "aliases": tuple(o.get("aliases", ()))}) for o in orgs_yaml["organisations"]] + [
        _borough(b) for b in orgs_yaml["boroughs"]
    ]
    posts = [Post(**{**p, "aliases": tuple(p.get("aliases", ()))}) for p in posts_yaml["posts"]]
    return Gazetteer(
        organisations={o.id: o for o in orgs},
        posts={p.id: p for p in posts},
        honorifics=tuple(tuple(h) for h in posts_yaml["honorifics"]),
        place_kinds=frozenset(orgs_yaml.get("place_kinds", ())),
    )


def _token_pattern(words: list[str]) -> list[dict]:
    # Acronyms and one-word names must match their case ("Met" is not "met"); longer names need not.
    if len(words) == 1:
        return [{"ORTH": words[0]}]
    return [{"ORTH": w} if w.upper() == w or w[1:].lower() != w[1:] else {"LOWER": w.lower()} for w in words]


def _wrapped(words: list[str]) -> list[list[str]]:
    """A name as written on one line, and wrapped at each of its spaces ("Honorary\nSecretary"):
    the tokenizer makes the line break a token of its own, which the phrase would not match."""
    return [words] + [[*words[:k], "\n", *words[k:]] for k in range(1, len(words))]


def _named(gazetteer: Gazetteer) -> Iterator[tuple[str, str, str]]:
    for org in gazetteer.organisations.values():
        for alias in org.forms:
            yield ORG, f"org:{org.id}", alias
    for post in gazetteer.posts.values():
        for alias in (post.name, *post.aliases):
            yield POST, f"post:{post.id}", alias
    for spellings in gazetteer.honorifics:
        for alias in spellings:
            yield HONORIFIC, f"hon:{spellings[0]}", alias


def entity_patterns(gazetteer: Gazetteer, tokenize: Callable) -> list[dict]:
    """EntityRuler token patterns for every name and alias, ids prefixed by kind ("org:mps")."""
    patterns, seen = [], set()
    for label, ent_id, alias in _named(gazetteer):
        # A one-word post must match its case ("Chair", not "chair the meeting"), but minutes write
        # posts in capitals too ("Dr Kieron O'Hara - CHAIR").
        shouted = {alias.upper()} if label == POST and " " not in alias else set()
        for form in sorted(_variants(alias) | shouted):
            for words in _wrapped([t.text for t in tokenize(form)]):
                key = (label, ent_id, tuple(words))
                if key not in seen:
                    seen.add(key)
                    patterns.append({"label": label, "id": ent_id, "pattern": _token_pattern(words)})
    return patterns
