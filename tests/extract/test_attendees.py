"""Attendee lists in the layouts real minutes use: one a line, run on, and the variants between."""

from __future__ import annotations

import pytest

from extract import extract_meeting, read_document

HEADER = "Board meeting minutes - 3 March 2024\n\n"


def people(meeting):
    return {a.name: a for a in meeting.attendance}


@pytest.fixture(scope="module")
def seed_meetings(nlp, seeds):
    docs = {p.name: read_document(p) for p in sorted(seeds.glob("*.txt"))}
    return {name: extract_meeting(doc, nlp(doc.text)) for name, doc in docs.items()}


def test_one_person_a_line_seed(seed_meetings):
    m = seed_meetings["000_40559a58cf527947.txt"]
    found = people(m)
    assert len(found) == 35
    assert found["Alexis Boon"].honorific == "DAC"
    assert found["Alexis Boon"].organisation.id == "mps"
    assert found["Sophie Linden"].role == "Deputy Mayor for Policing and Crime"
    assert found["Sadiq Khan"].role == "Mayor of London"
    assert [p.id for p in found["Sadiq Khan"].posts] == ["mayor-of-london", "chair"]
    assert found["Darren Rodwell"].organisation.name == "London Borough of Barking and Dagenham"
    assert found["Neal Hazel"].honorific == "Professor"
    assert found["Neal Hazel"].organisation.name == "Salford University"
    assert not found["Neal Hazel"].organisation.in_gazetteer
    assert found["Lynne Owens"].status == "apologies"
    assert found["Lynne Owens"].honorific == "Dame"
    assert found["Lynne Owens"].role == "Deputy Commissioner"
    assert sum(a.status == "apologies" for a in m.attendance) == 7


def test_run_on_seed_list(seed_meetings):
    m = seed_meetings["003_deb8634f0104df3c.txt"]
    found = people(m)
    assert len(found) == 29  # Jade Appleton is listed twice
    assert found["Nick Ephgrave"].honorific == "Assistant Commissioner"
    assert found["Sophie Linden"].role == "Deputy Mayor for Policing and Crime"
    assert found["Dina Pataki"].organisation.name == "Leapwise Consultancy"
    assert found["Ella Watson"].organisation.name == "London Councils"
    assert found["Lisa Ramsarran"].role == "Deputy Chief Crown Prosecutor, Homicide & RASSO North"
    assert found["Ali Picton"].organisation.id == "mayors-private-office"
    assert found["Joan Smith"].role == "Chair of VAWG Board"
    assert found["Jane Garvan"].organisation.id == "mps"
    assert found["Grace Loseby-Morris"].organisation.id == "mopac"
    assert found["Tom Gash"].organisation.name == "Leapwise Consultancy"


def test_every_attendance_points_at_its_text(seed_meetings, seeds):
    for name, m in seed_meetings.items():
        text = read_document(seeds / name).text
        for a in m.attendance:
            assert text[a.span.start : a.span.end] == a.span.text
            assert a.name in a.span.text


@pytest.mark.parametrize(
    ("line", "name", "honorific", "role", "organisation"),
    [
        ("Helen Ball (HB) Deputy Commissioner of the MPS", "Helen Ball", None, "Deputy Commissioner", "mps"),
        ("Will Balakrishnan ((WB) Director, C&P, MOPAC", "Will Balakrishnan", None, "Director", "mopac"),
        ("Louisa Rolfe - MPS (Chair) - AC Met Operations", "Louisa Rolfe", None, "Assistant Commissioner", "mps"),
        (
            "- Claire Waxman CW) - London's Victims' Commissioner",
            "Claire Waxman",
            None,
            "Victims' Commissioner for London",
            None,
        ),
        ("- Cmdr Umer Khan (UK) - City of London Police", "Umer Khan", "Cmdr", "Commander", "city-of-london-police"),
        ("Sara Lewis MPS - Head of Met Prosecutions", "Sara Lewis", None, "Head of Met Prosecutions", "mps"),
        (
            "Nick Ephgrave, Assistant Commissioner, Metropolitan Police Service",
            "Nick Ephgrave",
            None,
            "Assistant Commissioner",
            "mps",
        ),
        (
            "Kilvinder Vigurs (KV) Regional Director, NPS",
            "Kilvinder Vigurs",
            None,
            "Regional Director",
            "probation-service",
        ),
        ("Chair: Cllr Jane Doe, Lambeth", "Jane Doe", "Cllr", "Chair", "lb-lambeth"),
        ("Jane E Garvan, MPS", "Jane E Garvan", None, None, "mps"),
    ],
)
def test_line_layouts(parse, line, name, honorific, role, organisation):
    m = parse(HEADER + "Present\n\n" + line + "\n\n1. Minutes\n\nAgreed.\n")
    assert [a.name for a in m.attendance] == [name]
    a = m.attendance[0]
    assert (a.honorific, a.role) == (honorific, role)
    assert (a.organisation.id if a.organisation else None) == organisation


def test_unknown_organisation_is_kept(parse):
    m = parse(HEADER + "Attendees\nDina Pataki, Safer Streets Partnership\nMo Foster - Prisons\n\nItem 1 - Welcome\n")
    orgs = {a.name: a.organisation for a in m.attendance}
    assert orgs["Dina Pataki"].name == "Safer Streets Partnership"
    assert orgs["Dina Pataki"].id is None
    assert orgs["Mo Foster"].name == "Prisons"


def test_a_shortened_known_name_is_the_known_organisation(parse):
    m = parse(HEADER + "Attendees\nDamian McCleave, Criminal Justice Board\n\nItem 1 - Welcome\n")
    assert m.attendance[0].organisation.id == "lcjb"


def test_same_person_listed_twice_is_one(parse):
    m = parse(HEADER + "Present\n- Nick John (NJ) - MPS\n- Cmdr Nick John (NJ) - MPS\n\nItem 1 - Welcome\n")
    assert [a.name for a in m.attendance] == ["Nick John"]
    assert m.attendance[0].honorific == "Cmdr"


def test_apologies_and_officials_sections(parse):
    text = HEADER + (
        "Present\n\nSadiq Khan (SK) Mayor\n\nApologies\n\nCllr Jas Athwal (JA) London Councils\n\n"
        "Officials in attendance\n\nDoug Flight (DF) Advisor, London Councils\n\n"
        "Welcome and apologies\n\nThe Mayor opened the meeting and welcomed everyone to the board today.\n"
    )
    status = {a.name: a.status for a in parse(text).attendance}
    assert status == {"Sadiq Khan": "present", "Jas Athwal": "apologies", "Doug Flight": "present"}


def test_rules_only_pipeline_reads_both_seed_layouts(blank_nlp, seeds):
    for path in sorted(seeds.glob("*.txt")):
        doc = read_document(path)
        trained_free = extract_meeting(doc, blank_nlp(doc.text))
        assert len(trained_free.attendance) >= 29
        assert "Sophie Linden" in {a.name for a in trained_free.attendance}


JPC = (
    "MINUTES OF THE JOINT POLICING COMMITTEE HELD ON FRIDAY, 10TH MAY, 2019\n\n"
    "MEMBERS :\n\nCouncillors Keller, Costelloe, Mitchell, Pond and Bell\n\n"
    "GARDA NOMINATIONS :\n\nSuperintendent (Ms. A. Magner), Superintendent (Mr. J. Deasy)\n\n"
    "OTHERS :\n\nAllan Bell, Garda C. Fallon\n\n"
    "1. ADOPTION OF MINUTES\n\nSeconded by Councillor P. Keller. The village pond was discussed.\n\n"
    "2. DIVISIONAL REPORT\n\nHe introduced the new Superintendent in Newcastle West, Superintendent Aileen "
    "Magner, who replaced Supt John Deasy and Supt Jim Deasy.\n\n"
    "3. NOTICE OF MOTION SUBMITTED BY COUNCILLOR PAUL KELLER :\n\nThe motion was agreed.\n\n"
    "4. THE VILLAGE POND\n\nA QUESTION FROM COUNCILLOR J. POND was answered.\n"
)


def test_a_surname_or_initials_listed_take_the_fullest_name_the_minutes_give(parse):
    names = [a.name for a in parse(JPC).attendance]
    assert "Paul Keller" in names  # from the heading in capitals, after a title
    assert "Aileen Magner" in names  # from the report, the initial agreeing
    assert "Costelloe" in names  # named nowhere else
    assert "J. Pond" in names  # an initial is fuller than none; "village pond" and "VILLAGE POND" are no names


def test_a_fuller_name_is_not_taken_when_it_may_be_someone_else(parse):
    names = [a.name for a in parse(JPC).attendance]
    assert "J. Deasy" in names  # John or Jim: left as listed
    assert "Bell" in names and "Allan Bell" in names  # another attendee has the surname


def test_a_plural_title_with_its_names_on_a_line_of_its_own_is_no_heading(parse):
    text = (
        "GOVAN COMMUNITY COUNCIL\n\nMINUTES OF GENERAL MEETING\n\nMONDAY 7 FEBRUARY 2023\n\n"
        "Present: Esme Clark, Allan Bell, Gina Preston,\nCouncillors Alam and Dornan\n\n"
        "Councillors present\n\nCllr Bob Fraser\n\n"
        "1. MINUTES OF JANUARY MEETING\n\nThese were moved as correct by Esme Clark and Allan Bell.\n"
    )
    found = people(parse(text))
    assert {"Alam", "Dornan"} <= set(found)
    assert found["Alam"].honorific == "Cllr"
    assert found["Bob Fraser"].role == "Councillor"  # "Councillors present" still heads a list


def test_a_heading_naming_an_organisation_or_its_rank_gives_its_people_that_organisation(parse):
    found = people(parse(JPC))
    assert found["Aileen Magner"].organisation.id == "an-garda-siochana"  # "GARDA NOMINATIONS :"
    assert found["Aileen Magner"].role == "Superintendent"
    assert found["Allan Bell"].organisation is None  # "OTHERS :" names none
    assert found["C. Fallon"].role == "Garda"  # the rank, and with it the force
    assert found["C. Fallon"].organisation.id == "an-garda-siochana"


def test_a_word_before_a_title_qualifies_the_next_persons_title_not_the_last_person(parse):
    text = (
        "Minutes of Stoke Ferry Parish Council Meeting held on Wednesday 14th January 2015\n\n"
        "**Those attending:** Cllr D Clements (Chair), Cllr J Stocking, Borough Cllr C Sampson, "
        "County Cllr M Storey, Mrs J A Taylor (Clerk)\n\n"
        "1. **Apologies** None.\n\n2. **Planning** The Clerk reported on the applications.\n"
    )
    found = people(parse(text))
    assert found["C Sampson"].organisation.name == "Borough"
    assert found["M Storey"].organisation.name == "County"
    assert found["J Stocking"].organisation is None or found["J Stocking"].organisation.name == (
        "Stoke Ferry Parish Council"
    )


def test_the_members_of_a_board_of_directors_represent_its_organisation(parse):
    text = (
        "The Apache Software Foundation\n\nBoard of Directors Meeting Minutes\n\nJanuary 21, 2015\n\n"
        "1. Roll Call\n\n    Directors Present:\n\n        Rich Bowen\n        Doug Cutting\n\n"
        "2. Minutes\n\n    The minutes of the last meeting were approved as submitted.\n"
    )
    meeting = parse(text)
    assert meeting.body.name == "The Apache Software Foundation Board of Directors"
    assert people(meeting)["Rich Bowen"].organisation.name == "The Apache Software Foundation"


def test_the_chair_and_a_rank_the_minutes_give_elsewhere_are_the_persons_posts(parse):
    text = (
        "Ayton Community Council\n\nMinutes of a Meeting held on Tuesday 7 May 2019\n\n"
        "Present:   Kenny Combe   KC   Margaret Carey   MC\nBob Anderson   BA   Rob Weatherston   RW\n\n"
        "The Meeting was Chaired by Kenny Combe.\n\n"
        "1. Police Report\n\nThe council asked for a visit from the Police, preferably Inspector Bob Anderson, "
        "a senior officer of the division.\n\n2. Open Forum\n\nMC advised of works needed at the school.\n"
    )
    found = people(parse(text))
    assert found["Kenny Combe"].role == "Chair"
    assert found["Bob Anderson"].role == "Inspector"
    assert found["Margaret Carey"].role is None


def test_brackets_after_a_name_hold_what_the_person_is_and_before_one_whose_it_is(parse):
    text = (
        "OPEN BOARD MEETING MINUTES\n\nTitle of Meeting   Suffolk Libraries IPS - Board Meeting\n"
        "Date   24th September 2015\n"
        "Attendees   Tony Brown (Chair), Stephen Taylor (SCC), Cllr Sarah Stamp (SCC),\n"
        "Krystal Vittles (Libraries Innovation\nand Development manager), Mandy Wilkinson (Finance Manager)\n\n"
        "GARDA NOMINATIONS :\n\nSergeant (Mr. T. Miniter), Senior Crime & Policing Analyst\n\n(Ms. L. Breen)\n\n"
        "1.   Minutes\n\nThe minutes were approved as a true record of the meeting.\n"
    )
    found = people(parse(text))
    assert found["Stephen Taylor"].organisation.name == "SCC"  # letters that are not his initials
    assert found["Sarah Stamp"].organisation.name == "SCC"
    assert "Libraries Innovation" not in found  # what Krystal Vittles does, no one new
    assert found["L. Breen"].role == "Senior Crime & Policing Analyst"
    assert found["T. Miniter"].role == "Sergeant"


def test_what_the_rest_of_the_minutes_say_of_someone_else_is_not_taken(parse):
    text = (
        "Minutes of Stoke Ferry Parish Council Meeting held in the Parish Memorial Hall on 14th January 2015\n\n"
        "**Present:** Cllrs Smith, Brown and Hall, Mary O'Brien (MOB), Andrew Smythe (Jane Brown deputising), "
        "Mark Storey\n\n"
        "1. **Planning** 22/0123 Mr A Brown, 3 The Street - extension. Letter from Mrs Jane Hall about the path. "
        "CC Mark Storey reported on the highways.\n"
    )
    found = people(parse(text))
    assert {"Brown", "Hall"} <= set(found)  # not the applicant, the letter's writer or the hall
    assert found["Mary O'Brien"].initials == "MOB"  # her initials, no organisation "MOB"
    assert found["Mary O'Brien"].organisation.name == "Stoke Ferry Parish Council"
    assert found["Andrew Smythe"].role is None  # the deputy is no post
    assert found["Mark Storey"].role is None  # "CC" is a county councillor as often as a Chief Constable


def test_a_committee_of_a_board_of_trustees_is_what_its_members_represent(parse):
    text = (
        "Minutes of the Finance Committee of the Board of Trustees\n\nMeeting held on 3 March 2024\n\n"
        "Present:\n\nAnne Black\nJohn White\n\n1. Accounts\n\nThe accounts were approved.\n"
    )
    meeting = parse(text)
    assert people(meeting)["Anne Black"].organisation.name == meeting.body.name


def test_a_heading_that_says_how_people_attended_is_still_a_heading(parse):
    text = (
        "The Harbour Trust\n\nBoard of Directors Meeting Minutes\n\n3 March 2024\n\n"
        "Directors present via Zoom\n\nRich Bowen\nDoug Cutting\n\n1. Minutes\n\nThe minutes were approved.\n"
    )
    assert people(parse(text))["Rich Bowen"].role == "Director"


def test_a_rank_ending_the_line_before_a_name_is_not_that_persons(parse):
    text = (
        "London Crime Reduction Board - 12 July 2023 - Minutes\n\nAttendees\n\n"
        "Dame Lynne Owens, Deputy Commissioner\nDoug Flight, London Councils\n\n"
        "Item 1 - Updates\n\nThe board noted the update from Deputy Commissioner\nDoug Flight on funding.\n"
    )
    assert people(parse(text))["Doug Flight"].role is None


def test_municipal_posts_and_an_office_named_after_a_judge(parse):
    text = (
        "City Council\n\nMinutes of the meeting of 21 January 2025\n\nPresent:\n"
        "J. Morgan\nH. McAlister\nJosh Dodd, Office of the Senior Presiding Judge\n"
        "L. Breen, Senior Crime & Policing Analyst\n\n1. Honours\n\n"
        "His Worship the Mayor recognizes the contributions made to London.\n\n"
        "The Senior Crime and Policing Analyst then gave a brief overview.\n\n"
        "The Cathaoirleach stated that the guidelines apply.\n\nYeas: Mayor J. Morgan, H. McAlister\n"
    )
    meeting = parse(text)
    found = people(meeting)
    assert found["J. Morgan"].role == "Mayor"  # the rank the vote table writes before his name
    assert found["Josh Dodd"].organisation.name == "Office of the Senior Presiding Judge"
    assert set(found) == {"J. Morgan", "H. McAlister", "Josh Dodd", "L. Breen"}  # "Presiding Judge" is no one
    spoken = {s.actor.via.strip(): s.actor.name for s in meeting.statements}
    assert spoken["Mayor"] == "J. Morgan"  # "His Worship the Mayor recognizes..."
    assert spoken["The Senior Crime and Policing Analyst"] == "L. Breen"  # "&" and "and" are one post
    assert meeting.statements[-1].actor.id == "chair"  # the Irish chair, no one holding it here


def test_a_police_and_crime_panel_its_commissioner_and_his_office(parse):
    meeting = parse(
        "WESTSHIRE POLICE AND CRIME PANEL\n\nMINUTES of a meeting of the Westshire Police and Crime Panel held at "
        "County Hall on Thursday 23 November 2023\n\nPRESENT:\nCouncillor R Patel (Chairman)\n"
        "Councillor S Hughes (Vice-Chairman)\n\nALSO PRESENT:\nMr John Campion (Police and Crime Commissioner)\n"
        "Ms Helen Wood (Chief Executive, Office of the Police and Crime Commissioner)\n\n"
        "24. POLICE AND CRIME PLAN UPDATE\n\nThe Commissioner introduced the report.\n"
    )
    found = people(meeting)
    assert found["S Hughes"].role == "Vice-Chair" and found["S Hughes"].organisation is None
    assert found["Helen Wood"].organisation.name == "Office of the Police and Crime Commissioner"
    assert [s.actor.name for s in meeting.statements] == ["John Campion"]  # the one whose post ends so


def test_trustees_and_a_minute_taker(parse):
    meeting = parse(
        "Friends of Marsh Park\nMinutes of the Board of Trustees meeting, 9 February 2024\n\n"
        "Trustees present: Jane Doe (Chair), John Roe (Treasurer), Aisha Bello\n"
        "In attendance: Mary Poe (Chief Executive Officer), Sam Lee (minutes)\n\n1. Finance\n\nJR presented the accounts.\n"
    )
    found = people(meeting)
    assert found["Jane Doe"].role == "Chair"  # what her entry says, over the heading's "Trustee"
    assert found["Aisha Bello"].role == "Trustee"
    assert found["Sam Lee"].role == "minutes"  # a post's label, though in lower case


def test_a_roll_call_of_council_members_and_staff_titled_by_their_posts(parse):
    meeting = parse(
        "CITY COUNCIL REGULAR MEETING MINUTES\nJune 12, 2024\n\nROLL CALL\n"
        "Present: Mayor Linda Alvarez, Mayor Pro Tem Kevin Tran, Council Members Maria Lopez, James Carter and Ruth Kim\n"
        "Staff Present: City Manager Paul Nguyen, City Attorney Sandra Bell, City Clerk Erin Moss\n\n"
        "1. APPROVAL OF MINUTES\n\nMotion by Council Member Lopez, seconded by Council Member Carter, to approve "
        "the minutes. Motion carried 4-0.\n"
    )
    found = people(meeting)
    assert set(found) == {
        "Linda Alvarez", "Kevin Tran", "Maria Lopez", "James Carter", "Ruth Kim", "Paul Nguyen", "Sandra Bell", "Erin Moss"
    }  # fmt: skip
    assert found["Kevin Tran"].role == "Mayor Pro Tem"
    assert found["Maria Lopez"].honorific == "Cllr"
    # The office of clerk is written after a name as often as before it: "City Clerk Erin Moss" stays open.
    assert [found[n].role for n in ("Paul Nguyen", "Sandra Bell")] == ["City Manager", "City Attorney"]
    assert {(s.actor.name, s.verb) for s in meeting.statements} == {("Maria Lopez", "move"), ("James Carter", "second")}


def test_an_irish_municipal_district_its_cathaoirleach_and_its_officials(parse):
    meeting = parse(
        "MINUTES OF THE MONTHLY MEETING OF KILBRIDE MUNICIPAL DISTRICT HELD ON 12TH JUNE 2023\n\n"
        "Cathaoirleach: Cllr. Mary Walsh\n\nMembers Present: Cllr. Sean Daly, Cllr. Aoife Nolan, Cllr. Peter Burke\n\n"
        "Officials Present: Ms. Niamh Byrne, District Manager; Ms. Ciara Quinn, Meetings Administrator\n\n"
        "1. Confirmation of Minutes\n\nOn the proposal of Cllr. Daly, seconded by Cllr. Nolan, the minutes were "
        "confirmed.\n\n2. Roads\n\nCllr. Burke welcomed the works on the Ballyglass road. The Cathaoirleach "
        "thanked the staff.\n"
    )
    found = people(meeting)
    assert found["Mary Walsh"].posts[0].id == "chair"  # the chair, under the label Irish councils use
    assert found["Ciara Quinn"].role == "Meetings Administrator"  # a post, not a person called so
    assert "Meetings Administrator" not in found
    said = {(s.actor.name, s.verb) for s in meeting.statements}
    assert said == {
        ("Sean Daly", "propose"),
        ("Aoife Nolan", "second"),
        ("Peter Burke", "welcome"),
        ("Mary Walsh", "thank"),
    }
    assert all(
        "the minutes were confirmed" in s.sentence.text for s in meeting.statements if s.verb in ("propose", "second")
    )


def test_initials_opening_a_sentence_are_the_person_they_stand_for(parse):
    meeting = parse(
        "Greenlaw Community Council\n\nMinutes of the meeting held on Tuesday 3rd October 2023\n\n"
        "Present: Jim Black (Chair); Alan Scott (Treasurer)\n\n1. Treasurer's report\n\n"
        "The balance stands at £4,312. AS noted that the grant had been received.\n"
    )
    assert [(s.actor.name, s.verb) for s in meeting.statements] == [("Alan Scott", "note")]


def test_attendance_told_in_sentences(parse):
    meeting = parse(
        "Ashby Village Hall Management Committee\n\nMinutes of the meeting held on Wednesday 15 November 2023\n\n"
        "The meeting was attended by Sue Hill (Chair), Bob Green (Treasurer), Carol White and Dan Brown. Also "
        "present was Cllr Ian Fox of Ashby Parish Council.\n\nApologies were received from Eve Black and Frank Stone.\n\n"
        "1. Bookings\n\nDan Brown said bookings were up.\n"
    )
    found = people(meeting)
    assert {n for n, a in found.items() if a.status == "present"} == {
        "Sue Hill", "Bob Green", "Carol White", "Dan Brown", "Ian Fox"
    }  # fmt: skip
    assert {n for n, a in found.items() if a.status == "apologies"} == {"Eve Black", "Frank Stone"}
    assert found["Sue Hill"].role == "Chair" and found["Carol White"].role is None  # "and Dan Brown" is no post
    assert found["Ian Fox"].organisation.name == "Ashby Parish Council"


def test_a_post_written_short_is_the_fuller_one_the_minutes_name(parse):
    meeting = parse(
        "Mayor of London logo\n\nLondon Crime Reduction Board - 27 April 2022 - Minutes\n\nAttendees\n\n"
        "Sadiq Khan (SK) Mayor\nSophie Linden (SL) Deputy Mayor\nDebbie Weekes-Bernard (DWB) Deputy Mayor\n\n"
        "Item 1 - Updates\n\nThe Deputy Mayor for Policing and Crime gave an update. The Metropolitan Police "
        "Service (MPS) provided an update.\n"
    )
    found = people(meeting)
    assert found["Sadiq Khan"].role == "Mayor of London"  # the one mayor the minutes name in full
    assert found["Sadiq Khan"].organisation.id == "gla"
    assert found["Sophie Linden"].role == found["Debbie Weekes-Bernard"].role == "Deputy Mayor"  # two: neither
    assert "Metropolitan Police Service" not in found  # letters that spell a body are no guest's initials
