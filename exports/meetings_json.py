"""``meetings.json``: the typed meeting records with resolved person ids, in the evaluation's shape."""

from __future__ import annotations

import json
from collections.abc import Sequence

from extract import Attendance, Meeting
from graph import Resolution

__all__ = ["meetings_document", "meetings_json"]

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


def _meeting(meeting: Meeting, resolution: Resolution) -> dict:
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
            {"number": item.number, "title": item.title, "parent": item.parent, "start": item.heading.start,
             "end": item.body.end, "topics": [], "statements": []}
            for item in meeting.items
        ],
        "topics": [],
        "warnings": list(meeting.warnings),
    }


def meetings_document(meetings: Sequence[Meeting], resolution: Resolution) -> dict:
    """The whole export as plain data: meetings in date order, then the people they resolve to."""
    ordered = sorted(meetings, key=lambda m: (m.date.isoformat() if m.date else "", m.source))
    return {
        "schema_version": SCHEMA_VERSION,
        "meetings": [_meeting(m, resolution) for m in ordered],
        "people": [{"id": p.id, "name": p.name, "variants": list(p.variants), "evidence": list(p.evidence)}
                   for p in resolution.people.values()],
    }


def meetings_json(meetings: Sequence[Meeting], resolution: Resolution) -> str:
    """``meetings_document`` as indented JSON text."""
    return json.dumps(meetings_document(meetings, resolution), indent=1, ensure_ascii=False) + "\n"
