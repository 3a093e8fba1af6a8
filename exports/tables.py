"""GraphML (for Gephi and yEd) and CSV node and edge tables (for spreadsheets) of the networkx graph."""

from __future__ import annotations

import csv
import io

import networkx as nx

__all__ = ["graphml", "nodes_csv", "edges_csv", "flat_graph"]

NODE_COLUMNS = ("id", "type", "label", "date", "source", "in_gazetteer", "aliases")
EDGE_COLUMNS = ("source_node", "target_node", "type", "meeting", "source", "start", "end", "verb", "evidence")


def _flat(value):
    """GraphML and CSV cells hold text, numbers and booleans: lists become '; '-joined text."""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(map(str, value))
    return value


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all scalar, with no empty ones (GraphML has no null)."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in data.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _flat(x) for k, x in data.items() if x is not None})
    return flat


def graphml(graph: nx.MultiDiGraph) -> bytes:
    """The graph as GraphML: node labels as 'label' so Gephi shows them. (networkx's lxml writer:
    twice as fast as its ElementTree one.)"""
    out = io.BytesIO()
    nx.write_graphml_lxml(flat_graph(graph), out, named_key_ids=True)
    return out.getvalue()


def _csv(rows: list[dict], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def nodes_csv(graph: nx.MultiDiGraph) -> str:
    """One row per node: id, type, label and the attributes most nodes have."""
    return _csv([{"id": n, **{k: _flat(v) for k, v in d.items()}} for n, d in graph.nodes(data=True)], NODE_COLUMNS)


def edges_csv(graph: nx.MultiDiGraph) -> str:
    """One row per edge, with its provenance (meeting, source file, span, evidence text)."""
    rows = [
        {
            "source_node": u,
            "target_node": v,
            **{k: _flat(x) for k, x in d.items() if k != "source_node"},
            "evidence": " ".join(str(d.get("evidence", "")).split()),
        }
        for u, v, d in graph.edges(data=True)
    ]
    return _csv(rows, EDGE_COLUMNS)
