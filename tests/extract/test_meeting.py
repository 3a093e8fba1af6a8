"""Meeting-level facts: body, date and agenda items, with the numbering the "Item N" headings give."""

from __future__ import annotations

import datetime as dt

import pytest

from extract import DocumentError


def test_item_numbers_come_from_item_headings_not_outer_numbering(parse):
    text = (
        "London Crime Reduction Board - 12 July 2023 - Minutes\n\nContents\n\n[Item 1 - Welcome](#)\n\n"
        "1. Attendees and apologies\n\nSophie Linden, DMPC\n\nItem 1 - Welcome\n\nAgreed.\n\n"
        "Item 2 - MPS Update\n\n2.a Operational Updates\n\nThe MPS noted demand.\n\n"
        "2. Item 3 - MOPAC's Child First Approach\n\nPresented.\n"
    )
    m = parse(text)
    assert [(i.number, i.title, i.parent) for i in m.items] == [
        ("1", "Welcome", None),
        ("2", "MPS Update", None),
        ("2.a", "Operational Updates", "2"),
        ("3", "MOPAC's Child First Approach", None),
    ]
    assert m.body.id == "lcrb"
    assert m.date == dt.date(2023, 7, 12)
    assert [a.name for a in m.attendance] == ["Sophie Linden"]


def test_publication_date_is_not_the_meeting_date(parse):
    m = parse(
        "Publication date: 1 August 2021\n\nLondon Criminal Justice Board meeting minutes - 25 July 2021\n\n"
        "Present\nAlan Catlin - MOPAC\n\n1. Welcome\nAgreed.\n"
    )
    assert m.date == dt.date(2021, 7, 25)
    assert m.body.id == "lcjb"


def test_unknown_body_is_taken_from_the_title(parse):
    m = parse("Safer Streets Partnership - 3 March 2024 - Minutes\n\nPresent\nJane Doe, MOPAC\n\n1. Welcome\nHello.\n")
    assert (m.body.name, m.body.id) == ("Safer Streets Partnership", None)
    assert m.id == "safer-streets-partnership-2024-03-03"


def test_date_from_file_name_is_a_warned_fallback(parse):
    m = parse(
        "Key information\n\nAttendees\n- Jo Towens (JT) - HMCTS\n\n2. Item 1 - Welcome\nHello.\n",
        name="lcjb-2022-12-06.txt",
    )
    assert m.date == dt.date(2022, 12, 6)
    assert "lcjb-2022-12-06.txt: meeting date taken from the file name" in m.warnings


def test_a_page_that_is_not_minutes_is_refused(parse):
    with pytest.raises(
        DocumentError,
        match=r"^recipe.txt: does not look like minutes \(no meeting date; no attendance section, agenda items or speakers\)$",
    ):
        parse(
            "Lemon cake\n\nMix the flour and the sugar, then bake it for an hour in a warm oven.\n", name="recipe.txt"
        )


@pytest.mark.parametrize(
    ("text", "lacking"),
    [
        ("Notes of the Board\n\nPresent\nJane Doe, MOPAC\n\n1. Welcome\nHello.\n", "no meeting date"),
        (
            "Board newsletter, 3 March 2024\n\nOur garden is in bloom and the café has reopened.\n",
            "no attendance section",
        ),
    ],
)
def test_a_skipped_document_says_what_it_lacked(parse, text, lacking):
    with pytest.raises(DocumentError, match=rf"^notes.txt: does not look like minutes \({lacking}"):
        parse(text, name="notes.txt")


def test_a_council_cabinets_minutes_in_their_common_shape(parse):
    meeting = parse(
        "Minutes of a meeting of the Cabinet held on Tuesday, 14 March 2023 at 7.00 pm\n\n"
        "Present: Councillor Jane Smith (Chair)\nCouncillors Peter Brown, Amina Khan, David Lee and Sarah O'Neill\n\n"
        "Officers: Mark Taylor (Chief Executive), Helen Ward (Director of Finance)\n\n"
        "1. Apologies for Absence\n\nApologies for absence were received from Councillor Robert Hall.\n\n"
        "2. Minutes\n\nRESOLVED: That the minutes of the meeting held on 14 February 2023 be approved.\n\n"
        "3. Treasurer\n\nThe accounts were noted.\n"
    )
    assert meeting.body.name == "Cabinet"  # a long title in lower case is still the title
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Apologies for Absence"),
        ("2", "Minutes"),  # a post's label with no colon is an item's title
        ("3", "Treasurer"),
    ]
    present = {a.name: a for a in meeting.attendance if a.status == "present"}
    assert {"Peter Brown", "Amina Khan", "David Lee", "Sarah O'Neill"} <= set(present)
    assert present["Peter Brown"].organisation is None  # the next councillor is no organisation
    assert [a.name for a in meeting.attendance if a.status == "apologies"] == ["Robert Hall"]
