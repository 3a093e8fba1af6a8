"""The networkx graph as node-link JSON and back: what query commands read after a build."""

from __future__ import annotations

import json

import networkx as nx
from networkx.readwrite import json_graph

from extract import MinutesGraphError

__all__ = ["graph_to_json", "graph_from_json", "GraphFormatError"]

_FORMAT = "minutes-graph/node-link/1"
# Edges carry a "source" attribute (the minutes file), so the endpoints need other names.
_LINK_NAMES = {"source": "from", "target": "to", "key": "key", "edges": "edges"}


class GraphFormatError(MinutesGraphError):
    """A file that is not a graph written by graph_to_json."""


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """Node-link JSON of the graph (edges keyed), with a format marker."""
    data = json_graph.node_link_data(graph, **_LINK_NAMES)
    return json.dumps({"format": _FORMAT, "graph": data}, ensure_ascii=False) + "\n"


def graph_from_json(text: str, source: str = "graph.json") -> nx.MultiDiGraph:
    """The graph written by graph_to_json; ``source`` names the file in errors."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise GraphFormatError(f"{source}: not JSON ({e.msg} at line {e.lineno})") from e
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise GraphFormatError(f"{source}: not a minutes-graph graph file (run 'minutes-graph build' first)")
    return json_graph.node_link_graph(data["graph"], directed=True, multigraph=True, **_LINK_NAMES)
