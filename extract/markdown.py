"""Markdown minutes: blocks from a real parser, markup blanked out so the words keep their offsets;
the front matter kept as written, its title and date read."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from .blocks import Block, BlockKind
from .fetch import is_url
from .records import FrontMatter, Span

__all__ = ["MarkdownText", "front_matter", "looks_like_markdown", "read_markdown"]

_PARSER = MarkdownIt("commonmark").use(front_matter_plugin).enable("table")

# Evidence that a text is markdown rather than plain text: front matter, ATX headings, bold,
# backslash escapes, quotes, links, list bullets.
_SIGNS = [
    re.compile(r"\A---\s*\n(?:.*\n)*?---\s*(?:\n|\Z)"),
    re.compile(r"^#{1,6} \S", re.M),
    re.compile(r"\*\*\S[^*\n]*\*\*|__\S[^_\n]*__"),
    re.compile(r"\w\\[.\-)]"),
    re.compile(r"^> ", re.M),
    re.compile(r"\[[^\]\n]+\]\([^)\n]+\)"),
]

# Markup that is not text, each replaced by as many spaces (line breaks kept).
_MASKS = [
    re.compile(r"^[ \t]*#{1,6}(?=\s)|[ \t]+#+[ \t]*$", re.M),  # heading marks
    re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M),  # quote marks
    re.compile(r"\[![a-z]+\][-+]?", re.I),  # Obsidian callouts: > [!abstract]- Present:
    re.compile(r"^[ \t]*[-*+](?=[ \t])", re.M),  # bullets
    re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$", re.M),  # table rules |-|-|
    re.compile(r"\|"),
    re.compile(r"\*{2,}|_{2,}|(?<![\w*])[*_](?=\S)|(?<=[^\s*])[*_](?![\w*])"),  # emphasis
    re.compile(r"\^(?=\w)|(?<=\w)\^"),  # pandoc superscript: 24^th^
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"<https?://[^>\s]*>"),
    re.compile(r"\\$", re.M),  # hard line break
]
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(\s*<?[^)\n]*>?\s*\)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
_LEAD = re.compile(r"[ \t]*(?:\d{1,3}[.)][ \t]*)?(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>(?:.*\n)*?)---[ \t]*(?:\n|\Z)")
_TITLE_FIELD = re.compile(r"^title:[ \t]*[\"']?(?P<title>[^\n]*?)[\"']?[ \t]*$", re.M)


@dataclass(frozen=True)
class MarkdownText:
    """Markdown read into text of the same length with markup blanked, its blocks and front matter."""

    text: str
    blocks: tuple[Block, ...]
    front: FrontMatter = FrontMatter()


def looks_like_markdown(text: str) -> bool:
    """Front matter, escapes, or two kinds of markdown markup in a text not laid out by indentation
    (markdown would read indented plain text, such as a board's roll call, as code)."""
    found = [bool(sign.search(text)) for sign in _SIGNS]
    if found[0] or found[3]:  # front matter, or the escapes only a markdown writer makes ("2\\. PLANNING")
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    indented = sum(line.startswith(("    ", "\t")) for line in lines)
    return sum(found) >= 2 and indented < 0.2 * len(lines)


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group())


def _mask(text: str) -> str:
    text = _LINK.sub(lambda m: " " + m[1] + " " * (len(m.group()) - len(m[1]) - 1), text)
    text = _ESCAPE.sub(lambda m: m[1] + " ", text)
    text = _ENTITY.sub(lambda m: html.unescape(m.group())[:1].ljust(len(m.group())), text)
    for mask in _MASKS:
        text = mask.sub(_blank, text)
    return text


# Where front matter keeps the address a page was published at (Jekyll, Hugo, Obsidian's web clipper).
_URL_FIELDS = ("url", "source_url", "source", "canonical_url", "link")


def front_matter(raw: str) -> FrontMatter:
    """The front matter a file starts with (Jekyll, Hugo, Obsidian), or an empty one."""
    m = _FRONT_MATTER.match(raw)
    if m is None:
        return FrontMatter()
    try:
        data = yaml.safe_load(m["yaml"])
    except yaml.YAMLError:
        data = None
    date = data.get("date") if isinstance(data, dict) else None
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date[:10])
        except ValueError:
            date = None
    if isinstance(date, dt.datetime):
        date = date.date()
    title = None
    if (t := _TITLE_FIELD.search(m["yaml"])) and t["title"].strip():
        start = m.start("yaml") + t.start("title")
        title = Span(start, start + len(t["title"]), t["title"])
    urls = (data.get(k) for k in _URL_FIELDS) if isinstance(data, dict) else ()
    url = next((u.strip() for u in urls if isinstance(u, str) and is_url(u.strip())), None)
    return FrontMatter(m.end(), title, date if isinstance(date, dt.date) else None, url)


def read_markdown(raw: str, front: FrontMatter | None = None) -> MarkdownText:
    """Blocks from markdown-it's parse; text with the markup blanked out, one character for one.
    ``front`` is the text's front matter where the caller has read it already."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", raw)] + [len(raw)]
    front = front if front is not None else front_matter(raw)
    text = raw[: front.end] + _mask(raw[front.end :])
    blocks: list[Block] = []
    context: list[str] = []
    heading_level = 0
    for token in _PARSER.parse(raw):
        if token.nesting == 1 and token.type in ("list_item_open", "blockquote_open", "tr_open"):
            context.append(token.type)
        elif token.nesting == -1 and token.type in ("list_item_close", "blockquote_close", "tr_close"):
            context.pop()
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
        if token.type not in ("inline",) or token.map is None:
            continue
        start = line_starts[token.map[0]]
        end = line_starts[min(token.map[1], len(line_starts) - 1)]
        segment = text[start:end]
        stripped_start = start + len(segment) - len(segment.lstrip())
        stripped_end = start + len(segment.rstrip())
        if stripped_end <= stripped_start:
            continue
        if heading_level:
            kind, level = BlockKind.HEADING, heading_level
        elif context and context[-1] == "tr_open":
            kind, level = BlockKind.TABLE_ROW, 0
        elif "list_item_open" in context:
            kind, level = BlockKind.LIST_ITEM, 0
        else:
            kind, level = BlockKind.PARAGRAPH, 0
        heading_level = 0
        lead = _LEAD.match(raw, start, end)
        lead_end = lead.end() if lead else None
        if blocks and blocks[-1].start == stripped_start:
            continue  # a table row's cells share its line
        blocks.append(Block(kind, stripped_start, stripped_end, level, lead_end))
    return MarkdownText(text, tuple(blocks), front)
