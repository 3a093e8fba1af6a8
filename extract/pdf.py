"""PDF minutes: lines laid out from the characters' positions by pdfplumber, so columns, a table's
cells and a label beside its value stay apart; paragraphs from the gaps between lines, headings
from their fonts."""

from __future__ import annotations

import io
import re
import statistics
import zlib
from dataclasses import dataclass

from .blocks import BlockKind, BlockText, TextBuilder
from .errors import DocumentError

__all__ = ["MAX_UNPACKED", "read_pdf"]

# A gap between words wider than this many ems separates columns or table cells (justified
# text stretches its spaces to about half an em).
_COLUMN_GAP = 1.2
# A gap between lines taller than this many line heights separates paragraphs.
_PARAGRAPH_GAP = 1.6
# A line this much larger than the page's usual type is a heading, as is a line all in bold.
_HEADING_SIZE = 1.15
# A PDF whose compressed streams unpack to more than this is refused before it is parsed: a
# decompression bomb, not minutes (the parser would unpack it whole, in memory).
MAX_UNPACKED = 500_000_000
_STREAM = re.compile(rb"/FlateDecode.{0,200}?stream\r?\n", re.S)


@dataclass(frozen=True)
class _Line:
    text: str
    top: float
    bottom: float
    size: float
    bold: bool


def _line(line: dict) -> _Line:
    chars = [c for c in line["chars"] if c["text"].strip()]
    text, last = "", None
    for c in chars:
        if last is not None:
            gap, em = c["x0"] - last["x1"], max(c.get("size") or 10.0, 1.0)
            text += "   " if gap > _COLUMN_GAP * em else (" " if gap > 0.1 * em else "")
        text += c["text"]
        last = c
    size = statistics.median(c.get("size") or 10.0 for c in chars) if chars else 10.0
    bold = bool(chars) and all("bold" in (c.get("fontname") or "").casefold() for c in chars)
    return _Line(text, line["top"], line["bottom"], size, bold)


def _page(page, out: TextBuilder) -> None:
    """One page's paragraphs: lines in reading order, a tall gap between two lines ends a paragraph."""
    lines = [_line(line) for line in page.extract_text_lines(layout=False, strip=True, return_chars=True)]
    lines = [line for line in lines if line.text]
    if not lines:
        return
    height = statistics.median(line.bottom - line.top for line in lines)
    body_size = statistics.median(line.size for line in lines)
    paragraph: list[_Line] = []

    def flush() -> None:
        if not paragraph:
            return
        heading = len(paragraph) == 1 and (paragraph[0].bold or paragraph[0].size > _HEADING_SIZE * body_size)
        out.add(BlockKind.HEADING if heading else BlockKind.PARAGRAPH, "\n".join(line.text for line in paragraph))
        paragraph.clear()

    for line in lines:
        if paragraph and line.top - paragraph[-1].bottom > (_PARAGRAPH_GAP - 1) * height:
            flush()
        paragraph.append(line)
    flush()


def _unpacked_size(data: bytes, limit: int) -> int:
    """How much the PDF's deflated streams unpack to, counted a chunk at a time and thrown away,
    stopping once past ``limit``."""
    total = 0
    for m in _STREAM.finditer(data):
        inflate = zlib.decompressobj()
        pending = data[m.end() : data.find(b"endstream", m.end())]
        try:
            while pending and total <= limit:
                total += len(inflate.decompress(pending, 1 << 24))
                pending = inflate.unconsumed_tail
        except zlib.error:
            continue  # not a stream this scan can read; the parser will say
    return total


def read_pdf(source: str, data: bytes) -> BlockText:
    """The text layer of a PDF, page after page; a PDF with none (a scan) is an error saying so."""
    if _unpacked_size(data, MAX_UNPACKED) > MAX_UNPACKED:
        raise DocumentError(f"{source}: the PDF unpacks to over {MAX_UNPACKED / 1e6:.0f} MB; a decompression bomb?")
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    out = TextBuilder()
    try:
        try:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for page in pdf.pages:
                    _page(page, out)
        except PdfminerException as e:  # pdfplumber wraps what pdfminer raised
            raise (e.args[0] if e.args and isinstance(e.args[0], Exception) else e) from e
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise DocumentError(f"{source}: the PDF is encrypted; save an unprotected copy") from e
    except (PdfminerException, PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError) as e:
        raise DocumentError(f"{source}: not a readable PDF ({type(e).__name__})") from e
    made = out.build()
    if not made.text.strip():
        raise DocumentError(f"{source}: the PDF has no text layer (a scanned image?); run it through OCR first")
    return made
