"""The build's first stage: the inputs found and read, each meeting extracted (see ``batch``),
and what became of every input reported."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import metadata
from pathlib import Path

from .batch import Extracted, ExtractionCache, extract_all
from .documents import read_document
from .errors import DocumentError
from .fingerprint import model_label, pipeline_fingerprint
from .inputs import InputFile, collect_inputs
from .nlp import is_trained, load_pipeline
from .records import Meeting

__all__ = ["CACHE", "DocumentReport", "Outcome", "Reading", "read_minutes"]

CACHE = "cache"  # in the output folder: pages fetched from the web, records extracted, meetings' parts


class Outcome(StrEnum):
    """What became of one input."""

    BUILT = "built"
    DUPLICATE = "duplicate"  # the same meeting as an input before it: the first is kept
    SKIPPED = "skipped"  # unreadable, or no minutes: the report says why


@dataclass(frozen=True)
class DocumentReport:
    """What one input gave: built (with counts), a duplicate of another, or skipped (with the reason)."""

    source: str
    status: Outcome
    meeting: str | None = None
    date: str | None = None
    body: str | None = None
    attendees: int = 0
    items: int = 0
    statements: int = 0
    topics: int = 0
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, extracted: Extracted, status: Outcome = Outcome.BUILT, warnings: tuple[str, ...] = ()
    ) -> DocumentReport:
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
class Reading:
    """What the extraction stage gave: each meeting's outline and record, and a report per input."""

    meetings: list[Meeting] = field(default_factory=list)  # attendance only: the rest stays in the cache
    records: list[Path] = field(default_factory=list)
    reports: list[DocumentReport] = field(default_factory=list)
    made_by: tuple[str, str] = ("", "")  # the tool and the model, named in the RDF's provenance
    rules_only: bool = False
    from_cache: int = 0

    @property
    def skipped(self) -> list[str]:
        return [w for r in self.reports if r.status == Outcome.SKIPPED for w in r.warnings]


def read_minutes(
    paths: Sequence[str | Path], out: Path, model: str | None, jobs: int, reuse: bool, progress
) -> Reading:
    """Every input read and its meeting extracted (from the cache in ``out`` where it holds them, and
    only if ``reuse``) on ``jobs`` processes, in date order, with a report of each input."""
    files, problems = collect_inputs(paths, exclude=out)
    nlp = load_pipeline(model)
    reading = Reading(made_by=(_tool_label(), model_label(nlp)), rules_only=not is_trained(nlp))
    reading.reports = [DocumentReport(p.partition(": ")[0], Outcome.SKIPPED, warnings=(p,)) for p in problems]
    cache = ExtractionCache(out / CACHE / "extract", pipeline_fingerprint(nlp), read=reuse)
    seen: dict[str, str] = {}  # meeting id -> the source it came from
    documents = _documents(files, reading.reports, out / CACHE)
    extracted = extract_all(documents, nlp, model, jobs, cache)
    for document, result in progress(extracted, len(files), "Reading minutes"):
        if isinstance(result, DocumentError):
            reading.reports.append(DocumentReport(document.source, Outcome.SKIPPED, warnings=(str(result),)))
        elif (meeting := result.meeting).id in seen:
            same = f"{meeting.source}: same meeting as {seen[meeting.id]} ({meeting.id}); kept the first"
            reading.reports.append(DocumentReport.of(result, Outcome.DUPLICATE, (same,)))
        else:
            seen[meeting.id] = meeting.source
            reading.meetings.append(meeting)
            reading.records.append(result.record)
            reading.reports.append(DocumentReport.of(result))
    cache.prune()
    reading.from_cache = cache.hits
    # Every later stage, and every file, takes the meetings in date order.
    ordered = sorted(zip(reading.meetings, reading.records, strict=True), key=lambda m: _date_order(m[0]))
    reading.meetings, reading.records = [m for m, _ in ordered], [r for _, r in ordered]
    return reading


def _documents(files: Iterable[InputFile], reports: list[DocumentReport], cache: Path):
    for file in files:
        try:
            yield read_document(file.location, cache=cache, name=file.name)
        except DocumentError as e:
            reports.append(DocumentReport(file.name, Outcome.SKIPPED, warnings=(str(e),)))


def _date_order(meeting: Meeting) -> tuple[str, str]:
    return (meeting.date.isoformat() if meeting.date else "", meeting.source)


def _tool_label() -> str:
    try:
        return f"minutes-graph {metadata.version('minutes-graph')}"
    except metadata.PackageNotFoundError:
        return "minutes-graph (not installed)"
