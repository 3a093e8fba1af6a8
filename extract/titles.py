"""The title of minutes and the date of their meeting, from their opening lines."""

from __future__ import annotations

import datetime as dt
import re

from .dates import find_dates
from .layout import Line, is_link_line

__all__ = ["title_line", "meeting_date"]

_HEAD_LINES = 25
_TITLE_WORDS = re.compile(r"\b(minutes|meeting|agenda)\b", re.I)
_TITLE_LABEL = re.compile(r"^\s*(?:title of (?:the )?meeting|name of meeting|meeting title)(?::\s*|\s{3,})(?=\S)", re.I)
_OPENS_TITLE = re.compile(r"(?:draft\s+)?minutes\s+of\b", re.I)
_PUBLICATION = re.compile(r"\b(publication|published|updated|printed)\b", re.I)


def title_line(text: str, lines: list[Line]) -> Line | None:
    """The first opening line that names minutes or a meeting; a title in capitals goes on to
    the next line when it wraps ("... MEETING OF THE JOINT POLICING" / "COMMITTEE HELD IN ...")."""
    head = [line for line in lines[: _HEAD_LINES * 3] if line.stripped and not is_link_line(line)][:_HEAD_LINES]
    for line in head:
        if m := _TITLE_LABEL.match(line.text):  # "Title of Meeting   Suffolk Libraries IPS - Board Meeting"
            return Line(line.start + m.end(), line.end, line.text[m.end() :])
    for k, line in enumerate(head):
        if _TITLE_WORDS.search(line.text) and not _PUBLICATION.search(line.text) and not _sentence(line):
            following = head[k + 1] if k + 1 < len(head) else None
            if line.stripped.isupper() and following is not None and following.stripped.isupper():
                if not any(find_dates(line.text)) and not any(find_dates(following.text)):
                    whole = text[line.start : following.end]
                    return Line(line.start, following.end, re.sub(r"\s", " ", whole))
            return line
    return None


def _sentence(line: Line) -> bool:
    """ "The meeting was called to order at 1:01 PM.", "Margaret Carey attended the meeting this
    evening and was keen to": a sentence of the minutes, not their title."""
    words = line.stripped.split()
    if line.stripped.isupper():
        return False
    lower = sum(w[0].islower() for w in words)
    if line.stripped.endswith(".") and len(words) >= 5:
        return True
    # "Minutes of a meeting of the Cabinet held on Tuesday, 14 March 2023 at 7.00 pm" is long and
    # mostly in lower case, and still the title.
    return len(words) >= 12 and lower > 0.4 * len(words) and not _OPENS_TITLE.match(line.stripped)


def meeting_date(lines: list[Line], title: Line | None, head_end: int) -> dt.date | None:
    """The date in the title, else the first in the opening lines that is not a publication date."""
    if title is not None:
        for _, _, date in find_dates(title.text):
            return date
    for line in lines:
        if line.start >= head_end:
            break
        if not _PUBLICATION.search(line.text):
            for _, _, date in find_dates(line.text):
                return date
    return None
