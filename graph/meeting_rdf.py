"""A meeting's named graph: the event, its items, who attended as what, and what was said, each fact
with the characters of the minutes that show it. Made from its ``MeetingView``: everything of the
networkx graph it depends on, in plain values (so it is made the same from a meeting's fragment or
from the whole graph)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx
import pyoxigraph as ox

from .kinds import ATTENDANCE_EDGES, EdgeKind, split_node
from .memberships import post_organisation
from .rdf_terms import (
    NS,
    RDF_TYPE,
    XSD,
    Quads,
    activity_iri,
    count,
    iri,
    literal,
    meeting_graph_iri,
    membership_iri,
    node_iri,
)

__all__ = ["GraphIndex", "MeetingView", "meeting_view", "meeting_quads", "statement_iri", "source_address"]

_STATUS = {
    EdgeKind.ATTENDED: NS.mg.Present,
    EdgeKind.SENT_APOLOGIES: NS.mg.Apologies,
    EdgeKind.WAS_ABSENT: NS.mg.Absent,
}


class Span(NamedTuple):
    """The characters of the minutes that show a fact."""

    start: int
    end: int
    text: str


class Item(NamedTuple):
    node: str
    parent: str  # the meeting's node, or the item's it is part of
    title: str
    number: str


class Attending(NamedTuple):
    person: str
    relation: EdgeKind  # one of ATTENDANCE_EDGES
    organisation: str | None
    posts: tuple[str, ...]
    capacity: str | None  # the post held in the organisation represented (its membership's), if any
    evidence: Span


class Said(NamedTuple):
    item: str
    actor: str
    verb: str
    topics: tuple[str, ...]  # raised in the sentence
    evidence: Span


@dataclass(frozen=True)
class MeetingView:
    """What a meeting's named graph says, read from the graph: plain values only."""

    node: str
    label: str
    date: str | None
    source: str
    url: str | None  # where it was published, when known
    sha256: str
    organiser: str | None
    items: tuple[Item, ...]
    attendance: tuple[Attending, ...]
    subjects: tuple[tuple[str, str], ...]  # item, topic discussed
    mentions: tuple[tuple[str, str], ...]  # item, who or where it mentions
    statements: tuple[Said, ...]


def _evidence(edge: dict) -> Span:
    return Span(edge["start"], edge["end"], edge["evidence"])


def _item_tree(graph: nx.MultiDiGraph, parent: str) -> list[Item]:
    items = []
    for _, item, key in graph.out_edges(parent, keys=True):
        if key in (EdgeKind.HAS_ITEM, EdgeKind.HAS_PART):
            data = graph.nodes[item]
            items.append(Item(item, parent, data["title"], data["number"]))
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
    attendance = []
    for person, _, key, edge in sorted(graph.in_edges(node, keys=True, data=True)):
        if key in ATTENDANCE_EDGES.values():
            org, posts = edge.get("organisation"), tuple(index.posts.get((person, node), ()))
            held = next((p for p in posts if org and post_organisation(graph, p) == org), None)
            attendance.append(Attending(person, key, org, posts, held, _evidence(edge)))
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
            statements.append(Said(item, actor, edge["verb"], raised, _evidence(edge)))
    organiser = next((t for _, t, k in graph.out_edges(node, keys=True) if k == EdgeKind.ORGANISED_BY), None)
    return MeetingView(
        node,
        data["label"],
        data.get("date"),
        data["source"],
        data.get("url"),
        data["sha256"],
        organiser,
        tuple(items),
        tuple(attendance),
        tuple(subjects),
        tuple(mentions),
        tuple(statements),
    )


def statement_iri(base: str, meeting: str, start: int, actor: str) -> ox.NamedNode:
    """A statement: its meeting, where its sentence starts, and who made it."""
    return iri(base, "statement", *split_node(meeting)[1].split("/"), str(start), split_node(actor)[1])


def source_address(base: str, source: str, url: str | None) -> ox.NamedNode:
    """Where a meeting's minutes are: the address they were published at, else the file under the
    base IRI by its path from the folder the build read (never where this machine keeps it)."""
    if url:
        try:
            return ox.NamedNode(url)
        except ValueError:  # an address that is no IRI (a space in it)
            pass
    return iri(base, "file", *source.split("/"))


def _source_iri(base: str, sha256: str) -> ox.NamedNode:
    return iri(base, "source", sha256[:16])


def _annotation(g: Quads, body: ox.NamedNode, source: ox.NamedNode, evidence: Span) -> ox.NamedNode:
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
    g.add(position, NS.oa.start, count(start))
    g.add(position, NS.oa.end, count(end))
    g.add(quote_, RDF_TYPE, NS.oa.TextQuoteSelector)
    g.add(quote_, NS.oa.exact, literal(text))
    return a


def meeting_quads(
    view: MeetingView, base: str | None = None, tool: str = "minutes-graph", model: str = ""
) -> list[ox.Quad]:
    """The meeting's named graph: the event, its items, who attended as what, and what was said,
    each fact with the characters of the minutes that show it; and where the graph came from and
    which build (``tool`` and spaCy ``model``) made it, so that replacing the graph replaces that too."""
    base = base or NS.default_base
    named = meeting_graph_iri(base, view.node)
    g = Quads(named)
    m = node_iri(base, view.node)
    path = split_node(view.node)[1].split("/")
    source = _source_iri(base, view.sha256)
    g.add(named, NS.prov.wasDerivedFrom, source)
    g.add(named, NS.prov.wasGeneratedBy, activity_iri(base, tool, model))
    g.add(source, RDF_TYPE, NS.prov.Entity)
    g.add(source, NS.dcterms.identifier, literal(f"sha256:{view.sha256}"))
    g.add(source, NS.dcterms.source, source_address(base, view.source, view.url))
    g.add(m, RDF_TYPE, NS.schema.Event)
    g.add(m, RDF_TYPE, NS.mg.Meeting)
    g.add(m, NS.schema.name, literal(view.label))
    if view.date:
        g.add(m, NS.schema.startDate, ox.Literal(view.date, datatype=XSD.date))
    g.add(m, NS.prov.wasDerivedFrom, source)
    if view.organiser:
        g.add(m, NS.schema.organizer, node_iri(base, view.organiser))
    for item, parent, title, number in view.items:
        i, up = node_iri(base, item), node_iri(base, parent)
        g.add(i, RDF_TYPE, NS.schema.Event)
        g.add(i, RDF_TYPE, NS.mg.AgendaItem)
        g.add(i, NS.schema.name, literal(title))
        g.add(i, NS.schema.position, literal(number))
        g.add(up, NS.schema.subEvent, i)
        g.add(i, NS.schema.superEvent, up)
    for person, key, org, posts, held, evidence in view.attendance:
        p = node_iri(base, person)
        att = iri(base, "attendance", *path, split_node(person)[1])
        g.add(att, RDF_TYPE, NS.mg.Attendance)
        g.add(att, NS.mg.meeting, m)
        g.add(att, NS.mg.person, p)
        g.add(att, NS.mg.status, _STATUS[key])
        if key == EdgeKind.ATTENDED:
            g.add(m, NS.schema.attendee, p)
        if org:
            g.add(att, NS.mg.capacity, membership_iri(base, person, org, held))
        for post in posts:
            g.add(att, NS.mg.post, node_iri(base, post))
        g.add(att, NS.mg.evidence, _annotation(g, att, source, evidence))
    for item, topic in view.subjects:
        g.add(node_iri(base, item), NS.dcterms.subject, node_iri(base, topic))
    for item, target in view.mentions:
        g.add(node_iri(base, item), NS.mg.mentions, node_iri(base, target))
    for item, actor, verb, raised, evidence in view.statements:
        st = statement_iri(base, view.node, evidence.start, actor)
        g.add(st, RDF_TYPE, NS.mg.Statement)
        g.add(st, NS.mg.actor, node_iri(base, actor))
        g.add(st, NS.mg.item, node_iri(base, item))
        g.add(st, NS.mg.verb, literal(verb))
        for topic in raised:
            g.add(st, NS.dcterms.subject, node_iri(base, topic))
        g.add(st, NS.mg.evidence, _annotation(g, st, source, evidence))
    return g
