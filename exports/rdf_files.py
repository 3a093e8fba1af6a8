"""Turtle, TriG, N-Triples and JSON-LD, each named graph serialised by Oxigraph on its own.

Named graphs share no triples (whatever spans meetings is in the entities graph), so the files that
merge the graphs (Turtle, N-Triples, JSON-LD) hold every triple once. Turtle and TriG write IRIs
relative to the base where it ends in "/" (a third of their size went on spelling it out).
"""

from __future__ import annotations

import functools
import json

import pyoxigraph as ox

from graph import Piece, load_namespaces

from .writer import Writer

__all__ = ["Turtle", "TriG", "NTriples", "JsonLd"]


@functools.cache
def _prefixes() -> dict[str, str]:
    return {prefix: str(ns) for prefix, ns in load_namespaces().prefixes.items()}


def _relative_to(base: str) -> str | None:
    """The base Turtle and TriG write IRIs relative to: a base IRI ending in "#" is not one, as
    rdflib reads ``<#x>`` against it as ``base##x``."""
    return base if base.endswith("/") else None


def _triples(piece: Piece) -> list[ox.Triple]:
    return [q.triple for q in piece.quads]


def _serialized(quads: list, rdf_format: ox.RdfFormat, base: str) -> str:
    """Oxigraph's text without its @base and @prefix lines: the file declares them once."""
    text = ox.serialize(quads, format=rdf_format, prefixes=_prefixes(), base_iri=_relative_to(base))
    start = 0
    while text.startswith((b"@prefix ", b"@base "), start):
        start = text.index(b"\n", start) + 1
    return text[start:].decode("utf-8")


class _Declared(Writer):
    """Turtle and TriG: @base and @prefix once at the top."""

    def head(self) -> str:
        relative = _relative_to(self.context.base)
        return (f"@base <{relative}> .\n" if relative else "") + "".join(
            f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in _prefixes().items()
        )


class Turtle(_Declared):
    name = "graph.ttl"

    @staticmethod
    def part(piece: Piece) -> str:
        return _serialized(_triples(piece), ox.RdfFormat.TURTLE, piece.base)


class TriG(_Declared):
    name = "graph.trig"

    @staticmethod
    def part(piece: Piece) -> str:
        return _serialized(piece.quads, ox.RdfFormat.TRIG, piece.base)


class NTriples(Writer):
    name = "graph.nt"

    @staticmethod
    def part(piece: Piece) -> str:
        return ox.serialize(_triples(piece), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


class JsonLd(Writer):
    """Oxigraph's JSON-LD, every IRI in full, under a context of the project's prefixes (what a
    JSON-LD processor compacts it with)."""

    name = "graph.jsonld"
    separator = ",\n"

    @staticmethod
    def part(piece: Piece) -> str:
        return ox.serialize(_triples(piece), format=ox.RdfFormat.JSON_LD).decode("utf-8")[1:-1]

    def head(self) -> str:
        return '{"@context": ' + json.dumps(_prefixes()) + ',\n"@graph": [\n'

    def tail(self) -> str:
        return "\n]}\n"
