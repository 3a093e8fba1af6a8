"""The overview graph.html shows for a big corpus: who (people, organisations, posts) raised what
(topics), with meetings as a filter rather than as nodes.

A page holding every meeting, item and sentence grows with the corpus (20 MB a hundred meetings)
and no browser opens it at a few thousand; the overview grows with the people and topics only.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["OVERVIEW_FROM", "viewer_graph"]

# Above this many meetings, the page shows the overview.
OVERVIEW_FROM = 150
_NODES = ("person", "organisation", "post", "topic")
_EDGES = ("represents", "holds_post", "post_in", "part_of", "member_of", "raises", "broader")


def viewer_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph itself, or above OVERVIEW_FROM meetings its overview: every person, organisation,
    post and topic, and the edges among them (a graph of its own, sharing the attribute dicts:
    filtered views of a big graph are slow to walk)."""
    meetings = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "meeting")
    if meetings <= OVERVIEW_FROM:
        return graph
    overview = nx.MultiDiGraph()
    overview.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d["type"] in _NODES)
    overview.add_edges_from(
        (u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if d["type"] in _EDGES and u in overview
    )
    return overview
