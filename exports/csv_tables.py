"""nodes.csv and edges.csv, for spreadsheets: one row a node or edge, lists joined by '; ', each
edge's evidence on one line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from graph import Piece

from .writer import Writer, flat

__all__ = ["NodesCsv", "EdgesCsv"]


def _rows(rows: Iterable[dict], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n").writerows(rows)
    return out.getvalue()


class _Table(Writer):
    """A CSV file: a header row of ``columns``, then each part's rows."""

    columns: tuple[str, ...]

    def head(self) -> str:
        return ",".join(self.columns) + "\n"


class NodesCsv(_Table):
    name = "nodes.csv"
    columns = ("id", "type", "label", "date", "source", "in_gazetteer", "aliases")

    @staticmethod
    def part(piece: Piece) -> str:
        return _rows(({"id": n, **{k: flat(x) for k, x in d.items()}} for n, d in piece.nodes), NodesCsv.columns)


class EdgesCsv(_Table):
    name = "edges.csv"
    columns = ("source_node", "target_node", "type", "meeting", "source", "start", "end", "verb", "evidence")

    @staticmethod
    def part(piece: Piece) -> str:
        rows = (
            {
                "source_node": u,
                "target_node": v,
                **{k: flat(x) for k, x in d.items()},
                "evidence": " ".join(str(d.get("evidence", "")).split()),
            }
            for u, v, _, d in piece.edges
        )
        return _rows(rows, EdgesCsv.columns)
