"""The graph-wide files: graph.json (node-link, what the query commands read), GraphML (for Gephi
and yEd) and the node and edge CSV tables (for spreadsheets), made in pieces.

A piece is the nodes and edges of part of the graph (the shared entities, or one meeting) in each
format; a file is its head, every piece's nodes, every piece's edges and its tail. A meeting's
pieces are kept on disk between builds, and a file is copied together from them: at a thousand
meetings GraphML alone is 250 MB, which should be neither remade nor held in memory whole.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graph import GRAPH_JSON_FORMAT

__all__ = [
    "GRAPH_FILES",
    "GraphPiece",
    "graph_piece",
    "graph_file_parts",
    "graph_json",
    "graphml",
]

GRAPH_FILES = ("graph.json", "graph.graphml", "nodes.csv", "edges.csv")
NODE_COLUMNS = ("id", "type", "label", "date", "source", "in_gazetteer", "aliases")
EDGE_COLUMNS = ("source_node", "target_node", "type", "meeting", "source", "start", "end", "verb", "evidence")
# Markup escaped, and characters XML 1.0 cannot hold at all dropped (a PDF's form feed must not make
# the file unreadable): one str.translate per value, where saxutils took a third of the writing.
_XML = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\ufffe": None, "\uffff": None}
    | {chr(c): None for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}
)
_JSON_HEAD = (
    '{"format": ' + json.dumps(GRAPH_JSON_FORMAT) + ', "graph": {"directed": true, "multigraph": true, '
    '"graph": {"name": "minutes-graph"}, "nodes": [\n'
)
_GRAPHML_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)


@dataclass(frozen=True)
class GraphPiece:
    """Part of the graph in every graph-wide format: ``texts`` maps "graph.json.nodes",
    "graph.json.edges", "graph.graphml.nodes", "graph.graphml.edges", "nodes.csv" and "edges.csv" to
    text, or to the file holding it; ``kinds`` is the Python type of each node and edge attribute."""

    texts: Mapping[str, str | Path]
    nodes: int
    edges: int
    kinds: dict[str, dict[str, list[str]]] = field(default_factory=dict)


def _flat(value):
    """GraphML and CSV cells hold text, numbers and booleans: lists become '; '-joined text."""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(map(str, value))
    return value


def _kinds(records: Iterable[dict]) -> dict[str, list[str]]:
    seen: dict[str, set[str]] = {}
    for data in records:
        for name, value in data.items():
            if value is not None:
                seen.setdefault(name, set()).add(type(_flat(value)).__name__)
    return {name: sorted(kinds) for name, kinds in seen.items()}


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(_flat(value)).translate(_XML)


def _cells(data: dict, prefix: str) -> str:
    return "".join(f'<data key="{prefix}{_text(k)}">{_text(v)}</data>' for k, v in data.items() if v is not None)


def _csv(rows: Iterable[dict], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n").writerows(rows)
    return out.getvalue()


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def graph_piece(nodes: list[tuple[str, dict]], edges: list[tuple[str, str, str, dict]]) -> GraphPiece:
    """These nodes and edges (``graph.nodes(data=True)``, ``graph.edges(keys=True, data=True)``) as a piece."""
    texts = {
        "graph.json.nodes": ",\n".join(_json({**d, "id": n}) for n, d in nodes),
        "graph.json.edges": ",\n".join(_json({**d, "from": u, "to": v, "key": k}) for u, v, k, d in edges),
        "graph.graphml.nodes": "".join(f'    <node id="{_text(n)}">{_cells(d, "")}</node>\n' for n, d in nodes),
        "graph.graphml.edges": "".join(
            f'    <edge source="{_text(u)}" target="{_text(v)}" id="{_text(k)}">{_cells(d, "edge_")}</edge>\n'
            for u, v, k, d in edges
        ),
        "nodes.csv": _csv(({"id": n, **{k: _flat(x) for k, x in d.items()}} for n, d in nodes), NODE_COLUMNS),
        "edges.csv": _csv(
            (
                {
                    "source_node": u,
                    "target_node": v,
                    **{k: _flat(x) for k, x in d.items() if k != "source_node"},
                    "evidence": " ".join(str(d.get("evidence", "")).split()),
                }
                for u, v, _, d in edges
            ),
            EDGE_COLUMNS,
        ),
    }
    kinds = {"node": _kinds(d for _, d in nodes), "edge": _kinds(d for *_, d in edges)}
    return GraphPiece(texts, len(nodes), len(edges), kinds)


def _graphml_type(kinds: set[str]) -> str:
    """An attribute's GraphML type: boolean, long or double when every value is one, else string."""
    if kinds == {"bool"}:
        return "boolean"
    if kinds == {"int"}:
        return "long"
    return "double" if kinds <= {"int", "float"} else "string"


def _graphml_keys(pieces: list[GraphPiece]) -> str:
    """Each attribute's key, typed by the values of every piece. Edge keys are named apart from node
    keys ("edge_source"), so a piece never depends on the others."""
    lines = []
    for kind, prefix in (("node", ""), ("edge", "edge_")):
        seen: dict[str, set[str]] = {}
        for piece in pieces:
            for name, kinds in piece.kinds.get(kind, {}).items():
                seen.setdefault(name, set()).update(kinds)
        for name, kinds in seen.items():
            lines.append(
                f'  <key id="{prefix}{_text(name)}" for="{kind}" attr.name="{_text(name)}" '
                f'attr.type="{_graphml_type(kinds)}"/>\n'
            )
    return "".join(lines)


def _joined(texts: list[str | Path], separator: str) -> list[str | Path]:
    parts: list[str | Path] = []
    for text in texts:
        parts += [separator, text] if parts else [text]
    return parts


def graph_file_parts(pieces: list[GraphPiece]) -> dict[str, list[str | Path]]:
    """Each graph-wide file as the parts to write in order: text, and pieces' files to copy in."""
    return {
        "graph.json": [
            _JSON_HEAD,
            *_joined([p.texts["graph.json.nodes"] for p in pieces if p.nodes], ",\n"),
            '\n], "edges": [\n',
            *_joined([p.texts["graph.json.edges"] for p in pieces if p.edges], ",\n"),
            "\n]}}\n",
        ],
        "graph.graphml": [
            _GRAPHML_HEAD,
            _graphml_keys(pieces),
            '  <graph edgedefault="directed">\n',
            *(p.texts["graph.graphml.nodes"] for p in pieces),
            *(p.texts["graph.graphml.edges"] for p in pieces),
            "  </graph>\n</graphml>\n",
        ],
        "nodes.csv": [",".join(NODE_COLUMNS) + "\n", *(p.texts["nodes.csv"] for p in pieces)],
        "edges.csv": [",".join(EDGE_COLUMNS) + "\n", *(p.texts["edges.csv"] for p in pieces)],
    }


def _whole(graph: nx.MultiDiGraph, name: str) -> str:
    piece = graph_piece(list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)))
    return "".join(graph_file_parts([piece])[name])


def graph_json(graph: nx.MultiDiGraph) -> str:
    """A whole graph as graph.json text (what ``graph.graph_from_json`` reads)."""
    return _whole(graph, "graph.json")


def graphml(graph: nx.MultiDiGraph) -> str:
    """A whole graph as GraphML text: node labels as 'label' so Gephi shows them, every other
    attribute typed, lists joined by '; ', empty values left out (GraphML has no null)."""
    return _whole(graph, "graph.graphml")
