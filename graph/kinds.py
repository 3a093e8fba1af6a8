"""The kinds of node and edge in the graph: one vocabulary for the networkx graph, its files, the RDF
mapping and the viewer (whose styles and relation names ``exports/data/styles.yaml`` keys by them).

String enums: a kind compares equal to its name as text, so graph.json, GraphML and the CSV tables
hold plain names, and a graph read back from them is typed again by ``typed``."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "NodeKind",
    "EdgeKind",
    "MEETING_NODES",
    "ENTITY_EDGES",
    "ATTENDANCE_EDGES",
    "node_id",
    "split_node",
]


class NodeKind(StrEnum):
    MEETING = "meeting"
    ITEM = "item"
    PERSON = "person"
    ORGANISATION = "organisation"
    POST = "post"
    TOPIC = "topic"
    PLACE = "place"


class EdgeKind(StrEnum):
    ORGANISED_BY = "organised_by"
    HAS_ITEM = "has_item"
    HAS_PART = "has_part"
    ATTENDED = "attended"
    SENT_APOLOGIES = "sent_apologies"
    WAS_ABSENT = "was_absent"
    REPRESENTS = "represents"
    HOLDS_POST = "holds_post"
    POST_IN = "post_in"
    PART_OF = "part_of"
    MEMBER_OF = "member_of"
    DISCUSSES = "discusses"
    SPEAKS_ON = "speaks_on"
    RAISES = "raises"
    MENTIONS = "mentions"
    BROADER = "broader"


# A meeting's own nodes; every other node is shared across meetings (the first meeting to name it
# gives its attributes).
MEETING_NODES = frozenset({NodeKind.MEETING, NodeKind.ITEM})
# Edges between shared nodes that no meeting owns: added once, whichever meetings name their ends.
ENTITY_EDGES = frozenset({EdgeKind.POST_IN, EdgeKind.PART_OF, EdgeKind.MEMBER_OF, EdgeKind.BROADER})
# A person's edge to a meeting, by the status the minutes give them.
ATTENDANCE_EDGES = {
    "present": EdgeKind.ATTENDED,
    "apologies": EdgeKind.SENT_APOLOGIES,
    "absent": EdgeKind.WAS_ABSENT,
}


def node_id(kind: NodeKind, ident: str) -> str:
    """The graph's id for a node: its kind and a slug, stable from run to run ("person:sadiq-khan")."""
    return f"{kind}:{ident}"


def split_node(node: str) -> tuple[NodeKind, str]:
    """A node id's kind and slug: the inverse of ``node_id``."""
    kind, _, ident = node.partition(":")
    return NodeKind(kind), ident
