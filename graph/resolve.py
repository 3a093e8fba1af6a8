"""Who is who across meetings: one Person per human, merged only on evidence, never by a guess.

Listings of one name key are one person unless their organisations clash (``compatible_organisations``);
names written two ways are joined on evidence (``name_variants``); the analyst's curation file has
the last word (``curation``); and ids never move (``person_ids``). Every merge keeps its reasons,
and the pairs that fit by name but lack the evidence are kept as near misses for review."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract import Attendance, Gazetteer, Meeting, name_key, slug

from .curation import Curation
from .name_variants import variant_pairs
from .organisations import as_stated, compatible_organisations
from .person_ids import PersonIds, assign_ids

__all__ = ["Person", "Resolution", "resolve_people", "listing_key"]

Mention = tuple[str, int]  # (meeting id, index of the attendance in that meeting)


@dataclass(frozen=True)
class Person:
    """One human being across meetings, with the spellings seen and why mentions were merged."""

    id: str
    name: str
    variants: tuple[str, ...]
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """People found in a set of meetings, and which person each attendance is; the ids merged into
    another (alias -> id), the merges of names written two ways, the near misses, what the curation
    file changed, and the registry of ids to keep for the next build."""

    people: dict[str, Person]
    person_of: dict[Mention, str]
    aliases: dict[str, str] = field(default_factory=dict)
    merges: tuple[str, ...] = ()
    near_misses: tuple[str, ...] = ()
    curated: tuple[str, ...] = ()
    registry: PersonIds = field(default_factory=PersonIds)


def listing_key(meeting: Meeting, attendance: Attendance) -> str:
    """What the registry knows a listing by: the meeting and the name as written there."""
    return f"{meeting.id}/{name_key(attendance.name)}"


def _organisation_as_written(a: Attendance) -> tuple[str | None, str] | None:
    return (a.organisation.id, a.organisation.name) if a.organisation else None


@dataclass(eq=False)  # a cluster is itself: two alike are still two
class _Cluster:
    """The listings taken for one person so far. Whether a listing fits depends only on the
    organisations as written, so one listing of each stands for the rest: comparing with every
    listing made a regular's thousandth meeting cost a thousand comparisons."""

    mentions: list[tuple[Meeting, int]] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    meetings: set[str] = field(default_factory=set)
    representatives: dict[tuple[str | None, str] | None, Attendance] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)  # the bodies whose meetings: key -> name
    listings: set[str] = field(default_factory=set)
    name: str | None = None  # the name the analyst gave
    posts: set[str] = field(default_factory=set)
    met: set[str] = field(default_factory=set)  # the name keys of the others at their meetings
    dates: set = field(default_factory=set)

    def add(self, meeting: Meeting, index: int) -> None:
        self.mentions.append((meeting, index))
        self.meetings.add(meeting.id)
        self.listings.add(listing_key(meeting, meeting.attendance[index]))
        self.posts.update(p.id or slug(p.name) for p in meeting.attendance[index].posts)
        self.met.update(name_key(a.name) for n, a in enumerate(meeting.attendance) if n != index)
        if meeting.date:
            self.dates.add(meeting.date)
        if meeting.body:
            self.bodies.setdefault(meeting.body.id or slug(meeting.body.name), meeting.body.name)
        attendance = as_stated(meeting, meeting.attendance[index])
        self.representatives.setdefault(_organisation_as_written(attendance), attendance)

    def absorb(self, other: _Cluster) -> None:
        for meeting, index in other.mentions:
            self.add(meeting, index)
        self.evidence += other.evidence

    def attendances(self) -> list[Attendance]:
        return [m.attendance[i] for m, i in self.mentions]

    def organisation_ids(self) -> set[str]:
        return {a.organisation.id for a in self.representatives.values() if a.organisation and a.organisation.id}

    def written_name(self) -> str:
        """The name the minutes write most often (the first of those written as often)."""
        names = [a.name for a in self.attendances()]
        return max(set(names), key=lambda n: (names.count(n), -names.index(n)))

    def shown_name(self) -> str:
        return self.name or self.written_name()


def _date_order(meeting: Meeting) -> tuple[str, str]:
    return (meeting.date.isoformat() if meeting.date else "9999", meeting.source)


def _cluster_by_name(meetings: Sequence[Meeting], compatible) -> dict[str, list[_Cluster]]:
    """Blocking by name key: only listings with the same key are ever compared."""
    blocks: dict[str, list[_Cluster]] = defaultdict(list)
    for meeting in sorted(meetings, key=_date_order):
        for index, attendance in enumerate(meeting.attendance):
            clusters = blocks[name_key(attendance.name)]
            for cluster in clusters:
                if meeting.id in cluster.meetings:
                    continue
                stated = as_stated(meeting, attendance)
                reasons = [compatible(stated, other) for other in cluster.representatives.values()]
                if all(reasons):
                    cluster.add(meeting, index)
                    cluster.evidence.append(f"{attendance.name} in {meeting.id}: {'; '.join(dict.fromkeys(reasons))}")
                    break
            else:
                clusters.append(_Cluster())
                clusters[-1].add(meeting, index)
    return blocks


def _shared_context(a: _Cluster, b: _Cluster) -> str | None:
    """What two clusters have in common that makes one person of them likely, or None."""
    orgs = sorted(a.organisation_ids() & b.organisation_ids())
    if orgs:
        return f"same organisation ({orgs[0]})"
    bodies = sorted(set(a.bodies) & set(b.bodies))
    return f"meetings of {a.bodies[bodies[0]]}" if bodies else None


class _Joining:
    """Clusters being joined: each cluster's root, and the reasons and near misses found."""

    def __init__(self, clusters: list[_Cluster], compatible):
        self.clusters, self.compatible = clusters, compatible
        self.parent = list(range(len(clusters)))
        self.merges: list[str] = []
        self.near_misses: list[str] = []

    def root(self, n: int) -> int:
        while self.parent[n] != n:
            n = self.parent[n]
        return n

    def why(self, i: int, j: int) -> str | None:
        """Why clusters ``i`` and ``j`` may be one person: a shared context, never a shared meeting,
        no clash of organisations."""
        a, b = self.clusters[self.root(i)], self.clusters[self.root(j)]
        if a is b or a.meetings & b.meetings:
            return None
        if not all(self.compatible(x, y) for x in a.representatives.values() for y in b.representatives.values()):
            return None
        return _shared_context(a, b)

    def join(self, i: int, j: int, reason: str) -> None:
        keep, gone = sorted((self.root(i), self.root(j)))
        self.clusters[keep].absorb(self.clusters[gone])
        self.clusters[keep].evidence.append(reason)
        self.merges.append(reason)
        self.parent[gone] = keep

    def result(self) -> list[_Cluster]:
        return [c for n, c in enumerate(self.clusters) if self.root(n) == n]


_BY = {"initial": "the initial", "nickname": "a nickname", "surname": "the surname"}


def _join_variants(clusters: list[_Cluster], compatible) -> _Joining:
    """Join clusters whose names are one name written two ways (see ``name_variants``)."""
    joining = _Joining(clusters, compatible)
    keys = [name_key(c.attendances()[0].name) for c in clusters]
    names = [c.attendances()[0].name for c in clusters]
    short_forms: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for i, j, variant in variant_pairs(keys):
        if variant.kind != "spelling":
            short, full = (i, j) if keys[i] == variant.short else (j, i)
            short_forms[short].append((full, variant.kind))
        elif (reason := joining.why(i, j)) is not None:
            joining.join(i, j, f"'{names[j]}' is a spelling of '{names[i]}' ({reason})")
        else:
            joining.near_misses.append(
                f"'{names[i]}' and '{names[j]}': one typo apart, but no shared organisation or body"
            )
    for short, fulls in sorted(short_forms.items()):
        fitting = {joining.root(f): (f, kind) for f, kind in fulls if joining.why(short, f) is not None}
        if len(fitting) == 1:
            ((full, kind),) = fitting.values()
            reason = joining.why(short, full)
            joining.join(
                short,
                full,
                f"'{names[short]}' is '{names[full]}' by {_BY[kind]} ({reason})",
            )
        elif fitting:
            others = " or ".join(f"'{names[f]}'" for f, _ in fitting.values())
            joining.near_misses.append(f"'{names[short]}' could be {others}: left apart")
        else:
            others = " or ".join(f"'{names[f]}'" for f, _ in fulls)
            joining.near_misses.append(f"'{names[short]}' could be {others}, but nothing else says so: left apart")
    return joining


# Others met at a body's meetings that make two namesakes from different organisations one person
# who moved between them, with the body and the years apart.
MET_TO_MOVE = 3


def _join_movers(joining: _Joining) -> None:
    """Namesakes kept apart by their organisations, who attended one body's meetings in years that
    do not overlap and held the same post there or met the same people (MET_TO_MOVE or more): one
    person who moved from one organisation to the other. Namesakes at one body without that are
    near misses; at unrelated bodies they are never joined."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for n, cluster in enumerate(joining.clusters):
        by_key[name_key(cluster.written_name())].append(n)
    for group in by_key.values():
        for i, j in itertools.combinations(group, 2):
            a, b = joining.clusters[joining.root(i)], joining.clusters[joining.root(j)]
            bodies = sorted(set(a.bodies) & set(b.bodies))
            if a is b or not bodies or a.meetings & b.meetings:
                continue
            apart = a.dates and b.dates and (max(a.dates) < min(b.dates) or max(b.dates) < min(a.dates))
            posts, met = sorted(a.posts & b.posts), a.met & b.met
            if apart and (posts or len(met) >= MET_TO_MOVE):
                evidence = f"the post {posts[0]}" if posts else f"{len(met)} of the same people met"
                joining.join(
                    i,
                    j,
                    f"{a.written_name()} moved between organisations ({a.bodies[bodies[0]]}, years apart, {evidence})",
                )
            else:
                joining.near_misses.append(
                    f"two people called {a.written_name()} at {a.bodies[bodies[0]]}: different organisations, left apart"
                )


def _names_listing(ref: str, meeting: Meeting, index: int, known: PersonIds) -> bool:
    """Whether the curation file's ``ref`` (an id, or a name as written) names this listing."""
    entry, attendance = known.people.get(ref), meeting.attendance[index]
    return listing_key(meeting, attendance) in entry.listings if entry else name_key(ref) == name_key(attendance.name)


def _refers(cluster: _Cluster, ref: str, known: PersonIds) -> bool:
    return any(_names_listing(ref, meeting, index, known) for meeting, index in cluster.mentions)


def _cluster_of(mentions: list[tuple[Meeting, int]], evidence: list[str] | None = None) -> _Cluster:
    cluster = _Cluster(evidence=list(evidence or ()))
    for meeting, index in mentions:
        cluster.add(meeting, index)
    return cluster


def _curate(clusters: list[_Cluster], curation: Curation, known: PersonIds) -> tuple[list[_Cluster], list[str]]:
    """The curation file applied: people joined, split and named as it says."""
    notes = []
    for group in curation.same:
        found = [next((c for c in clusters if _refers(c, ref, known)), None) for ref in group]
        missing = [ref for ref, c in zip(group, found, strict=True) if c is None]
        keep, *others = [c for c in dict.fromkeys(found) if c is not None] or [None]
        for other in others:
            keep.absorb(other)
            clusters.remove(other)
        if keep is not None and others:
            keep.evidence.append(f"one person by {curation.source}: {', '.join(group)}")
        notes.append(
            f"{curation.source}: {' and '.join(group)} are one person"
            + (f" (no one called {', '.join(missing)})" if missing else "")
        )
    for first, second in curation.different:
        for cluster in [c for c in clusters if _refers(c, first, known) and _refers(c, second, known)]:
            moved = [(m, i) for m, i in cluster.mentions if _names_listing(second, m, i, known)]
            if moved and len(moved) < len(cluster.mentions):
                kept = [mention for mention in cluster.mentions if mention not in moved]
                clusters[clusters.index(cluster)] = _cluster_of(kept, cluster.evidence)
                clusters.append(_cluster_of(moved))
        notes.append(f"{curation.source}: {first} and {second} are two people")
    for ref, name in curation.names:
        for cluster in clusters:
            if _refers(cluster, ref, known):
                cluster.name = name
        notes.append(f"{curation.source}: {ref} is shown as {name}")
    return clusters, notes


def resolve_people(
    meetings: Sequence[Meeting],
    gazetteer: Gazetteer,
    known: PersonIds | None = None,
    curation: Curation | None = None,
) -> Resolution:
    """Group the attendances of all meetings into people, with ids from the registry ``known``
    (new ones for people it has not seen), as the ``curation`` file says where it says anything."""
    known = known or PersonIds()
    compatible_pair: dict[tuple, str | None] = {}

    def compatible(a: Attendance, b: Attendance) -> str | None:
        pair = (_organisation_as_written(a), _organisation_as_written(b))
        if pair not in compatible_pair:
            compatible_pair[pair] = compatible_organisations(a, b, gazetteer)
        return compatible_pair[pair]

    blocks = _cluster_by_name(meetings, compatible)
    clusters = sorted(
        (c for block in blocks.values() for c in block), key=lambda c: (_date_order(c.mentions[0][0]), c.mentions[0][1])
    )
    joining = _join_variants(clusters, compatible)
    _join_movers(joining)
    clusters, curated = _curate(joining.result(), curation or Curation(), known)
    clusters.sort(key=lambda c: (_date_order(c.mentions[0][0]), c.mentions[0][1]))
    ids, aliases, registry = assign_ids(
        [(c.written_name(), frozenset(c.listings), sorted(c.organisation_ids())) for c in clusters], known
    )
    people: dict[str, Person] = {}
    person_of: dict[Mention, str] = {}
    for ident, cluster in zip(ids, clusters, strict=True):
        names = [a.name for a in cluster.attendances()]
        people[ident] = Person(ident, cluster.shown_name(), tuple(dict.fromkeys(names)), tuple(cluster.evidence))
        for meeting, index in cluster.mentions:
            person_of[(meeting.id, index)] = ident
    near_misses = tuple(dict.fromkeys(joining.near_misses))  # namesakes' clusters repeat a pair
    return Resolution(people, person_of, aliases, tuple(joining.merges), near_misses, tuple(curated), registry)
