"""Turtle, TriG, N-Triples and JSON-LD text of the RDF dataset, written by Oxigraph's serialisers.

rdflib builds the dataset; its own serialisers take seconds per ten thousand triples, Oxigraph's take
milliseconds, so the dataset goes through N-Quads once and Oxigraph writes every format from it.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
from rdflib import Dataset

from graph import load_namespaces

__all__ = ["turtle", "trig", "ntriples", "nquads", "jsonld", "jsonld_context", "rdf_texts"]


def _prefixes() -> dict[str, str]:
    return {prefix: str(ns) for prefix, ns in load_namespaces().prefixes.items()}


def _quads(ds: Dataset) -> list[ox.Quad]:
    """The dataset's quads, by graph then subject, so each subject's triples are written together."""
    quads = ox.parse(ds.serialize(format="nquads"), format=ox.RdfFormat.N_QUADS)
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _triples(quads: list[ox.Quad]) -> list[ox.Triple]:
    """Every triple once, whichever named graphs hold it."""
    unique = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(unique, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def jsonld_context() -> dict:
    """The JSON-LD context: the project's prefixes, so compact IRIs read as in the Turtle."""
    return _prefixes()


def _jsonld(triples: list[ox.Triple]) -> str:
    expanded = json.loads(ox.serialize(triples, format=ox.RdfFormat.JSON_LD))
    return json.dumps({"@context": jsonld_context(), "@graph": expanded}, indent=1, ensure_ascii=False) + "\n"


def rdf_texts(ds: Dataset) -> dict[str, str]:
    """Every RDF output file's text at once: the dataset is converted only one time."""
    quads = _quads(ds)
    triples = _triples(quads)
    return {
        "graph.ttl": ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_prefixes()).decode("utf-8"),
        "graph.trig": ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_prefixes()).decode("utf-8"),
        "graph.jsonld": _jsonld(triples),
        "graph.nt": ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"),
    }


def turtle(ds: Dataset) -> str:
    """Every triple in one Turtle document (named graphs merged)."""
    return rdf_texts(ds)["graph.ttl"]


def trig(ds: Dataset) -> str:
    """The dataset in TriG, keeping one named graph per meeting."""
    return rdf_texts(ds)["graph.trig"]


def ntriples(ds: Dataset) -> str:
    """Every triple, one a line: the simplest format for bulk loaders."""
    return rdf_texts(ds)["graph.nt"]


def jsonld(ds: Dataset) -> str:
    """Every triple as JSON-LD with the project's prefixes as context (named graphs merged)."""
    return rdf_texts(ds)["graph.jsonld"]


def nquads(ds: Dataset) -> str:
    """Every triple with its named graph, one a line."""
    return ox.serialize(_quads(ds), format=ox.RdfFormat.N_QUADS).decode("utf-8")
