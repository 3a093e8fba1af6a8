"""Each meeting's part of every output file (see ``writer``), made once and kept in the
cache under a digest of what it is made from: the extracted record, who its attendees resolved to,
the base IRI, the tool and model its provenance names, and the code of ``graph`` and ``exports``.
A rebuild makes parts only for the meetings that changed.

Three files a meeting: its parts of the files (big, read once as the files are written), its
named graph's N-Triples apart (what the store loads, beside the writing: reading them from the
parts too unpickled every meeting's parts twice) and its ``Part`` (small: what the build needs to
know of it before writing), each checked against its digest before use. The entities' parts are
written the same way (``write_part``), afresh each build, so that no part is held while writing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract import (
    PARALLEL_MINIMUM,
    UNREADABLE,
    Meeting,
    intact,
    load_record,
    package_digest,
    read_pickle,
    read_pickles,
    worker_pool,
    write_pickle,
    write_pickles,
)
from graph import Piece, Resolution, meeting_piece

from .formats import FORMATS, parts_of
from .rdf_files import NTriples

__all__ = ["Part", "meeting_parts", "write_part"]


@dataclass(frozen=True)
class Part:
    """Where a piece's parts of the files are (one after another, in the order of ``FORMATS``),
    its named graph, its counts and, for a meeting, its share of the summary graph."""

    parts: Path
    iri: str
    digest: str  # of its N-Triples: the store replaces the graph when it changes
    nodes: int
    edges: int
    triples: int
    summary: dict = dataclasses.field(default_factory=dict)

    def read(self) -> Iterator[Any]:
        """Its part of each file, in the order of ``FORMATS``, one at a time."""
        return read_pickles(self.parts)

    def ntriples(self) -> str:
        """Its named graph's N-Triples: from their own file when it is as written, else from the parts."""
        try:
            return read_pickle(self.parts.with_suffix(".nt"))
        except UNREADABLE:
            return next(p for w, p in zip(FORMATS, self.read(), strict=False) if w is NTriples)


@dataclass(frozen=True)
class _Task:
    """What making one meeting's parts needs: sent to a worker process."""

    folder: Path
    key: str
    record: Path
    people: tuple[str, ...]  # who each attendance resolved to
    base: str
    made_by: tuple[str, str]  # the tool and the spaCy model, named in the graph's provenance

    def path(self, suffix: str) -> Path:
        return self.folder / f"{self.key}.{suffix}"


def _make(task: _Task) -> Part:
    meeting = load_record(task.record)
    resolution = Resolution({}, {(meeting.id, i): person for i, person in enumerate(task.people)})
    piece, summary = meeting_piece(meeting, resolution, task.base, task.made_by)
    made = write_part(piece, task.folder / task.key, summary)
    write_pickle(task.path("meta"), made)  # last: a meeting with its meta has its parts
    return made


def write_part(piece: Piece, path: Path, summary: dict | None = None) -> Part:
    """Write ``piece``'s parts of every file and its N-Triples beside ``path`` ("<path>.parts" and
    "<path>.nt"); what the build keeps of it."""
    ntriples = NTriples.part(piece)
    write_pickle(path.with_suffix(".nt"), ntriples)
    write_pickles(path.with_suffix(".parts"), parts_of(piece, {NTriples: ntriples}))
    digest = hashlib.sha256(ntriples.encode("utf-8")).hexdigest()
    return Part(
        path.with_suffix(".parts"),
        piece.iri,
        digest,
        len(piece.nodes),
        len(piece.edges),
        len(piece.quads),
        summary or {},
    )


def _kept(task: _Task) -> bool:
    """Whether the meeting's part as a build made it before is there, both its files as written."""
    return intact(task.path("meta")) and intact(task.path("parts"))


def _made(tasks: list[_Task], jobs: int) -> Iterator[Part]:
    if jobs > 1 and len(tasks) >= PARALLEL_MINIMUM:
        with worker_pool(jobs) as pool:
            yield from pool.map(_make, tasks, chunksize=max(1, min(8, len(tasks) // (jobs * 8))))
    else:
        yield from map(_make, tasks)


def meeting_parts(
    meetings: Sequence[Meeting],
    records: Sequence[Path],
    resolution: Resolution,
    folder: Path,
    base: str,
    made_by: tuple[str, str],
    jobs: int = 1,
    reuse: bool = True,
    progress: Callable[[Iterable], Iterable] = iter,
) -> tuple[int, Iterator[Part]]:
    """How many meetings' parts must be made afresh (the rest are kept in ``folder``; none are reused
    unless ``reuse``), and every meeting's part, in order, made or read as the iterator is read: one
    at a time, as each one's share of the summary is big. ``records`` hold each meeting's whole
    record; ``meetings`` may be outlines. Parts no meeting uses any more are deleted."""
    folder = folder / package_digest("graph", "exports")
    folder.mkdir(parents=True, exist_ok=True)
    tasks = []
    for meeting, record in zip(meetings, records, strict=True):
        people = tuple(resolution.person_of[(meeting.id, i)] for i in range(len(meeting.attendance)))
        key = hashlib.sha256("\0".join((base, *made_by, record.parent.name, record.stem, *people)).encode())
        tasks.append(_Task(folder, key.hexdigest()[:32], record, people, base, made_by))
    used = {task.key for task in tasks}
    for path in folder.iterdir():  # and the half-written files of a build that was stopped
        if path.name.split(".", 1)[0] not in used or path.suffix == ".tmp":
            path.unlink(missing_ok=True)
    for stale in folder.parent.iterdir():  # parts made by older code
        if stale != folder and stale.is_dir():
            shutil.rmtree(stale)
    kept = {task.key for task in tasks if reuse and _kept(task)}
    fresh = _made([task for task in tasks if task.key not in kept], jobs)

    def parts() -> Iterator[Part]:
        for task in progress(tasks):
            if task.key in kept:
                yield dataclasses.replace(read_pickle(task.path("meta")), parts=task.path("parts"))
            else:
                yield next(fresh)

    return len(tasks) - len(kept), parts()
