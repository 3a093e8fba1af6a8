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
    "apology_sentences",
]

_NUMBERING = re.compile(r"^\s*(?:[-*\u2022#>]+\s*|\(?\d{1,2}[.)]\s*|[a-z][.)]\s+)*")
# "Apologies for absence were received from Marion Harvey, Richard Hunt and James Hargrave."
_APOLOGIES_FROM = re.compile(
    r"\bapologies(?:\s+for\s+absence)?\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?"
    r"(?:received|given|noted|tendered|sent|recorded)\s+from\s+",
    re.I,
)
_TITLE_WORDS = {"minutes", "meeting", "agenda", "held"}
_SENTENCE_END = re.compile(r"\.(?=\s)|\n\s*\n|$")
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
    """Character range of a list of people under one heading, and what the heading says of them.

    ``wrapped``: the list runs on with line breaks wherever the page ended (several people to a
    line, commas between them), so a line break separates no one. ``post``: the heading names the
    post its people hold ("In the chair", "Minute Secretary").
    """

    status: Status
    start: int
    end: int
    wrapped: bool = False
    post: str | None = None


@dataclass(frozen=True)
class AttendanceHeading:
    """What a heading line says of the people listed after it, and where their list starts."""

    status: Status
    start: int
    post: str | None = None


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its offsets."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def _heading_key(text: str) -> str:
    key = re.sub(r"\s+", " ", _NUMBERING.sub("", text)).strip().rstrip(":").strip()
    return re.sub(r"\s+(?:were|are|was|is)$", "", key.rstrip(" :"), flags=re.I).casefold()


def _classify(key: str, lexicon: Lexicon, opening: bool) -> tuple[Status, str | None] | None:
    """The status (and post) a heading's words give its list, or None when they name no list of people."""
    if key in lexicon.apologies_headings:
        return "apologies", None
    if key in lexicon.absent_headings:
        return "absent", None
    if key in lexicon.present_headings:
        return "present", None
    if key in lexicon.post_labels:
        return "present", key
    words = key.replace("'", " ").split()
    if not words or len(words) > 6 or _TITLE_WORDS.intersection(words):
        return None  # "Board of Directors Meeting Minutes" is a title, not a list's heading
    if not opening and words[-1] not in lexicon.status_words:
        return None
    if "apologies" in words:
        return "apologies", None
    if "absent" in words or key.endswith("not present"):
        return "absent", None
    if lexicon.attendance_words.intersection(words):
        return "present", None
    return None


def attendance_heading(line: Line, lexicon: Lexicon, opening: bool = False) -> AttendanceHeading | None:
    """What a heading line says of the people after it, and the offset where their list starts; or None.

    A heading may carry its list after a colon (``Present: Cllr A Smith, Cllr B Jones``) or, in a
    table laid out as text, after a wide gap (``Attendees   Tony Brown (Chair), ...``). In the
    ``opening`` of the minutes, before the first item, any short label whose words speak of
    attendance ("OIREACHTAS MEMBERS :", "Invited") opens a list; after it, only the known headings
    and labels ending in a status word ("Directors Present:") do.
    """
    text = line.text
    head, colon, _ = text.partition(":")
    if colon:
        candidates = [(head, line.start + len(head) + 1)]
    elif opening and (gap := re.search(r"\S {3,}(?=\S)", text)):
        candidates = [(text[: gap.start() + 1], line.start + gap.end())]
    else:
        candidates = [(text, line.end)] if len(text.split()) <= 6 else []
    for candidate, start in candidates:
        found = _classify(_heading_key(candidate), lexicon, opening)
        if found is not None:
            status, post = found
            label = candidate.strip(" :*#\t")
            return AttendanceHeading(status, start, label if post else None)
    return None


def is_link_line(line: Line) -> bool:
    """A table-of-contents entry kept as a markdown link, ``[Item 1 - Welcome](#)``."""
    return bool(_LINK_LINE.match(line.text))


def is_prose(line: Line) -> bool:
    """A running sentence rather than a list entry: many words, mostly lower case, or a full stop
    after a few lower-case words ("The Meeting was Chaired by Kenny Combe.")."""
    words = line.stripped.split()
    lower = sum(w[0].islower() for w in words)
    if len(words) >= 4 and line.stripped.endswith(".") and lower >= 2:
        return True
    if len(words) < 8:
        return False
    return lower / len(words) > 0.4 or (line.stripped.endswith(".") and lower / len(words) > 0.25)


def _wrapped(text: str) -> bool:
    """Several people to a line with commas between them: line breaks are where the page ended."""
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and text.count(",") >= 1.5 * len(lines)


def attendance_blocks(lines: list[Line], lexicon: Lexicon, is_end, opening_end: int) -> list[AttendanceBlock]:
    """Lists of people under attendance headings, until ``is_end(line)``, another heading or running
    prose; ``opening_end`` is where the first agenda item starts."""
    blocks: list[AttendanceBlock] = []
    current: AttendanceHeading | None = None
    text = "\n".join(line.text for line in lines)

    def close(end: int) -> None:
        if current is not None and end > current.start:
            body = text[current.start : end]
            blocks.append(AttendanceBlock(current.status, current.start, end, _wrapped(body), current.post))

    for line in lines:
        heading = attendance_heading(line, lexicon, opening=line.start < opening_end) if line.stripped else None
        if heading is not None:
            close(line.start)
            current = heading
            continue
        if current is not None and (is_end(line) or is_prose(line)):
            close(line.start)
            current = None
    if current is not None:
        close(lines[-1].end)
    return blocks


def apology_sentences(text: str) -> list[AttendanceBlock]:
    """The people of sentences that record apologies ("Apologies were received from A, B and C.")."""
    blocks = []
    for m in _APOLOGIES_FROM.finditer(text):
        end = _SENTENCE_END.search(text, m.end())
        blocks.append(AttendanceBlock("apologies", m.end(), end.start() if end else len(text), wrapped=True))
    return blocks
