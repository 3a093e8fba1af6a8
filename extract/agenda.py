"""Agenda items: the numbered headings of minutes, or failing them their marked-up or typographic
headings, and the text under each."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .blocks import Block, BlockKind
from .layout import Line, is_link_line
from .records import AgendaItem, Span

__all__ = ["Heading", "find_headings", "section_headings", "unnumbered_headings", "heading_lines", "agenda_items"]

# Real formats, so regular expressions: "Item 3 - Title", "2. Item 3 - Title", "Agenda item 3: Title".
_ITEM = re.compile(r"^(?:\d{1,2}[.)]\s*)?(?:agenda\s+)?item\s+(?P<num>\d{1,3})\s*[-:.)]?\s*(?P<title>.*)$", re.I)
# Council minutes number items by year and sequence: "23/45 Declarations of interest", "Minute 12/24 - Budget".
_MINUTE = re.compile(r"^(?:minute\s+(?:no\.?\s*)?)?(?P<num>\d{1,4}/\d{1,4})\s*[-:.)]?\s+(?P<title>\S.*)$", re.I)
# "1. Welcome", "1) Welcome", and in capitals with no space "1.MINUTES OF JUNE MEETING".
_NUMBERED = re.compile(r"^(?P<num>\d{1,2})(?:[.)]\s+|\.(?=[A-Z][A-Z]))(?P<title>\S.*)$")
_SUB = re.compile(r"^(?P<num>\d{1,2})(?:\.(?P<sub>\d{1,2})|\.?(?P<letter>[a-z]))[.)]?\s+(?P<title>\S.*)$")
_MAX_TITLE_WORDS = 16
# Headings of what follows the items: lists of actions and decisions, appendices.
_END_HEADINGS = re.compile(r"^(?:actions?|decisions?|action (?:log|points)|appendi(?:x|ces)|attachments?|annex(?:es)?)\b", re.I)


@dataclass(frozen=True)
class Heading:
    """A line that opens an agenda item or sub-item."""

    line: Line
    number: str
    title: str
    style: str  # "item" (Item N), "minute" (23/45), "numbered" (N.), "sub" (N.a) or "heading" (unnumbered)


def _title_like(title: str) -> bool:
    """Few words, not a sentence; a title in capitals may end where a line broke ("COUNCILLOR L.")."""
    words = title.split()
    ends_open = title.rstrip().endswith((".", ";", ",")) and not title.isupper()
    return 0 < len(words) <= _MAX_TITLE_WORDS and not ends_open and title[0].isalnum()


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
        return Heading(line, str(int(m["num"])), m["title"].strip().rstrip(" :"), "numbered")
    return None


def heading_lines(text: str, lines: list[Line], blocks: tuple[Block, ...]) -> list[Line]:
    """The lines to look for headings in: each line, cut after a title in bold ("1. **Apologies**
    None received"), or joined with the rest of its block when a title in capitals wraps."""
    firsts = {b.start: b for b in blocks}
    out = []
    for line in lines:
        block = firsts.get(line.start + len(line.text) - len(line.text.lstrip()))
        if block is not None and block.lead_end is not None and block.lead_end <= line.end:
            line = Line(line.start, block.lead_end, text[line.start : block.lead_end])
        elif block is not None and block.end > line.end and text[block.start : block.end].count("\n") < 3:
            whole = text[line.start : block.end]
            if whole.isupper() and _heading(line) is not None:
                line = Line(line.start, block.end, whole.replace("\n", " "))
        out.append(line)
    return out


def find_headings(lines: list[Line], skip=lambda line: False) -> list[Heading]:
    """Numbered agenda headings in reading order.

    Where any "Item N" heading exists its number is the item's, and an outer list numbering that
    disagrees with it is ignored; else council minute numbers ("23/45") count; otherwise numbered
    headings count, going up (a number skipped earlier may come late).
    """
    found = [h for line in lines if not skip(line) and (h := _heading(line))]
    styles = {h.style for h in found}
    top_style = next(s for s in ("item", "minute", "numbered") if s in styles or s == "numbered")
    headings: list[Heading] = []
    last: tuple[int, ...] = (0,)
    seen: set[tuple[int, ...]] = set()
    for h in found:
        if h.style == "sub":
            if headings and h.number.split(".")[0] == _top(headings[-1].number):
                headings.append(h)
        elif h.style == top_style and (_order(h.number) > last or _late(h.number, seen, last)):
            headings.append(h)
            seen.add(_order(h.number))
            last = max(last, _order(h.number))
    return headings


def _late(number: str, seen: set[tuple[int, ...]], last: tuple[int, ...]) -> bool:
    """Item 9 minuted after items 10 and 11: a number skipped so far, in a single numbering."""
    order = _order(number)
    return len(order) == 1 and order not in seen and order < last and order[0] > 1


def section_headings(blocks: tuple[Block, ...]) -> list[Block]:
    """Headings that open a section: any marked-up heading, and a short line standing alone
    (a typographic heading) when a paragraph follows it rather than another short line."""
    out = []
    for k, b in enumerate(blocks):
        following = blocks[k + 1] if k + 1 < len(blocks) else None
        if b.kind == BlockKind.HEADING and (b.level or (following and following.kind == BlockKind.PARAGRAPH)):
            out.append(b)
    return out


def unnumbered_headings(text: str, blocks: tuple[Block, ...], skip, after: int = 0) -> list[Heading]:
    """For minutes that number no items, from offset ``after`` on: headings as the format marks them (the shallowest level used more than once, under a
    title used once) or, in plain text, as its typography shows them: short lines standing alone."""
    candidates = [b for b in section_headings(blocks) if b.start >= after]
    levels = Counter(b.level for b in candidates)
    marked = [level for level, n in levels.items() if level > 0 and n > 1]
    level = min(marked) if marked else (0 if levels[0] > 1 else None)
    if level is None:
        return []
    headings = []
    for b in candidates:
        if b.level != level:
            continue
        line = Line(b.start, b.end, text[b.start : b.end].replace("\n", " "))
        title = " ".join(line.text.split()).rstrip(" :")
        if skip(line) or not title[:1].isalnum() or _END_HEADINGS.match(title):
            continue
        headings.append(Heading(line, str(len(headings) + 1), title, "heading"))
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
