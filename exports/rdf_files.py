"""Turtle and TriG text of the RDF dataset."""

from __future__ import annotations

from rdflib import Dataset

from graph import union_graph

__all__ = ["turtle", "trig"]


def turtle(ds: Dataset) -> str:
    """Every triple in one Turtle document (named graphs merged)."""
    return union_graph(ds).serialize(format="turtle")


def trig(ds: Dataset) -> str:
    """The dataset in TriG, keeping one named graph per meeting."""
    return ds.serialize(format="trig")
