"""Agenda items: the numbered headings of minutes, or failing them their marked-up or typographic
headings, and the text under each."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .blocks import Block, BlockKind
from .layout import Line, is_link_line
from .records import AgendaItem, Span

__all__ = [
    "Heading",
    "find_headings",
    "section_headings",
    "unnumbered_headings",
    "heading_lines",
    "items_end",
    "appendix_regions",
    "agenda_items",
]

# Real formats, so regular expressions: "Item 3 - Title", "2. Item 3 - Title", "Agenda item 3: Title".
_ITEM = re.compile(r"^(?:\d{1,2}[.)]\s*)?(?:agenda\s+)?item\s+(?P<num>\d{1,3})\s*[-:.)]?\s*(?P<title>.*)$", re.I)
# Council minutes number items by year and sequence, with or without a committee's prefix:
# "23/45 Declarations of interest", "Minute 12/24 - Budget", "CAB 23/45 Budget", "PC/23/045 Planning".
_MINUTE = re.compile(
    r"^(?:minute\s+(?:no\.?\s*)?)?(?:[A-Z][A-Za-z&]{0,9}[ /-]?)?(?P<num>\d{1,4}/\d{1,4})\s*[-:.)]?\s+(?P<title>\S.*)$",
    re.I,
)
# "1. Welcome", "1) Welcome", "#3 Welcome", in capitals with no space "1.MINUTES OF JUNE MEETING", and a
# number set apart by a wide gap ("1   Police Report", or a number alone on the line before its title).
_NUMBERED = re.compile(
    r"^#?\s?(?P<num>\d{1,2})(?:[.)]\s+|\.(?=[A-Z][A-Z])|\s{2,}(?=[A-Z])|(?<=#\d)\s|(?<=#\d\d)\s)(?P<title>\S.*)$"
)
# "IV. Finance", "B) Correspondence": used where no item has an arabic number, from I or A on.
_LETTERED = re.compile(r"^(?P<num>[IVXL]{1,6}|[A-Z])[.)]\s+(?P<title>[A-Z]\S*(?:\s+\S+)*)$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_SUB = re.compile(r"^(?P<num>\d{1,2})(?:\.(?P<sub>\d{1,2})|\.?(?P<letter>[a-z]))[.)]?\s+(?P<title>\S.*)$")
_MAX_TITLE_WORDS = 16
# What follows the items and is no part of them: appendices ("ATTACHMENTS:", "Appendix A - Budget",
# "Annex 2") and, where items are unnumbered headings, lists of actions and decisions.
_APPENDIX_WORDS = r"attachments?|appendix|appendices|annex(?:es)?|enclosures?"
_END_HEADINGS = re.compile(rf"^(?:actions?|decisions?|action (?:log|points)|{_APPENDIX_WORDS})\b", re.I)
_APPENDIX = re.compile(rf"^\W*(?:{_APPENDIX_WORDS})\b(?:\s+(?P<label>[\w.]{{1,4}})\b)?\W*(?:[-:].*)?$", re.I)


@dataclass(frozen=True)
class Heading:
    """A line that opens an agenda item or sub-item."""

    line: Line
    number: str
    title: str
    style: str  # "item" (Item N), "minute" (23/45), "numbered" (N.), "lettered" (IV., B.), "sub" (N.a), "heading"


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
    if (m := _LETTERED.match(text)) and _title_like(m["title"]) and not re.match(r"[A-Z]\w*,", m["title"]):
        return Heading(line, m["num"], m["title"].strip().rstrip(" :"), "lettered")
    return None


def heading_lines(text: str, lines: list[Line], blocks: tuple[Block, ...]) -> list[Line]:
    """The lines to look for headings in: each line, cut after a title in bold ("1. **Apologies**
    None received"), or joined with the rest of its block when a title in capitals wraps."""
    firsts = {b.start: b for b in blocks}
    out = []
    for line in lines:
        block = firsts.get(line.indented_start)
        if block is not None and block.lead_end is not None and block.lead_end <= line.end:
            line = Line(line.start, block.lead_end, text[line.start : block.lead_end])
        elif block is not None and block.end > line.end and text[block.start : block.end].count("\n") < 3:
            whole = text[line.start : block.end]
            if whole.isupper() and _heading(line) is not None:
                line = Line(line.start, block.end, whole.replace("\n", " "))
        out.append(line)
    return _numbers_alone(text, out)


def _numbers_alone(text: str, lines: list[Line]) -> list[Line]:
    """A number alone on its line and the title on the next ("3" / "Budget"): one heading line,
    the number set apart from the title by the gap between them."""
    out = []
    for k, line in enumerate(lines):
        following = next((f for f in lines[k + 1 : k + 3] if f.stripped), None)
        if re.fullmatch(r"\d{1,2}[.)]?", line.stripped) and following is not None and following.stripped[:1].isupper():
            whole = text[line.start : following.end]
            line = Line(line.start, following.end, re.sub(r"\s", " ", whole).replace(".", " ", 1))
        out.append(line)
    return out


def find_headings(lines: list[Line], skip=lambda line: False) -> list[Heading]:
    """Numbered agenda headings in reading order.

    Where any "Item N" heading exists its number is the item's, and an outer list numbering that
    disagrees with it is ignored; else council minute numbers ("23/45") count; else numbered
    headings; else roman or lettered ones, from I or A. Numbers go up (a number skipped earlier may
    come late); an agenda listed at the top, every item a line, is not a second copy of the items.
    """
    found = _after_agenda([h for line in lines if not skip(line) and (h := _heading(line))])
    styles = {h.style for h in found}
    top_style = next(s for s in ("item", "minute", "numbered", "lettered") if s in styles or s == "lettered")
    headings: list[Heading] = []
    last: tuple[int, ...] = (0,)
    seen: set[tuple[int, ...]] = set()
    for h in found:
        if h.style == "sub":
            if headings and h.number.split(".")[0] == _top(headings[-1].number):
                headings.append(h)
        elif h.style == top_style and (_order(h.number) > last or _late(h.number, seen, last)):
            if h.style == "lettered" and not headings and _order(h.number) != (1,):
                continue
            headings.append(h)
            seen.add(_order(h.number))
            last = max(last, _order(h.number))
    return headings


def _after_agenda(found: list[Heading]) -> list[Heading]:
    """The headings after an agenda listed at the top: when the numbering starts again from its
    first number, and the first run was a list (each heading on the line after the one before)."""
    top = [h for h in found if h.style != "sub"]
    if len(top) < 4:
        return found
    restart = next((k for k in range(2, len(top)) if top[k].number == top[0].number), None)
    if restart is None:
        return found
    listed = all(top[k + 1].line.start - top[k].line.end <= 3 for k in range(restart - 1))
    return [h for h in found if h.line.start >= top[restart].line.start] if listed else found


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
    """'23/45' → (23, 45), '3' → (3,), 'IV' → (4,), 'C' → (3,): item numbers must go up."""
    if number.isdigit() or "/" in number:
        return tuple(int(part) for part in number.split("/"))
    if set(number) <= set(_ROMAN) and (len(number) > 1 or number in "IVX"):
        values = [_ROMAN[c] for c in number]
        return (sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values)),)
    return (ord(number) - ord("A") + 1,)


def _top(number: str) -> str:
    return number.split(".")[0]


_CONTENTS = re.compile(r"^\s*\[?back to (the )?(table of )?contents", re.I)


def items_end(lines: list[Line], headings: list[Heading], length: int) -> int:
    """Where the last item's text ends: at the attachments, appendices or annexes after it, or at a
    "Back to contents" link; else at the end of the document."""
    after = headings[-1].line.end if headings else 0
    for line in lines:
        if line.start >= after and (
            _CONTENTS.match(line.text) or (_APPENDIX.match(line.stripped) and len(line.stripped) < 80)
        ):
            return line.start
    return length


def appendix_regions(
    text: str, lines: list[Line], end: int, items: Sequence[AgendaItem]
) -> list[tuple[AgendaItem, Span]]:
    """The appendices after the items (from ``end``), each with the one item that refers to it by
    its label ("See Attachment A" under "6. Committee Reports"): what a report appended to the
    minutes says was said under that item."""
    starts = [(line.start, m["label"]) for line in lines if line.start >= end and (m := _APPENDIX.match(line.stripped))]
    regions = []
    stops = [start for start, _ in starts[1:]] + [len(text)] * bool(starts)
    for (start, label), stop in zip(starts, stops, strict=True):
        if not label:
            continue
        cited = re.compile(rf"\b(?:{_APPENDIX_WORDS})\s+{re.escape(label)}\b", re.I)
        citing = [item for item in items if cited.search(item.body.text)]
        if len(citing) == 1:
            regions.append((citing[0], Span(start, stop, text[start:stop])))
    return regions


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
