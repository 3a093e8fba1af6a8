"""Turtle, TriG, N-Triples and JSON-LD, written by Oxigraph one named graph at a time and joined.

Each named graph is serialised on its own (``graph_texts``), so a rebuild serialises only the meetings
that changed and the output files are the unchanged pieces joined again (``rdf_file_parts``). Named
graphs share no triples (whatever spans meetings is in the entities graph), so the files that merge
the graphs (Turtle, N-Triples, JSON-LD) hold every triple once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph import load_namespaces

__all__ = ["RDF_FORMATS", "GraphTexts", "graph_texts", "rdf_file_parts", "jsonld_context"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# Output file to the suffix of each graph's piece of it.
RDF_FORMATS = {"graph.ttl": "ttl", "graph.trig": "trig", "graph.jsonld": "jsonld", "graph.nt": "nt"}


def _prefixes() -> dict[str, str]:
    return {prefix: str(ns) for prefix, ns in load_namespaces().prefixes.items()}


def jsonld_context(base: str) -> dict:
    """The JSON-LD context: the project's prefixes, so compact IRIs read as in the Turtle, and the
    base that node IRIs are written relative to."""
    relative = _relative_to(base)
    return ({"@base": relative} if relative else {}) | _prefixes()


class _Compactor:
    """Oxigraph writes JSON-LD expanded, every IRI in full; this writes it against
    ``jsonld_context``: properties and datatypes as compact IRIs, rdf:type as @type, and node IRIs
    relative to the base (the file is less than half the size, and reads like the Turtle)."""

    def __init__(self, base: str) -> None:
        self.base = _relative_to(base)
        self.namespaces = sorted(((iri, prefix) for prefix, iri in _prefixes().items()), key=lambda x: -len(x[0]))
        self.terms: dict[str, str] = {}
        self.encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def term(self, iri: str) -> str:
        if (short := self.terms.get(iri)) is None:  # a graph has a few dozen properties and types
            short = self.terms[iri] = next(
                (
                    f"{prefix}:{iri[len(namespace) :]}"
                    for namespace, prefix in self.namespaces
                    if iri.startswith(namespace) and not iri.startswith("//", len(namespace))
                ),
                iri,
            )
        return short

    def node(self, iri: str) -> str:
        rest = iri[len(self.base) :] if self.base and iri.startswith(self.base) else None
        # A remainder with a colon could read as a compact or absolute IRI; one starting with / ? or #,
        # or with a . or .. segment, would not resolve back to the same IRI.
        if not rest or ":" in rest or rest[0] in "/?#" or ("." in rest and {".", ".."} & set(rest.split("/"))):
            return self.term(iri)
        return rest

    def value(self, value: dict) -> dict:
        if "@id" in value:
            return {"@id": self.node(value["@id"])}
        return {k: self.term(v) if k == "@type" else v for k, v in value.items()}

    def compact(self, expanded: bytes) -> str:
        nodes = []
        for node in json.loads(expanded):
            out = {}
            for key, values in node.items():
                if key == "@id":
                    out[key] = self.node(values)
                elif key == _RDF_TYPE:
                    out["@type"] = [self.term(v["@id"]) for v in values]
                else:
                    out[self.term(key)] = [self.value(v) for v in values]
            nodes.append(self.encode(out))
        return ",\n".join(nodes)


@dataclass(frozen=True)
class GraphTexts:
    """One named graph as a piece of each RDF output file (``RDF_FORMATS`` suffix to text)."""

    pieces: dict[str, str]
    triples: int


def _body(text: bytes) -> str:
    """Oxigraph's Turtle or TriG without its @base and @prefix lines: the joined file declares them
    once."""
    start = 0
    while text.startswith((b"@prefix ", b"@base "), start):
        start = text.index(b"\n", start) + 1
    return text[start:].decode("utf-8")


def _relative_to(base: str) -> str | None:
    """The base Turtle and TriG write IRIs relative to: a base IRI ending in "#" is not one, as
    rdflib reads ``<#x>`` against it as ``base##x``."""
    return base if base.endswith("/") else None


def _header(base: str) -> str:
    """The @base and @prefix lines of the joined Turtle and TriG files."""
    relative = _relative_to(base)
    return (f"@base <{relative}> .\n" if relative else "") + "".join(
        f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in _prefixes().items()
    )


def graph_texts(quads: Iterable[ox.Quad], base: str) -> GraphTexts:
    """The quads of one named graph in every format, each once, sorted so each subject's triples are
    together. Turtle and TriG write IRIs relative to ``base`` where they can (a third of their size
    went on spelling it out)."""
    quads = sorted(set(quads), key=str)  # as N-Quads lines: each subject's together, at twice the speed of a tuple key
    triples = [q.triple for q in quads]
    prefixes, relative = _prefixes(), _relative_to(base)
    return GraphTexts(
        {
            "ttl": _body(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes, base_iri=relative)),
            "trig": _body(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes, base_iri=relative)),
            "nt": ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"),
            # JSON-LD node objects without the enclosing brackets, to be joined by commas.
            "jsonld": _Compactor(base).compact(ox.serialize(triples, format=ox.RdfFormat.JSON_LD)),
        },
        len(triples),
    )


Part = str | Path


def rdf_file_parts(graphs: Sequence[dict[str, Part]], base: str) -> dict[str, list[Part]]:
    """Each RDF output file as the parts to write one after another: each named graph's piece (text,
    or the file holding it, made by ``graph_texts`` with the same ``base``) between the format's header
    and footer. ``graphs`` are non-empty."""
    header = _header(base)
    opening = '{"@context": ' + json.dumps(jsonld_context(base)) + ',\n"@graph": [\n'
    jsonld: list[Part] = [opening]
    for n, pieces in enumerate(graphs):
        jsonld += [",\n", pieces["jsonld"]] if n else [pieces["jsonld"]]
    return {
        "graph.ttl": [header, *(g["ttl"] for g in graphs)],
        "graph.trig": [header, *(g["trig"] for g in graphs)],
        "graph.jsonld": [*jsonld, "\n]}\n"],
        "graph.nt": [g["nt"] for g in graphs],
    }
