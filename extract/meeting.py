"""One set of minutes to one Meeting record: title, body, date, attendance and agenda items."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from .agenda import agenda_items, find_headings, heading_lines, section_headings, unnumbered_headings
from .attendees import parse_attendees
from .bodies import body_from_file_name, find_body
from .dates import find_dates
from .errors import DocumentError
from .gazetteer import Gazetteer, load_gazetteer
from .layout import (
    Line,
    apology_sentences,
    attendance_blocks,
    attendance_heading,
    is_link_line,
    split_lines,
)
from .lexicon import Lexicon, load_lexicon
from .mentions import find_mentions
from .records import Actor, AgendaItem, Document, Meeting, OrganisationRef, Statement, TopicMention
from .statements import find_statements
from .topic_mentions import find_topics
from .topics import load_topic_scheme

__all__ = ["extract_meeting", "slug"]

_HEAD_LINES = 25
_TITLE_WORDS = re.compile(r"\b(minutes|meeting|agenda)\b", re.I)
_TITLE_LABEL = re.compile(r"^\s*(?:title of (?:the )?meeting|name of meeting|meeting title)(?::\s*|\s{3,})(?=\S)", re.I)
_PUBLICATION = re.compile(r"\b(publication|published|updated|printed)\b", re.I)
_END_MATTER = re.compile(r"^\s*\[?back to (the )?(table of )?contents", re.I)


def slug(text: str) -> str:
    """Lower-case words joined by hyphens: the readable part of an id. Letters of any script are
    kept (IRIs percent-encode them); punctuation, spaces and markup never survive.

    >>> slug("Mayor's Office <b>for</b> Policing & Crime")
    'mayor-s-office-b-for-b-policing-crime'
    >>> slug("李明")
    '李明'
    """
    return re.sub(r"[\W_]+", "-", text.casefold()).strip("-")


def extract_meeting(
    document: Document, doc: Doc, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None
) -> Meeting:
    """Read everything extracted from one document; ``doc`` is the pipeline's parse of its text."""
    gazetteer = gazetteer or load_gazetteer()
    lexicon = lexicon or load_lexicon()
    lines = split_lines(document.text)
    # "Apologies for absence" is an agenda item of many minutes; "Present" never is.
    skip = lambda line: _lists_present(line, lexicon)  # noqa: E731
    headings = find_headings(heading_lines(document.text, lines, document.blocks), skip)
    numbered = sum(h.style != "sub" for h in headings) >= 2
    opening_end = headings[0].line.start if headings else _opening_end(document, lines, lexicon)
    starts = {_indented_start(h.line) for h in headings} if numbered else {opening_end}
    blocks = attendance_blocks(lines, lexicon, lambda line: _indented_start(line) in starts, opening_end)
    if not numbered:
        after = min([b.start for b in blocks], default=0)
        headings = unnumbered_headings(document.text, document.blocks, skip, after) or headings
    blocks = sorted(blocks + apology_sentences(document.text), key=lambda b: b.start)
    end = next((line.start for line in lines if _END_MATTER.match(line.text)), len(document.text))
    items = agenda_items(document.text, headings, end)
    title = _title_line(document.text, [line for line in lines if line.start >= document.front.end])
    head_end = min([b.start for b in blocks] + [i.heading.start for i in items] + [len(document.text)])
    warnings = [*document.warnings]
    stated = Line(document.front.title.start, document.front.title.end, document.front.title.text) if document.front.title else None
    date = (
        _meeting_date(document.text, lines, title, head_end)
        or _meeting_date(document.text, [], stated, 0)
        or document.front.date
    )
    if date is None:
        # Scraped minutes are often saved under their date: better than no date, and said so.
        date = next((d for _, _, d in find_dates(Path(document.source).name)), None)
        if date is not None:
            warnings.append(f"{document.source}: meeting date taken from the file name")
    body = find_body(doc, lines, title, head_end, gazetteer, lexicon) or (
        find_body(doc, [], stated, 0, gazetteer, lexicon) if stated else None
    )
    if body is None and (body := body_from_file_name(document.source, lexicon)):
        warnings.append(f"{document.source}: body taken from the file name")
    attendance = parse_attendees(doc, blocks, gazetteer, lexicon, body)
    for missing, what in (
        (not attendance, "no attendee list"),
        (date is None, "no meeting date"),
        (not items, "no agenda items"),
        (body is None, "no board or committee name"),
    ):
        if missing:
            warnings.append(f"{document.source}: {what} found")
    topics = find_topics(doc, items, body, load_topic_scheme(), gazetteer)
    found = (_body_as_actor(s, body, lexicon) for s in find_statements(doc, items, attendance, gazetteer))
    statements = tuple(_with_topics(s, topics, items) for s in found if s is not None)
    # Minutes have a date and at least one of: people listed, items, speakers.
    lacking = [what for missing, what in ((date is None, "no meeting date"),) if missing]
    if not attendance and not items and not statements:
        lacking.append("no attendance section, agenda items or speakers")
    if lacking:
        raise DocumentError(f"{document.source}: does not look like minutes ({'; '.join(lacking)})")
    key = f"{body.id or slug(body.name)}-{date.isoformat()}" if body and date else f"doc-{document.sha256[:12]}"
    return Meeting(
        id=key,
        source=document.source,
        sha256=document.sha256,
        title=(title or stated).stripped if (title or stated) else None,
        body=body,
        date=date,
        attendance=attendance,
        items=items,
        statements=statements,
        topics=topics,
        mentions=find_mentions(doc, items, attendance, gazetteer),
        warnings=tuple(warnings),
    )


def _indented_start(line: Line) -> int:
    return line.start + len(line.text) - len(line.text.lstrip())


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
    heading = attendance_heading(line, lexicon)
    return heading is not None and heading.status != "apologies"


def _body_as_actor(statement: Statement, body: OrganisationRef | None, lexicon: Lexicon) -> Statement | None:
    """ "The Board agreed...": a bare "Board" or "Committee" is the body that is meeting; a bare
    "Police" or "Service" names no one in particular, and the statement is dropped (None)."""
    actor = statement.actor
    bare = actor.kind == "organisation" and not actor.id and actor.name.casefold() in lexicon.organisation_heads
    if not bare:
        return statement
    if body is None or actor.name.casefold() not in lexicon.body_words:
        return None
    return replace(statement, actor=Actor("organisation", body.name, body.id, via=actor.via))


def _with_topics(statement: Statement, topics: tuple[TopicMention, ...], items: tuple[AgendaItem, ...]) -> Statement:
    """The topics a statement raises: those named in its own sentence, and those in the heading of
    the item it stands under (who speaks under "Right Care, Right Person" speaks about it)."""
    heading = next(i.heading for i in items if i.number == statement.item)
    keys = tuple(
        dict.fromkeys(
            t.key
            for t in topics
            if t.item == statement.item
            and (
                statement.sentence.start <= t.span.start < statement.sentence.end
                or heading.start <= t.span.start < heading.end
            )
        )
    )
    return replace(statement, topics=keys)


def _title_line(text: str, lines: list[Line]) -> Line | None:
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
    return (line.stripped.endswith(".") and len(words) >= 5) or (len(words) >= 12 and lower > 0.4 * len(words))


def _meeting_date(text: str, lines: list[Line], title: Line | None, head_end: int) -> dt.date | None:
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
