"""Statements: actors from the dependency parse, posts resolved to their holders, no guessed actors."""

from __future__ import annotations

import pytest

MEETING = (
    "London Crime Reduction Board - 12 July 2023 - Minutes\n\nAttendees\n\nSophie Linden, DMPC\n"
    "Professor Neal Hazel, Salford University\n\nItem 1 - Updates\n\n{text}\n"
)


def statements(parse, text):
    return [(s.actor.kind, s.actor.name, s.verb) for s in parse(MEETING.format(text=text)).statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The DMPC updated that the new board will meet in autumn.", ("person", "Sophie Linden", "update")),
        (
            "The MPS noted the extraordinary demand on 999 calls.",
            ("organisation", "Metropolitan Police Service", "note"),
        ),
        ("CPS North updated that the Magistrates court has now recovered.", ("organisation", "CPS North", "update")),
        ("Professor Neal Hazel presented the Child First Approach.", ("person", "Neal Hazel", "present")),
        ("An update on robbery was provided by the MPS.", ("organisation", "Metropolitan Police Service", "provide")),
        # A post no attendee holds is named as the minutes name it; its id is the gazetteer's.
        ("The Mayor welcomed the partners.", ("post", "Mayor", "welcome")),
        ("Our Vice Chair reported on the buses.", ("post", "Vice Chair", "report")),
        # A rank before a name not on the list: the name, apostrophe and all.
        ("Garda Brian O'Dwyer gave the presentation.", ("person", "Brian O'Dwyer", "give")),
        # A view the minutes report with "was".
        ("Professor Hazel was concerned that the data were late.", ("person", "Neal Hazel", "be concerned")),
        ("The DMPC was clear on the need for a public debate.", ("person", "Sophie Linden", "be clear")),
    ],
)
def test_actor_and_verb(parse, text, expected):
    assert statements(parse, text) == [expected]


def test_a_post_keeps_the_gazetteer_id(parse):
    (said,) = parse(MEETING.format(text="The Mayor welcomed the partners.")).statements
    assert said.actor.id == "mayor"  # a mayor: which one, the meeting says (no one holds it here)


@pytest.mark.parametrize(
    "text",
    [
        "An update was provided.",
        "It was reported that the relationship with the MPS had improved.",
        "A New Met for London plan is due to launch soon.",
        "Three new Garda Recruits gave a briefing on their first year.",  # people of a rank, no one named
        "CASTLECONNELL GARDA STATION PROVIDING COVER TO ANNACOTTY.",  # a heading in capitals
        "The report was clear and the partners were pleased.",  # no one's view
    ],
)
def test_no_actor_is_guessed(parse, text):
    assert statements(parse, text) == []


def test_statement_keeps_its_sentence_and_topics(parse):
    m = parse(MEETING.format(text="Intro here.\n\nThe MPS highlighted that knife crime fell. Other news followed."))
    [s] = m.statements
    assert s.sentence.text == "The MPS highlighted that knife crime fell."
    assert s.item == "1"
    assert s.reporting
    assert s.topics == ("knife-crime",)


def test_rules_only_pipeline_finds_no_statements(parse, blank_nlp):
    m = parse(MEETING.format(text="The MPS noted the demand."), pipeline=blank_nlp)
    assert m.statements == ()
    assert [a.name for a in m.attendance] == ["Sophie Linden", "Neal Hazel"]


def test_initials_resolve_and_the_board_as_a_whole_is_no_speaker(parse):
    m = parse(
        "London Criminal Justice Board meeting minutes - 6 December 2022\n\nAttendees and apologies\n"
        "- Tamara Barnett (TB) - MOPAC\n- Sophie Linden (SL) - Deputy Mayor\n\n2. Item 1 - Welcome and minutes\n"
        "TB provided updates on the actions from the previous meeting.\n\nThe Board agreed the previous minutes.\n"
    )
    assert {(s.actor.name, s.verb) for s in m.statements} == {("Tamara Barnett", "provide")}
    assert m.attendance[0].initials == "TB"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Only speech acts: what an organisation has, needs or will do is not something it said.
        ("All Borough Command Units will have at least one additional officer.", []),
        ("The London Policing Board will sit at the top of the oversight.", []),
        # A reported clause is the speaker's, not its subject's.
        ("The DMPC updated that MOPAC received over 300 applicants.", [("Sophie Linden", "update")]),
        # "he" and "she" are the last person who spoke under the item.
        (
            "Professor Neal Hazel presented the approach. He explained that it was new.",
            [("Neal Hazel", "present"), ("Neal Hazel", "explain")],
        ),
        # An action to come, or an action item, is no speech.
        ("Professor Neal Hazel will present the approach next time.", []),
        ("Neal Hazel: Update the website with the new approach.", []),
        # A guest the list does not name speaks under his title and surname, and "he" after him is
        # him, not the last attendee who spoke (one sentence, credited once).
        (
            "Professor Neal Hazel presented the approach. Mr Jenkins then spoke, and he explained the costs.",
            [("Neal Hazel", "present"), ("Jenkins", "speak")],
        ),
        (
            "Professor Neal Hazel presented the approach. Mr Jenkins then spoke. He explained the costs.",
            [("Neal Hazel", "present"), ("Jenkins", "speak"), ("Jenkins", "explain")],
        ),
        # Initials the minutes give a guest in passing name that guest later, before any
        # gazetteer reading of the letters (TD is no Teachta Dala here).
        (
            "Tracey Dick (TD) attended. TD advised the meeting of the bid.",
            [("Tracey Dick", "advise")],
        ),
        # A semicolon parts two clauses the parser hangs on one another; a surname after a title.
        (
            "Cllr Hazel proposed approval; Cllr Linden seconded; carried.",
            [("Neal Hazel", "propose"), ("Sophie Linden", "second")],
        ),
        (
            "Acceptance was proposed by Cllr Hazel; seconded Cllr Linden.",
            [("Neal Hazel", "propose"), ("Sophie Linden", "second")],
        ),
        # A verb set off by a comma after a name and its post is that person's.
        ("Neal Hazel (NH), Chair of the Youth Panel, advised of works needed.", [("Neal Hazel", "advise")]),
        # A verb with a noun of speech for its object is a speech act, named with the noun.
        ("NH had discussions with the council roads officers.", [("Neal Hazel", "have discussion")]),
        # The subject nearest the verb, never across a dash: "Housing - NH updated".
        ("Fifty Houses Development (Beanburn Drive) - NH updated the meeting.", [("Neal Hazel", "update")]),
        # Each of two speakers joined by "and" speaks.
        (
            "The minutes were moved as correct by Sophie Linden and Neal Hazel.",
            [("Sophie Linden", "move"), ("Neal Hazel", "move")],
        ),
        # Motions: proposer and seconder, each a statement of the same sentence.
        (
            "Proposed by Professor Neal Hazel, seconded by Sophie Linden.",
            [("Neal Hazel", "propose"), ("Sophie Linden", "second")],
        ),
    ],
)
def test_speech_acts(parse, text, expected):
    found = [(s.actor.name, s.verb) for s in parse(MEETING.format(text=text)).statements]
    assert sorted(found) == sorted(expected)


def test_a_sentence_wrapped_over_lines_is_one(parse):
    m = parse(MEETING.format(text="The MPS noted that demand on 999 calls had\nrisen again over the summer.\n\nNext."))
    [s] = m.statements
    assert s.sentence.text == "The MPS noted that demand on 999 calls had\nrisen again over the summer."


def test_an_organisation_outside_the_gazetteer_can_speak(parse):
    m = parse(MEETING.format(text="The Defence Community raised that the pink forms are no longer available."))
    assert [(s.actor.kind, s.actor.name, s.actor.id) for s in m.statements] == [
        ("organisation", "Defence Community", None)
    ]


def test_the_documents_key_names_the_speaker(parse):
    m = parse(
        "Welsh Technical Standards Board\n\nMinutes of the meeting\nThursday 28 March 2019\n\n"
        "Attendees:\nMark Wardle (MW) (Chair) - Cardiff and Vale UHB\nCatherine Chisholm (CC) - Ayton Community Council\n"
        "Jacob Kaplan-Moss - Django Software Foundation\n\n"
        "1. Prescribing\n\nMW said that e-prescribing was a foundation to many things.\n\n"
        "CC reported that the speed limit had been raised with the council.\n\n"
        "JKM noted that the fellows had been consulted.\n\nJacob explained the working group's charter.\n"
    )
    said = {s.sentence.text.split()[0]: (s.actor.kind, s.actor.name) for s in m.statements}
    assert said["MW"] == ("person", "Mark Wardle")
    assert said["CC"] == ("person", "Catherine Chisholm")  # the key, not the gazetteer's Chief Constable
    assert said["JKM"] == ("person", "Jacob Kaplan-Moss")
    assert said["Jacob"] == ("person", "Jacob Kaplan-Moss")


def test_a_post_with_its_holder_in_brackets_and_the_body_by_its_letters(parse):
    m = parse(
        "Minutes of the Ayton Community Council held on 6 May 2025\n\nGARDA NOMINATIONS :\n\n"
        "Superintendent (Mr. D. Smart), Superintendent (Mr. E. O'Neill)\n\n1. Police report\n\n"
        "Superintendent (Mr. D. Smart) stated that there are four guards attached to the station.\n\n"
        "The CC agreed to support this campaign.\n"
    )
    assert [(s.actor.name, s.verb) for s in m.statements] == [("D. Smart", "state")]


def test_an_office_in_lower_case_is_its_holder(parse):
    text = (
        "Crime and Justice Transparency Panel minutes, 3 August 2011\n\nPresent:\n\n"
        "Dr Kieron O'Hara - CHAIR\nWill Perrin, Talk About Local\n\n1. Welcome\n\n"
        "The purpose of the Panel was outlined by the chair.\n"
    )
    assert [(s.actor.name, s.verb) for s in parse(text).statements] == [("Kieron O'Hara", "outline")]
