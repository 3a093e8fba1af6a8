"""The block model every reader produces: headings, paragraphs, list items and table rows, with spans."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

__all__ = ["BlockKind", "Block", "text_blocks", "block_text"]

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
