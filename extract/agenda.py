"""Agenda items: the numbered headings of minutes and the text under each."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Line, is_link_line
from .records import AgendaItem, Span

__all__ = ["Heading", "find_headings", "agenda_items"]

# Real formats, so regular expressions: "Item 3 - Title", "2. Item 3 - Title", "Agenda item 3: Title".
_ITEM = re.compile(r"^(?:\d{1,2}[.)]\s*)?(?:agenda\s+)?item\s+(?P<num>\d{1,3})\s*[-:.)]?\s*(?P<title>.*)$", re.I)
# Council minutes number items by year and sequence: "23/45 Declarations of interest", "Minute 12/24 - Budget".
_MINUTE = re.compile(r"^(?:minute\s+(?:no\.?\s*)?)?(?P<num>\d{1,4}/\d{1,4})\s*[-:.)]?\s+(?P<title>\S.*)$", re.I)
_NUMBERED = re.compile(r"^(?P<num>\d{1,2})[.)]\s+(?P<title>\S.*)$")
_SUB = re.compile(r"^(?P<num>\d{1,2})(?:\.(?P<sub>\d{1,2})|\.?(?P<letter>[a-z]))[.)]?\s+(?P<title>\S.*)$")
_MAX_TITLE_WORDS = 16


@dataclass(frozen=True)
class Heading:
    """A line that opens an agenda item or sub-item."""

    line: Line
    number: str
    title: str
    style: str  # "item" (Item N), "minute" (23/45), "numbered" (N.) or "sub" (N.a)


def _title_like(title: str) -> bool:
    words = title.split()
    return 0 < len(words) <= _MAX_TITLE_WORDS and not title.rstrip().endswith((".", ";", ",")) and title[0].isalnum()


def _heading(line: Line) -> Heading | None:
    text = line.stripped
    if not text or is_link_line(line):
        return None
    if m := _ITEM.match(text):
        return Heading(line, m["num"].lstrip("0") or "0", m["title"].strip(" -"), "item")
    if (m := _MINUTE.match(text)) and _title_like(m["title"]):
        return Heading(line, m["num"], m["title"].strip(), "minute")
    if (m := _SUB.match(text)) and _title_like(m["title"]):
        return Heading(line, f"{int(m['num'])}.{m['sub'] or m['letter']}", m["title"].strip(), "sub")
    if (m := _NUMBERED.match(text)) and _title_like(m["title"]):
        return Heading(line, str(int(m["num"])), m["title"].strip(), "numbered")
    return None


def find_headings(lines: list[Line], skip=lambda line: False) -> list[Heading]:
    """Agenda headings in reading order.

    Where any "Item N" heading exists its number is the item's, and an outer list numbering that
    disagrees with it is ignored; else council minute numbers ("23/45") count; otherwise numbered
    headings count, in increasing order.
    """
    found = [h for line in lines if not skip(line) and (h := _heading(line))]
    styles = {h.style for h in found}
    top_style = next(s for s in ("item", "minute", "numbered") if s in styles or s == "numbered")
    headings: list[Heading] = []
    last: tuple[int, ...] = (0,)
    for h in found:
        if h.style == "sub":
            if headings and h.number.split(".")[0] == _top(headings[-1].number):
                headings.append(h)
        elif h.style == top_style and _order(h.number) > last:
            headings.append(h)
            last = _order(h.number)
    return headings


def _order(number: str) -> tuple[int, ...]:
    """'23/45' → (23, 45), '3' → (3,): item numbers must go up."""
    return tuple(int(part) for part in number.split("/"))


def _top(number: str) -> str:
    return number.split(".")[0]


def agenda_items(text: str, headings: list[Heading], end: int | None = None) -> tuple[AgendaItem, ...]:
    """Items with the text between each heading and the next; sub-items name their parent."""
    end = len(text) if end is None else end
    items = []
    for i, h in enumerate(headings):
        body_end = headings[i + 1].line.start if i + 1 < len(headings) else end
        body_start = min(h.line.end + 1, body_end)
        items.append(
            AgendaItem(
                number=h.number,
                title=h.title,
                heading=Span(h.line.start, h.line.end, text[h.line.start : h.line.end]),
                body=Span(body_start, body_end, text[body_start:body_end]),
                parent=_top(h.number) if h.style == "sub" else None,
            )
        )
    return tuple(items)
