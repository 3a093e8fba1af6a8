"""The RDF terms every named graph is made of: the namespaces, IRIs minted under the base IRI, literals,
and the quads of one named graph."""

from __future__ import annotations

import functools
from urllib.parse import quote

import pyoxigraph as ox

from extract import slug

from .kinds import split_node
from .namespaces import load_namespaces

__all__ = [
    "NS",
    "XSD",
    "RDF_TYPE",
    "Quads",
    "iri",
    "node_iri",
    "literal",
    "count",
    "entities_graph_iri",
    "meeting_graph_iri",
    "membership_iri",
    "label",
    "activity_iri",
]

NS = load_namespaces()
XSD = NS.xsd
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def iri(base: str, *parts: str) -> ox.NamedNode:
    return ox.NamedNode(base + "/".join(quote(p, safe="-._~") for p in parts))


# A person or organisation is named in every meeting and every format: quoting its IRI once per
# process, not each time, takes a tenth off making a meeting's graph.
@functools.lru_cache(maxsize=1 << 16)
def node_iri(base: str, node: str) -> ox.NamedNode:
    kind, ident = split_node(node)
    return iri(base, kind, *ident.split("/"))


def entities_graph_iri(base: str) -> ox.NamedNode:
    """The named graph of people, organisations, posts and memberships: what spans meetings."""
    return iri(base, "graph", "entities")


def meeting_graph_iri(base: str, meeting_node: str) -> ox.NamedNode:
    """The named graph holding one meeting's facts; rebuilding the meeting replaces it whole."""
    return iri(base, "graph", *split_node(meeting_node)[1].split("/"))


def literal(value: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


# One language rule: a SKOS label (skos:prefLabel, skos:altLabel: of an organisation, post, role,
# topic or person's other spellings) is tagged with the minutes' language; a name (foaf:name,
# schema:name), a quotation (oa:exact) and a code (verb, identifier) are plain strings.
LABEL_LANGUAGE = "en"


def label(value: str) -> ox.Literal:
    """A SKOS label, in the minutes' language."""
    return ox.Literal(value, language=LABEL_LANGUAGE)


def count(value: int) -> ox.Literal:
    """An offset or count as xsd:integer (the shapes require it to be >= 0): Web Annotation's range is
    xsd:nonNegativeInteger, but Oxigraph, and so the store and what push sends, keeps only xsd:integer,
    and the files must say what the store says."""
    return ox.Literal(str(value), datatype=XSD.integer)


class Quads(list):
    """The quads of one named graph, added as triples."""

    def __init__(self, graph_name: ox.NamedNode):
        super().__init__()
        self.graph_name = graph_name

    def add(self, s, p, o) -> None:
        self.append(ox.Quad(s, p, o, self.graph_name))


def membership_iri(base: str, person: str, org: str, post: str | None = None) -> ox.NamedNode:
    """A person's membership of an organisation, or (with ``post``) of one of its posts."""
    return iri(base, "membership", split_node(person)[1], split_node(org)[1], *([split_node(post)[1]] if post else []))


def activity_iri(base: str, tool: str, model: str) -> ox.NamedNode:
    return iri(base, "activity", "build", slug(f"{tool} {model}"))
