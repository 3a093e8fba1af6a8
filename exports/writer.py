"""How an output file is written a piece of the graph at a time.

A piece is the entities (the people, organisations, posts, topics and places meetings share) or one
meeting. A format turns a piece into its share of the file (``part``: made on any process, and kept
in the build's cache, so a rebuild makes it only for a meeting that changed) and puts the file
together from those shares in an open file: the head, every part in turn, the tail.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, TextIO

import networkx as nx
import pyoxigraph as ox

from extract import Meeting
from graph import Membership, Resolution

__all__ = ["Piece", "WriteContext", "Writer", "Spool", "flat", "in_order"]


@dataclass(frozen=True)
class Piece:
    """Part of the graph to write: its nodes and edges (as networkx gives them with their data), its
    named graph's quads, and for a meeting its record and who its attendees resolved to."""

    nodes: list[tuple[str, dict]]
    edges: list[tuple[str, str, str, dict]]
    quads: list[ox.Quad]  # see ``in_order``
    base: str  # the base IRI the RDF is written against
    meeting: Meeting | None = None
    resolution: Resolution | None = None
    memberships: tuple[Membership, ...] = ()  # of the entities' piece: who was seen where

    @classmethod
    def of_graph(cls, graph: nx.MultiDiGraph, base: str = "") -> Piece:
        """A whole networkx graph as one piece (no RDF)."""
        return cls(list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)), [], base)


@dataclass(frozen=True)
class WriteContext:
    """What a file's head and tail need of the whole build."""

    base: str
    resolution: Resolution


class Writer:
    """One output file, ``name``: the head when opened, each piece's ``part`` (if it has one) as it
    comes, ``separator`` between parts, the tail when closed."""

    name: ClassVar[str]
    separator: ClassVar[str] = ""

    def __init__(self, handle: TextIO, context: WriteContext) -> None:
        self.handle, self.context, self.empty = handle, context, True
        handle.write(self.head())

    @staticmethod
    def part(piece: Piece) -> Any:
        raise NotImplementedError

    def head(self) -> str:
        return ""

    def tail(self) -> str:
        return ""

    def add(self, part: Any) -> None:
        if part:
            self.handle.write(part if self.empty else self.separator + part)
            self.empty = False

    def close(self) -> None:
        self.handle.write(self.tail())


class Spool:
    """A list of a file held in a temporary file until its place comes: a format whose file has two
    lists, filled a piece at a time, writes the first as it goes and spools the second (at 5,000
    meetings it is too big to hold)."""

    def __init__(self, separator: str) -> None:
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.separator, self.empty = separator, True

    def write(self, text: str) -> None:
        if text:
            self.file.write(text if self.empty else self.separator + text)
            self.empty = False

    def copy_to(self, handle: TextIO) -> None:
        with self.file:
            self.file.seek(0)
            shutil.copyfileobj(self.file, handle, 1 << 20)


def in_order(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Each quad once, each subject's together: sorted as N-Quads lines, twice as fast as by a tuple."""
    return sorted(set(quads), key=str)


def flat(value):
    """GraphML and CSV cells hold text, numbers and booleans: lists become '; '-joined text."""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(map(str, value))
    return value
