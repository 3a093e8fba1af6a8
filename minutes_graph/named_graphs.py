"""The RDF of a build, one named graph at a time: each meeting's graph serialised once and kept on
disk by the digest of what it was made from, so a rebuild writes only the meetings that changed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

import exports
from exports import rdf_files
from graph import (
    GraphIndex,
    MeetingView,
    entities_graph_iri,
    entity_quads,
    load_namespaces,
    meeting_graph_iri,
    meeting_nodes,
    meeting_quads,
    meeting_view,
    namespaces,
    rdf,
)

from .processes import worker_pool

__all__ = ["NamedGraph", "NamedGraphs", "write_named_graphs", "PARALLEL_MINIMUM"]

# Below this many meetings to write, starting worker processes costs more than it saves.
PARALLEL_MINIMUM = 16
_COUNTS = "triples.json"


@dataclass(frozen=True)
class NamedGraph:
    """One named graph of the build: its IRI, a digest that changes whenever its triples do, and its
    piece of each RDF file (text, or the file in the cache holding it)."""

    iri: str
    digest: str
    pieces: dict[str, str | Path]
    triples: int


@dataclass(frozen=True)
class NamedGraphs:
    """The entities graph then every meeting's, and how many meeting graphs were written afresh."""

    graphs: list[NamedGraph]
    written: int

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)


def _code_fingerprint() -> str:
    """The pieces depend on the code that writes them as much as on the meeting."""
    digest = hashlib.sha256()
    for module in (rdf, namespaces, rdf_files):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def _write_pieces(folder: Path, view: MeetingView, base: str, digest: str) -> int:
    texts = exports.graph_texts(meeting_quads(view, base))
    for suffix, text in texts.pieces.items():
        path = folder / f"{digest}.{suffix}"
        tmp = path.with_suffix(f".{suffix}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    return texts.triples


def _write_task(task: tuple[Path, MeetingView, str | None, str]) -> int:
    return _write_pieces(*task)


def _written(tasks: list[tuple], jobs: int) -> Iterator[int]:
    if jobs > 1 and len(tasks) >= PARALLEL_MINIMUM:
        with worker_pool(jobs) as pool:
            yield from pool.map(_write_task, tasks, chunksize=max(1, min(8, len(tasks) // (jobs * 8))))
    else:
        yield from map(_write_task, tasks)


def write_named_graphs(
    graph: nx.MultiDiGraph,
    folder: Path,
    base: str | None,
    tool: str,
    model: str,
    jobs: int = 1,
    reuse: bool = True,
) -> NamedGraphs:
    """Every named graph of ``graph``: the entities graph made afresh, each meeting's from ``folder``
    when the same view went through the same code before (unless not ``reuse``), else serialised
    there (on ``jobs`` processes). Pieces no meeting uses any more are deleted."""
    base = base or load_namespaces().default_base
    folder = folder / _code_fingerprint()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        counts = json.loads((folder / _COUNTS).read_text(encoding="utf-8")) if reuse else {}
    except (OSError, ValueError):
        counts = {}
    index = GraphIndex.of(graph)
    meetings = [(meeting_graph_iri(base, n).value, meeting_view(graph, n, index)) for n in meeting_nodes(graph)]
    digests = [view.digest(base) for _, view in meetings]
    suffixes = exports.RDF_FORMATS.values()
    todo = [
        (folder, view, base, digest)
        for (_, view), digest in zip(meetings, digests, strict=True)
        if digest not in counts or not all((folder / f"{digest}.{s}").exists() for s in suffixes)
    ]
    for task, triples in zip(todo, _written(todo, jobs), strict=True):
        counts[task[3]] = triples
    entities = exports.graph_texts(entity_quads(graph, base, tool, model))
    nt = entities.pieces["nt"]
    graphs = [
        NamedGraph(
            entities_graph_iri(base).value,
            hashlib.sha256(nt.encode("utf-8")).hexdigest()[:32],
            dict(entities.pieces),
            entities.triples,
        )
    ]
    for (iri, _), digest in zip(meetings, digests, strict=True):
        graphs.append(NamedGraph(iri, digest, {s: folder / f"{digest}.{s}" for s in suffixes}, counts[digest]))
    used = set(digests)
    for path in folder.iterdir():
        if path.name != _COUNTS and path.name.split(".", 1)[0] not in used:
            path.unlink(missing_ok=True)
    for stale in folder.parent.iterdir():  # pieces written by older code
        if stale != folder and stale.is_dir():
            shutil.rmtree(stale)
    (folder / _COUNTS).write_text(json.dumps({d: counts[d] for d in sorted(used)}), encoding="utf-8")
    return NamedGraphs(graphs, len(todo))
