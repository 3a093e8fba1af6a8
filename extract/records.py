"""Typed, frozen records passed from extraction to the graph, with their provenance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .blocks import Block

__all__ = [
    "Span",
    "Document",
    "FrontMatter",
    "OrganisationRef",
    "PostRef",
    "Attendance",
    "AgendaItem",
    "Meeting",
    "Status",
    "Actor",
    "Statement",
    "TopicMention",
    "Mention",
]

Status = Literal["present", "apologies", "absent"]


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FrontMatter:
    """What a file's YAML front matter states: where it ends, its title (a span of the text), its date,
    and the web address the minutes were published at."""

    end: int = 0
    title: Span | None = None
    date: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Document:
    """The text of one source file, normalised character for character.

    ``text`` has the same length as the text decoded from the file, so every offset in it
    points at the same character of the original; ``original`` keeps that text as it was.
    """

    source: str
    text: str
    original: str
    media_type: str
    sha256: str
    encoding: str
    warnings: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    front: FrontMatter = FrontMatter()


@dataclass(frozen=True)
class OrganisationRef:
    """An organisation as named in a document, resolved against the gazetteer where possible."""

    name: str
    id: str | None = None
    span: Span | None = None

    @property
    def in_gazetteer(self) -> bool:
        return self.id is not None


@dataclass(frozen=True)
class PostRef:
    """A post or role as named in a document; ``id`` is set when the gazetteer knows it."""

    name: str
    id: str | None = None
    organisation_id: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Attendance:
    """One person listed as present at, sending apologies to, or absent from a meeting."""

    name: str
    status: Status
    span: Span
    honorific: str | None = None
    posts: tuple[PostRef, ...] = ()
    organisation: OrganisationRef | None = None
    initials: str | None = None  # as the list gives them, "(SL)": minutes often name people so later

    @property
    def role(self) -> str | None:
        """The main post: the first one that is not only chairing the meeting."""
        named = [p for p in self.posts if p.id != "chair"] or list(self.posts)
        return named[0].name if named else None


@dataclass(frozen=True)
class AgendaItem:
    """An agenda item: its number as in its own heading ("2", "2.a"), title and text."""

    number: str
    title: str
    heading: Span
    body: Span
    parent: str | None = None


@dataclass(frozen=True)
class Actor:
    """Who did something: a person (``attendance`` indexes the meeting's list when they attended),
    a post nobody at the meeting holds, or an organisation; ``id`` is the gazetteer's."""

    kind: Literal["person", "post", "organisation"]
    name: str
    id: str | None = None
    attendance: int | None = None
    via: str | None = None  # the words that named them: "The DMPC" for Sophie Linden


@dataclass(frozen=True)
class Statement:
    """An actor's reported speech (a speech act) under an agenda item, with the sentence that shows it."""

    item: str
    actor: Actor
    verb: str
    reporting: bool
    sentence: Span
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicMention:
    """A topic named under an agenda item: a concept of the curated scheme or a named programme."""

    item: str
    key: str
    label: str
    span: Span
    sentence: Span
    curated: bool
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A person, organisation, post or place named in the text of an agenda item."""

    item: str
    actor: Actor | None
    kind: Literal["person", "post", "organisation", "place"]
    name: str
    span: Span
    sentence: Span


@dataclass(frozen=True)
class Meeting:
    """Everything extracted from one set of minutes."""

    id: str
    source: str
    sha256: str
    title: str | None
    body: OrganisationRef | None
    date: dt.date | None
    attendance: tuple[Attendance, ...] = ()
    items: tuple[AgendaItem, ...] = ()
    statements: tuple[Statement, ...] = ()
    topics: tuple[TopicMention, ...] = ()
    mentions: tuple[Mention, ...] = ()
    warnings: tuple[str, ...] = ()
    url: str | None = None  # where the minutes were published, when the document says or was fetched from it
