"""The networkx graph as node-link JSON and back: what query commands read after a build."""

from __future__ import annotations

import io
import json
from typing import BinaryIO

import networkx as nx
from networkx.readwrite import json_graph

from extract import MinutesGraphError

__all__ = ["write_graph_json", "graph_to_json", "graph_from_json", "GraphFormatError"]

_FORMAT = "minutes-graph/node-link/1"
# Edges carry a "source" attribute (the minutes file), so the endpoints need other names.
_LINK_NAMES = {"source": "from", "target": "to", "key": "key", "edges": "edges"}


class GraphFormatError(MinutesGraphError):
    """A file that is not a graph written by graph_to_json."""


def write_graph_json(graph: nx.MultiDiGraph, handle: BinaryIO) -> None:
    """Node-link JSON of the graph (edges keyed), with a format marker, written a node or an edge at a
    time: at a thousand meetings it is 200 MB, too much to hold as one string beside the graph."""

    def dump(value) -> bytes:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")

    handle.write(b'{"format": ' + dump(_FORMAT) + b', "graph": {"directed": true, "multigraph": true, "graph": ')
    handle.write(dump(graph.graph) + b', "nodes": [')
    for n, (node, data) in enumerate(graph.nodes(data=True)):
        handle.write((b", " if n else b"") + dump({**data, "id": node}))
    handle.write(b'], "edges": [')
    for n, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        handle.write((b", " if n else b"") + dump({**data, "from": u, "to": v, "key": key}))
    handle.write(b"]}}\n")


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """The JSON of ``write_graph_json`` as text."""
    out = io.BytesIO()
    write_graph_json(graph, out)
    return out.getvalue().decode("utf-8")


def graph_from_json(text: str, source: str = "graph.json") -> nx.MultiDiGraph:
    """The graph written by graph_to_json; ``source`` names the file in errors."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise GraphFormatError(f"{source}: not JSON ({e.msg} at line {e.lineno})") from e
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise GraphFormatError(f"{source}: not a minutes-graph graph file (run 'minutes-graph build' first)")
    return json_graph.node_link_graph(data["graph"], directed=True, multigraph=True, **_LINK_NAMES)
