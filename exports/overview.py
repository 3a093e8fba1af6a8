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
    """The graph itself, or above OVERVIEW_FROM meetings its overview (a view, not a copy): every
    person, organisation, post and topic, and the edges among them."""
    meetings = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "meeting")
    if meetings <= OVERVIEW_FROM:
        return graph
    nodes = nx.subgraph_view(graph, filter_node=lambda n: graph.nodes[n]["type"] in _NODES)
    return nx.subgraph_view(nodes, filter_edge=lambda u, v, k: graph.edges[u, v, k]["type"] in _EDGES)
