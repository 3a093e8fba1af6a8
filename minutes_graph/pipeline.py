"""The build: input paths to extracted meetings, graphs and output files. No printing here."""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import functools
import itertools
import json
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import Dataset

import exports
from extract import (
    CACHE,
    DamagedRecord,
    DocumentReport,
    Gazetteer,
    Meeting,
    MinutesGraphError,
    Outcome,
    forget_damaged,
    load_gazetteer,
    load_record,
    read_minutes,
)
from graph import (
    CURATION_FILE,
    Curation,
    GraphSource,
    NodeKind,
    PersonIds,
    Resolution,
    StoreSync,
    Summary,
    build_graph,
    entities_piece,
    entity_base,
    graph_from_json,
    load_namespaces,
    resolve_people,
    sync_store,
)

__all__ = ["BuildError", "BuildSettings", "BuildResult", "DocumentReport", "Outcome", "build", "OUTPUT_FILES"]

PAGE, REPORT, IDS = "graph.html", "report.json", "person-ids.json"
OUTPUT_FILES = (*(writer.name for writer in exports.FORMATS), PAGE, IDS, REPORT)
STORE = "store"


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
    people: Path | None = None  # the curation file (default: people.yaml in a folder of the inputs)
    ids: Path | None = None  # the registry of person ids (default: person-ids.json in ``out``)


@dataclass
class BuildResult:
    """What a build made, what it wrote, and every problem it met on the way. The records and the
    graph are read back from the cache and graph.json when asked for: a big build never holds them."""

    records: list[Path]  # each meeting's record in the extraction cache, in date order
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


def build(
    paths: Sequence[str | Path],
    settings: BuildSettings = BuildSettings(),
    progress: Callable[[Iterator, int, str], Iterable] = lambda it, total, stage: it,
) -> BuildResult:
    """Read every input, extract, resolve, build both graphs and write the output files.

    ``progress(iterable, total, stage)`` wraps each long loop (the CLI passes a progress bar;
    ``stage`` says what is being done).
    Raises BuildError when no input yields a meeting, and FolderBusy when another build holds the
    output folder. The previous outputs stay as they were until the new set is complete.
    """
    existed = settings.out.exists()
    try:
        with exports.exclusive(settings.out):
            try:
                return _build(paths, settings, progress)
            except DamagedRecord:  # records are checked when used: read the damaged ones' documents again
                forget_damaged(settings.out / CACHE / "extract")
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


def _summary(made: Iterable[exports.Part], base: nx.MultiDiGraph) -> tuple[list[exports.Part], nx.MultiDiGraph]:
    """Every meeting's part, and the summary graph grown from each one's share as it comes: a share
    is let go once added (all of them held at once were a gigabyte at 5,000 meetings)."""
    summary, parts = Summary(base), []
    for part in made:
        summary.add(part.summary)
        parts.append(dataclasses.replace(part, summary={}))
    return parts, summary.finish()


def _write(
    staging: Path,
    context: exports.WriteContext,
    parts: Iterable[exports.Part],
    store: Callable[[Path], StoreSync],
    timings: dict[str, float],
    ids: str | None,
) -> StoreSync:
    """Every file made from the parts, and the store, in the staging folder: the store fills in a
    thread (Oxigraph lets go of the GIL) while the files are written."""
    with ThreadPoolExecutor(1) as background:
        storing = background.submit(_timed_call, timings, "store", store, staging / STORE)
        with _timed(timings, "exports"):
            exports.write_formats(staging, context, (part.read() for part in parts))
            if ids is not None:
                exports.write_atomic(staging / IDS, ids)
        return storing.result()


def _build(paths: Sequence[str | Path], settings: BuildSettings, progress) -> BuildResult:
    timings: dict[str, float] = {}
    with _timed(timings, "extract"):
        reading = read_minutes(paths, settings.out, settings.spacy_model, settings.jobs, settings.use_cache, progress)
    if not reading.meetings:
        skipped = reading.skipped
        raise BuildError("no minutes could be read" + (f": {skipped[0]}" if len(skipped) == 1 else ""))
    gazetteer = load_gazetteer()
    base = settings.base_iri or load_namespaces().default_base
    with _timed(timings, "resolve"):
        registry = settings.ids or settings.out / IDS
        known = PersonIds.from_json(registry.read_text(encoding="utf-8"), str(registry)) if registry.exists() else None
        resolution = resolve_people(reading.meetings, gazetteer, known, _curation(paths, settings))
    title = _title(reading.meetings)
    folder = settings.out / CACHE / "parts"
    with _timed(timings, "graph"):
        written, made = exports.meeting_parts(
            reading.meetings,
            reading.records,
            resolution,
            folder,
            base,
            reading.made_by,
            settings.jobs,
            settings.use_cache,
            functools.partial(progress, total=len(reading.meetings), stage="Making each meeting's part"),
        )
        reading.meetings.clear()  # the outlines: the parts hold all the rest of the build needs of them
        parts, overview = _summary(made, entity_base(resolution, gazetteer))
    # Every output and the store are made in a staging folder and then put in place together: after
    # any failure or interruption ``settings.out`` holds the previous build's.
    with exports.staged(settings.out) as staging:
        _give_back()
        with _timed(timings, "rdf"):
            entities = exports.write_part(entities_piece(overview, base, reading.made_by), folder / "entities")
        _give_back()
        with _timed(timings, "exports"):
            exports.write_atomic(staging / PAGE, _page(overview, title, reading.records, resolution, gazetteer))
        nodes = Counter(d["type"] for _, d in overview.nodes(data=True))
        nodes[NodeKind.ITEM] = sum(p.nodes for p in parts) - nodes[NodeKind.MEETING]
        # The summary is the biggest thing a big build holds: let go before the files and the store
        # are written, and everything after reads one part at a time.
        del overview
        _give_back()
        everything = [entities, *parts]
        store = _write(
            staging,
            exports.WriteContext(base, resolution),
            itertools.chain([entities], progress(parts, len(parts), "Writing the files")),
            lambda path: sync_store(
                path,
                {p.iri: GraphSource(p.ntriples, p.digest) for p in everything},
                settings.jobs,
                settings.out / STORE,
            ),
            timings,
            None if settings.ids else resolution.registry.to_json(),
        )
    if settings.ids:  # kept beside the corpus: written once the outputs are in place
        exports.write_atomic(settings.ids, resolution.registry.to_json())
    _write_report(settings.out / REPORT, reading.reports, timings, resolution)
    return BuildResult(
        records=reading.records,
        resolution=resolution,
        files={name: settings.out / name for name in OUTPUT_FILES},
        store=store,
        reports=reading.reports,
        timings=timings,
        from_cache=reading.from_cache,
        skipped=reading.skipped,
        warnings=[w for r in reading.reports if r.status != Outcome.SKIPPED for w in r.warnings],
        rules_only=reading.rules_only,
        triples=sum(p.triples for p in everything),
        written=written,
        nodes=dict(nodes),
        edges=sum(p.edges for p in everything),
    )


def _curation(paths: Sequence[str | Path], settings: BuildSettings) -> Curation | None:
    """The analyst's curation file: --people, else people.yaml in a folder of the inputs."""
    found = settings.people or next(
        (Path(p) / CURATION_FILE for p in paths if (Path(p) / CURATION_FILE).is_file()), None
    )
    if found is None:
        return None
    try:
        return Curation.from_yaml(found.read_text(encoding="utf-8"), str(found))
    except OSError as e:
        raise BuildError(f"{found}: cannot read the curation file ({e.strerror})") from e


def _write_report(path: Path, reports: list[DocumentReport], timings: dict[str, float], people: Resolution) -> Path:
    report = {
        "documents": [dataclasses.asdict(r) for r in reports],
        "people": {"merges": people.merges, "near_misses": people.near_misses, "curation": people.curated},
        "seconds": {stage: round(t, 3) for stage, t in timings.items()},
    }
    return exports.write_atomic(path, json.dumps(report, indent=1, ensure_ascii=False) + "\n")


def _timed_call(timings: dict[str, float], stage: str, function: Callable, *args):
    with _timed(timings, stage):
        return function(*args)


def _give_back() -> None:
    """Hand the memory freed so far back to the system. glibc keeps what Python frees for reuse, in
    pages it returns only when asked; big builds free hundreds of megabytes at a time (the parts
    unpickled while the summary grew, the entities' part, the summary itself) and then allocate big
    strings that do not fit in the holes: without this the peak held both."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to ask
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _title(meetings: list[Meeting]) -> str:
    bodies = sorted({m.body.name for m in meetings if m.body})
    return "minutes-graph: " + (", ".join(bodies[:3]) if bodies else f"{len(meetings)} meetings")


def _page(
    overview: nx.MultiDiGraph, title: str, records: list[Path], resolution: Resolution, gazetteer: Gazetteer
) -> str:
    """graph.html: for a few meetings, of the whole graph (made again from their records); else of the summary."""
    if len(records) > exports.OVERVIEW_FROM:
        return exports.overview_page(overview, len(records), title)
    return exports.graph_page(build_graph([load_record(path) for path in records], resolution, gazetteer), title)
