"""Reading source files (text, saved web pages, PDF, Word) into normalised documents."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from .blocks import BlockText, text_blocks
from .errors import DocumentError
from .fetch import fetch, is_url
from .formats import DOCX, HTML, PDF, TEXT, sniff
from .markdown import front_matter, looks_like_markdown, read_markdown
from .normalise import normalise
from .pdf import read_pdf
from .records import Document, FrontMatter
from .webpage import read_webpage
from .word import read_word

__all__ = ["read_document", "document_from_bytes", "SUFFIXES", "MAX_BYTES"]

SUFFIXES = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": TEXT,
    ".markdown": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".pdf": PDF,
    ".docx": DOCX,
}
MAX_BYTES = 20 * 1024 * 1024


def read_document(
    path: str | Path, max_bytes: int = MAX_BYTES, cache: Path | None = None, name: str | None = None
) -> Document:
    """Read one file or http(s) address; raise DocumentError naming it when it cannot serve as minutes.
    The document's source is ``name`` (an ``InputFile``'s), else the path as given.

    Fetched pages are kept in ``cache`` (a folder) and asked for again only conditionally.
    """
    shown = name or str(path)
    if isinstance(path, str) and is_url(path):
        data, media_type = fetch(path, cache, max_bytes=max_bytes)
        return document_from_bytes(path, data, media_type)
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(f"{shown}: file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise DocumentError(f"{shown}: no such file") from e
    except IsADirectoryError as e:
        raise DocumentError(f"{shown}: is a directory") from e
    except OSError as e:
        raise DocumentError(f"{shown}: cannot read ({e.strerror or e})") from e
    return document_from_bytes(shown, data, SUFFIXES.get(path.suffix.lower()))


def document_from_bytes(source: str, data: bytes, media_type: str | None = None) -> Document:
    """Decode, detect HTML, extract its text and normalise; ``source`` names the document."""
    if not data.strip():
        raise DocumentError(f"{source}: file is empty")
    sniffed = sniff(data)
    if media_type in (PDF, DOCX) and sniffed != media_type:
        kind = "PDF" if media_type == PDF else "Word document"
        raise DocumentError(f"{source}: not a readable {kind} (its content is not one)")
    media_type = sniffed or (media_type if media_type in (TEXT, HTML) else None)
    front = FrontMatter()
    if media_type in (PDF, DOCX):
        read, encoding, warnings = _read_layout(source, data, media_type), "pdf" if media_type == PDF else "docx", []
        original, text, blocks = read.text, read.text, read.blocks
    else:
        original, encoding, warnings = _decode(source, data)
        if media_type is None:
            media_type = HTML if _looks_like_html(original) else TEXT
        front = front_matter(original)  # a page saved by a static-site generator keeps it above the HTML
        if media_type == HTML:
            page = read_webpage(original[front.end :])
            original = text = original[: front.end] + page.text
            blocks = tuple(
                replace(
                    b, start=b.start + front.end, end=b.end + front.end, lead_end=b.lead_end and b.lead_end + front.end
                )
                for b in page.blocks
            )
        elif looks_like_markdown(original):
            markdown = read_markdown(original, front)
            text, blocks, front = markdown.text, markdown.blocks, markdown.front
        else:
            text, blocks = original, None  # plain text: blocks from its typography, below
    if not text.strip():
        raise DocumentError(f"{source}: no text in the page")
    plain = normalise(text)
    return Document(
        source=source,
        text=plain,
        original=original,
        media_type=media_type,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        warnings=tuple(warnings),
        blocks=text_blocks(plain) if blocks is None else blocks,
        front=front,
    )


def _read_layout(source: str, data: bytes, media_type: str) -> BlockText:
    """A PDF or Word file read into blocks. Their parsers can fail in ways no list of exceptions
    foresees on a malformed or hostile file: any failure is that file's error, never the build's."""
    try:
        return read_pdf(source, data) if media_type == PDF else read_word(source, data)
    except DocumentError:
        raise
    except Exception as e:  # noqa: BLE001 - reported as the file's one-line error
        kind = "PDF" if media_type == PDF else "Word document"
        raise DocumentError(f"{source}: not a readable {kind} ({type(e).__name__}: {e})") from e


def _decode(source: str, data: bytes) -> tuple[str, str, list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16", []
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", []
    if b"\x00" in data[:4096]:
        raise DocumentError(f"{source}: binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as e:
        bad_ratio = sum(b >= 0x80 for b in data) / len(data)
        if bad_ratio < 0.3:
            try:
                return data.decode("cp1252"), "cp1252", []
            except UnicodeDecodeError:
                pass
        text = data.decode("utf-8", errors="replace")
        if text.count("\ufffd") > len(text) / 10:
            raise DocumentError(f"{source}: binary file, not text") from e
        return text, "utf-8", [f"{source}: invalid UTF-8 at byte {e.start}; undecodable bytes replaced"]


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head
