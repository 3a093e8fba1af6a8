"""Plain-text renderings for the terminal: the build's report and summary, query results, tables."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence

import click

from graph import Evidence, OrganisationProfile, PersonProfile, QueryResult, Stats, TopicProfile

from .pipeline import BuildResult

__all__ = [
    "build_summary",
    "build_table",
    "evidence_lines",
    "organisation_text",
    "person_text",
    "print_table",
    "stats_text",
    "table",
    "topic_text",
]


def table(headers: Sequence[str], rows: Iterable[Sequence]) -> str:
    """Rows under headers, columns padded to their widest cell."""
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    if not cells:
        return "  (none)"
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join("  " + line for line in lines)


def evidence_lines(rows: Sequence[Evidence]) -> str:
    """Each piece of evidence as: date, meeting item, who and verb, then the quoted sentence and its source."""
    if not rows:
        return "  (none)"
    out = []
    for e in rows:
        who = f"{e.actor} ({e.verb})" if e.actor else "no named speaker"
        out.append(f"  {e.date or 'undated'}  {e.item or e.meeting}  -  {who}")
        out.append(f'      "{e.sentence}"')
        out.append(f"      [{e.source}:{e.start}-{e.end}]")
    return "\n".join(out)


def person_text(p: PersonProfile) -> str:
    also = [v for v in p.variants if v != p.name]
    return "\n".join(
        [
            f"{p.name}" + (f" (also written {', '.join(also)})" if also else ""),
            "Meetings:",
            table(
                ["date", "status", "role", "organisation", "meeting"],
                [(d, s, r, o, m) for d, m, s, r, o in p.attendance],
            ),
            "Posts:",
            table(["post", "first seen", "last seen"], p.posts),
            "Organisations:",
            table(["organisation", "first seen", "last seen"], p.organisations),
            "Topics raised:",
            table(["topic", "times"], p.topics),
            "Most often met:",
            table(["person", "meetings together"], p.met),
            "Statements:",
            evidence_lines(p.statements),
        ]
    )


def topic_text(t: TopicProfile) -> str:
    return "\n".join(
        [
            t.name + (f" (also: {', '.join(t.aliases)})" if t.aliases else ""),
            "Timeline:",
            table(["date", "mentions", "meeting"], [(d, n, m) for d, m, n in t.timeline]),
            "Raised by:",
            table(["who", "times"], t.raised_by),
            "Evidence:",
            evidence_lines(t.evidence),
        ]
    )


def organisation_text(o: OrganisationProfile) -> str:
    return "\n".join(
        [
            o.name + (f" ({', '.join(o.aliases)})" if o.aliases else ""),
            *([f"Part of: {', '.join(o.parents)}"] if o.parents else []),
            "People:",
            table(["person", "first seen", "last seen", "meetings"], o.people),
            "Topics raised:",
            table(["topic", "times"], o.topics),
            "Statements:",
            evidence_lines(o.statements),
        ]
    )


def stats_text(s: Stats) -> str:
    return "\n".join(
        [
            "Most connected people (degree centrality, co-attendance):",
            table(["person", "score"], s.people_by_co_attendance),
            "Brokers between groups (betweenness centrality, co-attendance):",
            table(["person", "score"], s.people_by_betweenness),
            "Most central in discussion (degree centrality, raising the same topics):",
            table(["actor", "score"], s.actors_by_co_discussion),
            "Organisations most central in discussion:",
            table(["organisation", "score"], s.organisations_by_co_discussion),
            "Topic timeline (mentions per meeting date):",
            table(
                ["topic", "timeline"],
                [(t, ", ".join(f"{d}: {n}" for d, n in points)) for t, points in s.topic_timeline],
            ),
        ]
    )


def build_table(result: BuildResult) -> str:
    """One row per input: what it gave, and its first warning or why it was skipped."""
    rows = [
        (
            r.source,
            r.status,
            r.date or "",
            r.attendees,
            r.items,
            r.statements,
            r.topics,
            (
                r.warnings[0].removeprefix(f"{r.source}: ")
                + (f" (+{len(r.warnings) - 1})" if len(r.warnings) > 1 else "")
            )
            if r.warnings
            else "",
        )
        for r in result.reports
    ]
    return table(["file", "status", "date", "attendees", "items", "statements", "topics", "notes"], rows)


def build_summary(result: BuildResult) -> str:
    kinds = Counter(result.nodes)
    lines = [
        f"Built a graph of {kinds['meeting']} meetings: {kinds['person']} people, "
        f"{kinds['organisation']} organisations, {kinds['post']} posts, {kinds['item']} agenda items, "
        f"{kinds['topic']} topics; {result.edges} edges, {result.triples} RDF triples.",
    ]
    folder = next(iter(result.files.values())).parent
    lines.append(f"Wrote to {folder}/: " + ", ".join(result.files))
    if result.from_cache:
        lines.append(f"{result.from_cache} of {len(result.reports)} documents were unchanged and came from the cache.")
    who = result.resolution
    if who.merges or who.near_misses or who.curated:
        lines.append(
            f"People: {len(who.merges)} names written two ways joined, {len(who.near_misses)} near misses left apart"
            + (f", {len(who.curated)} curation entries honoured" if who.curated else "")
            + " (each listed in report.json)."
        )
    if result.store is not None:
        s = result.store
        if s.remade:
            lines.append(f"Store {folder}/store/ was damaged ({s.remade}) and was made again from the files.")
        lines.append(
            f"Store {folder}/store/: {len(s.replaced)} named graphs replaced, {len(s.unchanged)} unchanged"
            + (f", {len(s.removed)} removed" if s.removed else "")
            + "."
        )
    return "\n".join(lines)


def print_table(result: QueryResult, output: str) -> None:
    """A SPARQL answer as a table, CSV or JSON on standard output."""
    if output == "json":
        click.echo(
            json.dumps(
                [dict(zip(result.columns, row, strict=True)) for row in result.rows], indent=1, ensure_ascii=False
            )
        )
    elif output == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
    else:
        click.echo(table(result.columns, [[" ".join(str(c).split()) if c else c for c in r] for r in result.rows]))
        click.echo(f"  ({len(result.rows)} rows)")
