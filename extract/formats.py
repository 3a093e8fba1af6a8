"""The media types minutes come in, and telling them apart by their bytes."""

from __future__ import annotations

import io
import zipfile

__all__ = ["HTML", "PDF", "DOCX", "TEXT", "sniff"]

TEXT, HTML, PDF = "text/plain", "text/html", "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


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
