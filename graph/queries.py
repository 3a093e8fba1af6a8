"""The analysts' questions: who discussed a topic, and profiles of a person, topic or organisation."""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx

from extract import MinutesGraphError, load_gazetteer, name_key

from .kinds import ATTENDANCE_EDGES, EdgeKind, NodeKind

__all__ = [
    "neighbourhood",
    "NODE_KINDS",
    "UnknownName",
    "Evidence",
    "find_node",
    "who_discussed",
    "person_profile",
    "topic_profile",
    "organisation_profile",
    "PersonProfile",
    "TopicProfile",
    "OrganisationProfile",
]


class UnknownName(MinutesGraphError):
    """A name that matches nothing of the kind asked for; the message suggests the closest."""


@dataclass(frozen=True)
class Evidence:
    """One sentence (or attendee listing) behind a fact, and where it stands."""

    date: str | None
    meeting: str
    item: str | None
    actor: str | None
    verb: str | None
    sentence: str
    source: str
    start: int
    end: int


@dataclass
class PersonProfile:
    """A person: meetings attended, posts and organisations over time, topics raised, people met."""

    id: str
    name: str
    variants: list[str]
    attendance: list[tuple[str | None, str, str, str | None, str | None]]  # date, meeting, status, role, organisation
    posts: list[tuple[str, str | None, str | None]]  # post, first seen, last seen
    organisations: list[tuple[str, str | None, str | None]]
    topics: list[tuple[str, int]]
    met: list[tuple[str, int]]
    statements: list[Evidence] = field(default_factory=list)


@dataclass
class TopicProfile:
    """A topic: when and under which items it came up, who raised it, with the sentences."""

    id: str
    name: str
    aliases: list[str]
    timeline: list[tuple[str | None, str, int]]  # date, meeting, mentions
    items: list[tuple[str | None, str, str]]  # date, meeting, item
    raised_by: list[tuple[str, int]]
    evidence: list[Evidence]


@dataclass
class OrganisationProfile:
    """An organisation: who represented it when, its statements and the topics it raised."""

    id: str
    name: str
    aliases: list[str]
    parents: list[str]
    people: list[tuple[str, str | None, str | None, int]]  # person, first, last, meetings
    topics: list[tuple[str, int]]
    statements: list[Evidence]


@functools.cache
def _titles() -> frozenset[str]:
    """Honorifics and ranks, casefolded: the words a loose name may start with."""
    gazetteer = load_gazetteer()
    titles = {s.casefold().rstrip(".") for spellings in gazetteer.honorifics for s in spellings}
    titles |= {a.casefold() for p in gazetteer.posts.values() if p.rank for a in (p.name, *p.aliases)}
    return frozenset(titles)


def _key(text: str) -> str:
    """Casefolded words without punctuation or honorifics: 'Cllr Darren Rodwell' → 'darren rodwell'."""
    titles = _titles()
    words = re.sub(r"[^\w&' -]+", " ", text.replace("\u2019", "'").casefold()).split()
    while len(words) > 1 and words[0].rstrip(".") in titles:
        words = words[1:]
    if len(words) > 2 and " ".join(words[:2]) in titles:
        words = words[2:]
    return " ".join(w for w in words if w != "the")


def _names(data: dict) -> list[str]:
    return [data["label"], *data.get("aliases", []), *data.get("variants", [])]


def find_node(graph: nx.MultiDiGraph, name: str, kinds: tuple[str, ...]) -> str:
    """The node of one of ``kinds`` that ``name`` names, loosely: case, honorifics and acronyms do not
    matter, and a unique partial match will do. Raises UnknownName with the closest names."""
    wanted = _key(name)
    candidates = {n: d for n, d in graph.nodes(data=True) if d["type"] in kinds}
    exact = [
        n
        for n, d in candidates.items()
        if wanted in {_key(x) for x in _names(d)}
        or (d["type"] == NodeKind.PERSON and name_key(wanted) == name_key(d["label"]))
    ]
    if len(exact) == 1:
        return exact[0]
    words = set(wanted.split())
    partial = exact or [n for n, d in candidates.items() if any(words <= set(_key(x).split()) for x in _names(d))]
    if len(partial) == 1:
        return partial[0]
    what = f"no {' or '.join(kinds)}" if len(kinds) <= 2 else "nothing"
    if partial:
        options = ", ".join(sorted(candidates[n]["label"] for n in partial)[:5])
        raise UnknownName(f"'{name}' matches several: {options}; say which")
    labels = {x: n for n, d in candidates.items() for x in _names(d)}
    close = difflib.get_close_matches(name, list(labels), n=3, cutoff=0.6)
    close += difflib.get_close_matches(wanted, [_key(x) for x in labels], n=3, cutoff=0.6)
    shown = list(dict.fromkeys(candidates[labels[c]]["label"] for c in close if c in labels))
    hint = f"; did you mean {', '.join(shown)}?" if shown else ""
    raise UnknownName(f"{what} called '{name}' in the graph{hint}")


# Where a name is looked for first.
NODE_KINDS = (
    NodeKind.PERSON,
    NodeKind.ORGANISATION,
    NodeKind.TOPIC,
    NodeKind.MEETING,
    NodeKind.POST,
    NodeKind.PLACE,
    NodeKind.ITEM,
)


def neighbourhood(graph: nx.MultiDiGraph, name: str, radius: int = 1) -> tuple[str, nx.MultiDiGraph]:
    """The node ``name`` names (of any kind) and the subgraph of everything within ``radius`` edges."""
    node = find_node(graph, name, NODE_KINDS)
    return node, nx.ego_graph(graph, node, radius=radius, undirected=True).copy()


def _date(graph: nx.MultiDiGraph, meeting: str) -> str | None:
    return graph.nodes[meeting].get("date")


def _evidence(graph: nx.MultiDiGraph, edge: dict, actor: str | None = None, item: str | None = None) -> Evidence:
    meeting = edge["meeting"]
    return Evidence(
        date=_date(graph, meeting),
        meeting=graph.nodes[meeting]["label"],
        item=graph.nodes[item]["label"] if item else None,
        actor=graph.nodes[actor]["label"] if actor else None,
        verb=edge.get("verb"),
        sentence=" ".join(edge["evidence"].split()),
        source=edge["source"],
        start=edge["start"],
        end=edge["end"],
    )


def _by_date(rows: list[Evidence]) -> list[Evidence]:
    return sorted(rows, key=lambda e: (e.date or "", e.meeting, e.start))


def who_discussed(graph: nx.MultiDiGraph, topic: str) -> tuple[str, list[Evidence]]:
    """Who raised a topic, when, with the sentence; items that discuss it with no named speaker too."""
    node = find_node(graph, topic, (NodeKind.TOPIC,))
    rows = [
        _evidence(graph, e, actor, e["item"])
        for actor, _, e in graph.in_edges(node, data=True)
        if e["type"] == EdgeKind.RAISES
    ]
    spoken = {(r.source, r.start) for r in rows}
    rows += [
        _evidence(graph, e, None, item)
        for item, _, e in graph.in_edges(node, data=True)
        if e["type"] == EdgeKind.DISCUSSES and (e["source"], e["start"]) not in spoken
    ]
    return graph.nodes[node]["label"], _by_date(rows)


def _span_of_dates(dates: list[str | None]) -> tuple[str | None, str | None]:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else (None, None)


def person_profile(graph: nx.MultiDiGraph, name: str, top: int = 10) -> PersonProfile:
    """Everything the graph knows of one person."""
    node = find_node(graph, name, (NodeKind.PERSON,))
    data = graph.nodes[node]
    attendance, met = [], Counter()
    posts, orgs = defaultdict(list), defaultdict(list)
    topics, statements = Counter(), []
    for _, target, e in graph.out_edges(node, data=True):
        kind = e["type"]
        if kind in ATTENDANCE_EDGES.values():
            org = graph.nodes[e["organisation"]]["label"] if e.get("organisation") in graph else None
            attendance.append((_date(graph, target), graph.nodes[target]["label"], e["status"], e.get("role"), org))
            if kind == EdgeKind.ATTENDED:
                met.update(p for p, _, k in graph.in_edges(target, keys=True) if k == EdgeKind.ATTENDED and p != node)
        elif kind == EdgeKind.HOLDS_POST:
            posts[graph.nodes[target]["label"]].append(_date(graph, e["meeting"]))
        elif kind == EdgeKind.REPRESENTS:
            orgs[graph.nodes[target]["label"]].append(_date(graph, e["meeting"]))
        elif kind == EdgeKind.RAISES:
            topics[graph.nodes[target]["label"]] += 1
        elif kind == EdgeKind.SPEAKS_ON:
            statements.append(_evidence(graph, e, node, target))
    return PersonProfile(
        id=node,
        name=data["label"],
        variants=data.get("variants", []),
        attendance=sorted(attendance, key=lambda r: (r[0] or "", r[1])),
        posts=[(p, *_span_of_dates(d)) for p, d in sorted(posts.items())],
        organisations=[(o, *_span_of_dates(d)) for o, d in sorted(orgs.items())],
        topics=topics.most_common(top),
        met=[(graph.nodes[p]["label"], n) for p, n in sorted(met.items(), key=lambda x: (-x[1], x[0]))[:top]],
        statements=_by_date(statements),
    )


def topic_profile(graph: nx.MultiDiGraph, name: str, top: int = 10) -> TopicProfile:
    """A topic across meetings: timeline, items, who raised it and the sentences."""
    node = find_node(graph, name, (NodeKind.TOPIC,))
    label, evidence = who_discussed(graph, graph.nodes[node]["label"])
    timeline = Counter((e.date, e.meeting) for e in evidence)
    items = sorted({(e.date, e.meeting, e.item) for e in evidence if e.item}, key=lambda r: (r[0] or "", r[1], r[2]))
    raised = Counter(e.actor for e in evidence if e.actor)
    return TopicProfile(
        id=node,
        name=label,
        aliases=graph.nodes[node].get("aliases", []),
        timeline=[(d, m, n) for (d, m), n in sorted(timeline.items(), key=lambda x: (x[0][0] or "", x[0][1]))],
        items=items,
        raised_by=raised.most_common(top),
        evidence=evidence,
    )


def organisation_profile(graph: nx.MultiDiGraph, name: str, top: int = 10) -> OrganisationProfile:
    """An organisation: its people over time, what it said and the topics it raised."""
    node = find_node(graph, name, (NodeKind.ORGANISATION,))
    data = graph.nodes[node]
    people = defaultdict(list)
    for person, _, e in graph.in_edges(node, data=True):
        if e["type"] == EdgeKind.REPRESENTS:
            people[graph.nodes[person]["label"]].append(_date(graph, e["meeting"]))
    topics, statements = Counter(), []
    for _, target, e in graph.out_edges(node, data=True):
        if e["type"] == EdgeKind.RAISES:
            topics[graph.nodes[target]["label"]] += 1
        elif e["type"] == EdgeKind.SPEAKS_ON:
            statements.append(_evidence(graph, e, node, target))
    parents = [
        graph.nodes[p]["label"]
        for _, p, k in graph.out_edges(node, keys=True)
        if k in (EdgeKind.PART_OF, EdgeKind.MEMBER_OF)
    ]
    return OrganisationProfile(
        id=node,
        name=data["label"],
        aliases=data.get("aliases", []),
        parents=parents,
        people=sorted(((p, *_span_of_dates(d), len(d)) for p, d in people.items()), key=lambda r: (-r[3], r[0])),
        topics=topics.most_common(top),
        statements=_by_date(statements),
    )
