"""Extraction at scale: records cached by content and pipeline version, the rest parsed on all cores."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from .cache_files import UNREADABLE, intact, read_pickle, write_pickle
from .errors import DocumentError, MinutesGraphError
from .meeting import extract_meeting
from .nlp import load_pipeline, parse_documents
from .processes import PARALLEL_MINIMUM, worker_pool
from .records import Document, Meeting

__all__ = [
    "Extracted",
    "ExtractionCache",
    "DamagedRecord",
    "load_record",
    "forget_damaged",
    "extract_all",
    "extract_meetings",
]


@dataclass(frozen=True)
class Extracted:
    """What a build's first pass keeps of a meeting: its attendance (the rest of the record stays on
    disk until the meeting's pieces are made), how much else it holds, and where the whole record is."""

    meeting: Meeting  # attendance only
    record: Path
    items: int
    statements: int
    topics: int

    @classmethod
    def of(cls, meeting: Meeting, record: Path) -> Extracted:
        return cls(
            dataclasses.replace(meeting, items=(), statements=(), topics=(), mentions=()),
            record,
            len(meeting.items),
            len(meeting.statements),
            len({t.key for t in meeting.topics}),
        )


class DamagedRecord(MinutesGraphError):
    """A cached record that failed its digest when it was needed: the build reads its document again."""

    def __init__(self, record: Path):
        super().__init__(record)  # the one argument, so that it comes back whole from a worker process
        self.record = record

    def __str__(self) -> str:
        return f"{self.record}: a cached record is damaged"


def load_record(path: Path) -> Meeting:
    """A whole meeting record the cache holds (``Extracted.record``), checked against its digest.

    A rebuild reads only outlines, and a record only where it is used (a meeting whose parts must
    be made again): checking every record up front read the disk for minutes at 5,000 meetings."""
    try:
        return read_pickle(path)
    except UNREADABLE as e:
        raise DamagedRecord(path) from e


def forget_damaged(folder: Path) -> int:
    """Drop every record in the cache ``folder`` that fails its digest, and its outline, so that
    their documents are read again; how many went."""
    damaged = [record for record in folder.glob("*/*.pickle") if not intact(record)]
    for record in damaged:
        record.unlink(missing_ok=True)
        record.with_suffix(".outline").unlink(missing_ok=True)
    return len(damaged)


class ExtractionCache:
    """Meeting records on disk, keyed by the document's content, its name and the pipeline fingerprint:
    each whole, and its outline (an ``Extracted``) apart, so a build can start from outlines alone."""

    def __init__(self, folder: Path, fingerprint: str, read: bool = True):
        self.folder = folder / fingerprint
        self.read = read  # False: parse everything again, but keep the records for next time
        self.used: set[Path] = set()
        self.hits = 0

    def _files(self, document: Document) -> tuple[Path, Path]:
        """The document's record and outline files, marked as used (``prune`` keeps them)."""
        key = hashlib.sha256(f"{document.source}\0{document.sha256}".encode()).hexdigest()[:32]
        files = self.folder / f"{key}.pickle", self.folder / f"{key}.outline"
        self.used.update(files)
        return files

    def get(self, document: Document) -> Extracted | DocumentError | None:
        """What the document gave last time: its outline, or why it is no minutes."""
        record, outline = self._files(document)
        if not self.read:
            return None
        try:
            extracted = read_pickle(outline)  # written after the record; the record is checked when used
        except UNREADABLE:
            try:  # a record without its outline (a build stopped between the two): outlined again
                extracted = self.put(document, read_pickle(record))
            except UNREADABLE:
                return None
        self.hits += 1
        return extracted

    def put(self, document: Document, meeting: Meeting) -> Extracted:
        self.folder.mkdir(parents=True, exist_ok=True)
        record, outline = self._files(document)
        extracted = Extracted.of(meeting, record)
        write_pickle(record, meeting)
        write_pickle(outline, extracted)
        return extracted

    def refuse(self, document: Document, error: DocumentError) -> DocumentError:
        """Remember that parsing found the document to be no minutes (an agenda, a report beside
        them), so that a rebuild does not parse it again to find the same."""
        self.folder.mkdir(parents=True, exist_ok=True)
        record, outline = self._files(document)
        write_pickle(outline, error)
        return error

    def prune(self) -> int:
        """Forget records of documents no longer built and of older pipelines; how many files went."""
        removed = 0
        parent = self.folder.parent
        for path in parent.glob("*/*") if parent.exists() else ():
            if path not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        for folder in parent.iterdir() if parent.exists() else ():
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        return removed


def extract_meetings(
    documents: Iterable[Document], nlp: Language, batch_size: int = 16
) -> Iterator[tuple[Document, Meeting | DocumentError]]:
    """Each document with its Meeting, or the DocumentError that says why it is not one, in input order.

    A fault of ours on one document is reported as that document's error, so the others still build.
    """
    for document, doc in parse_documents(documents, nlp, batch_size):
        try:
            yield document, extract_meeting(document, doc)
        except DocumentError as e:
            yield document, e
        except Exception as e:  # noqa: BLE001 - reported below as this document's error, never lost
            yield (
                document,
                DocumentError(
                    f"{document.source}: could not be read ({type(e).__name__}: {e}); please report this with the file"
                ),
            )


_WORKER_NLP = None  # one pipeline per worker process, loaded once by _start_worker


def _start_worker(model: str | None) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load_pipeline(model)


def _extract_chunk(documents: list[Document]) -> list[Meeting | DocumentError]:
    return [result for _, result in extract_meetings(documents, _WORKER_NLP)]


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def extract_all(
    documents: Iterable[Document], nlp, model: str | None, jobs: int, cache: ExtractionCache
) -> Iterator[tuple[Document, Extracted | DocumentError]]:
    """Every document with what was extracted from it or its DocumentError, in input order: from the
    cache when the same document went through the same pipeline before, else parsed (on ``jobs``
    processes) and put in the cache."""
    documents = list(documents)
    cached = {id(d): cache.get(d) for d in documents}
    todo = [d for d in documents if cached[id(d)] is None]
    with contextlib.ExitStack() as stack:
        if jobs > 1 and len(todo) >= PARALLEL_MINIMUM:
            pool = stack.enter_context(worker_pool(jobs, initializer=_start_worker, initargs=(model,)))
            # Small chunks: a worker left with a long last chunk keeps the other cores waiting.
            size = max(1, min(8, len(todo) // (jobs * 4)))
            fresh = (r for chunk in pool.map(_extract_chunk, _chunks(todo, size)) for r in chunk)
        else:
            fresh = (r for _, r in extract_meetings(todo, nlp))
        for document in documents:
            hit = cached.pop(id(document))
            if hit is not None:
                yield document, hit
                continue
            result = next(fresh)
            yield (
                document,
                cache.put(document, result) if isinstance(result, Meeting) else cache.refuse(document, result),
            )
