"""RDF namespaces and the default base IRI, read from ``data/namespaces.yaml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml
from rdflib import Namespace

__all__ = ["Namespaces", "load_namespaces"]


@dataclass(frozen=True)
class Namespaces:
    """Prefix to namespace, and the base IRI minted resources go under unless told otherwise."""

    prefixes: dict[str, Namespace]
    default_base: str

    def __getattr__(self, prefix: str) -> Namespace:
        try:
            return self.prefixes[prefix]
        except KeyError as e:
            raise AttributeError(prefix) from e


@functools.cache
def load_namespaces() -> Namespaces:
    """Read the packaged namespace file (once per process)."""
    data = yaml.safe_load((resources.files("graph") / "data" / "namespaces.yaml").read_text(encoding="utf-8"))
    return Namespaces({p: Namespace(iri) for p, iri in data["prefixes"].items()}, data["default_base"])
