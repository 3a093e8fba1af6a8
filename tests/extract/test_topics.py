"""Topics: scheme concepts as the minutes name them, programme names and defined acronyms."""

from __future__ import annotations

from extract import load_topic_scheme

MEETING = "Safer Streets Board - 1 May 2024 - Minutes\n\nPresent\n\nJane Doe, MOPAC\n\nItem 1 - Updates\n\n{text}\n"


def topics(parse, text):
    return {(t.key, t.label) for t in parse(MEETING.format(text=text)).topics}


def test_scheme_concepts_are_found_whatever_the_case_and_labelled_as_written(parse):
    found = topics(parse, "Knife crime fell. Gun discharges rose. VAWG remains a priority.")
    assert ("knife-crime", "knife crime") in found
    assert ("gun-crime", "gun discharges") in found
    assert ("vawg", "VAWG") in found


def test_programme_names_are_topics(parse):
    found = topics(
        parse,
        "The Disproportionality Action Plan was discussed, and the Hard Calls Save Lives "
        "Campaign. A New Met for London plan is due. Our London Map will launch.",
    )
    labels = {label for _, label in found}
    assert {
        "Disproportionality Action Plan",
        "Hard Calls Save Lives Campaign",
        "A New Met for London",
        "Our London Map",
    } <= labels


def test_short_name_of_a_programme_is_the_same_topic(parse):
    found = topics(parse, "The Disproportionality Action Plan was discussed. The Action Plan has a new lead.")
    assert {k for k, _ in found if "action plan" in k} == {"disproportionality action plan"}


def test_defined_acronym_links_to_its_expansion(parse):
    m = parse(MEETING.format(text="The Right Care, Right Person (RCRP) model is new. RCRP starts in August."))
    rcrp = [t for t in m.topics if t.key == "right care, right person"]
    assert len(rcrp) == 2
    assert rcrp[0].alt_labels == ("RCRP",)


def test_a_new_board_discussed_is_a_topic_but_not_the_board_meeting(parse):
    m = parse(
        "London Crime Reduction Board - 1 May 2024 - Minutes\n\nPresent\n\nJane Doe, MOPAC\n\n"
        "Item 1 - AOB\n\nThe London Policing Board will meet. The London Crime Reduction Board agreed.\n"
    )
    labels = {t.label for t in m.topics}
    assert "London Policing Board" in labels
    assert "London Crime Reduction Board" not in labels


def test_scheme_is_a_skos_file_with_broader_links():
    scheme = load_topic_scheme()
    assert scheme.concepts["knife-crime"].broader == ("serious-violence",)
    assert scheme.find("VAWG").id == "vawg"
    assert len(scheme.concepts) >= 30


def test_a_meetings_own_subjects_are_topics(parse):
    m = parse(
        "Minutes of Ayton Community Council held on 7 May 2019\n\nPresent: Kenny Combe KC, Margaret Carey MC\n\n"
        "1. Apologies for Absence\nNone.\n\n2. Open Forum\n"
        "\u2022 Peelwalls Meadows - a distressing incident had again raised the issue of safe access.\n\n"
        "3. To consider Budget/Precept for 2015/16\nAgreed.\n\n4. Any Other Business\nNone.\n"
    )
    labels = {t.label for t in m.topics}
    assert {"Peelwalls Meadows", "Budget/Precept for 2015/16"} <= labels
    assert "Open Forum" not in labels  # every community council has one: no subject
    assert not labels & {"Apologies for Absence", "Any Other Business", "To consider Budget/Precept for 2015/16"}


def test_key_phrases_name_subjects_no_title_gives_and_never_people_or_business(parse):
    m = parse(
        "Minutes of Govan Community Council held on 3 July 2023\n\nPresent: Esme Clark, Danny O'Neill\n\n"
        "1. Transport\nEsme Clark said bus franchising would let the council set fares. Bus franchising was "
        "discussed at length, and Danny O'Neill noted that bus franchising needs new powers. The minutes of "
        "the previous meeting were approved.\n\n2. Close\nThe meeting closed.\n"
    )
    labels = {t.label.casefold() for t in m.topics}
    assert "bus franchising" in labels
    assert not any("esme" in label or "minutes" in label or "meeting" in label for label in labels)


def test_a_title_naming_people_or_a_piece_of_a_line_is_no_topic(parse):
    m = parse(
        "Minutes of Stoke Ferry Parish Council held on 14 January 2015\n\nPresent: Cllr D Clements\n\n"
        "1. Councillor Bell\nNothing to report.\n\n2. Question submitted by Councillor Pond\nOn litter.\n\n"
        "3. Grass cutting\nQuotes were sought.\n"
    )
    labels = {t.label for t in m.topics}
    assert "Grass cutting" in labels
    assert not labels & {"Councillor Bell", "Councillor Pond"}


def test_a_person_given_initials_in_passing_is_no_defined_acronym_topic(parse):
    m = parse(
        "Minutes of Ayton Community Council held on 7 May 2019\n\nPresent: Kenny Combe KC, Margaret Carey MC\n\n"
        "1. Open Forum\nCamilla Bailey (CB) advised of three boys who wished to help. CB will report back.\n\n"
        "2. Close\nNone.\n"
    )
    assert "Camilla Bailey" not in {t.label for t in m.topics}
    assert any(s.actor.name == "Camilla Bailey" for s in m.statements)
