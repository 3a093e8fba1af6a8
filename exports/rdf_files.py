"""Turtle and TriG text of the RDF dataset."""

from __future__ import annotations

from rdflib import Dataset

from graph import load_namespaces, union_graph

__all__ = ["turtle", "trig", "ntriples", "nquads", "jsonld", "jsonld_context"]


def turtle(ds: Dataset) -> str:
    """Every triple in one Turtle document (named graphs merged)."""
    return union_graph(ds).serialize(format="turtle")


def trig(ds: Dataset) -> str:
    """The dataset in TriG, keeping one named graph per meeting."""
    return ds.serialize(format="trig")


def ntriples(ds: Dataset) -> str:
    """Every triple, one a line: the simplest format for bulk loaders."""
    return union_graph(ds).serialize(format="nt")


def nquads(ds: Dataset) -> str:
    """Every triple with its named graph, one a line."""
    return ds.serialize(format="nquads")


def jsonld_context() -> dict:
    """The JSON-LD context: the project's prefixes, so compact IRIs read as in the Turtle."""
    return {prefix: str(ns) for prefix, ns in load_namespaces().prefixes.items()}


def jsonld(ds: Dataset) -> str:
    """Every triple as JSON-LD with the context inline (the named graphs merged, as in graph.ttl)."""
    return union_graph(ds).serialize(format="json-ld", context=jsonld_context(), indent=1)
