"""The block model every reader produces: headings, paragraphs, list items and table rows, with spans."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

__all__ = ["BlockKind", "Block", "BlockText", "TextBuilder", "text_blocks", "block_text"]

_SHORT_WORDS = 12


class BlockKind(enum.Enum):
    """What a stretch of a document is, as its format or its typography says."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"


@dataclass(frozen=True)
class Block:
    """``text[start:end]`` of a document is one block.

    ``level`` is a marked-up heading's level (1-6) and 0 for a heading known only by its typography
    (a short line standing alone). ``lead_end`` ends a title written in bold or italics at the
    start of the block ("1. **Apologies for absence** None received"), None where there is none.
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    lead_end: int | None = None


@dataclass(frozen=True)
class BlockText:
    """A document's text as a reader made it, and its blocks."""

    text: str
    blocks: tuple[Block, ...]


class TextBuilder:
    r"""Text made block by block, a blank line between blocks, each block's span recorded.

    >>> b = TextBuilder()
    >>> b.add(BlockKind.HEADING, "Minutes", level=1)
    >>> b.add(BlockKind.PARAGRAPH, "Present: A Smith", lead="Present:")
    >>> made = b.build()
    >>> made.text, [(x.kind.value, made.text[x.start : x.end], x.lead_end) for x in made.blocks]
    ('Minutes\n\nPresent: A Smith\n', [('heading', 'Minutes', None), ('paragraph', 'Present: A Smith', 17)])
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._length = 0

    def add(self, kind: BlockKind, text: str, level: int = 0, lead: str | None = None) -> None:
        """Add a block; ``lead`` is a title in bold at its start, as written there."""
        text = "\n".join(line.strip() for line in text.strip().splitlines() if line.strip())
        if not text:
            return
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        lead = lead.strip() if lead else ""
        lead_end = start + len(lead) if lead and text.startswith(lead) else None
        self._parts.append(text)
        self._length += len(text)
        self._blocks.append(Block(kind, start, self._length, level, lead_end))

    def build(self) -> BlockText:
        return BlockText("".join(self._parts) + ("\n" if self._parts else ""), tuple(self._blocks))


def block_text(text: str, block: Block) -> str:
    """The block's words on one line: line breaks inside a block wrap, they do not separate."""
    return re.sub(r"\s+", " ", text[block.start : block.end]).strip()


def _is_short_line(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _SHORT_WORDS and not line.rstrip().endswith((".", ",", ";"))


def text_blocks(text: str) -> tuple[Block, ...]:
    """Blocks of plain text from its typography: runs of lines between blank lines are paragraphs,
    and a paragraph of one short line is a heading.

    >>> [(b.kind.value, b.start, b.end) for b in text_blocks("MINUTES\\n\\nThe Board met.\\nIt agreed.\\n")]
    [('heading', 0, 7), ('paragraph', 9, 34)]
    """
    blocks = []
    for m in re.finditer(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", text):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        end = m.start() + len(m.group().rstrip())
        body = text[start:end]
        kind = BlockKind.HEADING if "\n" not in body and _is_short_line(body) else BlockKind.PARAGRAPH
        blocks.append(Block(kind, start, end))
    return tuple(blocks)
