"""Text out of the file formats minutes come in: saved web pages, PDF and Word documents."""

from __future__ import annotations

import io
import zipfile

from bs4 import BeautifulSoup

from .errors import DocumentError

__all__ = ["HTML", "PDF", "DOCX", "TEXT", "sniff", "html_text", "pdf_text", "docx_text"]

TEXT, HTML, PDF = "text/plain", "text/html", "application/pdf"
# A Word document (a zip) whose parts unpack to more than this is refused: a zip bomb, not minutes.
MAX_UNPACKED = 200_000_000
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Page furniture that is never part of the minutes.
_HTML_NOISE = ("script", "style", "noscript", "template", "nav", "header", "footer", "form", "svg", "iframe", "aside")
_COOKIE_WORDS = ("cookie", "consent", "banner", "skip-link", "breadcrumb")


def sniff(data: bytes) -> str | None:
    """The media type the bytes themselves announce (PDF, Word), or None for text."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return DOCX if "word/document.xml" in z.namelist() else None
        except zipfile.BadZipFile:
            return None
    return None


def _lines(text: str) -> str:
    out: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def html_text(html: str) -> str:
    """The readable text of a saved page: navigation, scripts, cookie banners and footers dropped."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(_HTML_NOISE):
        tag.decompose()
    for tag in soup.find_all(attrs={"class": True}):
        if not tag.decomposed and any(w in " ".join(tag.get("class", [])).casefold() for w in _COOKIE_WORDS):
            tag.decompose()
    for tag in soup.find_all(attrs={"id": True}):
        if not tag.decomposed and any(w in str(tag.get("id", "")).casefold() for w in _COOKIE_WORDS):
            tag.decompose()
    for row in soup.find_all("tr"):
        # A table row is one attendee or one item: its cells on one line, comma-separated.
        cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]
        row.replace_with(soup.new_string(", ".join(c for c in cells if c) + "\n"))
    root = soup.find("main") or soup.find("article") or soup.body or soup
    return _lines(root.get_text("\n"))


# A gap between words wider than this many ems separates columns or table cells (justified
# text stretches its spaces to about half an em).
_COLUMN_GAP = 1.2
# A gap between lines taller than this many line heights separates paragraphs.
_PARAGRAPH_GAP = 1.6


def _page_lines(page) -> str:
    """One page's text as lines in reading order: words far apart on a line (columns, a table's
    cells, a label and its value) keep three spaces between them, and a tall gap between lines
    is a blank line, so the reader of the text sees the layout the eye sees."""
    lines = page.extract_text_lines(layout=False, strip=True, return_chars=True)
    out: list[str] = []
    previous_bottom = None
    heights = sorted(line["bottom"] - line["top"] for line in lines) or [10.0]
    height = heights[len(heights) // 2]
    for line in lines:
        if previous_bottom is not None and line["top"] - previous_bottom > (_PARAGRAPH_GAP - 1) * height:
            out.append("")
        previous_bottom = line["bottom"]
        chars = [c for c in line["chars"] if c["text"].strip()]
        text, last = "", None
        for c in chars:
            if last is not None:
                gap, em = c["x0"] - last["x1"], max(c.get("size") or 10.0, 1.0)
                text += "   " if gap > _COLUMN_GAP * em else (" " if gap > 0.1 * em else "")
            text += c["text"]
            last = c
        out.append(text)
    return "\n".join(out)


def pdf_text(source: str, data: bytes) -> str:
    """The text layer of a PDF, page after page, laid out as on the page (see ``_page_lines``);
    a PDF with none (a scan) is an error saying so."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        try:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                text = "\n\n".join(_page_lines(page) for page in pdf.pages)
        except PdfminerException as e:  # pdfplumber wraps what pdfminer raised
            raise (e.args[0] if e.args and isinstance(e.args[0], Exception) else e) from e
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise DocumentError(f"{source}: the PDF is encrypted; save an unprotected copy") from e
    except (PdfminerException, PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError) as e:
        raise DocumentError(f"{source}: not a readable PDF ({type(e).__name__})") from e
    if not text.strip():
        raise DocumentError(f"{source}: the PDF has no text layer (a scanned image?); run it through OCR first")
    return _lines(text)


def docx_text(source: str, data: bytes) -> str:
    """Paragraphs and tables of a Word document in reading order; a table row becomes one line."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

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
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
            lines.append("")
        elif tag == "tbl":
            for row in block.iter():
                if row.tag.endswith("}tr"):
                    cells = [
                        "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")).strip()
                        for cell in row.iterchildren()
                        if cell.tag.endswith("}tc")
                    ]
                    lines.append(", ".join(dict.fromkeys(c for c in cells if c)))
            lines.append("")
    return _lines("\n".join(lines))
