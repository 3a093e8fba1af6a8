"""graph.json read back into networkx: what the query commands work on after a build."""

from __future__ import annotations

import json

import networkx as nx
from networkx.readwrite import json_graph

from extract import MinutesGraphError

from .kinds import EdgeKind, NodeKind

__all__ = ["GRAPH_JSON_FORMAT", "graph_from_json", "GraphFormatError"]

# The marker graph.json opens with (exports writes the file).
GRAPH_JSON_FORMAT = "minutes-graph/node-link/1"
# Edges carry a "source" attribute (the minutes file), so the endpoints need other names.
_LINK_NAMES = {"source": "from", "target": "to", "key": "key", "edges": "edges"}


class GraphFormatError(MinutesGraphError):
    """A file that is not a graph.json written by a build."""


def graph_from_json(text: str, source: str = "graph.json") -> nx.MultiDiGraph:
    """The graph of a graph.json text; ``source`` names the file in errors."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise GraphFormatError(f"{source}: not JSON ({e.msg} at line {e.lineno})") from e
    if not isinstance(data, dict) or data.get("format") != GRAPH_JSON_FORMAT:
        raise GraphFormatError(f"{source}: not a minutes-graph graph file (run 'minutes-graph build' first)")
    graph = json_graph.node_link_graph(data["graph"], directed=True, multigraph=True, **_LINK_NAMES)
    try:  # typed again: the file holds the kinds' names
        for _, node in graph.nodes(data=True):
            node["type"] = NodeKind(node["type"])
        for *_, edge in graph.edges(data=True):
            edge["type"] = EdgeKind(edge["type"])
    except (KeyError, ValueError) as e:
        raise GraphFormatError(f"{source}: a node or edge of no known kind ({e})") from e
    return graph
