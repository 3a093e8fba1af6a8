"""How an output file is written a piece of the graph at a time (see ``graph.pieces``).

A format turns a piece into its share of the file (``part``: made on any process, and kept
in the build's cache, so a rebuild makes it only for a meeting that changed) and puts the file
together from those shares in an open file: the head, every part in turn, the tail.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from typing import Any, ClassVar, TextIO

from graph import Piece, Resolution

__all__ = ["WriteContext", "Writer", "Spool", "flat"]


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


def flat(value):
    """GraphML and CSV cells hold text, numbers and booleans: lists become '; '-joined text."""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(map(str, value))
    return value
