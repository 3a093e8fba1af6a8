"""The shapes minutes take beyond the London boards, each written as the real minutes of tests/eval/dev
write it: headings and lists in markdown, labels in capitals, initials in a key, plural titles."""

from __future__ import annotations

import datetime as dt

import pytest


def people(meeting):
    return {a.name: a for a in meeting.attendance}


def test_markdown_front_matter_lists_and_unnumbered_headings(parse):
    m = parse(
        "---\ntitle: Minutes for meeting held Tuesday 6 May 2025\ndate: 2025-05-06\n---\n\n"
        "## Present\n\n- Alan McFadzean \u2014 _Chair_\n- Trevor Smith \u2014 *Secretary*\n- Alison Currie\n\n"
        "## Apologies for Absence\n\n- Cllr A Orr\n\n## Members of the public present\n\n- Paul Cliffe\n\n"
        "## Public Forum\n\nPaul Cliffe asked about the bus shelter.\n\n## Road Closures\n\nNoted.\n",
        name="06_ayton-community-council_2025-05-06.txt",
    )
    found = people(m)
    assert [(a.name, a.status, a.role) for a in m.attendance] == [
        ("Alan McFadzean", "present", "Chair"),
        ("Trevor Smith", "present", "Secretary"),
        ("Alison Currie", "present", None),
        ("A Orr", "apologies", None),
        ("Paul Cliffe", "present", None),
    ]
    assert found["A Orr"].honorific == "Cllr"
    assert [i.title for i in m.items] == ["Apologies for Absence", "Public Forum", "Road Closures"]
    assert m.date == dt.date(2025, 5, 6)
    assert m.body.name == "Ayton Community Council"  # from the file name, said so
    assert any("body taken from the file name" in w for w in m.warnings)
    assert m.title == "Minutes for meeting held Tuesday 6 May 2025"


def test_wrapped_list_with_plural_title_and_escaped_numbers(parse):
    m = parse(
        "GOVAN COMMUNITY COUNCIL\n\nMINUTES OF GENERAL MEETING\n\nMONDAY 3 JULY 2023\n\n"
        "Present: Allan Bell, Esme Clark, Robert\nPreston, Inspector Bob Anderson, Jim Ellis (GCC)\n\n"
        "Apologies: Annie Morgan, Cllrs Alam,\nBell, Dornan and Hutchison, Amanda Brown.\n\n"
        "Minute Secretary: John Foster\n\n1.MINUTES OF JUNE MEETING\n\nThese were moved as correct.\n\n"
        "2\\. DISCUSSION WITH THE POLICE AND CITY COUNCIL REPRESENTATIVES ON\nSERVICES IN GOVAN\n\nNoted.\n",
    )
    found = people(m)
    assert "Robert Preston" in found
    assert found["Jim Ellis"].organisation.name == "GCC"
    assert found["Bob Anderson"].role == "Inspector"
    assert {n: (found[n].status, found[n].honorific) for n in ("Alam", "Bell", "Dornan", "Hutchison")} == {
        n: ("apologies", "Cllr") for n in ("Alam", "Bell", "Dornan", "Hutchison")
    }
    assert found["Amanda Brown"].honorific is None
    assert found["John Foster"].role == "Minute Secretary"
    assert found["Allan Bell"].organisation.name == "Govan Community Council"  # a member of the body that met
    assert found["Alam"].organisation is None  # a councillor may come from another body
    assert [(i.number, i.title) for i in m.items] == [
        ("1", "MINUTES OF JUNE MEETING"),
        ("2", "DISCUSSION WITH THE POLICE AND CITY COUNCIL REPRESENTATIVES ON SERVICES IN GOVAN"),
    ]
    assert (m.body.name, m.date) == ("Govan Community Council", dt.date(2023, 7, 3))


def test_the_documents_key_of_initials_beats_the_gazetteer(parse):
    m = parse(
        "Ayton Community Council\n\nMinutes of a Meeting held on Tuesday 7 May 2019\n\n"
        "Present:   Kenny Combe   KC   Margaret Carey   MC\nCatherine Chisholm   CC   Carol Hamilton (SBC)   CH\n\n"
        "1. Police Report\nKC presented the report.\n\n2. Apologies for Absence\n"
        "Apologies for absence were received from Sarah Woodbury.\n"
    )
    found = people(m)
    assert set(found) == {"Kenny Combe", "Margaret Carey", "Catherine Chisholm", "Carol Hamilton", "Sarah Woodbury"}
    assert (found["Catherine Chisholm"].initials, found["Catherine Chisholm"].role) == (
        "CC",
        None,
    )  # not a Chief Constable
    assert (found["Carol Hamilton"].organisation.name, found["Carol Hamilton"].initials) == ("SBC", "CH")
    assert found["Sarah Woodbury"].status == "apologies"
    assert [i.title for i in m.items] == ["Police Report", "Apologies for Absence"]


def test_one_person_a_line_with_initials_and_organisations_after_a_dash(parse):
    m = parse(
        "Welsh Technical Standards Board\n\nMinutes of the meeting\nThursday 28 March 2019\n\n"
        "Attendees:\nMark Wardle (MW) (Chair)\t\t-\tCardiff and Vale UHB\nAndy Warburton (AWa)\t\t-\tAneurin Bevan UHB\n"
        "Mark Frayne (MF)\t\t-\tNHS Wales Informatics Service\n\nApologies:\n"
        "Ian John (IJ)\t\t-\tNeath Port Talbot County Council\nTom Crick (TC)\t\t-\tSwansea University\n\n"
        "e-Prescribing\n\nMW said that e-prescribing was a foundation to many things, and CW agreed at length.\n\n"
        "Any other business\n\nThere was none, and the meeting closed at five in the afternoon.\n"
    )
    found = people(m)
    assert set(found) == {"Mark Wardle", "Andy Warburton", "Mark Frayne", "Ian John", "Tom Crick"}
    assert (found["Mark Wardle"].initials, found["Mark Wardle"].role) == ("MW", "Chair")
    assert found["Andy Warburton"].initials == "AWa"
    assert found["Mark Frayne"].organisation.name == "NHS Wales Informatics Service"
    assert found["Ian John"].organisation.name == "Neath Port Talbot County Council"
    assert [i.title for i in m.items] == ["e-Prescribing", "Any other business"]


def test_labels_in_capitals_open_lists_of_people(parse):
    m = parse(
        "MINUTES OF PROCEEDINGS AT MEETING OF THE JOINT POLICING\n\nCOMMITTEE HELD IN THE COUNCIL CHAMBER, ON\n\n"
        "FRIDAY, 13TH JULY, 2018 AT 10.00 A.M.\n\nPRESENT IN THE CHAIR :\n\nCouncillor Sean Lynch\n\n"
        "MEMBERS PRESENT :\n\nCouncillors Keller, Costelloe, Ó Ceallaigh and Pond\n\n"
        "GARDA NOMINATIONS :\n\nChief Superintendent (Mr. G. Roche), Superintendent (Mr. D. Smart),\n\n"
        "Senior Crime & Policing Analyst\n\n(Ms. L. Breen)\n\nOFFICIALS IN ATTENDANCE\n\n"
        "Mr. J. Clune, Staff Officer, Corporate Services\n\nAPOLOGIES\n\nMs. M. McElvaney, Adapt Services\n\n"
        "1. Adoption of Minutes\n\nProposed by Councillor Keller.\n\n2. To receive update from Chief Superintendent\n\nNoted.\n"
    )
    found = people(m)
    assert [(p.name, p.id) for p in found["Sean Lynch"].posts] == [("Chair", "chair")]  # "IN THE CHAIR :"
    assert {"Keller", "Costelloe", "Ó Ceallaigh", "Pond"} <= set(found)
    assert found["Keller"].organisation.name == "Joint Policing Committee"  # listed as a member
    assert (found["G. Roche"].role, found["G. Roche"].honorific) == ("Chief Superintendent", "Mr")
    assert found["L. Breen"].role == "Senior Crime & Policing Analyst"
    assert found["J. Clune"].status == "present"
    assert found["M. McElvaney"].status == "apologies"
    assert m.body.name == "Joint Policing Committee"
    assert m.date == dt.date(2018, 7, 13)


def test_roll_call_inside_an_item_and_absent_members(parse):
    m = parse(
        "                    The Apache Software Foundation\n\n                  Board of Directors Meeting Minutes\n\n"
        "                            January 21, 2015\n\n 1. Call to order\n\n    The meeting began at 10:34.\n\n"
        " 2. Roll Call\n\n    Directors Present:\n\n        Rich Bowen\n        Ross Gardler left at 11:04\n\n"
        "    Directors Absent:\n\n        Sam Ruby\n\n    Guests:\n\n        Sean Kelly\n\n"
        " 3. Minutes from previous meetings\n\n    A. The meeting of December 17, 2014\n\n       Approved by General Consent.\n"
    )
    assert [(a.name, a.status, a.role) for a in m.attendance] == [
        ("Rich Bowen", "present", "Director"),
        ("Ross Gardler", "present", "Director"),
        ("Sam Ruby", "absent", "Director"),
        ("Sean Kelly", "present", "Guest"),
    ]
    assert m.date == dt.date(2015, 1, 21)
    assert m.body.name == "The Apache Software Foundation Board of Directors"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("1. **To consider accepting apologies for absence** None.", "To consider accepting apologies for absence"),
        ("**1.ADOPTION OF MINUTES**", "ADOPTION OF MINUTES"),
        ("# 1.&nbsp;&nbsp;&nbsp;Disclosures of Pecuniary Interest", "Disclosures of Pecuniary Interest"),
        ("**7.QUESTION SUBMITTED BY COUNCILLOR JERRY O'DEA:**", "QUESTION SUBMITTED BY COUNCILLOR JERRY O'DEA"),
    ],
)
def test_item_numbering_in_markdown(parse, line, title):
    m = parse(
        f"Minutes of the Parish Council held on 14 January 2015\n\n**Present:** Cllr D Clements\n\n{line}\n\nText.\n\n"
        "**8\\. ANY OTHER BUSINESS**\n\nNone.\n"
    )
    assert (m.items[0].number, m.items[0].title) == (line.split(".")[0].strip("#* "), title)
    assert [a.name for a in m.attendance] == ["D Clements"]


def test_an_item_minuted_out_of_order_is_kept(parse):
    m = parse(
        "Minutes of the Joint Policing Committee held on 10 May 2019\n\nMEMBERS :\n\nCouncillor Sean Lynch\n\n"
        + "".join(f"{n}. ITEM {n}\n\nText.\n\n" for n in (1, 2, 3, 5, 4, 6))
    )
    assert [i.number for i in m.items] == ["1", "2", "3", "5", "4", "6"]


def test_front_matter_of_a_saved_page_gives_title_and_body(parse):
    m = parse(
        "---\ntitle: Crime and Justice Transparency minutes from 3rd August 2011\nlayout: post\n---\n"
        "<html><body><p>Present:</p><p>Dr Kieron O'Hara - CHAIR</p><p>Will Perrin, Talk About Local</p>"
        "<p>Jonathan Bamford, Information Commissioner's Office</p><h3>1. Welcome</h3><p>Hello.</p>"
        "<h3>2. Terms of Reference</h3><p>Agreed.</p></body></html>",
        name="panel.html",
    )
    found = people(m)
    assert found["Will Perrin"].organisation.name == "Talk About Local"
    assert found["Jonathan Bamford"].organisation.name == "Information Commissioner's Office"
    assert (m.body.name, m.date) == ("Crime and Justice Transparency", dt.date(2011, 8, 3))
    assert m.body.span.text == m.body.name  # evidence points at the front matter's words


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ("I. Welcome\n\nHello.\n\nII. Finance\n\nNoted.\n\nIV. Any other business\n\nNone.\n", ["I", "II", "IV"]),
        ("A. Welcome\n\nHello.\n\nB) Finance\n\nNoted.\n\nC. Any other business\n\nNone.\n", ["A", "B", "C"]),
        ("#1 Welcome\n\nHello.\n\n#2 Finance\n\nNoted.\n", ["1", "2"]),
        ("1\n\nWelcome\n\nHello.\n\n2\n\nFinance\n\nNoted.\n", ["1", "2"]),
        ("CAB 23/45 Welcome\n\nHello.\n\nCAB 23/46 Finance\n\nNoted.\n", ["23/45", "23/46"]),
    ],
)
def test_item_numbering_of_every_common_kind(parse, items, expected):
    m = parse(
        f"Minutes of the Parish Council held on 14 January 2015\n\nPresent: Cllr D Clements, Cllr P Denny\n\n{items}"
    )
    assert [i.number for i in m.items] == expected
    assert m.items[0].title == "Welcome"


def test_an_agenda_listed_at_the_top_is_not_a_second_copy_and_attachments_are_no_item(parse):
    m = parse(
        "Minutes of the Board held on 21 January 2015\n\nPresent: Rich Bowen, Doug Cutting\n\nAgenda\n"
        "1. Welcome\n2. Finance\n3. Adjournment\n\n1. Welcome\n\nThe chair welcomed everyone.\n\n"
        "2. Finance\n\nThe accounts were noted.\n\n3. Adjournment\n\nAdjourned at 11:34.\n\n"
        "ATTACHMENTS:\n\nAttachment 1: Report from the Executive Assistant\n\nStickers were ordered.\n"
    )
    assert [(i.number, i.title) for i in m.items] == [("1", "Welcome"), ("2", "Finance"), ("3", "Adjournment")]
    assert "chair welcomed" in m.items[0].body.text
    assert "Stickers" not in m.items[-1].body.text


def test_minutes_with_no_list_of_people_are_never_worse_than_ner(parse):
    m = parse(
        "Minutes of the Allotment Society meeting held on 3 March 2024\n\n"
        "The meeting was chaired by Margaret Thornton and Peter Bellamy took the minutes.\n\n"
        "1. Water supply\n\nThe taps will be fixed.\n"
    )
    assert {a.name for a in m.attendance} == {"Margaret Thornton", "Peter Bellamy"}
    assert any("people named before the first item taken as present" in w for w in m.warnings)
