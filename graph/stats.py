"""Whole-graph figures: the most central people and organisations, and each topic's timeline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from .kinds import EdgeKind, NodeKind

__all__ = ["Stats", "co_attendance", "co_discussion", "graph_stats"]


@dataclass
class Stats:
    """Centrality rankings (name, score) and topic timelines (topic, [(date, mentions)])."""

    people_by_co_attendance: list[tuple[str, float]]
    people_by_betweenness: list[tuple[str, float]]
    actors_by_co_discussion: list[tuple[str, float]]
    organisations_by_co_discussion: list[tuple[str, float]]
    topic_timeline: list[tuple[str, list[tuple[str, int]]]]


def co_attendance(graph: nx.MultiDiGraph) -> nx.Graph:
    """People joined by the number of meetings they both attended."""
    net = nx.Graph()
    for meeting, data in graph.nodes(data=True):
        if data["type"] != NodeKind.MEETING:
            continue
        present = sorted({p for p, _, k in graph.in_edges(meeting, keys=True) if k == EdgeKind.ATTENDED})
        net.add_nodes_from(present)
        for a, b in combinations(present, 2):
            weight = net.get_edge_data(a, b, {"weight": 0})["weight"]
            net.add_edge(a, b, weight=weight + 1)
    return net


def co_discussion(graph: nx.MultiDiGraph) -> nx.Graph:
    """Actors (people, organisations, posts) joined by the number of topics they both raised."""
    raised: dict[str, set[str]] = {}
    for actor, topic, data in graph.edges(data=True):
        if data["type"] == EdgeKind.RAISES:
            raised.setdefault(topic, set()).add(actor)
    net = nx.Graph()
    for actors in raised.values():
        net.add_nodes_from(actors)
        for a, b in combinations(sorted(actors), 2):
            weight = net.get_edge_data(a, b, {"weight": 0})["weight"]
            net.add_edge(a, b, weight=weight + 1)
    return net


def _ranked(graph: nx.MultiDiGraph, scores: dict[str, float], top: int, kinds=None) -> list[tuple[str, float]]:
    rows = [
        (graph.nodes[n]["label"], round(s, 4))
        for n, s in scores.items()
        if kinds is None or graph.nodes[n]["type"] in kinds
    ]
    return sorted(rows, key=lambda r: (-r[1], r[0]))[:top]


def graph_stats(graph: nx.MultiDiGraph, top: int = 10) -> Stats:
    """Degree and betweenness centrality on the co-attendance network, degree centrality on the
    co-discussion network, and how often each topic came up at each meeting date."""
    attendance = co_attendance(graph)
    discussion = co_discussion(graph)
    timeline: dict[str, Counter] = {}
    for _, topic, data in graph.edges(data=True):
        if data["type"] == EdgeKind.DISCUSSES:
            date = graph.nodes[data["meeting"]].get("date") or "undated"
            timeline.setdefault(graph.nodes[topic]["label"], Counter())[date] += 1
    busiest = sorted(timeline.items(), key=lambda t: (-sum(t[1].values()), t[0]))[:top]
    return Stats(
        people_by_co_attendance=_ranked(graph, nx.degree_centrality(attendance), top),
        people_by_betweenness=_ranked(graph, nx.betweenness_centrality(attendance, weight=None), top),
        actors_by_co_discussion=_ranked(graph, nx.degree_centrality(discussion), top),
        organisations_by_co_discussion=_ranked(
            graph, nx.degree_centrality(discussion), top, kinds={NodeKind.ORGANISATION}
        ),
        topic_timeline=[(label, sorted(counts.items())) for label, counts in busiest],
    )
