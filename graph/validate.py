"""SHACL validation of the RDF output against the shapes of the model (``data/shapes.ttl``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph
from rdflib import plugin as rdflib_plugin
from rdflib.namespace import SH

from extract import MinutesGraphError

from .namespaces import load_namespaces
from .rdf import union_graph

__all__ = ["Validation", "load_shapes", "validate_graph", "validate_file", "RDF_SUFFIXES"]


@dataclass(frozen=True)
class Validation:
    """Whether a graph conforms, and one line per problem: focus node, property, message."""

    conforms: bool
    problems: tuple[str, ...]


@functools.cache
def _shapes_text() -> str:
    mg = load_namespaces().prefixes["mg"]
    body = (resources.files("graph") / "data" / "shapes.ttl").read_text(encoding="utf-8")
    return f"@prefix mg: <{mg}> .\n{body}"


def load_shapes() -> Graph:
    """The shapes graph."""
    return Graph().parse(data=_shapes_text(), format="turtle")


def _short(graph: Graph, term) -> str:
    return term.n3(graph.namespace_manager)


def validate_graph(data: Graph) -> Validation:
    """Validate ``data`` (all named graphs merged) against the shapes."""
    conforms, report, _ = shacl_validate(data, shacl_graph=load_shapes(), inference="none", advanced=False)
    problems = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        problems.append(f"{_short(data, focus)}: {_short(data, path) if path else '-'}: {message}")
    return Validation(bool(conforms), tuple(sorted(problems)))


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


def validate_file(path: Path) -> tuple[Validation, int]:
    """Validate an RDF file (any format of RDF_SUFFIXES, all its named graphs merged); also how many
    triples it holds. Raises MinutesGraphError, saying why, when the file cannot be read as RDF."""
    data = Dataset()
    try:
        data.parse(str(path), format=RDF_SUFFIXES.get(path.suffix.lower()))
    except FileNotFoundError as e:
        raise MinutesGraphError(f"{path}: no such file; run 'minutes-graph build' first") from e
    except (ValueError, SyntaxError, rdflib_plugin.PluginException) as e:
        raise MinutesGraphError(f"{path}: not readable RDF ({str(e).splitlines()[0][:200]})") from e
    union = union_graph(data)
    return validate_graph(union), len(union)
