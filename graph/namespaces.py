"""RDF namespaces and the default base IRI, read from ``data/namespaces.yaml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox
import yaml
from rdflib import Namespace

__all__ = ["Namespaces", "load_namespaces", "vocabulary_text"]


class Terms:
    """The Oxigraph terms of one namespace: ``terms.Organization`` is the NamedNode ``org:Organization``."""

    def __init__(self, iri: str):
        self._iri = iri

    @functools.cache  # noqa: B019 - one Terms per namespace, loaded once per process
    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return ox.NamedNode(self._iri + name)


@dataclass(frozen=True)
class Namespaces:
    """Prefix to namespace (rdflib's, for reading graphs), and the base IRI minted resources go under
    unless told otherwise. ``NS.org`` gives the namespace's Oxigraph terms, for writing them."""

    prefixes: dict[str, Namespace]
    default_base: str

    def __getattr__(self, prefix: str) -> Terms:
        try:
            return _terms(str(self.prefixes[prefix]))
        except KeyError as e:
            raise AttributeError(prefix) from e


@functools.cache
def _terms(iri: str) -> Terms:
    return Terms(iri)


@functools.cache
def load_namespaces() -> Namespaces:
    """Read the packaged namespace file (once per process)."""
    data = yaml.safe_load((resources.files("graph") / "data" / "namespaces.yaml").read_text(encoding="utf-8"))
    return Namespaces({p: Namespace(iri) for p, iri in data["prefixes"].items()}, data["default_base"])


def vocabulary_text() -> str:
    """The ontology of the project's own terms (``data/vocab.ttl``), as Turtle."""
    return (resources.files("graph") / "data" / "vocab.ttl").read_text(encoding="utf-8")
