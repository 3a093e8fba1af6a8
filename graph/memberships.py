"""Memberships as the minutes show them: who was seen representing an organisation, or holding one of
its posts, at which meetings. The minutes say nothing of when a membership began or ended: only when
it was first and last seen."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from .kinds import EdgeKind, NodeKind
from .summary import edge_meetings

__all__ = ["Membership", "memberships"]


@dataclass(frozen=True)
class Membership:
    """A person in an organisation (holding ``post`` in it, if any), seen at ``meetings`` (date order)."""

    person: str
    organisation: str
    post: str | None
    meetings: tuple[str, ...]
    first_seen: str | None  # the earliest of the meetings' dates
    last_seen: str | None


def _post_organisation(graph: nx.MultiDiGraph, post: str) -> str | None:
    org = next((o for _, o, k in graph.out_edges(post, keys=True) if k == EdgeKind.POST_IN), None)
    return org if org and graph.nodes[org]["type"] == NodeKind.ORGANISATION else None


def memberships(graph: nx.MultiDiGraph) -> list[Membership]:
    """One membership for each person and organisation they represented or held a post in, and one
    for each post they held in it (a summary graph's merged edges give their meetings too)."""
    seen: dict[tuple[str, str, str | None], set[str]] = defaultdict(set)
    for person, target, edge in graph.edges(data=True):
        meetings = {m for m in edge_meetings(edge) if m in graph}
        if edge["type"] == EdgeKind.REPRESENTS:
            seen[(person, target, None)] |= meetings
        elif edge["type"] == EdgeKind.HOLDS_POST and (org := _post_organisation(graph, target)):
            seen[(person, org, None)] |= meetings
            seen[(person, org, target)] |= meetings
    found = []
    for (person, org, post), meetings in sorted(seen.items(), key=lambda x: (x[0][0], x[0][1], x[0][2] or "")):
        ordered = sorted(meetings, key=lambda m: (graph.nodes[m].get("date") or "", m))
        dates = [d for m in ordered if (d := graph.nodes[m].get("date"))]
        found.append(Membership(person, org, post, tuple(ordered), min(dates, default=None), max(dates, default=None)))
    return found
