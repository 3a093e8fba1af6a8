"""``meetings.json``: the typed meeting records with resolved person ids, in the evaluation's shape."""

from __future__ import annotations

import json
from collections.abc import Iterable

from extract import Attendance, Meeting, Statement, TopicMention
from graph import Piece, Resolution, actor_node, topic_node

from .writer import Writer

__all__ = ["MeetingsJson"]

SCHEMA_VERSION = 1


def _attendee(attendance: Attendance, person_id: str) -> dict:
    org = attendance.organisation
    return {
        "person_id": person_id,
        "name": attendance.name,
        "honorific": attendance.honorific,
        "role": attendance.role,
        "posts": [p.name for p in attendance.posts],
        "organisation": org.name if org else None,
        "organisation_id": org.id if org else None,
        "organisation_in_gazetteer": bool(org and org.id),
        "status": attendance.status,
        "start": attendance.span.start,
        "end": attendance.span.end,
        "evidence": attendance.span.text,
    }


def _statement(meeting: Meeting, statement: Statement, resolution: Resolution, labels: dict[str, str]) -> dict:
    return {
        "actor": statement.actor.name,
        "actor_id": actor_node(meeting, statement.actor, resolution),
        "actor_kind": statement.actor.kind,
        "via": statement.actor.via,
        "verb": statement.verb,
        "reporting": statement.reporting,
        "sentence": statement.sentence.text,
        "start": statement.sentence.start,
        "end": statement.sentence.end,
        "topics": [labels[k] for k in statement.topics],
    }


def _labels(mentions: Iterable[TopicMention]) -> dict[str, str]:
    """One label per topic: the scheme's own label where the text used it, else the most specific
    way the text named it ("CJS backlogs" over "backlog")."""
    best: dict[str, tuple[bool, int, str]] = {}
    for t in mentions:
        rank = (t.curated and t.label not in t.alt_labels, len(t.label), t.label)
        if t.key not in best or rank[:2] > best[t.key][:2]:
            best[t.key] = rank
    return {key: rank[2] for key, rank in best.items()}


def _meeting(meeting: Meeting, resolution: Resolution) -> dict:
    labels = _labels(t for t in meeting.topics)

    def item_topics(number: str | None) -> list[str]:
        return list(_labels(t for t in meeting.topics if number is None or t.item == number).values())

    return {
        "id": meeting.id,
        "source": meeting.source,
        "sha256": meeting.sha256,
        "title": meeting.title,
        "body": meeting.body.name if meeting.body else None,
        "body_id": meeting.body.id if meeting.body else None,
        "date": meeting.date.isoformat() if meeting.date else None,
        "attendees": [_attendee(a, resolution.person_of[(meeting.id, i)]) for i, a in enumerate(meeting.attendance)],
        "items": [
            {
                "number": item.number,
                "title": item.title,
                "parent": item.parent,
                "start": item.heading.start,
                "end": item.body.end,
                "topics": item_topics(item.number),
                "statements": [
                    _statement(meeting, s, resolution, labels) for s in meeting.statements if s.item == item.number
                ],
                "mentions": sorted({m.name for m in meeting.mentions if m.item == item.number}),
            }
            for item in meeting.items
        ],
        "topics": item_topics(None),
        "topic_index": [
            {"id": topic_node(t.key), "label": labels[t.key], "curated": t.curated, "alt_labels": list(t.alt_labels)}
            for t in {t.key: t for t in meeting.topics}.values()
        ],
        "warnings": list(meeting.warnings),
    }


def _people(resolution: Resolution) -> list[dict]:
    former: dict[str, list[str]] = {}
    for alias, person in sorted(resolution.aliases.items()):
        former.setdefault(person, []).append(alias)
    return [
        {"id": p.id, "name": p.name, "variants": list(p.variants), "evidence": list(p.evidence)}
        | ({"former_ids": former[p.id]} if p.id in former else {})
        for p in resolution.people.values()
    ]


class MeetingsJson(Writer):
    """The meetings come in date order (the build writes every file so)."""

    name = "meetings.json"
    separator = ",\n"

    @staticmethod
    def part(piece: Piece) -> str | None:
        if piece.meeting is None or piece.resolution is None:
            return None
        entry = json.dumps(_meeting(piece.meeting, piece.resolution), indent=1, ensure_ascii=False)
        return "  " + entry.replace("\n", "\n  ")

    def head(self) -> str:
        return f'{{\n "schema_version": {SCHEMA_VERSION},\n "meetings": [\n'

    def tail(self) -> str:
        people = json.dumps(_people(self.context.resolution), indent=1, ensure_ascii=False).replace("\n", "\n ")
        return f'\n ],\n "people": {people}\n}}\n'
