"""The graph as RDF: W3C ORG, FOAF, schema.org, SKOS, PROV-O and Web Annotation, one named graph a meeting."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef

from extract import slug

from .namespaces import load_namespaces

__all__ = ["to_dataset", "union_graph", "entities_graph_iri", "meeting_graph_iri"]

NS = load_namespaces()


def _iri(base: str, *parts: str) -> URIRef:
    return URIRef(base + "/".join(quote(p, safe="-._~") for p in parts))


def _node_iri(base: str, node: str) -> URIRef:
    kind, _, ident = node.partition(":")
    return _iri(base, kind, *ident.split("/"))


def entities_graph_iri(base: str) -> URIRef:
    """The named graph of people, organisations, posts and memberships: what spans meetings."""
    return _iri(base, "graph", "entities")


def meeting_graph_iri(base: str, meeting_node: str) -> URIRef:
    """The named graph holding one meeting's facts; rebuilding the meeting replaces it whole."""
    return _iri(base, "graph", *meeting_node.split(":", 1)[1].split("/"))


def _organisation(g: Graph, base: str, node: str, data: dict) -> None:
    s = _node_iri(base, node)
    g.add((s, RDF.type, NS.org.Organization))
    g.add((s, NS.skos.prefLabel, Literal(data["label"])))
    for alias in data.get("aliases", []):
        g.add((s, NS.skos.altLabel, Literal(alias)))
    g.add((s, NS.mg.inGazetteer, Literal(bool(data.get("in_gazetteer")))))


def _person(g: Graph, base: str, node: str, data: dict) -> None:
    s = _node_iri(base, node)
    g.add((s, RDF.type, NS.foaf.Person))
    g.add((s, NS.foaf.name, Literal(data["label"])))
    for variant in data.get("variants", []):
        if variant != data["label"]:
            g.add((s, NS.skos.altLabel, Literal(variant)))
    for note in data.get("evidence", []):
        g.add((s, NS.mg.mergeEvidence, Literal(note)))


def _role(g: Graph, base: str, label: str) -> URIRef:
    role = _iri(base, "role", slug(label) or "role")
    g.add((role, RDF.type, NS.org.Role))
    g.add((role, NS.skos.prefLabel, Literal(label)))
    return role


def _post(g: Graph, base: str, graph: nx.MultiDiGraph, node: str, data: dict) -> None:
    s = _node_iri(base, node)
    g.add((s, RDF.type, NS.org.Post))
    g.add((s, NS.skos.prefLabel, Literal(data["label"])))
    g.add((s, NS.org.role, _role(g, base, data["label"])))
    for _, org, key in graph.out_edges(node, keys=True):
        if key == "post_in":
            g.add((s, NS.org.postIn, _node_iri(base, org)))


def _annotation(g: Graph, body: URIRef, source: URIRef, edge: dict) -> URIRef:
    """A W3C Web Annotation of ``body``, pointing at the characters of the source that show it."""
    a = URIRef(f"{body}/evidence")
    target, position, quote_ = (URIRef(f"{a}/{part}") for part in ("target", "position", "quote"))
    g.add((a, RDF.type, NS.oa.Annotation))
    g.add((a, NS.oa.hasBody, body))
    g.add((a, NS.oa.motivatedBy, NS.oa.identifying))
    g.add((a, NS.oa.hasTarget, target))
    g.add((target, RDF.type, NS.oa.SpecificResource))
    g.add((target, NS.oa.hasSource, source))
    g.add((target, NS.oa.hasSelector, position))
    g.add((target, NS.oa.hasSelector, quote_))
    g.add((position, RDF.type, NS.oa.TextPositionSelector))
    g.add((position, NS.oa.start, Literal(edge["start"], datatype=XSD.nonNegativeInteger)))
    g.add((position, NS.oa.end, Literal(edge["end"], datatype=XSD.nonNegativeInteger)))
    g.add((quote_, RDF.type, NS.oa.TextQuoteSelector))
    g.add((quote_, NS.oa.exact, Literal(edge["evidence"])))
    return a


def _source(g: Graph, base: str, data: dict) -> URIRef:
    s = _iri(base, "source", data["sha256"][:16])
    g.add((s, RDF.type, NS.prov.Entity))
    g.add((s, NS.dcterms.identifier, Literal(f"sha256:{data['sha256']}")))
    g.add((s, NS.dcterms.source, Literal(data["source"])))
    return s


@dataclass(frozen=True)
class _Index:
    """Lookups made once per dataset: walking a busy actor's edges for every statement is quadratic."""

    posts: dict[tuple[str, str], list[str]]  # (person, meeting) -> posts held there
    raised: dict[tuple[str, str, int], list[str]]  # (actor, item, sentence start) -> topics raised

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> _Index:
        posts: dict[tuple[str, str], list[str]] = defaultdict(list)
        raised: dict[tuple[str, str, int], list[str]] = defaultdict(list)
        for u, v, edge in graph.edges(data=True):
            if edge["type"] == "holds_post":
                posts[(u, edge["meeting"])].append(v)
            elif edge["type"] == "raises":
                raised[(u, edge["item"], edge["start"])].append(v)
        return cls(posts, raised)


def _meeting(ds: Dataset, base: str, graph: nx.MultiDiGraph, node: str, activity: URIRef, index: _Index) -> Graph:
    data = graph.nodes[node]
    g = ds.graph(meeting_graph_iri(base, node))
    m = _node_iri(base, node)
    source = _source(g, base, data)
    g.add((m, RDF.type, NS.schema.Event))
    g.add((m, RDF.type, NS.mg.Meeting))
    g.add((m, NS.schema.name, Literal(data["label"])))
    if data.get("date"):
        g.add((m, NS.schema.startDate, Literal(data["date"], datatype=XSD.date)))
    g.add((m, NS.prov.wasDerivedFrom, source))
    meta = ds.graph(entities_graph_iri(base))
    meta.add((g.identifier, NS.prov.wasDerivedFrom, source))
    meta.add((g.identifier, NS.prov.wasGeneratedBy, activity))
    for _, target, key in graph.out_edges(node, keys=True):
        if key == "organised_by":
            g.add((m, NS.schema.organizer, _node_iri(base, target)))
    _items(g, base, graph, node)
    for person, _, key, edge in sorted(graph.in_edges(node, keys=True, data=True)):
        if key not in ("attended", "sent_apologies"):
            continue
        p = _node_iri(base, person)
        att = _iri(base, "attendance", *node.split(":", 1)[1].split("/"), person.split(":", 1)[1])
        g.add((att, RDF.type, NS.mg.Attendance))
        g.add((att, NS.mg.meeting, m))
        g.add((att, NS.mg.person, p))
        g.add((att, NS.mg.status, NS.mg.Present if key == "attended" else NS.mg.Apologies))
        if key == "attended":
            g.add((m, NS.schema.attendee, p))
        if edge.get("organisation"):
            g.add((att, NS.mg.capacity, _membership_iri(base, person, edge["organisation"])))
        for post in index.posts.get((person, node), ()):
            g.add((att, NS.mg.post, _node_iri(base, post)))
        g.add((att, NS.mg.evidence, _annotation(g, att, source, edge)))
    _discussion(g, base, graph, node, source, index)
    return g


def _items_of(graph: nx.MultiDiGraph, meeting: str) -> list[str]:
    items = [v for _, v, k in graph.out_edges(meeting, keys=True) if k == "has_item"]
    return items + [v for i in items for _, v, k in graph.out_edges(i, keys=True) if k == "has_part"]


def _discussion(g: Graph, base: str, graph: nx.MultiDiGraph, meeting: str, source: URIRef, index: _Index) -> None:
    """Item subjects, mentions, and statements as mg:Statement nodes with their sentence as evidence."""
    for item in _items_of(graph, meeting):
        i = _node_iri(base, item)
        for _, target, edge in graph.out_edges(item, data=True):
            if edge["type"] == "discusses":
                g.add((i, NS.dcterms.subject, _node_iri(base, target)))
            elif edge["type"] == "mentions":
                g.add((i, NS.mg.mentions, _node_iri(base, target)))
                if graph.nodes[target]["type"] == "place":
                    g.add((_node_iri(base, target), RDF.type, NS.schema.Place))
                    g.add((_node_iri(base, target), NS.schema.name, Literal(graph.nodes[target]["label"])))
        for actor, _, edge in sorted(graph.in_edges(item, data=True), key=lambda e: (e[2].get("start", 0), e[0])):
            if edge["type"] != "speaks_on":
                continue
            st = _iri(
                base, "statement", *meeting.split(":", 1)[1].split("/"), str(edge["start"]), actor.split(":", 1)[1]
            )
            g.add((st, RDF.type, NS.mg.Statement))
            g.add((st, NS.mg.actor, _node_iri(base, actor)))
            g.add((st, NS.mg.item, i))
            g.add((st, NS.mg.verb, Literal(edge["verb"])))
            for topic in index.raised.get((actor, item, edge["start"]), ()):
                g.add((st, NS.dcterms.subject, _node_iri(base, topic)))
            g.add((st, NS.mg.evidence, _annotation(g, st, source, edge)))


def _topics(g: Graph, base: str, graph: nx.MultiDiGraph) -> None:
    """Topics as SKOS concepts of one scheme: the curated themes and the programmes found in the text."""
    scheme = _iri(base, "topic", "scheme")
    g.add((scheme, RDF.type, NS.skos.ConceptScheme))
    g.add((scheme, NS.skos.prefLabel, Literal("minutes-graph topics", lang="en")))
    for node, data in graph.nodes(data=True):
        if data["type"] != "topic":
            continue
        t = _node_iri(base, node)
        g.add((t, RDF.type, NS.skos.Concept))
        g.add((t, NS.skos.inScheme, scheme))
        g.add((t, NS.skos.prefLabel, Literal(data["label"], lang="en")))
        for alias in data.get("aliases", []):
            g.add((t, NS.skos.altLabel, Literal(alias, lang="en")))
        g.add((t, NS.mg.curated, Literal(bool(data.get("curated")))))
        for _, parent, key in graph.out_edges(node, keys=True):
            if key == "broader":
                g.add((t, NS.skos.broader, _node_iri(base, parent)))


def _items(g: Graph, base: str, graph: nx.MultiDiGraph, node: str) -> None:
    for _, item, key in graph.out_edges(node, keys=True):
        if key not in ("has_item", "has_part"):
            continue
        data = graph.nodes[item]
        i, parent = _node_iri(base, item), _node_iri(base, node)
        g.add((i, RDF.type, NS.schema.Event))
        g.add((i, RDF.type, NS.mg.AgendaItem))
        g.add((i, NS.schema.name, Literal(data["title"])))
        g.add((i, NS.schema.position, Literal(data["number"])))
        g.add((parent, NS.schema.subEvent, i))
        g.add((i, NS.schema.superEvent, parent))
        _items(g, base, graph, item)


def _membership_iri(base: str, person: str, org: str) -> URIRef:
    return _iri(base, "membership", person.split(":", 1)[1], org.split(":", 1)[1])


def _memberships(g: Graph, base: str, graph: nx.MultiDiGraph) -> None:
    """org:Membership of each person in each organisation they represented, dated by the meetings."""
    dates: dict[tuple[str, str], list[str]] = defaultdict(list)
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for person, target, edge in graph.edges(data=True):
        if edge["type"] == "represents":
            dates[(person, target)].append(graph.nodes[edge["meeting"]].get("date") or "")
        elif edge["type"] == "holds_post":
            org = next((o for _, o, k in graph.out_edges(target, keys=True) if k == "post_in"), None)
            if org and graph.nodes[org]["type"] == "organisation":
                dates[(person, org)].append(graph.nodes[edge["meeting"]].get("date") or "")
                roles[(person, org)].add(graph.nodes[target]["label"])
    for (person, org), seen in dates.items():
        s = _membership_iri(base, person, org)
        g.add((s, RDF.type, NS.org.Membership))
        g.add((s, NS.org.member, _node_iri(base, person)))
        g.add((s, NS.org.organization, _node_iri(base, org)))
        for label in sorted(roles[(person, org)]):
            g.add((s, NS.org.role, _role(g, base, label)))
        known = sorted(d for d in seen if d)
        if known:
            g.add((s, NS.schema.validFrom, Literal(known[0], datatype=XSD.date)))
            g.add((s, NS.schema.validUntil, Literal(known[-1], datatype=XSD.date)))


def _activity(g: Graph, base: str, tool: str, model: str) -> URIRef:
    activity = _iri(base, "activity", "build", slug(f"{tool} {model}"))
    agent = _iri(base, "agent", slug(tool))
    g.add((activity, RDF.type, NS.prov.Activity))
    g.add((activity, NS.prov.wasAssociatedWith, agent))
    g.add((activity, NS.mg.spacyPipeline, Literal(model)))
    g.add((agent, RDF.type, NS.prov.SoftwareAgent))
    g.add((agent, NS.rdfs.label, Literal(tool)))
    return activity


def to_dataset(
    graph: nx.MultiDiGraph, base: str | None = None, tool: str = "minutes-graph", model: str = ""
) -> Dataset:
    """The graph as an RDF dataset: an entities graph plus one named graph per meeting.

    Every resource gets an IRI under ``base`` (no blank nodes, which remote stores handle badly).
    """
    base = base or NS.default_base
    ds = Dataset()
    for prefix, namespace in NS.prefixes.items():
        ds.bind(prefix, namespace)
    entities = ds.graph(entities_graph_iri(base))
    activity = _activity(entities, base, tool, model)
    writers = {"organisation": _organisation, "person": _person}
    for node, data in graph.nodes(data=True):
        if data["type"] in writers:
            writers[data["type"]](entities, base, node, data)
        elif data["type"] == "post":
            _post(entities, base, graph, node, data)
    _topics(entities, base, graph)
    for u, v, key in graph.edges(keys=True):
        if key == "part_of":
            entities.add((_node_iri(base, u), NS.org.subOrganizationOf, _node_iri(base, v)))
        elif key == "member_of":
            entities.add((_node_iri(base, u), NS.org.memberOf, _node_iri(base, v)))
    _memberships(entities, base, graph)
    index = _Index.of(graph)
    for node, data in graph.nodes(data=True):
        if data["type"] == "meeting":
            _meeting(ds, base, graph, node, activity, index)
    return ds


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every named graph in one graph, for Turtle and tools without named graphs."""
    g = Graph()
    for prefix, namespace in ds.namespaces():
        g.bind(prefix, namespace)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
