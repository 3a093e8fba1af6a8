"""Whether two listings of one name can be one person, as far as their organisations say."""

from __future__ import annotations

from dataclasses import replace

from extract import Attendance, Gazetteer, Meeting, slug

__all__ = ["as_stated", "compatible_organisations"]


def as_stated(meeting: Meeting, attendance: Attendance) -> Attendance:
    """The listing as evidence of who someone is: a member of the body that met, listed under it,
    says nothing of the other bodies they belong to (a councillor at the council and at one of its
    committees), so that body counts as no organisation."""
    org, body = attendance.organisation, meeting.body
    if org is not None and body is not None and not org.id and slug(org.name) == slug(body.name):
        return replace(attendance, organisation=None)
    return attendance


# Sharing a government department or the GLA says nothing: MOPAC and TfL are both in the GLA.
_TOO_BROAD = {"department", "authority"}


def _words(name: str) -> set[str]:
    return {w.removesuffix("s") for w in slug(name).split("-") if w not in ("of", "and", "the", "for")}


def compatible_organisations(a: Attendance, b: Attendance, gazetteer: Gazetteer) -> str | None:
    """Why two listings of one name may be one person ("same organisation", ...), or None if they clash.

    Organisations are compatible when one is part of (or a member of, or was succeeded by) the
    other, as a borough council is of London Councils; when they share a parent below the level of a
    department or authority (CPS North and CPS South; NOMS and London Prisons Group, through HMPPS,
    which succeeded NOMS); when one is a board, whose members come from other organisations; or when
    an organisation the gazetteer does not know is named in words of one it knows ("Prisons" and
    London Prisons Group).
    """
    oa, ob = a.organisation, b.organisation
    if oa is None or ob is None:
        return "no organisation to contradict"
    if oa.id and ob.id:
        if oa.id == ob.id:
            return f"same organisation ({oa.name})"
        up_a, up_b = gazetteer.ancestors(oa.id), gazetteer.ancestors(ob.id)
        if oa.id in up_b or ob.id in up_a:
            return f"{oa.name} and {ob.name}: one is part of the other"
        shared = [o for o in up_a if o in up_b and gazetteer.organisations[o].kind not in _TOO_BROAD]
        if shared:
            return f"{oa.name} and {ob.name}: both in {gazetteer.organisations[shared[0]].name}"
        boards = [o for o in (oa, ob) if gazetteer.organisations[o.id].kind == "board"]
        if boards:
            return f"{boards[0].name} is a board, whose members come from other organisations"
        return None
    if slug(oa.name) == slug(ob.name):
        return f"same organisation ({oa.name})"
    known, unknown = (oa, ob) if oa.id else (ob, oa)
    if known.id and any(
        _words(unknown.name) <= _words(name) for org in gazetteer.ancestors(known.id) for name in gazetteer.names(org)
    ):
        return f"'{unknown.name}' names {known.name} or its parent"
    return None
