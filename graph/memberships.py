"""Memberships as the minutes show them: who was seen holding a post of an organisation, or else
representing it, at which meetings. The minutes say nothing of when a membership began or ended:
only when it was first and last seen."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from .kinds import EdgeKind, NodeKind, split_node
from .summary import edge_meetings

__all__ = ["Membership", "memberships", "post_organisation"]


@dataclass(frozen=True)
class Membership:
    """A person in an organisation (holding ``post`` in it, if any), seen at ``meetings`` (date order)."""

    person: str
    organisation: str
    post: str | None
    meetings: tuple[str, ...]
    first_seen: str | None  # the earliest of the meetings' dates
    last_seen: str | None


def post_organisation(graph: nx.MultiDiGraph, post: str) -> str | None:
    """The organisation a post is in, if the graph knows it (by its id: in a meeting's fragment the
    gazetteer's organisations are ids without data until the entities are added)."""
    org = next((o for _, o, k in graph.out_edges(post, keys=True) if k == EdgeKind.POST_IN), None)
    return org if org and split_node(org)[0] == NodeKind.ORGANISATION else None


def memberships(graph: nx.MultiDiGraph) -> list[Membership]:
    """One membership for each post a person held in an organisation, and one of the organisation
    itself for the meetings where they represented it holding none of its posts (so a Popolo reader
    counts each person once in each capacity). A summary graph's merged edges give their meetings too."""
    seen: dict[tuple[str, str, str | None], set[str]] = defaultdict(set)
    for person, target, edge in graph.edges(data=True):
        meetings = {m for m in edge_meetings(edge) if m in graph}
        if edge["type"] == EdgeKind.REPRESENTS:
            seen[(person, target, None)] |= meetings
        elif edge["type"] == EdgeKind.HOLDS_POST and (org := post_organisation(graph, target)):
            seen[(person, org, target)] |= meetings
    for (person, org, post), meetings in list(seen.items()):
        if post is not None and (person, org, None) in seen:
            seen[(person, org, None)] -= meetings
    found = []
    for (person, org, post), meetings in sorted(seen.items(), key=lambda x: (x[0][0], x[0][1], x[0][2] or "")):
        if not meetings:
            continue
        ordered = sorted(meetings, key=lambda m: (graph.nodes[m].get("date") or "", m))
        dates = [d for m in ordered if (d := graph.nodes[m].get("date"))]
        found.append(Membership(person, org, post, tuple(ordered), min(dates, default=None), max(dates, default=None)))
    return found
