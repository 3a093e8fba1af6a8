"""Mentions in the discussion resolve to the same people and organisations as the attendee list."""

from __future__ import annotations


def test_mentions_resolve_to_attendees_and_gazetteer(parse):
    m = parse(
        "London Crime Reduction Board - 1 May 2024 - Minutes\n\nAttendees\n\nCllr Jas Athwal, Redbridge\n"
        "Sophie Linden, DMPC\n\nItem 1 - Updates\n\nThe Met and Barking & Dagenham met Councillor Athwal. "
        "The DMPC thanked them.\n"
    )
    found = {(x.kind, x.name) for x in m.mentions}
    assert ("organisation", "Metropolitan Police Service") in found
    assert ("organisation", "London Borough of Barking and Dagenham") in found
    assert ("person", "Jas Athwal") in found
    assert ("person", "Sophie Linden") in found
    assert all(x.item == "1" for x in m.mentions)
