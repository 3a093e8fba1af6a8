"""What graph.html needs beyond nodes and edges: details and evidence per node, filters, the matrix."""

from __future__ import annotations

import functools
import heapq
from collections import Counter, defaultdict
from importlib import resources

import networkx as nx
import yaml

from graph import ATTENDANCE_EDGES, EdgeKind, NodeKind, edge_count, edge_meetings, edge_samples, visits

__all__ = ["styles", "page_data", "node_details", "discussion_matrix", "EVIDENCE_PER_NODE"]

EVIDENCE_PER_NODE = 40
EVIDENCE_PER_CELL = 6
# What an organisation reaches through its people: the meetings they attended, posts, items, topics.
_REACH = {*ATTENDANCE_EDGES.values(), EdgeKind.HOLDS_POST, EdgeKind.SPEAKS_ON, EdgeKind.RAISES}
NAMES_PER_FACT = 25  # a person at a thousand meetings: the panel lists 25 and says how many more
MATRIX_MOST = 300  # actors and topics the matrix can show; it starts on the 25 busiest


@functools.cache
def styles() -> dict:
    """The node styles and relation names of ``data/styles.yaml``."""
    return yaml.safe_load((resources.files("exports") / "data" / "styles.yaml").read_text(encoding="utf-8"))


def _evidence(graph: nx.MultiDiGraph, kind: str, sample: dict, other: str) -> dict:
    meeting = graph.nodes.get(sample["meeting"], {})
    return {
        "kind": kind,
        "text": " ".join(sample["evidence"].split()),
        "source": sample["source"],
        "start": sample["start"],
        "end": sample["end"],
        "meeting": meeting.get("label"),
        "date": meeting.get("date"),
        "other": graph.nodes[other]["label"],
        "item": sample.get("item") if sample.get("item") in graph else None,
        "itemLabel": graph.nodes[sample["item"]]["label"] if sample.get("item") in graph else None,
    }


def node_details(graph: nx.MultiDiGraph, node: str, quoted: int = EVIDENCE_PER_NODE) -> dict:
    """Neighbours grouped by relation ("Represents": [...]) and the evidence behind the node's edges
    (every edge's, or a few of each merged edge's in a summary graph), ``quoted`` sentences at most."""
    relations = styles()["relations"]

    def relation(kind: str, direction: int) -> str:
        return relations.get(kind, [kind, kind])[direction]

    facts: dict[str, dict[str, str]] = defaultdict(dict)  # relation -> node -> label, once each, in order
    evidence, unquoted = [], 0
    for direction, neighbours in enumerate((graph.succ[node], graph.pred[node])):
        for other, keyed in neighbours.items():
            label = graph.nodes[other]["label"]
            for e in keyed.values():
                facts[relation(e["type"], direction)][other] = label
                samples = edge_samples(e)
                evidence.extend((e["type"], sample, other) for sample in samples)
                unquoted += edge_count(e) - len(samples) if samples else 0
    for kind, direction, meeting in visits(graph).get(node, ()):
        facts[relation(kind, direction)][meeting] = graph.nodes[meeting]["label"]
    # One listing backs several edges (attended, represents, holds post): show it once. Only the
    # sentences shown are made into dicts: a regular's panel has thousands behind it.
    evidence = list({(s["source"], s["start"], s["end"]): (kind, s, other) for kind, s, other in evidence}.values())
    shown = heapq.nsmallest(
        quoted,
        evidence,
        key=lambda x: (graph.nodes.get(x[1]["meeting"], {}).get("date") or "", x[1]["source"], x[1]["start"]),
    )
    data = graph.nodes[node]
    header = [["Date", data["date"]]] if data.get("date") else []
    if data["type"] == NodeKind.ITEM and data.get("meeting") in graph:  # "2. MPS Update" of which meeting
        meeting = graph.nodes[data["meeting"]]
        header += [["Meeting", " ".join(filter(None, (meeting.get("date"), meeting["label"])))]]
    header += [["Source", data["source"]]] if data.get("source") and data["type"] == NodeKind.MEETING else []
    also = [a for a in [*data.get("aliases", []), *data.get("variants", [])] if a != data["label"]]
    header += [["Also", ", ".join(dict.fromkeys(also))]] if also else []
    return {
        "facts": header,
        "links": [
            [k, [[n, label] for n, label in list(v.items())[:NAMES_PER_FACT]], max(0, len(v) - NAMES_PER_FACT)]
            for k, v in facts.items()
        ],
        "evidence": [_evidence(graph, *x) for x in shown],
        "more": max(0, len(evidence) - quoted) + unquoted,
    }


def _node_meetings(graph: nx.MultiDiGraph) -> dict[str, Counter[str]]:
    """For each node, the meetings it appears in and how many facts tie it to each (a summary
    graph's merged edge counts once a meeting): the filters and the panel's timeline read them."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for node, data in graph.nodes(data=True):
        if data["type"] == NodeKind.MEETING:
            found[node][node] += 1
    for u, v, e in graph.edges(data=True):
        for meeting in edge_meetings(e):
            if meeting in graph:
                found[u][meeting] += 1
                found[v][meeting] += 1
    for node, seen in visits(graph).items():
        found[node].update(meeting for *_, meeting in seen)
    return found


def _organisation_scope(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """For each organisation: itself, its people, and what they and it attended, spoke on and raised."""
    scope = {}
    for org, data in graph.nodes(data=True):
        if data["type"] != NodeKind.ORGANISATION:
            continue
        people = {p for p, _, e in graph.in_edges(org, data=True) if e["type"] == EdgeKind.REPRESENTS}
        members = {org} | people
        reach = set(members)
        for m in members:
            reach.update(v for _, v, e in graph.out_edges(m, data=True) if e["type"] in _REACH)
        if len(reach) > 1:
            scope[org] = sorted(reach)
    return scope


def discussion_matrix(graph: nx.MultiDiGraph, most: int = MATRIX_MOST) -> dict:
    """Actors against topics: how often each actor raised each topic, at which meetings, and a few of
    the sentences; the page sums the meetings its filters leave, then ranks, sorts and cuts. The
    ``most`` actors and topics that raised or were raised most are sent (all of them but in the
    biggest corpora). A summary graph's merged edge knows its meetings but not how often at each:
    a filtered count there is the meetings at which the topic was raised."""
    cells: dict[tuple[str, str], dict] = {}
    totals: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    for actor, topic, e in graph.edges(data=True):
        if e["type"] != EdgeKind.RAISES:
            continue
        cell = cells.setdefault((actor, topic), {"count": 0, "meetings": Counter(), "samples": []})
        cell["count"] += edge_count(e)
        cell["meetings"].update(edge_meetings(e))
        cell["samples"].extend(edge_samples(e)[: EVIDENCE_PER_CELL - len(cell["samples"])])
        totals[0][actor] += edge_count(e)
        totals[1][topic] += edge_count(e)
    actors = {a: n for n, (a, _) in enumerate(totals[0].most_common(most))}
    topics = {t: n for n, (t, _) in enumerate(totals[1].most_common(most))}
    return {
        "actors": [{"id": a, "label": graph.nodes[a]["label"], "kind": graph.nodes[a]["type"]} for a in actors],
        "topics": [{"id": t, "label": graph.nodes[t]["label"]} for t in topics],
        "cells": [
            {
                "actor": actors[a],
                "topic": topics[t],
                "count": cell["count"],
                "meetings": dict(cell["meetings"]),
                "evidence": [_evidence(graph, EdgeKind.RAISES, sample, t) for sample in cell["samples"]],
            }
            for (a, t), cell in sorted(cells.items())
            if a in actors and t in topics
        ],
    }


def page_data(graph: nx.MultiDiGraph, shown: nx.MultiDiGraph | None = None, quoted: int = EVIDENCE_PER_NODE) -> dict:
    """Everything the page's script reads, keyed by node id where it is per node, for the nodes of
    ``shown`` (a view of ``graph``, such as its overview; default: all of it), each node's panel
    quoting ``quoted`` sentences at most."""
    shown = graph if shown is None else shown
    meetings = _node_meetings(graph)
    meeting_list = sorted(
        ((n, d) for n, d in graph.nodes(data=True) if d["type"] == NodeKind.MEETING),
        key=lambda x: (x[1].get("date") or "", x[1]["label"]),
    )
    order = {n: i for i, (n, _) in enumerate(meeting_list)}
    return {
        "details": {n: node_details(graph, n, quoted) for n in shown.nodes},
        # by the meeting's place in "meetings": an overview's regulars appear at hundreds of them
        "meetingsOf": {
            n: dict(sorted((order[m], k) for m, k in ms.items())) for n, ms in meetings.items() if n in shown
        },
        "meetings": [{"id": n, "label": d["label"], "date": d.get("date")} for n, d in meeting_list],
        "organisations": {
            org: [n for n in reach if n in shown] for org, reach in _organisation_scope(graph).items() if org in shown
        },
        "matrix": discussion_matrix(graph),
    }
