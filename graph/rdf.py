"""The graph as RDF: W3C ORG, FOAF, schema.org, SKOS, PROV-O and Web Annotation, one named graph a meeting.

Quads are Oxigraph terms, written straight from the networkx graph. A meeting's named graph is made
from its ``MeetingView``: everything of the graph it depends on, small enough to hash (so an unchanged
meeting is not written again) and to send to another process.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox
from rdflib import Dataset, Graph

from extract import slug

from .kinds import ATTENDANCE_EDGES, EdgeKind, NodeKind
from .namespaces import load_namespaces
from .summary import edge_meetings

__all__ = [
    "GraphIndex",
    "MeetingView",
    "meeting_view",
    "meeting_nodes",
    "all_quads",
    "meeting_quads",
    "entity_quads",
    "to_dataset",
    "union_graph",
    "entities_graph_iri",
    "meeting_graph_iri",
]

NS = load_namespaces()
_STATUS = {
    EdgeKind.ATTENDED: NS.mg.Present,
    EdgeKind.SENT_APOLOGIES: NS.mg.Apologies,
    EdgeKind.WAS_ABSENT: NS.mg.Absent,
}
XSD = NS.xsd
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _iri(base: str, *parts: str) -> ox.NamedNode:
    return ox.NamedNode(base + "/".join(quote(p, safe="-._~") for p in parts))


def _node_iri(base: str, node: str) -> ox.NamedNode:
    kind, _, ident = node.partition(":")
    return _iri(base, kind, *ident.split("/"))


def entities_graph_iri(base: str) -> ox.NamedNode:
    """The named graph of people, organisations, posts and memberships: what spans meetings."""
    return _iri(base, "graph", "entities")


def meeting_graph_iri(base: str, meeting_node: str) -> ox.NamedNode:
    """The named graph holding one meeting's facts; rebuilding the meeting replaces it whole."""
    return _iri(base, "graph", *meeting_node.split(":", 1)[1].split("/"))


def _text(value: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


def _count(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD.nonNegativeInteger)


class _Quads(list):
    """The quads of one named graph, added as triples."""

    def __init__(self, graph_name: ox.NamedNode):
        super().__init__()
        self.graph_name = graph_name

    def add(self, s, p, o) -> None:
        self.append(ox.Quad(s, p, o, self.graph_name))


# --- one meeting -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingView:
    """What a meeting's named graph says, read from the graph: plain values only."""

    node: str
    label: str
    date: str | None
    source: str
    sha256: str
    organiser: str | None
    items: tuple[tuple[str, str, str, str], ...]  # item node, parent node, title, number
    attendance: tuple[tuple, ...]  # person, an ATTENDANCE_EDGES value, organisation, posts, evidence
    subjects: tuple[tuple[str, str], ...]  # item, topic discussed
    mentions: tuple[tuple[str, str], ...]  # item, who or where it mentions
    statements: tuple[tuple, ...]  # item, actor, verb, topics raised, evidence


def _evidence(edge: dict) -> tuple[int, int, str]:
    return edge["start"], edge["end"], edge["evidence"]


def _item_tree(graph: nx.MultiDiGraph, parent: str) -> list[tuple[str, str, str, str]]:
    items = []
    for _, item, key in graph.out_edges(parent, keys=True):
        if key in (EdgeKind.HAS_ITEM, EdgeKind.HAS_PART):
            data = graph.nodes[item]
            items.append((item, parent, data["title"], data["number"]))
            items.extend(_item_tree(graph, item))
    return items


@dataclass(frozen=True)
class GraphIndex:
    """Lookups made once per graph: walking a busy person's edges for every meeting is quadratic."""

    posts: dict[tuple[str, str], list[str]]  # (person, meeting) -> posts held there
    raised: dict[tuple[str, str, int], list[str]]  # (actor, item, sentence start) -> topics raised

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> GraphIndex:
        posts: dict[tuple[str, str], list[str]] = defaultdict(list)
        raised: dict[tuple[str, str, int], list[str]] = defaultdict(list)
        for u, v, edge in graph.edges(data=True):
            if edge["type"] == EdgeKind.HOLDS_POST:
                posts[(u, edge["meeting"])].append(v)
            elif edge["type"] == EdgeKind.RAISES:
                raised[(u, edge["item"], edge["start"])].append(v)
        return cls(posts, raised)


def meeting_view(graph: nx.MultiDiGraph, node: str, index: GraphIndex) -> MeetingView:
    """Everything the named graph of meeting ``node`` depends on."""
    data = graph.nodes[node]
    attendance = [
        (person, key, edge.get("organisation"), tuple(index.posts.get((person, node), ())), _evidence(edge))
        for person, _, key, edge in sorted(graph.in_edges(node, keys=True, data=True))
        if key in ATTENDANCE_EDGES.values()
    ]
    items = _item_tree(graph, node)
    subjects, mentions, statements = [], [], []
    for item, *_ in items:
        for _, target, edge in graph.out_edges(item, data=True):
            if edge["type"] == EdgeKind.DISCUSSES:
                subjects.append((item, target))
            elif edge["type"] == EdgeKind.MENTIONS:
                mentions.append((item, target))
        spoken = [
            (e["start"], actor, e) for actor, _, e in graph.in_edges(item, data=True) if e["type"] == EdgeKind.SPEAKS_ON
        ]
        for start, actor, edge in sorted(spoken, key=lambda s: s[:2]):
            raised = tuple(index.raised.get((actor, item, start), ()))
            statements.append((item, actor, edge["verb"], raised, _evidence(edge)))
    organiser = next((t for _, t, k in graph.out_edges(node, keys=True) if k == EdgeKind.ORGANISED_BY), None)
    return MeetingView(
        node,
        data["label"],
        data.get("date"),
        data["source"],
        data["sha256"],
        organiser,
        tuple(items),
        tuple(attendance),
        tuple(subjects),
        tuple(mentions),
        tuple(statements),
    )


def _source_iri(base: str, sha256: str) -> ox.NamedNode:
    return _iri(base, "source", sha256[:16])


def _annotation(g: _Quads, body: ox.NamedNode, source: ox.NamedNode, evidence: tuple[int, int, str]) -> ox.NamedNode:
    """A W3C Web Annotation of ``body``, pointing at the characters of the source that show it."""
    start, end, text = evidence
    a = ox.NamedNode(f"{body.value}/evidence")
    target, position, quote_ = (ox.NamedNode(f"{a.value}/{part}") for part in ("target", "position", "quote"))
    g.add(a, RDF_TYPE, NS.oa.Annotation)
    g.add(a, NS.oa.hasBody, body)
    g.add(a, NS.oa.motivatedBy, NS.oa.identifying)
    g.add(a, NS.oa.hasTarget, target)
    g.add(target, RDF_TYPE, NS.oa.SpecificResource)
    g.add(target, NS.oa.hasSource, source)
    g.add(target, NS.oa.hasSelector, position)
    g.add(target, NS.oa.hasSelector, quote_)
    g.add(position, RDF_TYPE, NS.oa.TextPositionSelector)
    g.add(position, NS.oa.start, _count(start))
    g.add(position, NS.oa.end, _count(end))
    g.add(quote_, RDF_TYPE, NS.oa.TextQuoteSelector)
    g.add(quote_, NS.oa.exact, _text(text))
    return a


def _membership_iri(base: str, person: str, org: str) -> ox.NamedNode:
    return _iri(base, "membership", person.split(":", 1)[1], org.split(":", 1)[1])


def meeting_quads(
    view: MeetingView, base: str | None = None, tool: str = "minutes-graph", model: str = ""
) -> list[ox.Quad]:
    """The meeting's named graph: the event, its items, who attended as what, and what was said,
    each fact with the characters of the minutes that show it; and where the graph came from and
    which build (``tool`` and spaCy ``model``) made it, so that replacing the graph replaces that too."""
    base = base or NS.default_base
    named = meeting_graph_iri(base, view.node)
    g = _Quads(named)
    m = _node_iri(base, view.node)
    path = view.node.split(":", 1)[1].split("/")
    source = _source_iri(base, view.sha256)
    g.add(named, NS.prov.wasDerivedFrom, source)
    g.add(named, NS.prov.wasGeneratedBy, _activity_iri(base, tool, model))
    g.add(source, RDF_TYPE, NS.prov.Entity)
    g.add(source, NS.dcterms.identifier, _text(f"sha256:{view.sha256}"))
    g.add(source, NS.dcterms.source, _text(view.source))
    g.add(m, RDF_TYPE, NS.schema.Event)
    g.add(m, RDF_TYPE, NS.mg.Meeting)
    g.add(m, NS.schema.name, _text(view.label))
    if view.date:
        g.add(m, NS.schema.startDate, ox.Literal(view.date, datatype=XSD.date))
    g.add(m, NS.prov.wasDerivedFrom, source)
    if view.organiser:
        g.add(m, NS.schema.organizer, _node_iri(base, view.organiser))
    for item, parent, title, number in view.items:
        i, up = _node_iri(base, item), _node_iri(base, parent)
        g.add(i, RDF_TYPE, NS.schema.Event)
        g.add(i, RDF_TYPE, NS.mg.AgendaItem)
        g.add(i, NS.schema.name, _text(title))
        g.add(i, NS.schema.position, _text(number))
        g.add(up, NS.schema.subEvent, i)
        g.add(i, NS.schema.superEvent, up)
    for person, key, org, posts, evidence in view.attendance:
        p = _node_iri(base, person)
        att = _iri(base, "attendance", *path, person.split(":", 1)[1])
        g.add(att, RDF_TYPE, NS.mg.Attendance)
        g.add(att, NS.mg.meeting, m)
        g.add(att, NS.mg.person, p)
        g.add(att, NS.mg.status, _STATUS[key])
        if key == EdgeKind.ATTENDED:
            g.add(m, NS.schema.attendee, p)
        if org:
            g.add(att, NS.mg.capacity, _membership_iri(base, person, org))
        for post in posts:
            g.add(att, NS.mg.post, _node_iri(base, post))
        g.add(att, NS.mg.evidence, _annotation(g, att, source, evidence))
    for item, topic in view.subjects:
        g.add(_node_iri(base, item), NS.dcterms.subject, _node_iri(base, topic))
    for item, target in view.mentions:
        g.add(_node_iri(base, item), NS.mg.mentions, _node_iri(base, target))
    for item, actor, verb, raised, evidence in view.statements:
        st = _iri(base, "statement", *path, str(evidence[0]), actor.split(":", 1)[1])
        g.add(st, RDF_TYPE, NS.mg.Statement)
        g.add(st, NS.mg.actor, _node_iri(base, actor))
        g.add(st, NS.mg.item, _node_iri(base, item))
        g.add(st, NS.mg.verb, _text(verb))
        for topic in raised:
            g.add(st, NS.dcterms.subject, _node_iri(base, topic))
        g.add(st, NS.mg.evidence, _annotation(g, st, source, evidence))
    return g


# --- what spans meetings -----------------------------------------------------------------------


def _organisation(g: _Quads, base: str, node: str, data: dict) -> None:
    s = _node_iri(base, node)
    g.add(s, RDF_TYPE, NS.org.Organization)
    g.add(s, NS.skos.prefLabel, _text(data["label"]))
    for alias in data.get("aliases", []):
        g.add(s, NS.skos.altLabel, _text(alias))
    g.add(s, NS.mg.inGazetteer, ox.Literal(bool(data.get("in_gazetteer"))))


def _person(g: _Quads, base: str, node: str, data: dict) -> None:
    s = _node_iri(base, node)
    g.add(s, RDF_TYPE, NS.foaf.Person)
    g.add(s, NS.foaf.name, _text(data["label"]))
    for variant in data.get("variants", []):
        if variant != data["label"]:
            g.add(s, NS.skos.altLabel, _text(variant))
    for note in data.get("evidence", []):
        g.add(s, NS.mg.mergeEvidence, _text(note))


def _place(g: _Quads, base: str, node: str, data: dict) -> None:
    s = _node_iri(base, node)
    g.add(s, RDF_TYPE, NS.schema.Place)
    g.add(s, NS.schema.name, _text(data["label"]))


def _role(g: _Quads, base: str, label: str) -> ox.NamedNode:
    role = _iri(base, "role", slug(label) or "role")
    g.add(role, RDF_TYPE, NS.org.Role)
    g.add(role, NS.skos.prefLabel, _text(label))
    return role


def _post(g: _Quads, base: str, graph: nx.MultiDiGraph, node: str, data: dict) -> None:
    s = _node_iri(base, node)
    g.add(s, RDF_TYPE, NS.org.Post)
    g.add(s, NS.skos.prefLabel, _text(data["label"]))
    g.add(s, NS.org.role, _role(g, base, data["label"]))
    for _, org, key in graph.out_edges(node, keys=True):
        if key == EdgeKind.POST_IN:
            g.add(s, NS.org.postIn, _node_iri(base, org))


def _topics(g: _Quads, base: str, graph: nx.MultiDiGraph) -> None:
    """Topics as SKOS concepts of one scheme: the curated themes and the programmes found in the text."""
    scheme = _iri(base, "topic", "scheme")
    g.add(scheme, RDF_TYPE, NS.skos.ConceptScheme)
    g.add(scheme, NS.skos.prefLabel, _text("minutes-graph topics", "en"))
    for node, data in graph.nodes(data=True):
        if data["type"] != NodeKind.TOPIC:
            continue
        t = _node_iri(base, node)
        g.add(t, RDF_TYPE, NS.skos.Concept)
        g.add(t, NS.skos.inScheme, scheme)
        g.add(t, NS.skos.prefLabel, _text(data["label"], "en"))
        for alias in data.get("aliases", []):
            g.add(t, NS.skos.altLabel, _text(alias, "en"))
        g.add(t, NS.mg.curated, ox.Literal(bool(data.get("curated"))))
        for _, parent, key in graph.out_edges(node, keys=True):
            if key == EdgeKind.BROADER:
                g.add(t, NS.skos.broader, _node_iri(base, parent))


def _memberships(g: _Quads, base: str, graph: nx.MultiDiGraph) -> None:
    """org:Membership of each person in each organisation they represented, dated by the meetings
    (of each edge, or of each merged edge of a summary graph)."""
    dates: dict[tuple[str, str], list[str]] = defaultdict(list)
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for person, target, edge in graph.edges(data=True):
        seen = [graph.nodes[m].get("date") or "" for m in edge_meetings(edge)]
        if edge["type"] == EdgeKind.REPRESENTS:
            dates[(person, target)].extend(seen)
        elif edge["type"] == EdgeKind.HOLDS_POST:
            org = next((o for _, o, k in graph.out_edges(target, keys=True) if k == EdgeKind.POST_IN), None)
            if org and graph.nodes[org]["type"] == NodeKind.ORGANISATION:
                dates[(person, org)].extend(seen)
                roles[(person, org)].add(graph.nodes[target]["label"])
    for (person, org), seen in dates.items():
        s = _membership_iri(base, person, org)
        g.add(s, RDF_TYPE, NS.org.Membership)
        g.add(s, NS.org.member, _node_iri(base, person))
        g.add(s, NS.org.organization, _node_iri(base, org))
        for label in sorted(roles[(person, org)]):
            g.add(s, NS.org.role, _role(g, base, label))
        known = sorted(d for d in seen if d)
        if known:
            g.add(s, NS.schema.validFrom, ox.Literal(known[0], datatype=XSD.date))
            g.add(s, NS.schema.validUntil, ox.Literal(known[-1], datatype=XSD.date))


def _activity_iri(base: str, tool: str, model: str) -> ox.NamedNode:
    return _iri(base, "activity", "build", slug(f"{tool} {model}"))


def _activity(g: _Quads, base: str, tool: str, model: str) -> None:
    activity = _activity_iri(base, tool, model)
    agent = _iri(base, "agent", slug(tool))
    g.add(activity, RDF_TYPE, NS.prov.Activity)
    g.add(activity, NS.prov.wasAssociatedWith, agent)
    g.add(activity, NS.mg.spacyPipeline, _text(model))
    g.add(agent, RDF_TYPE, NS.prov.SoftwareAgent)
    g.add(agent, NS.rdfs.label, _text(tool))


def entity_quads(
    graph: nx.MultiDiGraph, base: str | None = None, tool: str = "minutes-graph", model: str = ""
) -> list[ox.Quad]:
    """The entities graph: people, organisations, posts, places, topics and memberships, and the
    build that the meetings' graphs name as theirs. ``graph`` is the whole graph or its summary (the
    same quads from either)."""
    base = base or NS.default_base
    g = _Quads(entities_graph_iri(base))
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
            g.add(_node_iri(base, u), NS.org.subOrganizationOf, _node_iri(base, v))
        elif key == EdgeKind.MEMBER_OF:
            g.add(_node_iri(base, u), NS.org.memberOf, _node_iri(base, v))
    _memberships(g, base, graph)
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
