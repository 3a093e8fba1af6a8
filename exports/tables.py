"""GraphML (for Gephi and yEd) and CSV node and edge tables (for spreadsheets) of the networkx graph.

The big ones are written row by row into an open file: at a thousand meetings GraphML alone is
250 MB, which should not be held in memory as one string.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import BinaryIO

import networkx as nx

__all__ = ["graphml", "write_graphml", "nodes_csv", "edges_csv", "write_edges_csv"]

NODE_COLUMNS = ("id", "type", "label", "date", "source", "in_gazetteer", "aliases")
EDGE_COLUMNS = ("source_node", "target_node", "type", "meeting", "source", "start", "end", "verb", "evidence")
# Markup escaped, and characters XML 1.0 cannot hold at all dropped (a PDF's form feed must not make
# the file unreadable): one str.translate per value, where saxutils took a third of the writing.
_XML = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\ufffe": None, "\uffff": None}
    | {chr(c): None for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}
)


def _flat(value):
    """GraphML and CSV cells hold text, numbers and booleans: lists become '; '-joined text."""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(map(str, value))
    return value


def _graphml_types(records: Iterable[dict]) -> dict[str, str]:
    """Each attribute's GraphML type: boolean, long or double when every value is one, else string."""
    seen: dict[str, set[type]] = {}
    for data in records:
        for name, value in data.items():
            if value is not None:
                seen.setdefault(name, set()).add(type(_flat(value)))
    types = {}
    for name, kinds in seen.items():
        if kinds == {bool}:
            types[name] = "boolean"
        elif kinds == {int}:
            types[name] = "long"
        elif kinds <= {int, float}:
            types[name] = "double"
        else:
            types[name] = "string"
    return types


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(_flat(value)).translate(_XML)


def write_graphml(graph: nx.MultiDiGraph, handle: BinaryIO) -> None:
    """The graph as GraphML, written as it goes: node labels as 'label' so Gephi shows them, every
    other attribute typed, lists joined by '; ', empty values left out (GraphML has no null)."""
    out = io.TextIOWrapper(handle, encoding="utf-8", newline="\n", write_through=False)
    node_types = _graphml_types(d for _, d in graph.nodes(data=True))
    edge_types = _graphml_types(d for *_, d in graph.edges(keys=True, data=True))
    node_ids = {name: name for name in node_types}
    edge_ids = {name: name if name not in node_ids else f"edge_{name}" for name in edge_types}
    # The opening tag of each attribute's <data> element, made once.
    node_data = {name: f'<data key="{key.translate(_XML)}">' for name, key in node_ids.items()}
    edge_data = {name: f'<data key="{key.translate(_XML)}">' for name, key in edge_ids.items()}
    out.write(
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    for kind, types, ids in (("node", node_types, node_ids), ("edge", edge_types, edge_ids)):
        for name, type_ in types.items():
            out.write(f'  <key id="{_text(ids[name])}" for="{kind}" attr.name="{_text(name)}" attr.type="{type_}"/>\n')
    out.write('  <graph edgedefault="directed">\n')
    for node, data in graph.nodes(data=True):
        cells = "".join(f"{node_data[k]}{_text(v)}</data>" for k, v in data.items() if v is not None)
        out.write(f'    <node id="{_text(node)}">{cells}</node>\n')
    for u, v, key, data in graph.edges(keys=True, data=True):
        cells = "".join(f"{edge_data[k]}{_text(x)}</data>" for k, x in data.items() if x is not None)
        out.write(f'    <edge source="{_text(u)}" target="{_text(v)}" id="{_text(key)}">{cells}</edge>\n')
    out.write("  </graph>\n</graphml>\n")
    out.flush()
    out.detach()


def graphml(graph: nx.MultiDiGraph) -> bytes:
    """The GraphML of ``write_graphml`` as bytes."""
    out = io.BytesIO()
    write_graphml(graph, out)
    return out.getvalue()


def _csv(rows: Iterable[dict], columns: tuple[str, ...], handle) -> None:
    writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def nodes_csv(graph: nx.MultiDiGraph) -> str:
    """One row per node: id, type, label and the attributes most nodes have."""
    out = io.StringIO()
    _csv(({"id": n, **{k: _flat(v) for k, v in d.items()}} for n, d in graph.nodes(data=True)), NODE_COLUMNS, out)
    return out.getvalue()


def write_edges_csv(graph: nx.MultiDiGraph, handle: BinaryIO) -> None:
    """One row per edge, with its provenance (meeting, source file, span, evidence text), written as it goes."""
    out = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    rows = (
        {
            "source_node": u,
            "target_node": v,
            **{k: _flat(x) for k, x in d.items() if k != "source_node"},
            "evidence": " ".join(str(d.get("evidence", "")).split()),
        }
        for u, v, d in graph.edges(data=True)
    )
    _csv(rows, EDGE_COLUMNS, out)
    out.flush()
    out.detach()


def edges_csv(graph: nx.MultiDiGraph) -> str:
    """The table of ``write_edges_csv`` as text."""
    out = io.BytesIO()
    write_edges_csv(graph, out)
    return out.getvalue().decode("utf-8")
