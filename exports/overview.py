"""graph.html: the whole graph for a few meetings; for a big corpus, the overview of who (people,
organisations, posts) raised what (topics), drawn from the summary graph, with meetings as a filter
rather than as nodes.

A page holding every meeting, item and sentence grows with the corpus (20 MB a hundred meetings)
and no browser opens it at a few thousand; the overview grows with the people and topics only.
"""

from __future__ import annotations

import networkx as nx

from graph import EdgeKind, NodeKind

from .html import html_network, render_html
from .viewer_data import page_data

__all__ = ["OVERVIEW_FROM", "overview", "graph_page", "overview_page"]

# Above this many meetings, the page shows the overview.
OVERVIEW_FROM = 150
# Sentences an overview panel and an overview edge's tooltip quote (40 and 3 elsewhere): at 5,000
# meetings, 5,500 panels of 40 and 98,000 tooltips of 3 made a 118 MB page.
# `minutes-graph view NAME` draws one node's neighbourhood with all of them.
OVERVIEW_QUOTES = 10
OVERVIEW_EDGE_QUOTES = 1
_NODES = {NodeKind.PERSON, NodeKind.ORGANISATION, NodeKind.POST, NodeKind.TOPIC}
_EDGES = {
    EdgeKind.REPRESENTS,
    EdgeKind.HOLDS_POST,
    EdgeKind.POST_IN,
    EdgeKind.PART_OF,
    EdgeKind.MEMBER_OF,
    EdgeKind.RAISES,
    EdgeKind.BROADER,
}


def overview(summary: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Every person, organisation, post and topic of a summary graph (see ``graph.summarise``) and
    the edges among them: a graph of its own sharing the attribute dicts (filtered views of a big
    graph are slow to walk)."""
    shown = nx.MultiDiGraph()
    shown.add_nodes_from((n, d) for n, d in summary.nodes(data=True) if d["type"] in _NODES)
    shown.add_edges_from(
        (u, v, k, d) for u, v, k, d in summary.edges(keys=True, data=True) if d["type"] in _EDGES and u in shown
    )
    return shown


def graph_page(
    graph: nx.MultiDiGraph, title: str, subject: str | None = None, whole: nx.MultiDiGraph | None = None
) -> str:
    """The page of a graph: every meeting, item and sentence (for OVERVIEW_FROM meetings or fewer),
    or a part of ``whole`` (one node's neighbourhood, ``subject``, selected when the page opens),
    each panel telling all ``whole`` knows of its node."""
    return render_html(html_network(graph), page_data(whole or graph, graph), title=title, subject=subject)


def overview_page(summary: nx.MultiDiGraph, meetings: int, title: str) -> str:
    """The page of a summary graph of ``meetings`` meetings: its overview drawn, details and filters
    from all of it."""
    shown = overview(summary)
    title += f" (overview of {meetings:,} meetings: pick a meeting or a year to see who was there)"
    return render_html(
        html_network(shown, OVERVIEW_EDGE_QUOTES), page_data(summary, shown, OVERVIEW_QUOTES), title=title
    )
