"""Each meeting's part of every output file, made once and kept on disk under a digest of what it
is made from (the extracted record, who its attendees resolved to, the base IRI and the code that
writes it), so a rebuild remakes only the meetings that changed and copies the rest in.

A meeting's pieces: its nodes and edges in graph.json, GraphML and the CSV tables, its entry in
meetings.json, its named graph in each RDF format, and a meta file (pickled) with their counts and the
meeting's part of the summary graph (what the entities graph and the overview page are made of).
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import exports
from extract import Meeting, load_gazetteer
from graph import (
    ENTITY_EDGES,
    MEETING_NODES,
    GraphIndex,
    Resolution,
    Summary,
    meeting_fragment,
    meeting_graph_iri,
    meeting_quads,
    meeting_view,
    node_id,
    summary_part,
)

from .cache_files import UNREADABLE, checksum, read_pickle, replace_file, write_pickle
from .extraction import load_record
from .processes import worker_pool

__all__ = ["MeetingPieces", "meeting_pieces", "entity_pieces", "PARALLEL_MINIMUM"]

# Below this many meetings to write, starting worker processes costs more than it saves.
PARALLEL_MINIMUM = 16
_GRAPH_PIECES = (
    "graph.json.nodes",
    "graph.json.edges",
    "graph.graphml.nodes",
    "graph.graphml.edges",
    "nodes.csv",
    "edges.csv",
)
_PIECES = (*_GRAPH_PIECES, "meetings.json", *exports.RDF_FORMATS.values())
_CODE = (
    "graph.build",
    "graph.rdf",
    "graph.namespaces",
    "graph.summary",
    "exports.graph_files",
    "exports.meetings_json",
    "exports.rdf_files",
)
_META = "meta.pickle"  # written last: a meeting whose meta is there has every piece


@dataclass(frozen=True)
class MeetingPieces:
    """One meeting's pieces: its named graph's IRI and digest, each piece's file, and the counts."""

    iri: str
    digest: str
    files: dict[str, Path]
    graph: exports.GraphPiece
    triples: int


def _code_fingerprint() -> str:
    """The pieces depend on the code that writes them as much as on the meeting."""
    digest = hashlib.sha256()
    for module in _CODE:
        digest.update(Path(importlib.util.find_spec(module).origin).read_bytes())
    digest.update(resources.files("graph").joinpath("data", "namespaces.yaml").read_bytes())
    return digest.hexdigest()[:16]


def _make(task: tuple[Path, str, Path, tuple[str, ...], str, tuple[str, str]]) -> dict:
    """Write one meeting's pieces from its record; its meta, as written."""
    folder, digest, record, people, base, (tool, model) = task
    meeting = load_record(record)
    resolution = Resolution({}, {(meeting.id, i): person for i, person in enumerate(people)})
    fragment = meeting_fragment(meeting, resolution, load_gazetteer())
    nodes = [(n, d) for n, d in fragment.nodes(data=True) if d and d["type"] in MEETING_NODES]
    edges = [(u, v, k, d) for u, v, k, d in fragment.edges(keys=True, data=True) if d["type"] not in ENTITY_EDGES]
    piece = exports.graph_piece(nodes, edges)
    mid = node_id("meeting", meeting.id)
    rdf_texts = exports.graph_texts(
        meeting_quads(meeting_view(fragment, mid, GraphIndex.of(fragment)), base, tool, model), base
    )
    texts = {**piece.texts, "meetings.json": exports.meeting_entry(meeting, resolution), **rdf_texts.pieces}
    checks = {}
    for name, text in texts.items():
        data = text.encode("utf-8")
        replace_file(folder / f"{digest}.{name}", data)
        checks[name] = checksum(data)
    meta = {
        "checks": checks,
        "nodes": piece.nodes,
        "edges": piece.edges,
        "kinds": piece.kinds,
        "triples": rdf_texts.triples,
        "summary": summary_part(fragment),
    }
    write_pickle(folder / f"{digest}.{_META}", meta)
    return meta


def _made(tasks: list[tuple], jobs: int) -> Iterator[dict]:
    if jobs > 1 and len(tasks) >= PARALLEL_MINIMUM:
        with worker_pool(jobs) as pool:
            yield from pool.map(_make, tasks, chunksize=max(1, min(8, len(tasks) // (jobs * 8))))
    else:
        yield from map(_make, tasks)


def _meta(folder: Path, digest: str) -> dict | None:
    try:
        return read_pickle(folder / f"{digest}.{_META}")
    except UNREADABLE:
        return None


def _intact(folder: Path, digest: str) -> bool:
    """Whether a meeting's meta and every piece are on disk as they were written (each piece's
    digest is in the meta): a damaged piece would otherwise be copied into every output."""
    meta = _meta(folder, digest)
    try:
        return meta is not None and all(
            checksum((folder / f"{digest}.{name}").read_bytes()) == meta["checks"][name] for name in _PIECES
        )
    except (OSError, KeyError):
        return False


def meeting_pieces(
    meetings: Sequence[Meeting],
    records: Sequence[Path],
    resolution: Resolution,
    summary_graph: Summary,
    folder: Path,
    base: str,
    made_by: tuple[str, str],
    jobs: int = 1,
    reuse: bool = True,
    progress: Callable[[Iterator], Iterable] = iter,
) -> tuple[list[MeetingPieces], int]:
    """Every meeting's pieces, in order, and how many were made afresh (the rest came from
    ``folder``; all of them unless not ``reuse``). ``made_by`` names the tool and the spaCy model, for
    the provenance of each meeting's graph. ``records`` holds each meeting's full record;
    ``meetings`` may be stripped to their attendance. Each meeting's part is added to ``summary_graph``
    in order; ``progress`` wraps the loop over them. Pieces no meeting uses any more are deleted."""
    folder = folder / _code_fingerprint()
    folder.mkdir(parents=True, exist_ok=True)
    digests = []
    for meeting, record in zip(meetings, records, strict=True):
        people = tuple(resolution.person_of[(meeting.id, i)] for i in range(len(meeting.attendance)))
        key = "\0".join((base, *made_by, record.parent.name, record.stem, *people))
        digests.append((hashlib.sha256(key.encode()).hexdigest()[:32], people))
    ready = {digest for digest, _ in digests if reuse and _intact(folder, digest)}
    tasks = [
        (folder, digest, record, people, base, made_by)
        for (digest, people), record in zip(digests, records, strict=True)
    ]
    todo = [task for task in tasks if task[1] not in ready]
    fresh = _made(todo, jobs)
    made = []
    for meeting, task in progress(zip(meetings, tasks, strict=True)):
        digest = task[1]
        meta = (_meta(folder, digest) or _make(task)) if digest in ready else next(fresh)
        summary_graph.add(meta["summary"])
        files = {name: folder / f"{digest}.{name}" for name in _PIECES}
        piece = exports.GraphPiece({n: files[n] for n in _GRAPH_PIECES}, meta["nodes"], meta["edges"], meta["kinds"])
        iri = meeting_graph_iri(base, node_id("meeting", meeting.id)).value
        made.append(MeetingPieces(iri, digest, files, piece, meta["triples"]))
    used = {digest for digest, _ in digests}
    for path in folder.iterdir():  # and the half-written files of a build that was stopped
        if path.name.split(".", 1)[0] not in used or path.suffix == ".tmp":
            path.unlink(missing_ok=True)
    for stale in folder.parent.iterdir():  # pieces written by older code
        if stale != folder and stale.is_dir():
            shutil.rmtree(stale)
    return made, len(todo)


def entity_pieces(folder: Path, texts: dict[str, str]) -> dict[str, Path]:
    """The entities graph's piece of each RDF file, kept on disk like a meeting's (at 5,000 meetings
    the four texts are 400 MB that the page needs next): suffix -> file."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {suffix: folder / f"entities.{suffix}" for suffix in texts}
    for suffix, text in texts.items():
        replace_file(files[suffix], text)
    return files
