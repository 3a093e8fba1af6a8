"""Saved web pages: blocks from the page's own elements (h1-h6, p, li, tr, strong), page furniture dropped."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from .blocks import BlockKind, BlockText, TextBuilder

__all__ = ["read_webpage"]

# Page furniture that is never part of the minutes.
_NOISE = ("script", "style", "noscript", "template", "nav", "header", "footer", "form", "svg", "iframe", "aside")
_COOKIE_WORDS = ("cookie", "consent", "banner", "skip-link", "breadcrumb")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = {
    **dict.fromkeys(_HEADINGS, BlockKind.HEADING),
    **dict.fromkeys(("p", "dt", "dd", "caption", "pre", "figcaption", "address"), BlockKind.PARAGRAPH),
    "li": BlockKind.LIST_ITEM,
    "tr": BlockKind.TABLE_ROW,
}
# Elements that hold blocks, or start a new line of loose text.
_CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "body",
    "html",
    "ul",
    "ol",
    "dl",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "blockquote",
    "center",
    "td",
    "th",
    "details",
    "summary",
    "fieldset",
}
_BOLD = ("strong", "b")


def _furniture(soup: BeautifulSoup) -> None:
    for tag in soup(_NOISE):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        marks = " ".join([*tag.get("class", []), str(tag.get("id", ""))]).casefold()
        if any(w in marks for w in _COOKIE_WORDS):
            tag.decompose()


def _lead(tag: Tag) -> str | None:
    """The text of a bold run that opens the element ("<p><strong>Present:</strong> A, B</p>")."""
    for child in tag.children:
        if isinstance(child, NavigableString):
            if child.strip():
                return None
            continue
        if child.name in _BOLD:
            return " ".join(_words(child).split())
        return _lead(child) if child.name in ("span", "em", "i", "u", "a") else None
    return None


def _words(tag: Tag | NavigableString) -> str:
    """The text as a browser lays it out: runs of white space are one space, ``<br>`` a line break."""
    if isinstance(tag, NavigableString):
        return re.sub(r"\s+", " ", str(tag)) if type(tag) is NavigableString else ""
    if tag.name == "br":
        return "\n"
    return "".join(_words(child) for child in tag.children)


def _row(tag: Tag) -> str:
    """A table row is one attendee or one item: its cells on one line, comma-separated."""
    cells = [" ".join(_words(c).split()) for c in tag.find_all(["td", "th"])]
    return ", ".join(c for c in cells if c)


class _Walker:
    def __init__(self) -> None:
        self.out = TextBuilder()
        self.loose: list[str] = []

    def flush(self) -> None:
        if "".join(self.loose).strip():
            self.out.add(BlockKind.PARAGRAPH, "".join(self.loose))
        self.loose = []

    def visit(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString) or child.name == "br":
                self.loose.append(_words(child))
            elif child.name in _BLOCKS and not child.find(list(_BLOCKS)):
                self.flush()
                kind = _BLOCKS[child.name]
                text = _row(child) if kind == BlockKind.TABLE_ROW else _words(child)
                self.out.add(kind, text, level=_HEADINGS.get(child.name, 0), lead=_lead(child))
            elif child.name in _CONTAINERS or child.find(list(_BLOCKS)):
                self.flush()
                self.visit(child)
                self.flush()
            else:
                self.loose.append(_words(child))


def read_webpage(html: str) -> BlockText:
    """The readable text of a saved page as blocks: navigation, scripts, cookie banners and
    footers dropped; the main content (``main``, ``article`` or the body) only."""
    soup = BeautifulSoup(html, "html.parser")
    _furniture(soup)
    walker = _Walker()
    walker.visit(soup.find("main") or soup.find("article") or soup.body or soup)
    walker.flush()
    return walker.out.build()
