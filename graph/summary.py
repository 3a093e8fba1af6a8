"""The graph with each meeting's items folded into the meeting and parallel edges merged: shared
nodes (people, organisations, posts, topics, places), meetings, one edge per pair and relation
between shared nodes carrying how often, at which meetings and a few of the sentences behind it,
and for each shared node its *visits*: which meetings it attended, spoke at, was mentioned or
discussed at. Visits are kept as a list per node, not as edges: one per person and meeting, they
made the summary grow like the corpus (575,000 edges at 5,000 meetings).

The entities named graph and the overview page of a big corpus are made from it, and it is built
a meeting at a time from parts small enough to cache."""

from __future__ import annotations

from sys import intern

import networkx as nx

from .build import finish_graph, used_organisations
from .kinds import ENTITY_EDGES, NodeKind

__all__ = [
    "Summary",
    "summary_part",
    "summarise",
    "SAMPLES",
    "SAMPLE_FIELDS",
    "edge_samples",
    "edge_count",
    "edge_meetings",
    "visits",
]

# Sentences kept per merged edge: what a tooltip or a cell of the discussion matrix quotes.
SAMPLES = 6
# What a merged edge keeps of each: a tuple of these, not a dict (at 5,000 meetings there are half a
# million, and a dict took three times the room).
SAMPLE_FIELDS = ("meeting", "source", "start", "end", "evidence")


def edge_samples(edge: dict) -> list[dict]:
    """The sentences behind an edge: a merged edge's samples, or the edge itself."""
    if "samples" in edge:
        return [dict(zip(SAMPLE_FIELDS, sample, strict=True)) for sample in edge["samples"]]
    return [edge] if edge.get("evidence") else []


def edge_count(edge: dict) -> int:
    return edge.get("count", 1)


def edge_meetings(edge: dict) -> list[str]:
    return edge["meetings"] if "meetings" in edge else [edge["meeting"]] if edge.get("meeting") else []


def visits(graph: nx.MultiDiGraph) -> dict[str, list[tuple[str, int, str]]]:
    """A summary graph's visits: node -> (relation, 0 if the node is its source else 1, meeting).
    Empty for a whole graph, whose meetings are joined by edges."""
    return graph.graph.get("visits", {})


def summary_part(graph: nx.MultiDiGraph) -> dict:
    """A meeting's fragment (see ``meeting_fragment``), or a whole graph, as the plain data a Summary
    adds: JSON-ready, so a meeting's part can be cached."""
    nodes = graph.nodes
    item, meeting_prefix = f"{NodeKind.ITEM}:", f"{NodeKind.MEETING}:"

    def fold(node: str) -> str:
        return nodes[node]["meeting"] if node.startswith(item) else node

    merged: dict[tuple[str, str, str], list] = {}
    entity_edges, seen = [], {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        kind = data["type"]
        if kind in ENTITY_EDGES:
            entity_edges.append([u, v, key, data])
            continue
        ends = fold(u), fold(v)
        meeting = data.get("meeting") or ends[0]
        at_meeting = [end.startswith(meeting_prefix) for end in ends]
        if all(at_meeting):  # an item's place in its meeting
            continue
        if any(at_meeting):
            direction = int(at_meeting[0])  # 0: the shared node is the edge's source
            seen[(ends[direction], kind, direction, meeting)] = None
            continue
        edge = merged.setdefault((*ends, kind), [*ends, kind, 0, [], []])
        edge[3] += 1
        if meeting not in edge[4]:
            edge[4].append(meeting)
        if data.get("evidence") and len(edge[5]) < SAMPLES:
            edge[5].append(tuple(data.get(k) for k in SAMPLE_FIELDS))
    return {
        "nodes": [[n, d] for n, d in nodes(data=True) if d and d["type"] != NodeKind.ITEM],
        "entity_edges": entity_edges,
        "edges": list(merged.values()),
        "visits": list(seen),
    }


class Summary:
    """The summary graph, grown a meeting at a time from ``summary_part`` parts in build order: a node
    or entity edge already there keeps what it had; merged edges add up. Node and meeting ids and
    sources are interned: each part brings its own copies, and they are most of what is kept."""

    def __init__(self, base: nx.MultiDiGraph):
        self.graph = base
        self.visits: dict[str, list[tuple[str, int, str]]] = base.graph.setdefault("visits", {})

    def add(self, part: dict) -> None:
        graph = self.graph
        graph.add_nodes_from((intern(n), d) for n, d in part["nodes"] if n not in graph)
        for node, kind, direction, meeting in part["visits"]:
            self.visits.setdefault(intern(node), []).append((kind, direction, intern(meeting)))
        for u, v, key, data in part["entity_edges"]:
            if not graph.has_edge(u, v, key):
                graph.add_edge(u, v, key, **data)
        for u, v, kind, count, meetings, samples in part["edges"]:
            if not graph.has_edge(u, v, kind):
                graph.add_edge(intern(u), intern(v), kind, type=kind, count=0, meetings=[], samples=[])
            edge = graph[u][v][kind]
            edge["count"] += count
            edge["meetings"].extend(map(intern, meetings))
            room = SAMPLES - len(edge["samples"])
            edge["samples"].extend((intern(m), intern(source), *rest) for m, source, *rest in samples[:room])

    def finish(self) -> nx.MultiDiGraph:
        """The graph, once every part is in: broader topics added, unused gazetteer bodies dropped."""
        visited = {node for node in self.visits if node.startswith(f"{NodeKind.ORGANISATION}:")}
        finish_graph(self.graph, used_organisations(self.graph) | visited)
        return self.graph


def summarise(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The summary of a whole graph, as ``build_graph`` makes it."""
    summary = Summary(nx.MultiDiGraph(name=graph.graph.get("name")))
    summary.add(summary_part(graph))
    return summary.finish()
