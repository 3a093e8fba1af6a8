"""Meeting records to one networkx MultiDiGraph of typed nodes and edges, each edge with provenance."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from extract import Actor, Attendance, Gazetteer, Meeting, OrganisationRef, PostRef, load_topic_scheme, name_key, slug

from .kinds import ATTENDANCE_EDGES, EdgeKind, NodeKind, node_id, split_node
from .resolve import Resolution

__all__ = [
    "build_graph",
    "meeting_fragment",
    "entity_base",
    "add_fragment",
    "finish_graph",
    "used_organisations",
    "actor_node",
    "topic_node",
]


def _organisation(graph: nx.MultiDiGraph, org: OrganisationRef, gazetteer: Gazetteer) -> str:
    if org.id:
        return node_id(NodeKind.ORGANISATION, org.id)
    ident = node_id(NodeKind.ORGANISATION, slug(org.name))
    if ident not in graph:
        graph.add_node(ident, type=NodeKind.ORGANISATION, label=org.name, in_gazetteer=False, kind="organisation")
    return ident


def _gazetteer_organisations(graph: nx.MultiDiGraph, gazetteer: Gazetteer) -> None:
    for org in gazetteer.organisations.values():
        graph.add_node(
            node_id(NodeKind.ORGANISATION, org.id),
            type=NodeKind.ORGANISATION,
            label=org.name,
            in_gazetteer=True,
            kind=org.kind,
            aliases=list(org.aliases),
        )
    for org in gazetteer.organisations.values():
        for relation, parent in ((EdgeKind.PART_OF, org.part_of), (EdgeKind.MEMBER_OF, org.member_of)):
            if parent:
                graph.add_edge(
                    node_id(NodeKind.ORGANISATION, org.id),
                    node_id(NodeKind.ORGANISATION, parent),
                    key=relation,
                    type=relation,
                    source="gazetteer",
                )


def _post(graph: nx.MultiDiGraph, post: PostRef, org_node: str | None, gazetteer: Gazetteer) -> str:
    """A post is in an organisation: the gazetteer's, else the one the person represents."""
    if post.id and post.organisation_id and post.name == gazetteer.posts[post.id].name:
        ident, in_org = post.id, node_id(NodeKind.ORGANISATION, post.organisation_id)
    else:
        ident = slug(post.name) + (f"--{split_node(org_node)[1]}" if org_node else "")
        in_org = org_node
    pid = node_id(NodeKind.POST, ident)
    if pid not in graph:
        known = gazetteer.posts.get(post.id) if post.id else None
        graph.add_node(
            pid,
            type=NodeKind.POST,
            label=post.name,
            in_gazetteer=known is not None,
            aliases=[a for a in (known.aliases if known else ()) if a != post.name],
        )
        if in_org:
            graph.add_edge(
                pid, in_org, key=EdgeKind.POST_IN, type=EdgeKind.POST_IN, source="gazetteer" if post.id else None
            )
    return pid


def actor_node(meeting: Meeting, actor: Actor, resolution: Resolution) -> str:
    """The node of whoever a statement or mention names: attendees are the resolved person."""
    if actor.kind == NodeKind.PERSON:
        if actor.attendance is not None:
            return node_id(NodeKind.PERSON, resolution.person_of[(meeting.id, actor.attendance)])
        return node_id(NodeKind.PERSON, slug(name_key(actor.name)))
    if actor.kind == NodeKind.POST:
        return node_id(NodeKind.POST, actor.id or slug(actor.name))
    return node_id(NodeKind.ORGANISATION, actor.id or slug(actor.name))


def topic_node(key: str) -> str:
    """Topics are one node across meetings: the scheme's concept id, or the found phrase's key."""
    return node_id(NodeKind.TOPIC, slug(key))


def _ensure_actor(graph: nx.MultiDiGraph, node: str, actor: Actor) -> None:
    """People and posts named only in the discussion get a node of their own (attendees are the
    resolution's)."""
    if node not in graph and actor.attendance is None:
        graph.add_node(
            node,
            type=split_node(node)[0],
            label=actor.name,
            in_gazetteer=actor.id is not None,
            variants=[actor.name],
            evidence=["named in the discussion, not in an attendee list"],
        )


def _sentence_provenance(meeting: Meeting, sentence) -> dict:
    return {
        "meeting": node_id(NodeKind.MEETING, meeting.id),
        "source": meeting.source,
        "start": sentence.start,
        "end": sentence.end,
        "evidence": sentence.text,
    }


def _add_discussion(graph: nx.MultiDiGraph, meeting: Meeting, resolution: Resolution) -> None:
    """Topics, statements and mentions of each item, every edge with the sentence behind it."""

    def item(number: str) -> str:
        return node_id(NodeKind.ITEM, f"{meeting.id}/{number}")

    concepts = load_topic_scheme().concepts
    for t in meeting.topics:
        tid = topic_node(t.key)
        if tid not in graph:
            label = concepts[t.key].label if t.curated else t.label
            graph.add_node(
                tid, type=NodeKind.TOPIC, label=label, curated=t.curated, aliases=list(t.alt_labels), key=t.key
            )
        graph.add_edge(
            item(t.item),
            tid,
            key=f"discusses@{t.sentence.start}",
            type=EdgeKind.DISCUSSES,
            **_sentence_provenance(meeting, t.sentence),
        )
    for s in meeting.statements:
        actor = actor_node(meeting, s.actor, resolution)
        _ensure_actor(graph, actor, s.actor)
        prov = {
            **_sentence_provenance(meeting, s.sentence),
            "verb": s.verb,
            "reporting": s.reporting,
            "via": s.actor.via,
        }
        graph.add_edge(actor, item(s.item), key=f"speaks_on@{s.sentence.start}", type=EdgeKind.SPEAKS_ON, **prov)
        for key in s.topics:
            graph.add_edge(
                actor,
                topic_node(key),
                key=f"raises@{meeting.id}:{s.sentence.start}",
                type=EdgeKind.RAISES,
                item=item(s.item),
                **prov,
            )
    for m in meeting.mentions:
        if m.actor is not None:
            target = actor_node(meeting, m.actor, resolution)
            _ensure_actor(graph, target, m.actor)
        else:
            target = node_id(NodeKind.PLACE, slug(m.name))
            if target not in graph:
                graph.add_node(target, type=NodeKind.PLACE, label=m.name)
        graph.add_edge(
            item(m.item),
            target,
            key=f"mentions@{m.span.start}",
            type=EdgeKind.MENTIONS,
            **_sentence_provenance(meeting, m.sentence),
        )


def _provenance(meeting: Meeting, attendance: Attendance) -> dict:
    return {
        "meeting": node_id(NodeKind.MEETING, meeting.id),
        "source": meeting.source,
        "start": attendance.span.start,
        "end": attendance.span.end,
        "evidence": attendance.span.text,
    }


def _add_meeting(graph: nx.MultiDiGraph, meeting: Meeting, resolution: Resolution, gazetteer: Gazetteer) -> None:
    mid = node_id(NodeKind.MEETING, meeting.id)
    graph.add_node(
        mid,
        type=NodeKind.MEETING,
        label=meeting.title or meeting.id,
        date=meeting.date.isoformat() if meeting.date else None,
        source=meeting.source,
        sha256=meeting.sha256,
        **({"url": meeting.url} if meeting.url else {}),
    )
    if meeting.body:
        graph.add_edge(
            mid,
            _organisation(graph, meeting.body, gazetteer),
            key=EdgeKind.ORGANISED_BY,
            type=EdgeKind.ORGANISED_BY,
            source=meeting.source,
            start=meeting.body.span.start if meeting.body.span else None,
            end=meeting.body.span.end if meeting.body.span else None,
        )
    for item in meeting.items:
        iid = node_id(NodeKind.ITEM, f"{meeting.id}/{item.number}")
        graph.add_node(
            iid,
            type=NodeKind.ITEM,
            label=f"{item.number}. {item.title}",
            number=item.number,
            title=item.title,
            meeting=mid,
            source=meeting.source,
            start=item.heading.start,
            end=item.body.end,
        )
        parent = node_id(NodeKind.ITEM, f"{meeting.id}/{item.parent}") if item.parent else mid
        relation = EdgeKind.HAS_PART if item.parent else EdgeKind.HAS_ITEM
        graph.add_edge(
            parent,
            iid,
            key=relation,
            type=relation,
            source=meeting.source,
            start=item.heading.start,
            end=item.heading.end,
        )
    for index, attendance in enumerate(meeting.attendance):
        person = node_id(NodeKind.PERSON, resolution.person_of[(meeting.id, index)])
        prov = _provenance(meeting, attendance)
        relation = ATTENDANCE_EDGES[attendance.status]
        org = _organisation(graph, attendance.organisation, gazetteer) if attendance.organisation else None
        graph.add_edge(
            person,
            mid,
            key=relation,
            type=relation,
            status=attendance.status,
            role=attendance.role,
            honorific=attendance.honorific,
            organisation=org,
            **prov,
        )
        if org:
            graph.add_edge(person, org, key=f"represents@{meeting.id}", type=EdgeKind.REPRESENTS, **prov)
        for post in attendance.posts:
            target = _post(graph, post, _body_node(graph, mid) if _chairs_this(post, gazetteer) else org, gazetteer)
            graph.add_edge(person, target, key=f"holds_post@{meeting.id}", type=EdgeKind.HOLDS_POST, **prov)


def _chairs_this(post: PostRef, gazetteer: Gazetteer) -> bool:
    """A "Chair" (or "Co-Chair"...) with nothing after it chairs the meeting's own body; "Chair of
    the VAWG Board" chairs what it names, which is the organisation the person is listed with."""
    chair = gazetteer.posts.get("chair")
    return (
        post.id == "chair"
        and chair is not None
        and post.name.casefold() in {n.casefold() for n in (chair.name, *chair.aliases)}
    )


def _body_node(graph: nx.MultiDiGraph, meeting_node: str) -> str | None:
    """The chair of a meeting chairs the board that met."""
    return next((v for _, v, k in graph.out_edges(meeting_node, keys=True) if k == EdgeKind.ORGANISED_BY), None)


def _broader_topics(graph: nx.MultiDiGraph) -> None:
    """skos:broader between scheme concepts that both appear."""
    scheme = load_topic_scheme()
    for node, data in list(graph.nodes(data=True)):
        if data["type"] == NodeKind.TOPIC and data.get("curated"):
            for parent in scheme.concepts[data["key"]].broader:
                if topic_node(parent) in graph:
                    graph.add_edge(
                        node, topic_node(parent), key=EdgeKind.BROADER, type=EdgeKind.BROADER, source="topic scheme"
                    )


def meeting_fragment(meeting: Meeting, resolution: Resolution, gazetteer: Gazetteer) -> nx.MultiDiGraph:
    """One meeting's part of the graph: its meeting and item nodes, every edge it gives evidence for,
    and the shared nodes it introduces with the attributes it gives them. Resolved attendees and
    gazetteer organisations appear only as the bare ends of edges."""
    fragment = nx.MultiDiGraph()
    _add_meeting(fragment, meeting, resolution, gazetteer)
    _add_discussion(fragment, meeting, resolution)
    return fragment


def entity_base(resolution: Resolution, gazetteer: Gazetteer) -> nx.MultiDiGraph:
    """What the graph holds before any meeting: the gazetteer's organisations and the resolved people."""
    graph = nx.MultiDiGraph(name="minutes-graph", aliases=dict(resolution.aliases))  # former person ids
    _gazetteer_organisations(graph, gazetteer)
    for person in resolution.people.values():
        graph.add_node(
            node_id(NodeKind.PERSON, person.id),
            type=NodeKind.PERSON,
            label=person.name,
            variants=list(person.variants),
            evidence=list(person.evidence),
        )
    return graph


def add_fragment(graph: nx.MultiDiGraph, fragment: nx.MultiDiGraph) -> None:
    """A meeting's fragment into the graph: a node or edge already there keeps what it had."""
    graph.add_nodes_from((n, d) for n, d in fragment.nodes(data=True) if d and n not in graph)
    graph.add_edges_from(
        (u, v, k, d) for u, v, k, d in fragment.edges(keys=True, data=True) if not graph.has_edge(u, v, k)
    )


def used_organisations(graph: nx.MultiDiGraph) -> set[str]:
    """Organisations something other than an organisation points at (known by their ids, so a
    fragment's bare ends count too)."""
    org = f"{NodeKind.ORGANISATION}:"
    return {v for u, v in graph.edges() if v.startswith(org) and not u.startswith(org)}


def finish_graph(graph: nx.MultiDiGraph, used: set[str]) -> None:
    """Broader topics, and the gazetteer organisations nobody used dropped (they only clutter the
    graph) unless a used one is part or a member of them."""
    _broader_topics(graph)
    keep = {a for n in used for a in nx.descendants(graph, n) if graph.nodes[a]["type"] == NodeKind.ORGANISATION} | used
    graph.remove_nodes_from(
        [n for n, d in list(graph.nodes(data=True)) if d["type"] == NodeKind.ORGANISATION and n not in keep]
    )


def build_graph(meetings: Sequence[Meeting], resolution: Resolution, gazetteer: Gazetteer) -> nx.MultiDiGraph:
    """The graph of all meetings; people are the resolution's, organisations the gazetteer's or new."""
    graph = entity_base(resolution, gazetteer)
    for meeting in meetings:
        add_fragment(graph, meeting_fragment(meeting, resolution, gazetteer))
    finish_graph(graph, used_organisations(graph))
    return graph
