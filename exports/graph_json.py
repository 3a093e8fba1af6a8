"""graph.json: the graph in networkx's node-link form, what the query commands read back."""

from __future__ import annotations

import json

from graph import GRAPH_JSON_FORMAT, Piece

from .writer import Spool, Writer

__all__ = ["GraphJson"]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


class GraphJson(Writer):
    """Nodes come before edges in the file, so each part's edges wait in a spool file until the last
    node is written (at 5,000 meetings they are too many to hold)."""

    name = "graph.json"
    separator = ",\n"

    @staticmethod
    def part(piece: Piece) -> tuple[str, str]:
        return (
            ",\n".join(_json({**d, "id": n}) for n, d in piece.nodes),
            ",\n".join(_json({**d, "from": u, "to": v, "key": k}) for u, v, k, d in piece.edges),
        )

    def head(self) -> str:
        self.edges = Spool(",\n")
        return (
            '{"format": ' + _json(GRAPH_JSON_FORMAT) + ', "graph": {"directed": true, "multigraph": true, '
            '"graph": {"name": "minutes-graph"}, "nodes": [\n'
        )

    def add(self, part: tuple[str, str]) -> None:
        nodes, edges = part
        super().add(nodes)
        self.edges.write(edges)

    def close(self) -> None:
        self.handle.write('\n], "edges": [\n')
        self.edges.copy_to(self.handle)
        self.handle.write("\n]}}\n")
