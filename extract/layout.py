"""Lines of a document and the sections they open: attendee lists and their status."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .records import Status

__all__ = [
    "Line",
    "AttendanceBlock",
    "split_lines",
    "attendance_heading",
    "attendance_blocks",
    "is_prose",
    "is_link_line",
]

_NUMBERING = re.compile(r"^\s*(?:[-*\u2022#>]+\s*|\(?\d{1,2}[.)]\s*|[a-z][.)]\s+)*")
_LINK_LINE = re.compile(r"^\s*\[[^\]]*\]\([^)]*\)\s*$")


@dataclass(frozen=True)
class Line:
    """One line of a document, without its line break; ``start``/``end`` are offsets in the text."""

    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass(frozen=True)
class AttendanceBlock:
    """Character range of a list of people under one heading, and what the heading says of them."""

    status: Status
    start: int
    end: int


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its offsets."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def _heading_key(text: str) -> str:
    return re.sub(r"\s+", " ", _NUMBERING.sub("", text)).strip().rstrip(":").strip().casefold()


def attendance_heading(line: Line, lexicon: Lexicon) -> tuple[Status, int] | None:
    """The status a heading line opens and the offset where its list starts, or None.

    A heading may carry its list after a colon: ``Present: Cllr A Smith, Cllr B Jones``.
    """
    head, colon, _ = line.text.partition(":")
    candidates = [(line.text, line.end)] + ([(head, line.start + len(head) + 1)] if colon else [])
    for candidate, start in candidates:
        key = _heading_key(candidate)
        if key in lexicon.apologies_headings:
            return "apologies", start
        if key in lexicon.present_headings:
            return "present", start
    return None


def is_link_line(line: Line) -> bool:
    """A table-of-contents entry kept as a markdown link, ``[Item 1 - Welcome](#)``."""
    return bool(_LINK_LINE.match(line.text))


def is_prose(line: Line) -> bool:
    """A running sentence rather than a list entry: many words, mostly lower case, or a full stop."""
    words = line.stripped.split()
    if len(words) < 8:
        return False
    lower = sum(w[0].islower() for w in words)
    return lower / len(words) > 0.4 or (line.stripped.endswith(".") and lower / len(words) > 0.25)


def attendance_blocks(lines: list[Line], lexicon: Lexicon, is_end) -> list[AttendanceBlock]:
    """Lists of people under attendance headings, until ``is_end(line)`` or running prose."""
    blocks: list[AttendanceBlock] = []
    status: Status | None = None
    start = 0
    for line in lines:
        heading = attendance_heading(line, lexicon)
        if heading is not None:
            if status is not None and line.start > start:
                blocks.append(AttendanceBlock(status, start, line.start))
            status, start = heading
            continue
        if status is not None and (is_end(line) or is_prose(line)):
            blocks.append(AttendanceBlock(status, start, line.start))
            status = None
    if status is not None:
        blocks.append(AttendanceBlock(status, start, lines[-1].end))
    return [b for b in blocks if b.end > b.start]
