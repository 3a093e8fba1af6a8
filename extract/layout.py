"""Lines of a document and the sections they open: attendee lists and their status."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace

from .gazetteer import load_gazetteer
from .lexicon import Lexicon
from .records import Status

__all__ = [
    "Line",
    "AttendanceBlock",
    "Membership",
    "split_lines",
    "attendance_heading",
    "attendance_blocks",
    "is_prose",
    "is_link_line",
    "attendance_sentences",
]

_NUMBERING = re.compile(r"^\s*(?:[-*\u2022#>]+\s*|\(?\d{1,2}[.)]\s*|[a-z][.)]\s+)*")
# "Apologies for absence were received from Marion Harvey, Richard Hunt and James Hargrave."; "The
# meeting was attended by Sue Hill (Chair), Bob Green...", "Also present was Cllr Ian Fox".
# Attendance only where a sentence opens with it: "the Annual Parish Meeting was attended by" in
# the middle of one tells of another meeting.
_ATTENDANCE_SENTENCE = re.compile(
    r"\b(?P<apologies>apologies(?:\s+for\s+absence)?\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?"
    r"(?:received|given|noted|tendered|sent|recorded)\s+from)\s+"
    r"|(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?:the\s+meeting\s+was\s+attended\s+by|those\s+present\s+(?:were|included)"
    r"|(?:also\s+)?(?:present|in\s+attendance)\s+(?:were|was))\s+",
    re.I | re.M,
)
_TITLE_WORDS = {"minutes", "meeting", "agenda", "held"}

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

    @property
    def indented_start(self) -> int:
        """Where the line's words begin, after its indentation."""
        return self.start + len(self.text) - len(self.text.lstrip())


class Membership(enum.Enum):
    """Which of a list's people are the meeting body's own members, as its heading says:
    all ("MEMBERS :"), those with no title ("Present": a titled councillor or officer may come
    from another body), or none ("Also present", "Guests")."""

    ALL = "all"
    UNTITLED = "untitled"
    NONE = "none"


@dataclass(frozen=True)
class AttendanceBlock:
    """Character range of a list of people under one heading, and what the heading says of them.

    ``soft_breaks``: offsets of the line breaks that separate no one, where the list ran on to the
    next line wherever the page ended (see ``soft_breaks``). ``post``: the heading names the
    post its people hold ("In the chair", "Minute Secretary", "Directors present").
    ``members``: the heading lists the meeting body's own members. ``one_per_line``: each line
    holds one person and what is said of them ("Will Perrin, Talk About Local"). ``qualifier``: the
    words the heading puts before its word for the people ("garda" of "GARDA NOMINATIONS :"),
    perhaps the name of the organisation they come from.
    """

    status: Status
    start: int
    end: int
    soft_breaks: frozenset[int] = frozenset()
    post: str | None = None
    members: Membership = Membership.NONE
    one_per_line: bool = False
    qualifier: str | None = None

    @classmethod
    def in_running_text(cls, status: Status, text: str, start: int, end: int) -> AttendanceBlock:
        """People named in a sentence ("Apologies were received from A, B and C."): each of its line
        breaks is where the page ended, none parts people."""
        return cls(status, start, end, frozenset(k for k in range(start, end) if text[k] == "\n"))


@dataclass(frozen=True)
class AttendanceHeading:
    """What a heading line says of the people listed after it, and where their list starts;
    ``members``: they are the meeting body's own members."""

    status: Status
    start: int
    post: str | None = None
    members: Membership = Membership.NONE
    qualifier: str | None = None


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


def _classify(key: str, lexicon: Lexicon, opening: bool) -> AttendanceHeading | None:
    """What a heading's words say of its list (its ``start`` left 0), or None when they name no
    list of people."""
    words = key.replace("'", " ").split()
    status = _status(key, words, lexicon, opening)
    if status is None:
        return None
    label = max((p for p in lexicon.post_labels if key == p or key.endswith(" " + p)), key=len, default=None)
    if label is not None:  # "Minute Secretary:", "PRESENT IN THE CHAIR :"
        return AttendanceHeading(status, 0, label, members=Membership.UNTITLED)
    members = Membership.NONE
    if lexicon.member_words.intersection(words) and not lexicon.not_member_words.intersection(words):
        named = lexicon.named_member_words.intersection(words)
        members = Membership.ALL if named else Membership.UNTITLED
    plural = next((k for k, w in enumerate(words) if w in lexicon.plural_posts), None)
    post = " ".join([*words[:plural], words[plural][:-1]]) if plural is not None and plural < 2 else None
    said = next((k for k, w in enumerate(words) if w in lexicon.attendance_words | lexicon.status_words), 0)
    return AttendanceHeading(status, 0, post, members, " ".join(words[:said]) or None)


def _status(key: str, words: list[str], lexicon: Lexicon, opening: bool) -> Status | None:
    if key in lexicon.apologies_headings:
        return "apologies"
    if key in lexicon.absent_headings:
        return "absent"
    if key in lexicon.present_headings or key in lexicon.post_labels:
        return "present"
    if not words or len(words) > 6 or _TITLE_WORDS.intersection(words):
        return None  # "Board of Directors Meeting Minutes" is a title, not a list's heading
    if not opening and words[-1] not in lexicon.status_words:
        return None
    if "apologies" in words:
        return "apologies"
    if "absent" in words or key.endswith("not present"):
        return "absent"
    if lexicon.attendance_words.intersection(words):
        return "present"
    return None


def _as_written(label: str, post: str) -> str:
    """The post as the heading writes it ("Minute Secretary"), in capitals only as a capital first
    letter ("IN THE CHAIR" -> "In the chair")."""
    written = " ".join(label.strip(" :*#\t").split())
    found = re.search(re.escape(post), written, re.I)
    text = found.group() if found else post
    return text.capitalize() if text.isupper() or text.islower() else text


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
        candidates = [(text, line.end)] if len(text.split()) <= 6 and not _titled_names(text, lexicon) else []
    for candidate, start in candidates:
        found = _classify(_heading_key(candidate), lexicon, opening)
        if found is not None:
            return replace(found, start=start, post=found.post and _as_written(candidate, found.post))
    return None


def _titled_names(text: str, lexicon: Lexicon) -> bool:
    """A plural title and the names bearing it ("Councillors Alam and Dornan"), not a heading: after
    the title only capitalised words and "and", none of them saying anything of attendance, as
    "Councillors present", "Directors present via Zoom" or "Officers from the Council" do."""
    words = re.sub(r"[^\w\s'\u2019&-]", " ", text).split()
    said = lexicon.attendance_words | lexicon.status_words
    rest = [w for w in words[1:] if w.casefold() not in ("and", "&")]
    return (
        len(words) > 1
        and words[0].casefold() in lexicon.plural_posts
        and bool(rest)
        and all(w[:1].isupper() and w.casefold() not in said for w in rest)
    )


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


_SOFT_BREAK = re.compile(
    r"(?P<lower>\n)(?=[ \t]*[a-z])"  # the next line goes on in lower case: "(Libraries Innovation\nand Development"
    r"|(?P<bracket>\n)(?=\s*\()"  # the next line opens a bracket: "Senior Analyst\n\n(Ms. L. Breen)"
    r"|\b(?:and|of|for|the|to)[ \t]*(?P<linking>\n)"  # a line cut after a linking word
    r"|, [A-Z][a-z]+[ \t]*(?P<name>\n)(?=[ \t]*[A-Z][\w'-]+ *[(,])"  # ", Mandy\nWilkinson (Finance Manager)"
)


def soft_breaks(text: str, start: int) -> frozenset[int]:
    """Offsets (from ``start``) of the line breaks in a list of people that separate no one: all
    of them where several people share each line with commas between (the list runs on wherever the
    page ended), else those inside brackets or a phrase, or between a first name and a surname."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and text.count(",") >= 1.5 * len(lines):
        return frozenset(start + m.start() for m in re.finditer("\n", text))
    soft = {start + m.start(m.lastgroup) for m in _SOFT_BREAK.finditer(text)}
    depth = 0
    for k, c in enumerate(text):
        depth = max(0, depth + (c == "(") - (c == ")"))
        if c == "\n" and depth:
            soft.add(start + k)
    return frozenset(soft)


def attendance_blocks(lines: list[Line], lexicon: Lexicon, is_end, opening_end: int) -> list[AttendanceBlock]:
    """Lists of people under attendance headings, until ``is_end(line)``, another heading or running
    prose; ``opening_end`` is where the first agenda item starts."""
    blocks: list[AttendanceBlock] = []
    current: AttendanceHeading | None = None
    text = "\n".join(line.text for line in lines)

    def close(end: int) -> None:
        if current is not None and end > current.start:
            body = text[current.start : end]
            breaks = soft_breaks(body, current.start)
            lines = [line for line in body.splitlines() if line.strip()]
            single = len(lines) > 1 and not breaks and all(line.count(",") <= 2 for line in lines)
            blocks.append(
                AttendanceBlock(
                    current.status, current.start, end, breaks, current.post, current.members, single, current.qualifier
                )
            )

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


def attendance_sentences(text: str) -> list[AttendanceBlock]:
    """The people of sentences that record apologies ("Apologies were received from A, B and C.")
    or attendance ("The meeting was attended by A (Chair), B and C.")."""
    blocks = []
    sentence_end = re.compile(rf"{load_gazetteer().full_stop.pattern}(?=\s)|\n\s*\n|$")
    for m in _ATTENDANCE_SENTENCE.finditer(text):
        end = sentence_end.search(text, m.end())
        stop = end.start() if end else len(text)
        blocks.append(
            AttendanceBlock.in_running_text("apologies" if m["apologies"] else "present", text, m.end(), stop)
        )
    return blocks
