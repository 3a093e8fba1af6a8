"""``popolo.json``: people, organisations, posts and memberships, meetings and their items as events,
and the statements as speeches, in the Popolo data specification that civic-tech tools read
(mySociety's, Open Civic Data, EveryPolitician). Every id is the object's IRI in the RDF outputs, so
the file read as JSON-LD (Popolo's context maps ``id`` to ``@id``) names what the RDF names; a person,
organisation or event also has its graph node id (as in graph.json and the CSV tables) as its
identifier of scheme ``minutes-graph``."""

from __future__ import annotations

import json

from extract import Meeting
from graph import (
    EdgeKind,
    Membership,
    NodeKind,
    Piece,
    Resolution,
    actor_node,
    membership_iri,
    node_id,
    node_iri,
    source_address,
    statement_iri,
)

from .writer import Spool, Writer

__all__ = ["PopoloJson"]

SCHEME = "minutes-graph"


def _json(value: dict) -> str:
    return "  " + json.dumps(value, ensure_ascii=False)


def _ref(base: str, node: str) -> str:
    return node_iri(base, node).value


def _identified(base: str, node: str, fields: dict) -> dict:
    return {"id": _ref(base, node), **fields, "identifiers": [{"scheme": SCHEME, "identifier": node}]}


def _other_names(label: str, names: list[str]) -> dict:
    others = [n for n in dict.fromkeys(names) if n != label]
    return {"other_names": [{"name": n} for n in others]} if others else {}


def _membership(base: str, found: Membership) -> dict:
    """What the minutes show: no start or end (they never say when a membership began or ended),
    but each meeting it was seen at as a source."""
    return {
        "id": membership_iri(base, found.person, found.organisation, found.post).value,
        "person_id": _ref(base, found.person),
        "organization_id": _ref(base, found.organisation),
        **({"post_id": _ref(base, found.post)} if found.post else {}),
        "sources": [{"url": _ref(base, m), "note": "seen at this meeting"} for m in found.meetings],
    }


def _entities(piece: Piece) -> str:
    base = piece.base
    parent = {u: _ref(base, v) for u, v, k, _ in piece.edges if k == EdgeKind.PART_OF}
    post_in = {u: _ref(base, v) for u, v, k, _ in piece.edges if k == EdgeKind.POST_IN}
    lists: dict[str, list[dict]] = {"persons": [], "organizations": [], "posts": []}
    for node, data in piece.nodes:
        label = data["label"]
        if data["type"] == NodeKind.PERSON:
            lists["persons"].append(
                _identified(base, node, {"name": label, **_other_names(label, data.get("variants", []))})
            )
        elif data["type"] == NodeKind.ORGANISATION:
            fields = {"name": label, **_other_names(label, data.get("aliases", []))}
            fields |= {"classification": data["kind"]} if data.get("kind") else {}
            fields |= {"parent_id": parent[node]} if node in parent else {}
            lists["organizations"].append(_identified(base, node, fields))
        elif data["type"] == NodeKind.POST:
            # Popolo gives a post no identifiers: its id, the IRI, is all there is
            fields = {"label": label, "role": label, **({"organization_id": post_in[node]} if node in post_in else {})}
            lists["posts"].append({"id": _ref(base, node), **fields})
    lists["memberships"] = [_membership(base, m) for m in piece.memberships]
    return ",\n".join(f' "{key}": [\n' + ",\n".join(map(_json, items)) + "\n ]" for key, items in lists.items())


def _events(meeting: Meeting, piece: Piece) -> str:
    """The meeting (organised by its body) and its agenda items, each an event within its parent."""
    base = piece.base
    mid = node_id(NodeKind.MEETING, meeting.id)
    up = {v: u for u, v, k, _ in piece.edges if k in (EdgeKind.HAS_ITEM, EdgeKind.HAS_PART)}
    organiser = next((v for u, v, k, _ in piece.edges if u == mid and k == EdgeKind.ORGANISED_BY), None)
    dated = {"start_date": meeting.date.isoformat()} if meeting.date else {}
    body = {"organization_id": _ref(base, organiser)} if organiser else {}
    events = []
    for node, data in piece.nodes:
        if data["type"] == NodeKind.MEETING:
            fields = {"name": data["label"], "classification": "meeting", **dated, **body}
            published = [{"url": source_address(base, meeting.source, meeting.url).value}] if meeting.url else []
            events.append(_identified(base, node, fields | ({"sources": published} if published else {})))
        elif data["type"] == NodeKind.ITEM:
            fields = {
                "name": data["label"],
                "classification": "agenda item",
                "parent_id": _ref(base, up.get(node, mid)),
            }
            fields |= dated
            events.append(_identified(base, node, fields | body))
    return ",\n".join(map(_json, events))


def _speeches(meeting: Meeting, resolution: Resolution, base: str) -> str:
    """Each statement: who (a person as the speech's creator; an organisation or post only in the
    attribution), in what role at the meeting, under which item, and the sentence."""
    speeches, mid = [], node_id(NodeKind.MEETING, meeting.id)
    for position, said in enumerate(meeting.statements, 1):
        actor = actor_node(meeting, said.actor, resolution)
        listed = meeting.attendance[said.actor.attendance] if said.actor.attendance is not None else None
        speeches.append(
            {
                "id": statement_iri(base, mid, said.sentence.start, actor).value,
                **({"creator_id": _ref(base, actor)} if said.actor.kind == NodeKind.PERSON else {}),
                **({"role": listed.role} if listed and listed.role else {}),
                "attribution_text": said.actor.via or said.actor.name,
                "event_id": _ref(base, node_id(NodeKind.ITEM, f"{meeting.id}/{said.item}")),
                "text": said.sentence.text,
                "type": "summary",  # minutes report what was said, in their own words
                "position": position,
            }
        )
    return ",\n".join(map(_json, speeches))


class PopoloJson(Writer):
    """One JSON object of lists: the entities' piece (which the build writes first) gives the people,
    organisations, posts and memberships; each meeting its events, written as they come, and its
    speeches, spooled until the events are done."""

    name = "popolo.json"
    separator = ",\n"  # between the events

    @staticmethod
    def part(piece: Piece) -> tuple[str, str, str]:
        if piece.meeting is None or piece.resolution is None:
            return _entities(piece), "", ""
        return "", _events(piece.meeting, piece), _speeches(piece.meeting, piece.resolution, piece.base)

    def head(self) -> str:
        self.speeches = Spool(",\n")
        return "{\n"

    def add(self, part: tuple[str, str, str]) -> None:
        entities, events, speeches = part
        if entities:
            self.handle.write(entities + ',\n "events": [\n')
        super().add(events)
        self.speeches.write(speeches)

    def close(self) -> None:
        self.handle.write('\n ],\n "speeches": [\n')
        self.speeches.copy_to(self.handle)
        self.handle.write("\n ]\n}\n")
