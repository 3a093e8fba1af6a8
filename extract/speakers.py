"""Statements the layout marks rather than the grammar: a speaker's label before what was said
("Alan Cabrera (adc):" over an indented note, "Chair: We have three applications"), and a report
under its reporter's heading ("A. Chairman [Brett]", "Chair's report"), whose first-person
sentences, and whose bullets, are the reporter's."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .blocks import Block, BlockKind
from .layout import Line, split_lines
from .records import Actor, Span

__all__ = ["LaidOut", "laid_out_statements"]

# "Alan Cabrera (adc):", "Cllr Bell:", "Chair: We have..." - a name, perhaps a handle, a colon.
_LABEL = re.compile(r"^(?P<name>[A-Z][^\n:()\[\]]{1,50}?)\s*(?:\([^()\n]{1,30}\))?\s*:(?:\s+(?P<rest>\S.*))?$")
# "A. Chairman [Brett]", "Attachment A: Report from the Apache Abdera Project [Ant Elder / Rich]".
_BRACKETED = re.compile(r"^.{0,100}?\[(?P<name>[A-Z][^\[\]\n/]{1,40}?)\s*(?:/[^\]\n]*)?\]$")
# "Chair's report", "CLERK'S REPORT", "Report of the Treasurer", "3. Secretary's Report:".
_REPORT = re.compile(
    r"^(?:[\w.]{1,4}[.)]?\s+)?(?:(?P<owner>[A-Z][\w .'’-]{1,40}?)['’]s\s+report|report\s+(?:of|from|by)\s+the\s+"
    r"(?P<post>[\w .'’-]{2,40}?))\s*:?$",
    re.I,
)
# In a signed report ("[Brett]") the writer speaks, "we" too; in the minutes' own "Treasurer's
# report" section "we" is the body the clerk writes for, so only "I" and "my" are the reporter.
_SIGNED_FIRST_PERSON = {"i", "my", "we"}
_FIRST_PERSON = {"i", "my"}
# A list of actions to take is no speech: "Action items", "Actions arising", "ACTION POINTS:".
_ACTIONS = re.compile(r"^\W*(?:actions?|action (?:items?|points?|log))\b[^.]{0,30}$", re.I)
# A bullet the text still shows (a reader's list items are known from its blocks).
_BULLET = re.compile(r"^[-•*▪·–o]\s")
_MAX_NAME_WORDS = 4
_SUBJECTS = {"nsubj", "nsubjpass", "poss"}


@dataclass(frozen=True)
class LaidOut:
    """A statement the layout shows: who, the verb it stands for, and the sentence."""

    actor: Actor
    verb: str
    sentence: SpacySpan


Resolve = Callable[[SpacySpan], Actor | None]


def laid_out_statements(
    doc: Doc, title: Span | None, region: Span, blocks: Sequence[Block], resolve: Resolve
) -> Iterator[LaidOut]:
    """The statements the layout of one item's text (or an appendix it refers to) shows.

    ``title`` is the item's heading (a "Chair's report" item is the Chair's), ``resolve`` names
    the actor of a phrase at this meeting.
    """
    reporter: Actor | None = _reporter(doc, title, resolve) if title else None
    signed = reporter is not None and _BRACKETED.match(title.text.strip()) is not None
    speaker: Actor | None = None
    speaker_indent = 0
    actions = False  # under a heading of actions to take
    bullets = {b.start for b in blocks if b.kind is BlockKind.LIST_ITEM and region.start <= b.start < region.end}
    for line in split_lines(region.text):
        line = Line(region.start + line.start, region.start + line.end, line.text)
        text, indent = line.stripped, len(line.text) - len(line.text.lstrip())
        if not text:
            continue
        heading = _reporter(doc, line, resolve) if len(text) <= 120 else None
        if heading is not None:
            reporter, signed, speaker, actions = heading, _BRACKETED.match(text) is not None, None, False
            continue
        if _ACTIONS.match(text):
            speaker, actions = None, True
            continue
        if speaker is not None and indent > speaker_indent:
            yield from (LaidOut(speaker, "comment", s) for s in _sentences(doc, line))
            continue
        speaker = None
        label = _LABEL.match(text)
        if label and (actor := _labelled(doc, line, label, resolve)) is not None:
            if label["rest"] is None:
                speaker, speaker_indent = actor, indent
            elif not actions and _declarative(doc, line.indented_start + label.start("rest"), line.end):
                yield from (LaidOut(actor, "say", s) for s in _sentences(doc, line))
            continue
        if reporter is not None:
            bullet = not signed and (
                _BULLET.match(text) or any(line.start <= b <= line.indented_start for b in bullets)
            )
            first_person = _SIGNED_FIRST_PERSON if signed else _FIRST_PERSON
            for sentence in _sentences(doc, line):
                if bullet or any(t.lower_ in first_person and t.dep_ in _SUBJECTS for t in sentence):
                    yield LaidOut(reporter, "report", sentence)


def _reporter(doc: Doc, line: Line | Span, resolve: Resolve) -> Actor | None:
    """Who reports under a heading: the name in its brackets, or the owner of a report it names."""
    text = line.text.strip()
    start = line.start + len(line.text) - len(line.text.lstrip())
    if m := _BRACKETED.match(text):
        return _actor(doc, start + m.start("name"), start + m.end("name"), resolve, named=True)
    if m := _REPORT.match(text):
        group = "owner" if m["owner"] else "post"
        return _actor(doc, start + m.start(group), start + m.end(group), resolve, named=False)
    return None


def _labelled(doc: Doc, line: Line, label: re.Match, resolve: Resolve) -> Actor | None:
    start = line.indented_start
    # A label alone over an indented note is a speaker's name by its layout; one before text on the
    # same line ("Present: ...", "Action: ...") must name someone the meeting knows.
    return _actor(doc, start + label.start("name"), start + label.end("name"), resolve, named=label["rest"] is None)


def _actor(doc: Doc, start: int, end: int, resolve: Resolve, named: bool) -> Actor | None:
    """Whom a label or a heading's brackets name: someone the meeting knows, or (``named``, where
    the layout says a person's name stands there) a name the NER reads as a person's."""
    phrase = doc.char_span(start, end, alignment_mode="expand")
    if phrase is None or not len(phrase):
        return None
    actor = resolve(phrase)
    if actor is not None and actor.kind != "organisation":
        return actor
    words = phrase.text.split()
    if (
        named
        and 2 <= len(words) <= _MAX_NAME_WORDS
        and all(w[:1].isupper() and w.replace(".", "").replace("-", "").replace("'", "").isalpha() for w in words)
        and any(t.ent_type_ == "PERSON" for t in phrase)
    ):
        return Actor("person", " ".join(words), via=phrase.text)
    return None


def _declarative(doc: Doc, start: int, end: int) -> bool:
    """Words that say something, with a subject of their own ("We have three applications"), not an
    action to take ("Update the website") nor a note without a verb ("Further discussion with Andrew")."""
    words = doc.char_span(start, end, alignment_mode="expand")
    return words is not None and any(t.dep_ in _SUBJECTS and words.start <= t.head.i < words.end for t in words)


def _sentences(doc: Doc, line: Line) -> list[SpacySpan]:
    """The sentences that begin on a line."""
    words = doc.char_span(line.start, line.end, alignment_mode="expand")
    if words is None:
        return []
    starts = (t for t in words if t.is_sent_start and t.is_alpha and line.start <= t.idx < line.end)
    return [t.sent for t in starts]
