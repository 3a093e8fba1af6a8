"""One set of minutes to one Meeting record: title, body, date, attendance and agenda items."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from .agenda import agenda_items, appendix_regions, items_end
from .attendees import OPENING_MOST, parse_attendees, people_named, with_chair_named
from .bodies import body_from_file_name, find_body
from .dates import find_dates
from .errors import DocumentError
from .fetch import is_url
from .gazetteer import Gazetteer, load_gazetteer
from .guests import with_guests
from .layout import Line, split_lines
from .lexicon import Lexicon, load_lexicon
from .mentions import find_mentions
from .named_elsewhere import fullest_names, ranks_named
from .outline import read_outline
from .records import AgendaItem, Document, Meeting, OrganisationRef, Statement, TopicMention
from .statements import find_statements
from .titles import meeting_date, title_line
from .topic_mentions import find_topics
from .topics import load_topic_scheme

__all__ = ["extract_meeting", "slug"]


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
    outline = read_outline(document, lines, lexicon)
    end = items_end(lines, list(outline.headings), len(document.text))
    items = agenda_items(document.text, list(outline.headings), end)
    head_end = min([b.start for b in outline.people] + [i.heading.start for i in items] + [len(document.text)])
    warnings = [*document.warnings]
    title = title_line(document.text, [line for line in lines if line.start >= document.front.end])
    stated = document.front.title and Line(
        document.front.title.start, document.front.title.end, document.front.title.text
    )
    date = meeting_date(lines, title, head_end) or meeting_date([], stated, 0) or document.front.date
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
    attendance = fullest_names(
        doc, parse_attendees(doc, list(outline.people), gazetteer, lexicon, body), gazetteer, lexicon
    )
    before_items = items[0].heading.start if items else OPENING_MOST
    attendance = ranks_named(doc, with_chair_named(document.text[:before_items], attendance, gazetteer), gazetteer)
    if not outline.people and (attendance := people_named(doc, document.front.end, head_end)):
        warnings.append(
            f"{document.source}: no attendee list found; the people named before the first item taken as present"
        )
    for missing, what in (
        (not outline.people and not attendance, "no attendee list"),
        (not items, "no agenda items"),
        (body is None, "no board or committee name"),
    ):
        if missing:
            warnings.append(f"{document.source}: {what} found")
    people = [a.name for a in attendance]
    topics = find_topics(doc, items, body, load_topic_scheme(), gazetteer, document.blocks, people)
    regions = [(i, i.body) for i in items] + appendix_regions(document.text, lines, end, items)
    said = find_statements(doc, regions, attendance, gazetteer, document.blocks)
    attendance, said = with_guests(doc, said, items, attendance, gazetteer, lexicon)
    found = (_with_speaker(s, body, lexicon) for s in said)
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
        url=document.front.url or (document.source if is_url(document.source) else None),
    )


def _with_speaker(statement: Statement, body: OrganisationRef | None, lexicon: Lexicon) -> Statement | None:
    """None for what the meeting body did as a whole ("The Board agreed...", the body by its name)
    and for a bare "Police" or "Service", which names no one in particular: a statement needs a
    speaker."""
    actor = statement.actor
    name = " ".join(actor.name.split())
    bare = actor.kind == "organisation" and not actor.id and name.casefold() in lexicon.organisation_heads
    itself = body is not None and actor.kind == "organisation" and (actor.id or name) == (body.id or body.name)
    return None if bare or itself or _acronym_of(actor.via, body) else statement


def _acronym_of(words: str | None, body: OrganisationRef | None) -> bool:
    """ "The CC agreed" where the Ayton Community Council meets: letters that spell the body's name,
    or its last words, are the body (whatever else the gazetteer reads in them)."""
    letters = re.sub(r"^the\s+", "", " ".join((words or "").split()), flags=re.I)
    if body is None or not letters.isalpha() or not letters.isupper() or len(letters) < 2:
        return False
    initials = "".join(
        w[0].upper() for w in body.name.split() if w[:1].isalpha() and w.casefold() not in ("of", "and", "the")
    )
    return initials.endswith(letters)


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
