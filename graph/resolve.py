"""Who is who across meetings: one Person per human, merged only on evidence, never by a guess."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extract import Attendance, Gazetteer, Meeting, name_key, slug

__all__ = ["Person", "Resolution", "resolve_people", "compatible_organisations"]

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
    """People found in a set of meetings, and which person each attendance is."""

    people: dict[str, Person]
    person_of: dict[Mention, str]


def _organisation_as_written(a: Attendance) -> tuple[str | None, str] | None:
    return (a.organisation.id, a.organisation.name) if a.organisation else None


@dataclass
class _Cluster:
    """The listings taken for one person so far. Whether a listing fits depends only on the
    organisations as written, so one listing of each stands for the rest: comparing with every
    listing made a regular's thousandth meeting cost a thousand comparisons."""

    mentions: list[tuple[Meeting, int]] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    meetings: set[str] = field(default_factory=set)
    representatives: dict[tuple[str | None, str] | None, Attendance] = field(default_factory=dict)

    def add(self, meeting: Meeting, index: int) -> None:
        self.mentions.append((meeting, index))
        self.meetings.add(meeting.id)
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


def as_stated(meeting: Meeting, attendance: Attendance) -> Attendance:
    """The listing as evidence of who someone is: a member of the body that met, listed under it,
    says nothing of the other bodies they belong to (a councillor at the council and at one of its
    committees), so that body counts as no organisation."""
    org, body = attendance.organisation, meeting.body
    if org is not None and body is not None and not org.id and slug(org.name) == slug(body.name):
        return replace(attendance, organisation=None)
    return attendance


# Sharing a government department or the GLA says nothing: MOPAC and TfL are both in the GLA.
_TOO_BROAD = {"department", "authority"}


def _words(name: str) -> set[str]:
    return {w.removesuffix("s") for w in slug(name).split("-") if w not in ("of", "and", "the", "for")}


def compatible_organisations(a: Attendance, b: Attendance, gazetteer: Gazetteer) -> str | None:
    """Why two listings of one name may be one person ("same organisation", ...), or None if they clash.

    Organisations are compatible when one is part of (or a member of, or was succeeded by) the
    other, as a borough council is of London Councils; when they share a parent below the level of a
    department or authority (CPS North and CPS South; NOMS and London Prisons Group, through HMPPS,
    which succeeded NOMS); when one is a board, whose members come from other organisations; or when
    an organisation the gazetteer does not know is named in words of one it knows ("Prisons" and
    London Prisons Group).
    """
    oa, ob = a.organisation, b.organisation
    if oa is None or ob is None:
        return "no organisation to contradict"
    if oa.id and ob.id:
        if oa.id == ob.id:
            return f"same organisation ({oa.name})"
        up_a, up_b = gazetteer.ancestors(oa.id), gazetteer.ancestors(ob.id)
        if oa.id in up_b or ob.id in up_a:
            return f"{oa.name} and {ob.name}: one is part of the other"
        shared = [o for o in up_a if o in up_b and gazetteer.organisations[o].kind not in _TOO_BROAD]
        if shared:
            return f"{oa.name} and {ob.name}: both in {gazetteer.organisations[shared[0]].name}"
        boards = [o for o in (oa, ob) if gazetteer.organisations[o.id].kind == "board"]
        if boards:
            return f"{boards[0].name} is a board, whose members come from other organisations"
        return None
    if slug(oa.name) == slug(ob.name):
        return f"same organisation ({oa.name})"
    known, unknown = (oa, ob) if oa.id else (ob, oa)
    if known.id and any(
        _words(unknown.name) <= _words(name) for org in gazetteer.ancestors(known.id) for name in gazetteer.names(org)
    ):
        return f"'{unknown.name}' names {known.name} or its parent"
    return None


def _date_order(meeting: Meeting) -> tuple[str, str]:
    return (meeting.date.isoformat() if meeting.date else "9999", meeting.source)


def _cluster_by_name(meetings: Sequence[Meeting], gazetteer: Gazetteer) -> dict[str, list[_Cluster]]:
    """Blocking by name key: only listings with the same key are ever compared."""
    blocks: dict[str, list[_Cluster]] = defaultdict(list)
    # The answer depends on the two organisations as written only, and a corpus has few of them.
    known: dict[tuple, str | None] = {}

    def compatible(a: Attendance, b: Attendance) -> str | None:
        pair = (_organisation_as_written(a), _organisation_as_written(b))
        if pair not in known:
            known[pair] = compatible_organisations(a, b, gazetteer)
        return known[pair]

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


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when ``a`` becomes ``b`` by one insertion, deletion, substitution or swap of neighbours."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _doubled_letter(a: str, b: str) -> bool:
    """ "Mat" and "Matt": one spelling doubles a letter of the other."""
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(
        long_[i] == long_[i + 1] and long_[:i] + long_[i + 1 :] == short for i in range(len(long_) - 1)
    )


def _spelling_variants(a: str, b: str) -> bool:
    """Names that differ by one typo in one word: a swap, a dropped or doubled letter (Sturt / Strut,
    Racheal / Rachael, Mat / Matt). Short words need the doubled letter: Tim and Tom are two people."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    differing = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    return (
        len(differing) == 1
        and _edit_distance_at_most_one(*differing[0])
        and (min(map(len, differing[0])) > 3 or _doubled_letter(*differing[0]))
    )


def _one_typo_apart(keys: list[str]) -> list[tuple[int, int]]:
    """Pairs (i < j, in order) of keys that may differ by one typo in one word: those sharing a word
    with one letter or none deleted, the other words the same. Linear in the keys, where comparing
    every pair was quadratic in the people one organisation sends over the years."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for n, key in enumerate(keys):
        words = key.split()
        for p, word in enumerate(words):
            for variant in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}:
                groups[(p, variant, *words[:p], "|", *words[p + 1 :])].append(n)
    return sorted({(a, b) for group in groups.values() for a in group for b in group if a < b})


def _merge_spellings(blocks: dict[str, list[_Cluster]]) -> list[_Cluster]:
    """Join clusters whose names differ by one typo in one word, but only inside one organisation
    and never when both spellings appear at the same meeting (they would be two people)."""
    by_org: dict[str, list[tuple[str, _Cluster]]] = defaultdict(list)
    for key, clusters in blocks.items():
        for cluster in clusters:
            for org in sorted(cluster.organisation_ids()):
                by_org[org].append((key, cluster))
    absorbed: dict[int, _Cluster] = {}  # a cluster merged into another -> that one

    def root(cluster: _Cluster) -> _Cluster:
        while id(cluster) in absorbed:
            cluster = absorbed[id(cluster)]
        return cluster

    for org, members in by_org.items():
        for i, j in _one_typo_apart([key for key, _ in members]):
            (key_a, a), (key_b, b) = members[i], members[j]
            a_root, b_root = root(a), root(b)
            if a_root is b_root or not _spelling_variants(key_a, key_b) or a_root.meetings & b_root.meetings:
                continue
            a_root.absorb(b_root)
            a_root.evidence.append(f"'{key_b}' is a spelling of '{key_a}' (same organisation: {org})")
            absorbed[id(b_root)] = a_root
    return [c for clusters in blocks.values() for c in clusters if id(c) not in absorbed]


def resolve_people(meetings: Sequence[Meeting], gazetteer: Gazetteer) -> Resolution:
    """Group the attendances of all meetings into people; ids are stable for the same input."""
    clusters = _merge_spellings(_cluster_by_name(meetings, gazetteer))
    people: dict[str, Person] = {}
    person_of: dict[Mention, str] = {}
    for cluster in sorted(clusters, key=lambda c: (_date_order(c.mentions[0][0]), c.mentions[0][1])):
        names = [a.name for a in cluster.attendances()]
        name = max(set(names), key=lambda n: (names.count(n), -names.index(n)))
        ident = base = slug(name_key(name)) or "person"
        suffixes = itertools.chain(sorted(cluster.organisation_ids()), map(str, itertools.count(2)))
        while ident in people:
            ident = f"{base}--{next(suffixes)}"
        people[ident] = Person(ident, name, tuple(dict.fromkeys(names)), tuple(cluster.evidence))
        for meeting, index in cluster.mentions:
            person_of[(meeting.id, index)] = ident
    return Resolution(people, person_of)
