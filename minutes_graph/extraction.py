"""Extraction at scale: records cached by content and pipeline version, the rest parsed on all cores."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from pathlib import Path

from extract import Document, DocumentError, Meeting, extract_meetings, load_pipeline

from .processes import worker_pool

__all__ = ["ExtractionCache", "pipeline_fingerprint", "extract_all", "PARALLEL_MINIMUM"]

# Below this many documents to parse, starting worker processes (each loads the model) costs more
# than it saves.
PARALLEL_MINIMUM = 16
Result = tuple[Document, Meeting | DocumentError]


def pipeline_fingerprint(nlp, model_label: str) -> str:
    """What extraction depends on besides the document: tool version, model, the components that run
    (by factory, so a reimplemented one counts), and every data file."""
    digest = hashlib.sha256()
    try:
        digest.update(metadata.version("minutes-graph").encode())
    except metadata.PackageNotFoundError:
        digest.update(b"unversioned")
    digest.update(model_label.encode())
    digest.update(repr(sorted(nlp.pipe_factories.items())).encode())
    for entry in sorted((resources.files("extract") / "data").iterdir(), key=lambda e: e.name):
        digest.update(entry.name.encode() + entry.read_bytes())
    return digest.hexdigest()[:16]


class ExtractionCache:
    """Meeting records on disk, keyed by the document's content, its name and the pipeline fingerprint."""

    def __init__(self, folder: Path, fingerprint: str, read: bool = True):
        self.folder = folder / fingerprint
        self.read = read  # False: parse everything again, but keep the records for next time
        self.used: set[Path] = set()
        self.hits = 0

    def path(self, document: Document) -> Path:
        """Where the record of ``document`` is (or would be) kept."""
        key = hashlib.sha256(f"{document.source}\0{document.sha256}".encode()).hexdigest()[:32]
        return self.folder / f"{key}.pickle"

    def get(self, document: Document) -> Meeting | None:
        path = self.path(document)
        self.used.add(path)
        if not self.read:
            return None
        try:
            with open(path, "rb") as f:
                meeting = pickle.load(f)  # noqa: S301 - our own cache, written below
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        self.hits += 1
        return meeting

    def put(self, document: Document, meeting: Meeting) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path(document)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(meeting, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        self.used.add(path)

    def prune(self) -> int:
        """Forget records of documents no longer built and of older pipelines; how many went."""
        removed = 0
        parent = self.folder.parent
        for path in parent.glob("*/*.pickle") if parent.exists() else ():
            if path not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        for folder in parent.iterdir() if parent.exists() else ():
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        return removed


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
    documents: Iterable[Document], nlp, model: str | None, jobs: int, cache: ExtractionCache | None
) -> Iterator[Result]:
    """Every document with its Meeting or DocumentError, in input order: from the cache when the
    same document went through the same pipeline before, else parsed, on ``jobs`` processes."""
    documents = list(documents)
    cached = {id(d): cache.get(d) for d in documents} if cache else {}
    todo = [d for d in documents if cached.get(id(d)) is None]
    with contextlib.ExitStack() as stack:
        if jobs > 1 and len(todo) >= PARALLEL_MINIMUM:
            pool = stack.enter_context(worker_pool(jobs, initializer=_start_worker, initargs=(model,)))
            # Small chunks: a worker left with a long last chunk keeps the other cores waiting.
            size = max(1, min(8, len(todo) // (jobs * 4)))
            fresh = (r for chunk in pool.map(_extract_chunk, _chunks(todo, size)) for r in chunk)
        else:
            fresh = (r for _, r in extract_meetings(todo, nlp))
        for document in documents:
            hit = cached.get(id(document))
            result = hit if hit is not None else next(fresh)
            if cache is not None and hit is None and isinstance(result, Meeting):
                cache.put(document, result)
            yield document, result
