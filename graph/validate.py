"""SHACL validation of the RDF output against the shapes of the model (``data/shapes.ttl``)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph
from rdflib import plugin as rdflib_plugin
from rdflib.namespace import SH

from extract import DocumentError, MinutesGraphError, read_document

from .namespaces import load_namespaces
from .rdf import union_graph

__all__ = ["Validation", "load_shapes", "validate_graph", "validate_file", "RDF_SUFFIXES"]


@dataclass(frozen=True)
class Validation:
    """Whether a graph conforms, one line per problem (focus node, property, message), and how many
    quoted spans were checked against their source documents."""

    conforms: bool
    problems: tuple[str, ...]
    spans_checked: int = 0


def load_shapes() -> Graph:
    """The shapes graph (``data/shapes.ttl``, complete on its own)."""
    text = (resources.files("graph") / "data" / "shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def _short(graph: Graph, term) -> str:
    return term.n3(graph.namespace_manager)


def _lines(data: Graph, report: Graph) -> list[str]:
    lines = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        lines.append(f"{_short(data, focus)}: {_short(data, path) if path else '-'}: {message}")
    return sorted(lines)


_SPANS = """
SELECT ?quote ?exact ?start ?end ?published ?sha WHERE {
  ?target oa:hasSource ?doc ; oa:hasSelector ?position, ?quote .
  ?position oa:start ?start ; oa:end ?end .
  ?quote oa:exact ?exact .
  ?doc dcterms:source ?published ; dcterms:identifier ?sha .
}"""


def _source_file(published: str, sources: Path) -> Path | None:
    """The file an IRI names, found under ``sources`` by the longest tail of its path that exists
    there (``.../file/seeds/a.txt`` is ``sources/seeds/a.txt``)."""
    parts = [unquote(p) for p in urlsplit(published).path.split("/") if p]
    for k in range(len(parts), 0, -1):
        if (candidate := sources.joinpath(*parts[-k:])).is_file():
            return candidate
    return None


def _span_problems(data: Graph, sources: Path) -> tuple[list[str], int]:
    """Each quoted span (oa:exact) that is not the characters its start and end give in its source
    document, where the document is under ``sources`` and its sha256 is the one recorded; and how
    many spans were checked. SHACL cannot see the documents, so this is done here."""
    texts: dict[str, str | None] = {}
    problems, checked = [], 0
    for quote, exact, start, end, published, sha in data.query(_SPANS, initNs=dict(load_namespaces().prefixes)):
        if str(published) not in texts:
            file = _source_file(str(published), sources)
            try:
                document = read_document(file) if file else None
            except DocumentError:  # not the minutes it was: nothing to check against
                document = None
            same = document is not None and f"sha256:{document.sha256}" == str(sha)
            texts[str(published)] = document.text if same else None
        text = texts[str(published)]
        if text is None:
            continue
        checked += 1
        if text[int(start) : int(end)] != str(exact):
            problems.append(f"{_short(data, quote)}: oa:exact: is not characters {start}-{end} of {published}")
    return sorted(problems), checked


def validate_graph(data: Graph, sources: Path | None = None) -> Validation:
    """Validate ``data`` (all named graphs merged) against the shapes, and each quoted span against
    its source document when it is found under ``sources``."""
    _, report, _ = shacl_validate(data, shacl_graph=load_shapes(), inference="none", advanced=False)
    spans, checked = _span_problems(data, sources) if sources else ([], 0)
    problems = _lines(data, report) + spans
    return Validation(not problems, tuple(problems), checked)


# rdflib's parser for each suffix of an RDF file.
RDF_SUFFIXES = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
}


def validate_file(path: Path, sources: Path | None = None) -> tuple[Validation, int]:
    """Validate an RDF file (any format of RDF_SUFFIXES, all its named graphs merged), its spans against
    the documents under ``sources``; also how many triples it holds. Raises MinutesGraphError, saying
    why, when the file cannot be read as RDF."""
    data = Dataset()
    try:
        data.parse(str(path), format=RDF_SUFFIXES.get(path.suffix.lower()))
    except FileNotFoundError as e:
        raise MinutesGraphError(f"{path}: no such file; run 'minutes-graph build' first") from e
    except (ValueError, SyntaxError, rdflib_plugin.PluginException) as e:
        raise MinutesGraphError(f"{path}: not readable RDF ({str(e).splitlines()[0][:200]})") from e
    union = union_graph(data)
    return validate_graph(union, sources), len(union)
