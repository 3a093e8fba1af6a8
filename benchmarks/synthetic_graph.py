"""A synthetic minutes graph of any size, shaped like a real one: meetings, items, people, organisations, topics."""

from __future__ import annotations

import random

import networkx as nx

__all__ = ["synthetic_graph"]


def synthetic_graph(nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """About ``nodes`` nodes: 3% meetings, 15% items, 55% people, 12% organisations, 15% topics."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    counts = {
        "meeting": max(1, nodes * 3 // 100),
        "item": nodes * 15 // 100,
        "person": nodes * 55 // 100,
        "organisation": nodes * 12 // 100,
    }
    counts["topic"] = nodes - sum(counts.values())
    ids = {kind: [f"{kind}:{kind}-{i}" for i in range(n)] for kind, n in counts.items()}
    for kind, names in ids.items():
        for i, node in enumerate(names):
            g.add_node(
                node,
                type=kind,
                label=f"{kind.title()} {i}",
                date=f"20{10 + i % 14}-0{1 + i % 9}-1{i % 9}" if kind == "meeting" else None,
                source="synthetic.txt",
            )
    sentence = {"source": "synthetic.txt", "start": 0, "end": 40, "evidence": "A synthetic sentence as evidence."}
    for item in ids["item"]:
        meeting = rng.choice(ids["meeting"])
        g.add_edge(meeting, item, key="has_item", type="has_item", meeting=meeting, **sentence)
        for topic in rng.sample(ids["topic"], 2):
            g.add_edge(item, topic, key=f"discusses@{topic}", type="discusses", meeting=meeting, **sentence)
    for person in ids["person"]:
        org = rng.choice(ids["organisation"])
        for meeting in rng.sample(ids["meeting"], min(3, len(ids["meeting"]))):
            g.add_edge(person, meeting, key="attended", type="attended", status="present", meeting=meeting, **sentence)
            g.add_edge(person, org, key=f"represents@{meeting}", type="represents", meeting=meeting, **sentence)
        if rng.random() < 0.3:
            item = rng.choice(ids["item"])
            meeting = next(iter(g.predecessors(item)))
            g.add_edge(person, item, key="speaks_on@0", type="speaks_on", meeting=meeting, verb="note", **sentence)
            for _, topic in list(g.out_edges(item))[:1]:
                g.add_edge(
                    person,
                    topic,
                    key=f"raises@{item}",
                    type="raises",
                    meeting=meeting,
                    item=item,
                    verb="note",
                    **sentence,
                )
    return g
