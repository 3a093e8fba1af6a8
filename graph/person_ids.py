"""Person ids that never move: once given, an id stays with that person in every later build.

The registry (``person-ids.json`` beside the outputs, or a file kept with the corpus) remembers, for
each id, the listings it was given to: a meeting's id and the name as written there. A build gives
each person the id whose listings it shares most (so a new document can never re-point an id), a
person with no registered listing a new id that no one has had, and when two registered people turn
out to be one, the younger id lives on as an alias of the older.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract import MinutesGraphError, name_key, slug

__all__ = ["PersonIds", "Registered", "IdsError", "assign_ids", "REGISTRY_FORMAT"]

REGISTRY_FORMAT = "minutes-graph/person-ids/1"


class IdsError(MinutesGraphError):
    """A registry file that cannot be read as one."""


@dataclass(frozen=True)
class Registered:
    """One id: the name last shown for it, the listings it was given to, the ids merged into it."""

    name: str
    listings: frozenset[str]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonIds:
    """Every id given so far, in the order given."""

    people: dict[str, Registered] = field(default_factory=dict)

    @classmethod
    def from_json(cls, text: str, source: str) -> PersonIds:
        try:
            data = json.loads(text)
            if data.get("format") != REGISTRY_FORMAT:
                raise ValueError(f"not {REGISTRY_FORMAT}")
            return cls(
                {
                    pid: Registered(entry["name"], frozenset(entry["listings"]), tuple(entry.get("aliases", ())))
                    for pid, entry in data["people"].items()
                }
            )
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise IdsError(f"{source}: not a person-id registry ({e}); move it away to start a new one") from e

    def to_json(self) -> str:
        people = {
            pid: {"name": r.name, "listings": sorted(r.listings), **({"aliases": list(r.aliases)} if r.aliases else {})}
            for pid, r in self.people.items()
        }
        return json.dumps({"format": REGISTRY_FORMAT, "people": people}, indent=1, ensure_ascii=False) + "\n"

    def taken(self) -> set[str]:
        return {*self.people, *(a for r in self.people.values() for a in r.aliases)}


def assign_ids(
    people: Sequence[tuple[str, frozenset[str], Sequence[str]]], known: PersonIds
) -> tuple[list[str], dict[str, str], PersonIds]:
    """Ids for ``people`` (each its name, its listings, and the organisation ids that tell a
    namesake apart), every alias of theirs (an id merged into another -> that id, now or in an
    earlier build), and the registry updated.

    Each registered id goes to the person holding most of its listings; a person who holds
    listings of several keeps the oldest and the others become its aliases."""
    order = {pid: n for n, pid in enumerate(known.people)}
    # Each listing's registered id, so that a person's shares are counted from its own listings:
    # comparing every person with every id grew with the square of the corpus.
    owner = {listing: pid for pid, entry in known.people.items() for listing in entry.listings}
    shares = sorted(
        (-count, order[pid], n, pid)
        for n, (_, listings, _) in enumerate(people)
        for pid, count in Counter(owner[x] for x in listings if x in owner).items()
    )
    ids: list[str | None] = [None] * len(people)
    given: set[str] = set()
    for _, _, n, pid in shares:
        if ids[n] is None and pid not in given:
            ids[n] = pid
            given.add(pid)
    merged_now: dict[str, str] = {}
    for _, _, n, pid in shares:  # ids of listings now held by someone holding an older id
        if pid not in given and ids[n] is not None:
            merged_now[pid] = ids[n]
            given.add(pid)
    taken = known.taken()
    for n, (name, _, organisations) in enumerate(people):
        if ids[n] is None:
            base = slug(name_key(name)) or "person"
            suffixes = itertools.chain(sorted(organisations), map(str, itertools.count(2)))
            ident = base
            while ident in taken:
                ident = f"{base}--{next(suffixes)}"
            ids[n] = ident
            taken.add(ident)
    claimed = frozenset().union(*(listings for _, listings, _ in people))
    registry = dict(known.people)
    for pid, (name, listings, _) in zip(ids, people, strict=True):
        before = registry.get(pid, Registered(name, frozenset()))
        joined = [x for a, to in merged_now.items() if to == pid for x in (a, *known.people[a].aliases)]
        registry[pid] = Registered(
            name, listings | (before.listings - claimed), tuple(dict.fromkeys([*before.aliases, *joined]))
        )
    for alias in merged_now:  # its listings are its new holder's now; the id stays reserved as an alias
        registry.pop(alias, None)
    final = [i for i in ids if i is not None]
    aliases = {alias: pid for pid in final for alias in registry[pid].aliases}
    return final, aliases, PersonIds(registry)
