"""GraphML, for Gephi and yEd: node labels as 'label' so Gephi shows them, every attribute typed as
``data/attributes.yaml`` declares it, lists joined by '; ', empty values left out (GraphML has no null)."""

from __future__ import annotations

import functools
from importlib import resources

import yaml

from graph import Piece

from .writer import Writer, flat

__all__ = ["GraphML", "attribute_types"]

# Markup escaped, and characters XML 1.0 cannot hold at all dropped (a PDF's form feed must not make
# the file unreadable): one str.translate per value, where saxutils took a third of the writing.
_XML = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\ufffe": None, "\uffff": None}
    | {chr(c): None for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}
)
_PREFIX = {"node": "", "edge": "edge_"}  # edge keys named apart from node keys ("edge_source")


@functools.cache
def attribute_types() -> dict[str, dict[str, str]]:
    """ "node" and "edge" to each attribute's GraphML type."""
    return yaml.safe_load((resources.files("exports") / "data" / "attributes.yaml").read_text(encoding="utf-8"))


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(flat(value)).translate(_XML)


def _cells(data: dict, kind: str) -> str:
    declared = attribute_types()[kind]
    cells = []
    for name, value in data.items():
        if value is None:
            continue
        if name not in declared:  # a new attribute must be declared, or GraphML would lose it
            raise ValueError(f"{kind} attribute {name!r} is not declared in exports/data/attributes.yaml")
        cells.append(f'<data key="{_PREFIX[kind]}{name}">{_text(value)}</data>')
    return "".join(cells)


class GraphML(Writer):
    name = "graph.graphml"

    @staticmethod
    def part(piece: Piece) -> str:
        return "".join(f'    <node id="{_text(n)}">{_cells(d, "node")}</node>\n' for n, d in piece.nodes) + "".join(
            f'    <edge source="{_text(u)}" target="{_text(v)}" id="{_text(k)}">{_cells(d, "edge")}</edge>\n'
            for u, v, k, d in piece.edges
        )

    def head(self) -> str:
        keys = "".join(
            f'  <key id="{_PREFIX[kind]}{name}" for="{kind}" attr.name="{name}" attr.type="{kind_type}"/>\n'
            for kind, attributes in attribute_types().items()
            for name, kind_type in attributes.items()
        )
        return (
            "<?xml version='1.0' encoding='utf-8'?>\n"
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
            f'{keys}  <graph edgedefault="directed">\n'
        )

    def tail(self) -> str:
        return "  </graph>\n</graphml>\n"
