"""Word documents: blocks from paragraph styles (Heading 1-6, lists), bold runs and tables, read with
python-docx after a check that the file does not unpack to more than a Word document should."""

from __future__ import annotations

import io
import re
import zipfile

from .blocks import BlockKind, BlockText, TextBuilder
from .errors import DocumentError

__all__ = ["MAX_UNPACKED", "read_word"]

# A Word document (a zip) whose parts unpack to more than this is refused: a zip bomb, not minutes.
MAX_UNPACKED = 200_000_000
_HEADING_STYLE = re.compile(r"^(?:heading\s*(?P<level>[1-6])|title)$", re.I)


def _kind(paragraph) -> tuple[BlockKind, int]:
    style = paragraph.style.name if paragraph.style is not None else ""
    if m := _HEADING_STYLE.match(style):
        return BlockKind.HEADING, int(m["level"] or 1)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if numbered or "list" in style.casefold():
        return BlockKind.LIST_ITEM, 0
    return BlockKind.PARAGRAPH, 0


def _lead(paragraph) -> str | None:
    """The bold runs that open a paragraph ("**Present:** A, B")."""
    lead = ""
    for run in paragraph.runs:
        if not run.text.strip():
            lead += run.text
            continue
        if not run.bold:
            break
        lead += run.text
    return lead.strip() or None


def read_word(source: str, data: bytes) -> BlockText:
    """Paragraphs and tables in reading order; a table row is one block, its cells comma-separated."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import XMLSyntaxError

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        unpacked = sum(info.file_size for info in z.infolist())
    if unpacked > MAX_UNPACKED:
        raise DocumentError(
            f"{source}: the Word document unpacks to {unpacked / 1e6:,.0f} MB, over the {MAX_UNPACKED / 1e6:.0f} MB limit"
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, XMLSyntaxError) as e:
        raise DocumentError(f"{source}: not a readable Word document ({type(e).__name__}: {e})") from e
    out = TextBuilder()
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            kind, level = _kind(paragraph)
            out.add(kind, paragraph.text, level=level, lead=_lead(paragraph))
        elif tag == "tbl":
            for row in Table(element, document).rows:
                cells = dict.fromkeys(" ".join(cell.text.split()) for cell in row.cells)
                out.add(BlockKind.TABLE_ROW, ", ".join(c for c in cells if c))
    return out.build()
