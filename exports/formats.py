"""The files a build writes a meeting at a time, registered here: a new format is a module with a
``Writer`` and a line in FORMATS."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph import Piece, Resolution

from .csv_tables import EdgesCsv, NodesCsv
from .graph_json import GraphJson
from .graphml import GraphML
from .meetings_json import MeetingsJson
from .popolo import PopoloJson
from .rdf_files import JsonLd, NTriples, TriG, Turtle
from .vocabulary import Vocabulary
from .writer import WriteContext, Writer

__all__ = ["FORMATS", "parts_of", "write_formats", "graph_text"]

FORMATS: tuple[type[Writer], ...] = (
    MeetingsJson,
    GraphJson,
    Turtle,
    TriG,
    JsonLd,
    NTriples,
    Vocabulary,
    PopoloJson,
    GraphML,
    NodesCsv,
    EdgesCsv,
)


def parts_of(piece: Piece, made: Mapping[type[Writer], Any] = {}) -> Iterator[Any]:
    """A piece's part of every file, in the order of FORMATS, made one at a time (the entities'
    parts of all the files together are hundreds of megabytes at 5,000 meetings); a part in ``made``
    is not made again."""
    return (made[writer] if writer in made else writer.part(piece) for writer in FORMATS)


def write_formats(folder: Path, context: WriteContext, parts: Iterable[Iterable[Any]]) -> dict[str, Path]:
    """Every format's file in ``folder``, from ``parts`` (each piece's ``parts_of``), in order."""
    with contextlib.ExitStack() as files:
        writers = [
            writer(files.enter_context(open(folder / writer.name, "w", encoding="utf-8", newline="")), context)
            for writer in FORMATS
        ]
        for piece in parts:
            for writer, part in zip(writers, piece, strict=True):
                writer.add(part)
        for writer in writers:
            writer.close()
    return {writer.name: folder / writer.name for writer in FORMATS}


def graph_text(writer: type[Writer], graph: nx.MultiDiGraph) -> str:
    """A whole networkx graph as the text of one graph format (graph.json, GraphML, the CSV tables)."""
    out = io.StringIO()
    file = writer(out, WriteContext("", Resolution({}, {})))
    file.add(writer.part(Piece.of_graph(graph)))
    file.close()
    return out.getvalue()
