"""The outline of minutes: where their opening ends, the headings of their items, and their lists
of people, each found with the others' help."""

from __future__ import annotations

from dataclasses import dataclass

from .agenda import Heading, find_headings, heading_lines, section_headings, unnumbered_headings
from .layout import AttendanceBlock, Line, attendance_blocks, attendance_heading, attendance_sentences
from .lexicon import Lexicon
from .records import Document

__all__ = ["Outline", "read_outline"]


@dataclass(frozen=True)
class Outline:
    """The item headings of a document and its lists of people, in reading order."""

    headings: tuple[Heading, ...]
    people: tuple[AttendanceBlock, ...]


def read_outline(document: Document, lines: list[Line], lexicon: Lexicon) -> Outline:
    """Numbered headings where the minutes number their items, else the headings their format or
    typography marks; lists of people under attendance headings in the opening
    (before the first item) and under status headings anywhere, and apologies or attendance recorded in a sentence.

    "Apologies for absence" is an agenda item of many minutes; "Present" never is.
    """
    skip = lambda line: _lists_present(line, lexicon)  # noqa: E731
    headings = find_headings(heading_lines(document.text, lines, document.blocks), skip)
    numbered = bool(headings)
    opening_end = headings[0].line.start if numbered else _opening_end(document, lines, lexicon)
    starts = {h.line.indented_start for h in headings} if numbered else {opening_end}
    people = attendance_blocks(lines, lexicon, lambda line: line.indented_start in starts, opening_end)
    if not numbered:
        # From the first list of people on, or else after the first block (the title).
        after = min([b.start for b in people], default=document.blocks[0].end if document.blocks else 0)
        headings = unnumbered_headings(document.text, document.blocks, skip, after)
    people = sorted(people + attendance_sentences(document.text), key=lambda b: b.start)
    return Outline(tuple(headings), tuple(people))


def _opening_end(document: Document, lines: list[Line], lexicon: Lexicon) -> int:
    """Where minutes with no numbered items end their opening: at the first heading after their
    first list of people that is not another such list."""
    first = next((line.start for line in lines if attendance_heading(line, lexicon, opening=True)), None)
    if first is None:
        return 0
    for block in section_headings(document.blocks):
        if block.start > first:
            line = Line(block.start, block.end, document.text[block.start : block.end])
            if attendance_heading(line, lexicon, opening=True) is None:
                return block.start
    return len(document.text)


def _lists_present(line: Line, lexicon: Lexicon) -> bool:
    """A heading of people present ("1. Present: ..."), which is no agenda item; a post's label with
    no colon ("3. Minutes", "5. Treasurer") is the title of an item."""
    heading = attendance_heading(line, lexicon)
    return heading is not None and heading.status != "apologies" and not (heading.post and ":" not in line.text)
