"""The build: input paths to extracted meetings, graphs and output files. No printing here."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import networkx as nx
from rdflib import Dataset

import exports
from extract import (
    DocumentError,
    Gazetteer,
    Meeting,
    MinutesGraphError,
    is_trained,
    load_gazetteer,
    load_pipeline,
    read_document,
)
from graph import (
    ENTITY_EDGES,
    MEETING_NODES,
    GraphSource,
    Resolution,
    StoreSync,
    Summary,
    build_graph,
    entities_graph_iri,
    entity_base,
    entity_quads,
    graph_from_json,
    load_namespaces,
    resolve_people,
    sync_store,
)

from .extraction import Extracted, ExtractionCache, extract_all, load_record, pipeline_fingerprint
from .inputs import collect_inputs
from .meeting_pieces import entity_pieces, meeting_pieces

__all__ = ["BuildError", "BuildSettings", "BuildResult", "DocumentReport", "collect_inputs", "build", "OUTPUT_FILES"]

OUTPUT_FILES = (
    "meetings.json",
    "report.json",
    "graph.json",
    "graph.ttl",
    "graph.trig",
    "graph.jsonld",
    "graph.nt",
    "graph.graphml",
    "nodes.csv",
    "edges.csv",
    "graph.html",
)
STORE = "store"
CACHE = "cache"  # pages fetched from the web


class BuildError(MinutesGraphError):
    """The build could not produce a graph at all."""


@dataclass(frozen=True)
class BuildSettings:
    """What a build reads and writes; the defaults are the README's."""

    out: Path = Path("out")
    spacy_model: str | None = None
    base_iri: str | None = None
    jobs: int = 1
    use_cache: bool = True


@dataclass(frozen=True)
class DocumentReport:
    """What one input gave: built (with counts), a duplicate of another, or skipped (with the reason)."""

    source: str
    status: str  # "built", "duplicate" or "skipped"
    meeting: str | None = None
    date: str | None = None
    body: str | None = None
    attendees: int = 0
    items: int = 0
    statements: int = 0
    topics: int = 0
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(cls, extracted: Extracted, status: str = "built", warnings: tuple[str, ...] = ()) -> DocumentReport:
        meeting = extracted.meeting
        return cls(
            meeting.source,
            status,
            meeting.id,
            meeting.date.isoformat() if meeting.date else None,
            meeting.body.name if meeting.body else None,
            len(meeting.attendance),
            extracted.items,
            extracted.statements,
            extracted.topics,
            meeting.warnings + warnings,
        )


@dataclass
class BuildResult:
    """What a build made, what it wrote, and every problem it met on the way. The records and the
    graph are read back from the cache and graph.json when asked for: a big build never holds them."""

    records: list[Path]  # each meeting's record in the extraction cache, in build order
    resolution: Resolution
    files: dict[str, Path]
    store: StoreSync | None = None
    reports: list[DocumentReport] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    from_cache: int = 0
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rules_only: bool = False
    triples: int = 0
    written: int = 0  # meetings whose pieces were made afresh (the others came from the cache)
    nodes: dict[str, int] = field(default_factory=dict)  # how many of each node type
    edges: int = 0

    @functools.cached_property
    def meetings(self) -> list[Meeting]:
        return [load_record(path) for path in self.records]

    @functools.cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The graph written, read back from graph.json."""
        return graph_from_json(self.files["graph.json"].read_text(encoding="utf-8"))

    @functools.cached_property
    def dataset(self) -> Dataset:
        """The RDF written, read back from graph.trig: for checking a small build in Python."""
        ds = Dataset()
        ds.parse(self.files["graph.trig"], format="trig")
        return ds


def _documents(files: Iterable[Path | str], reports: list[DocumentReport], cache: Path):
    for path in files:
        try:
            yield read_document(path, cache=cache)
        except DocumentError as e:
            reports.append(DocumentReport(str(path), "skipped", warnings=(str(e),)))


def _model_label(nlp) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'pipeline')} {meta.get('version', '')}".strip()


def _tool_label() -> str:
    try:
        return f"minutes-graph {metadata.version('minutes-graph')}"
    except metadata.PackageNotFoundError:
        return "minutes-graph (not installed)"


def build(
    paths: Sequence[str | Path],
    settings: BuildSettings = BuildSettings(),
    progress: Callable[[Iterator, int, str], Iterable] = lambda it, total, stage: it,
) -> BuildResult:
    """Read every input, extract, resolve, build both graphs and write the output files.

    ``progress(iterable, total, stage)`` wraps the per-document loop and then the per-meeting one
    (the CLI passes a progress bar; ``stage`` says what is being done).
    Raises BuildError when no input yields a meeting, and FolderBusy when another build holds the
    output folder. The previous outputs stay as they were until the new set is complete.
    """
    existed = settings.out.exists()
    try:
        with exports.exclusive(settings.out):
            return _build(paths, settings, progress)
    except BuildError:
        if not existed:  # leave no empty output folder behind a build that made nothing
            shutil.rmtree(settings.out, ignore_errors=True)
        raise


@contextlib.contextmanager
def _timed(timings: dict[str, float], stage: str):
    started = time.perf_counter()
    yield
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started


def _build(paths: Sequence[str | Path], settings: BuildSettings, progress) -> BuildResult:
    timings: dict[str, float] = {}
    files, skipped = collect_inputs(paths, exclude=settings.out)
    with _timed(timings, "extract"):
        nlp = load_pipeline(settings.spacy_model)
        made_by = (_tool_label(), _model_label(nlp))  # named in the RDF's provenance
        cache = ExtractionCache(
            settings.out / CACHE / "extract", pipeline_fingerprint(nlp, made_by[1]), read=settings.use_cache
        )
        meetings: dict[str, Meeting] = {}  # attendance only: the rest stays in the cache until needed
        records: dict[str, Path] = {}
        reports: list[DocumentReport] = []
        documents = _documents(files, reports, settings.out / CACHE)
        extracted = extract_all(documents, nlp, settings.spacy_model, settings.jobs, cache)
        for document, result in progress(extracted, len(files), "Reading minutes"):
            if isinstance(result, DocumentError):
                reports.append(DocumentReport(document.source, "skipped", warnings=(str(result),)))
            elif (meeting := result.meeting).id in meetings:
                same = f"{meeting.source}: same meeting as {meetings[meeting.id].source} ({meeting.id}); kept the first"
                reports.append(DocumentReport.of(result, "duplicate", (same,)))
            else:
                meetings[meeting.id] = meeting
                records[meeting.id] = result.record
                reports.append(DocumentReport.of(result))
    reports[:0] = [DocumentReport(problem.partition(": ")[0], "skipped", warnings=(problem,)) for problem in skipped]
    skipped = [w for r in reports if r.status == "skipped" for w in r.warnings]
    warnings = [w for r in reports if r.status != "skipped" for w in r.warnings]
    if not meetings:
        raise BuildError("no minutes could be read" + (f": {skipped[0]}" if len(skipped) == 1 else ""))
    gazetteer = load_gazetteer()
    ordered, paths_of = list(meetings.values()), list(records.values())
    base = settings.base_iri or load_namespaces().default_base
    with _timed(timings, "resolve"):
        resolution = resolve_people(ordered, gazetteer)
    with _timed(timings, "graph"):
        summary = Summary(entity_base(resolution, gazetteer))
        pieces, written = meeting_pieces(
            ordered,
            paths_of,
            resolution,
            summary,
            settings.out / CACHE / "pieces",
            base,
            made_by,
            settings.jobs,
            settings.use_cache,
            functools.partial(progress, total=len(ordered), stage="Writing meetings"),
        )
        overview = summary.finish()
    with _timed(timings, "rdf"):
        entities = exports.graph_texts(entity_quads(overview, base, *made_by), base)
        digest = GraphSource.of_text(entities.pieces["nt"]).digest
        entity_files = entity_pieces(settings.out / CACHE / "entities", entities.pieces)
        triples = entities.triples
        del entities
        graphs = {entities_graph_iri(base).value: GraphSource(entity_files["nt"], digest)}
        graphs.update((p.iri, GraphSource(p.files["nt"], p.digest)) for p in pieces)
    entity_piece = exports.graph_piece(
        [(n, d) for n, d in overview.nodes(data=True) if d["type"] not in MEETING_NODES],
        [(u, v, k, d) for u, v, k, d in overview.edges(keys=True, data=True) if d["type"] in ENTITY_EDGES],
    )
    nodes = Counter(d["type"] for _, d in overview.nodes(data=True))
    nodes["item"] = sum(p.graph.nodes for p in pieces) - nodes["meeting"]
    # The store fills in a thread (Oxigraph lets go of the GIL) while the files are written.
    with ThreadPoolExecutor(1) as background:
        storing = background.submit(_sync_timed, settings.out / STORE, graphs, settings.jobs)
        with _timed(timings, "exports"):
            contents = {
                # First, so that the page is made (in Python) while the other files are copied together.
                "graph.html": lambda handle: handle.write(
                    _page(overview, ordered, paths_of, resolution, gazetteer).encode("utf-8")
                ),
                "meetings.json": exports.meetings_json_parts(
                    ordered, [p.files["meetings.json"] for p in pieces], resolution
                ),
                **exports.rdf_file_parts([entity_files, *(p.files for p in pieces)], base),
                **exports.graph_file_parts([entity_piece, *(p.graph for p in pieces)]),
            }
            files_written = exports.write_all(settings.out, contents, settings.out / CACHE / "layouts.pickle")
        store, timings["store"] = storing.result()
    files_written["report.json"] = exports.write_atomic(
        settings.out / "report.json",
        json.dumps(
            {
                "documents": [dataclasses.asdict(r) for r in reports],
                "seconds": {stage: round(t, 3) for stage, t in timings.items()},
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
    )
    files_written = {name: files_written[name] for name in OUTPUT_FILES}
    cache.prune()
    return BuildResult(
        records=paths_of,
        resolution=resolution,
        files=files_written,
        store=store,
        reports=reports,
        timings=timings,
        from_cache=cache.hits,
        skipped=skipped,
        warnings=warnings,
        rules_only=not is_trained(nlp),
        triples=triples + sum(p.triples for p in pieces),
        written=written,
        nodes=dict(nodes),
        edges=entity_piece.edges + sum(p.graph.edges for p in pieces),
    )


def _sync_timed(path: Path, graphs: dict[str, GraphSource], threads: int = 1) -> tuple[StoreSync, float]:
    started = time.perf_counter()
    return sync_store(path, graphs, threads), time.perf_counter() - started


def _page(
    summary: nx.MultiDiGraph,
    meetings: Sequence[Meeting],
    records: Sequence[Path],
    resolution: Resolution,
    gazetteer: Gazetteer,
) -> str:
    """graph.html: for a few meetings, of the whole graph (made again from their records); else of the summary."""
    bodies = sorted({m.body.name for m in meetings if m.body})
    title = "minutes-graph: " + (", ".join(bodies[:3]) if bodies else f"{len(meetings)} meetings")
    if len(meetings) > exports.OVERVIEW_FROM:
        return exports.overview_page(summary, len(meetings), title)
    return exports.graph_page(build_graph([load_record(path) for path in records], resolution, gazetteer), title)
