"""The graph in pieces, each written and stored on its own: the entities (the people, organisations,
posts, topics and places meetings share) and each meeting. A piece is its nodes and edges as
networkx gives them, with their data, and its named graph's quads."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

from extract import Meeting, load_gazetteer

from .build import meeting_fragment
from .kinds import ENTITY_EDGES, MEETING_NODES, NodeKind, node_id
from .meeting_rdf import GraphIndex, meeting_quads, meeting_view
from .memberships import Membership, memberships
from .rdf import entity_quads
from .rdf_terms import entities_graph_iri, meeting_graph_iri
from .resolve import Resolution
from .summary import summary_part

__all__ = ["Piece", "entities_piece", "in_order", "meeting_piece"]


@dataclass(frozen=True)
class Piece:
    """Part of the graph to write: its nodes and edges, its named graph (``iri``) and that graph's
    quads, and for a meeting its record and who its attendees resolved to."""

    nodes: list[tuple[str, dict]]
    edges: list[tuple[str, str, str, dict]]
    quads: list[ox.Quad]  # see ``in_order``
    base: str  # the base IRI the RDF is written against
    iri: str = ""
    meeting: Meeting | None = None
    resolution: Resolution | None = None
    memberships: tuple[Membership, ...] = ()  # of the entities' piece: who was seen where

    @classmethod
    def of_graph(cls, graph: nx.MultiDiGraph, base: str = "") -> Piece:
        """A whole networkx graph as one piece (no RDF)."""
        return cls(list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)), [], base)


def in_order(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Each quad once, each subject's together: sorted as N-Quads lines, twice as fast as by a tuple."""
    return sorted(set(quads), key=str)


def meeting_piece(meeting: Meeting, resolution: Resolution, base: str, made_by: tuple[str, str]) -> tuple[Piece, dict]:
    """A meeting's piece, its provenance naming the tool and model ``made_by``, and its share of the
    summary graph (see ``summary_part``)."""
    fragment = meeting_fragment(meeting, resolution, load_gazetteer())
    node = node_id(NodeKind.MEETING, meeting.id)
    piece = Piece(
        [(n, d) for n, d in fragment.nodes(data=True) if d and d["type"] in MEETING_NODES],
        [(u, v, k, d) for u, v, k, d in fragment.edges(keys=True, data=True) if d["type"] not in ENTITY_EDGES],
        in_order(meeting_quads(meeting_view(fragment, node, GraphIndex.of(fragment)), base, *made_by)),
        base,
        meeting_graph_iri(base, node).value,
        meeting,
        resolution,
    )
    return piece, summary_part(fragment)


def entities_piece(summary: nx.MultiDiGraph, base: str, made_by: tuple[str, str]) -> Piece:
    """The entities' piece of a summary graph: every node no meeting owns, the edges between them,
    their quads, and the memberships (found once, for the RDF and for Popolo)."""
    observed = tuple(memberships(summary))
    return Piece(
        [(n, d) for n, d in summary.nodes(data=True) if d["type"] not in MEETING_NODES],
        [(u, v, k, d) for u, v, k, d in summary.edges(keys=True, data=True) if d["type"] in ENTITY_EDGES],
        in_order(entity_quads(summary, base, *made_by, observed)),
        base,
        entities_graph_iri(base).value,
        memberships=observed,
    )
