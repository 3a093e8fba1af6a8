"""The graph as RDF: W3C ORG, FOAF, schema.org, SKOS, PROV-O and Web Annotation, in named graphs:
one for what spans meetings (people, organisations, posts, places, topics, memberships; here), one
a meeting (``meeting_rdf``). Quads are Oxigraph terms, written straight from the networkx graph."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx
import pyoxigraph as ox
from rdflib import Dataset, Graph

from extract import load_topic_scheme, slug

from .kinds import EdgeKind, NodeKind, node_id
from .meeting_rdf import GraphIndex, meeting_quads, meeting_view
from .memberships import Membership, memberships
from .rdf_terms import (
    NS,
    RDF_TYPE,
    XSD,
    Quads,
    activity_iri,
    entities_graph_iri,
    iri,
    label,
    literal,
    membership_iri,
    node_iri,
)

__all__ = ["meeting_nodes", "all_quads", "entity_quads", "to_dataset", "union_graph"]


def _organisation(g: Quads, base: str, node: str, data: dict) -> None:
    s = node_iri(base, node)
    g.add(s, RDF_TYPE, NS.org.Organization)
    g.add(s, NS.skos.prefLabel, label(data["label"]))
    for alias in data.get("aliases", []):
        g.add(s, NS.skos.altLabel, label(alias))
    g.add(s, NS.mg.inGazetteer, ox.Literal(bool(data.get("in_gazetteer"))))


def _person(g: Quads, base: str, node: str, data: dict) -> None:
    s = node_iri(base, node)
    g.add(s, RDF_TYPE, NS.foaf.Person)
    g.add(s, NS.foaf.name, literal(data["label"]))
    for variant in data.get("variants", []):
        if variant != data["label"]:
            g.add(s, NS.skos.altLabel, label(variant))
    for note in data.get("evidence", []):
        g.add(s, NS.mg.mergeEvidence, literal(note))


def _place(g: Quads, base: str, node: str, data: dict) -> None:
    s = node_iri(base, node)
    g.add(s, RDF_TYPE, NS.schema.Place)
    g.add(s, NS.schema.name, literal(data["label"]))


def _role(g: Quads, base: str, name: str) -> ox.NamedNode:
    role = iri(base, "role", slug(name) or "role")
    g.add(role, RDF_TYPE, NS.org.Role)
    g.add(role, NS.skos.prefLabel, label(name))
    return role


def _post(g: Quads, base: str, graph: nx.MultiDiGraph, node: str, data: dict) -> None:
    s = node_iri(base, node)
    g.add(s, RDF_TYPE, NS.org.Post)
    g.add(s, NS.skos.prefLabel, label(data["label"]))
    g.add(s, NS.org.role, _role(g, base, data["label"]))
    for _, org, key in graph.out_edges(node, keys=True):
        if key == EdgeKind.POST_IN:
            g.add(s, NS.org.postIn, node_iri(base, org))


def _topics(g: Quads, base: str, graph: nx.MultiDiGraph) -> None:
    """Topics as SKOS concepts of one scheme: the curated themes and the programmes found in the text."""
    scheme = iri(base, "topic", "scheme")
    g.add(scheme, RDF_TYPE, NS.skos.ConceptScheme)
    g.add(scheme, NS.skos.prefLabel, label(load_topic_scheme().label))
    for node, data in graph.nodes(data=True):
        if data["type"] != NodeKind.TOPIC:
            continue
        t = node_iri(base, node)
        g.add(t, RDF_TYPE, NS.skos.Concept)
        g.add(t, NS.skos.inScheme, scheme)
        g.add(t, NS.skos.prefLabel, label(data["label"]))
        for alias in data.get("aliases", []):
            g.add(t, NS.skos.altLabel, label(alias))
        g.add(t, NS.mg.curated, ox.Literal(bool(data.get("curated"))))
        for _, parent, key in graph.out_edges(node, keys=True):
            if key == EdgeKind.BROADER:
                g.add(t, NS.skos.broader, node_iri(base, parent))


def _memberships(g: Quads, base: str, graph: nx.MultiDiGraph, observed: Sequence[Membership]) -> None:
    """Each org:Membership as observed: the post held (opengov:post, as Popolo has it) and its role,
    first and last seen, and every meeting it was seen at."""
    for found in observed:
        s = membership_iri(base, found.person, found.organisation, found.post)
        g.add(s, RDF_TYPE, NS.org.Membership)
        g.add(s, NS.org.member, node_iri(base, found.person))
        g.add(s, NS.org.organization, node_iri(base, found.organisation))
        if found.post:
            g.add(s, NS.opengov.post, node_iri(base, found.post))
            g.add(s, NS.org.role, _role(g, base, graph.nodes[found.post]["label"]))
        if found.first_seen:
            g.add(s, NS.mg.firstSeen, ox.Literal(found.first_seen, datatype=XSD.date))
            g.add(s, NS.mg.lastSeen, ox.Literal(found.last_seen, datatype=XSD.date))
        for meeting in found.meetings:
            g.add(s, NS.mg.seenAt, node_iri(base, meeting))


def _activity(g: Quads, base: str, tool: str, model: str) -> None:
    activity = activity_iri(base, tool, model)
    agent = iri(base, "agent", slug(tool))
    g.add(activity, RDF_TYPE, NS.prov.Activity)
    g.add(activity, NS.prov.wasAssociatedWith, agent)
    g.add(activity, NS.mg.spacyPipeline, literal(model))
    g.add(agent, RDF_TYPE, NS.prov.SoftwareAgent)
    g.add(agent, NS.rdfs.label, literal(tool))


def entity_quads(
    graph: nx.MultiDiGraph,
    base: str | None = None,
    tool: str = "minutes-graph",
    model: str = "",
    observed: Sequence[Membership] | None = None,
) -> list[ox.Quad]:
    """The entities graph: people, organisations, posts, places, topics and memberships (``observed``,
    when the caller has them already, else found in ``graph``), and the build that the meetings'
    graphs name as theirs. ``graph`` is the whole graph or its summary (the same quads from either)."""
    base = base or NS.default_base
    g = Quads(entities_graph_iri(base))
    _activity(g, base, tool, model)
    writers = {NodeKind.ORGANISATION: _organisation, NodeKind.PERSON: _person, NodeKind.PLACE: _place}
    for node, data in graph.nodes(data=True):
        if data["type"] in writers:
            writers[data["type"]](g, base, node, data)
        elif data["type"] == NodeKind.POST:
            _post(g, base, graph, node, data)
    _topics(g, base, graph)
    for u, v, key in graph.edges(keys=True):
        if key == EdgeKind.PART_OF:
            g.add(node_iri(base, u), NS.org.subOrganizationOf, node_iri(base, v))
        elif key == EdgeKind.MEMBER_OF:
            g.add(node_iri(base, u), NS.org.memberOf, node_iri(base, v))
    _memberships(g, base, graph, memberships(graph) if observed is None else observed)
    for alias, person in sorted(graph.graph.get("aliases", {}).items()):  # ids that now name another's person
        g.add(
            node_iri(base, node_id(NodeKind.PERSON, alias)),
            NS.owl.sameAs,
            node_iri(base, node_id(NodeKind.PERSON, person)),
        )
    return g


def meeting_nodes(graph: nx.MultiDiGraph) -> list[str]:
    """The meetings of the graph, in the order their named graphs are written."""
    return sorted(n for n, d in graph.nodes(data=True) if d["type"] == NodeKind.MEETING)


def all_quads(
    graph: nx.MultiDiGraph, base: str | None = None, tool: str = "minutes-graph", model: str = ""
) -> Iterable[ox.Quad]:
    """Every quad: the entities graph, then each meeting's."""
    yield from entity_quads(graph, base, tool, model)
    index = GraphIndex.of(graph)
    for node in meeting_nodes(graph):
        yield from meeting_quads(meeting_view(graph, node, index), base, tool, model)


def to_dataset(
    graph: nx.MultiDiGraph, base: str | None = None, tool: str = "minutes-graph", model: str = ""
) -> Dataset:
    """The graph as an rdflib Dataset, for reading and checking a small graph in Python; the build
    itself writes Oxigraph quads and never holds a whole Dataset.

    Every resource gets an IRI under ``base`` (no blank nodes, which remote stores handle badly).
    """
    ds = Dataset()
    for prefix, namespace in NS.prefixes.items():
        ds.bind(prefix, namespace)
    ds.parse(data=ox.serialize(all_quads(graph, base, tool, model), format=ox.RdfFormat.N_QUADS), format="nquads")
    return ds


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every named graph in one graph, for Turtle and tools without named graphs."""
    g = Graph()
    for prefix, namespace in ds.namespaces():
        g.bind(prefix, namespace)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
