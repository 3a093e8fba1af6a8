"""People the items' text brings into the meeting though no list names them (``extract.guests``)."""

from __future__ import annotations

import pytest

HEADER = (
    "Ayton Community Council\n\nMinutes of the meeting held on 7 May 2019\n\nPresent: Paul Ingram, Alison Currie\n\n"
)


def people(meeting):
    return {a.name: a for a in meeting.attendance}


def test_a_speaker_the_text_brings_in_was_there(parse):
    meeting = parse(
        HEADER + "1. Open Forum\n\nTracey Dick (TD), Chair of the Parent Council, advised of works that were needed "
        "in the playground. Mr Les Bonnett reported that a request for resurfacing was submitted.\n"
    )
    found = people(meeting)
    assert found["Tracey Dick"].status == "present"
    assert found["Tracey Dick"].role == "Chair of the Parent Council"
    assert found["Tracey Dick"].organisation.name == "Parent Council"
    assert found["Les Bonnett"].honorific == "Mr"
    spoken = {s.actor.name: s.actor.attendance for s in meeting.statements}
    assert meeting.attendance[spoken["Tracey Dick"]].name == "Tracey Dick"
    assert meeting.attendance[spoken["Les Bonnett"]].name == "Les Bonnett"


@pytest.mark.parametrize(
    "text",
    [
        "Gordon McKay had written requesting representations be made.",
        "Jane Rowe wrote to the council about the bins.",
        "Ed Sheeran has also agreed to this.",
        "Tom Black attended a conference on policing last week.",
        "Paul Ingram noted that Chris Philpott will attend the next meeting.",
        "The Chair welcomed the news that John Smith had been appointed headteacher.",
        "The Chair welcomed everyone and thanked Mr Bob White for the use of the hall.",
        "Members welcomed the report from Dr Jane Doe on air quality.",
        "The Chairman welcomed the appointment of PC Dave Grant as the new beat officer.",
        "The Chair invited Mr Tim Rice to the next meeting.",
        "The Chair welcomed Mr Bob White's offer to cut the grass.",
        "The Council welcomed Ayton Football Club to the meeting.",
        "Sam Hill, who attended last month's meeting, has since resigned from the council.",
        "Residents including Sam Hill joined in the litter pick in April.",
        "In a letter, Dr Anne Black explained that the road would close.",
        "Mrs Joan Smith was grateful to the council for the new bench.",
        "The applicant, Mr James Wood, proposes a two-storey rear extension.",
        "It was noted that the Annual Parish Meeting was attended by Mr Tim Rice and Mrs Sue Rice.",
    ],
)
def test_people_the_text_tells_of_but_who_were_not_there_are_not_attendees(parse, text):
    assert set(people(parse(HEADER + "1. Business\n\n" + text + "\n"))) == {"Paul Ingram", "Alison Currie"}


def test_correspondence_read_to_the_meeting_brings_no_one(parse):
    meeting = parse(HEADER + "1. Correspondence\n\na) Mrs Jean Hope asked the council to consider a bench.\n")
    assert set(people(meeting)) == {"Paul Ingram", "Alison Currie"}


def test_a_post_named_short_is_not_a_lesser_one(parse):
    meeting = parse(
        "Town Council\n\nMinutes of the meeting held on 3 March 2024\n\nPresent: Cllr K Brown (Deputy Leader), "
        "Ann Lee (Assistant Director)\n\n1. Budget\n\nThe Leader said that the budget was balanced. The Director "
        "reported slippage.\n"
    )
    assert all(s.actor.attendance is None for s in meeting.statements)  # not the deputy, not the assistant


def test_people_invited_to_present_come_from_the_organisation_they_represent(parse):
    meeting = parse(
        HEADER + "1. Presentation\n\nChair invited representatives from Norfolk Constabulary, Inspector Rebecca "
        "Cant, Mr Leigh Jenkins, Business Liaison Manager, and Steph Stearman, Business Liaison Co-ordinator, to "
        "present information on the scheme.\n\nMr Jenkins made a presentation.\n"
    )
    found = people(meeting)
    assert {"Rebecca Cant", "Leigh Jenkins", "Steph Stearman"} <= set(found)
    assert found["Rebecca Cant"].role == "Inspector"
    assert found["Leigh Jenkins"].role == "Business Liaison Manager"
    assert found["Steph Stearman"].role == "Business Liaison Co-ordinator"
    assert {found[n].organisation.name for n in ("Rebecca Cant", "Leigh Jenkins", "Steph Stearman")} == {
        "Norfolk Constabulary"
    }
    assert len(found) == 5  # "Mr Jenkins" who presented is Leigh Jenkins, not someone new


def test_someone_who_attended_to_speak_is_read_over_a_wrapped_line(parse):
    meeting = parse(
        HEADER + "1. Speakers\n\nb)  Susan Burn -- Community Engagement Officer, Govan Housing\n"
        "    Association, attended to describe her role and to strengthen involvement.\n"
    )
    burn = people(meeting)["Susan Burn"]
    assert burn.role == "Community Engagement Officer"
    assert burn.organisation.name == "Govan Housing Association"


def test_an_initial_and_a_surname_name_the_one_attendee_they_fit(parse):
    meeting = parse(
        "Joint Policing Committee\n\nMinutes of the meeting held on 10 May 2019\n\n"
        "Present: Councillor Sean Lynch (in the chair), Cllr B Jones, Councillors Keller and Collins\n\n"
        "1. Recruits\n\nCouncillor S. Lynch, Chairman, thanked the recruits. P. Collins said they did well. "
        "Brian Jones agreed with him.\n\n2. Hedges\n\nMr John Keller of 5 Main Street objected to the hedge.\n"
    )
    spoken = {s.actor.via: s.actor for s in meeting.statements}
    assert meeting.attendance[spoken["Councillor S. Lynch"].attendance].name == "Sean Lynch"
    assert meeting.attendance[spoken["P. Collins"].attendance].name == "Collins"  # listed by surname alone
    assert meeting.attendance[spoken["Brian Jones"].attendance].name == "B Jones"  # the initial the other way
    assert len(meeting.attendance) == 5  # no guest twin of anyone
    keller = next(s.actor for s in meeting.statements if "hedge" in s.sentence.text)
    assert keller.attendance is None or meeting.attendance[keller.attendance].name != "Keller"  # Mr John Keller


def test_what_the_text_says_in_passing_of_someone_listed_without_a_post(parse):
    meeting = parse(
        "Transparency Panel\n\nMinutes of the meeting held on 3 August 2011\n\nPresent:\n"
        "Melissa Case, Ministry of Justice\nGus Jaspert, Home Office\nCllr M Leamon\nCllr S Lintern\n\n"
        "1. Updates\n\nMelissa Case, co-chair of the Transparency Strategic Group, provided an update.\n\n"
        "Gus Jaspert (Deputy Director Local Policing) provided a verbal update.\n\n"
        "Cllrs Leamon, Lintern and proposed councillor Mrs Mann declared an interest.\n"
    )
    found = people(meeting)
    assert found["Melissa Case"].role == "Chair of the Transparency Strategic Group"
    assert found["Melissa Case"].organisation.name == "Ministry of Justice"  # the list's, kept
    assert found["Gus Jaspert"].role.startswith("Deputy Director")  # named by the bracket after him
    assert found["M Leamon"].posts == ()  # the others of the sentence say nothing of him
    assert "Gus Jaspert" in {s.actor.name for s in meeting.statements}  # the name, not the bracket after it


def test_those_who_take_questions_with_the_speaker_are_speakers_too(parse):
    meeting = parse(
        HEADER + "1. Presentation\n\nChair invited Inspector Rebecca Cant and Ms Steph Stearman, Business Liaison "
        "Co-ordinator, to present.\n\nMr Leigh Jenkins made a presentation, and he, Inspector Cant and Ms Stearman "
        "took questions.\n"
    )
    took = {s.actor.name for s in meeting.statements if s.sentence.text.startswith("Mr Leigh Jenkins")}
    assert took == {"Leigh Jenkins", "Rebecca Cant", "Steph Stearman"}


def test_a_group_named_person_by_person_speaks_in_each_of_them(parse):
    meeting = parse(
        "Joint Policing Committee\n\nMinutes of the meeting held on 10 May 2019\n\nPresent: Sergeant C. Dee\n\n"
        "OTHERS :\n\nGarda C. Fallon, Garda R. Cregan and Garda B. Klaric\n\n1. Recruits\n\n"
        "Sergeant C. Dee introduced three new Garda Recruits namely Garda C. Fallon, Garda R. Cregan and\n\n"
        "Garda B. Klaric who gave a briefing on their experience as new Garda Recruits to date.\n"
    )
    gave = {s.actor.name for s in meeting.statements if s.verb == "give"}
    assert gave == {"C. Fallon", "R. Cregan", "B. Klaric"}


def test_a_first_name_the_parser_takes_for_a_modal_is_still_the_name(parse):
    meeting = parse(
        "Transparency Panel\n\nMinutes of the meeting held on 3 August 2011\n\nPresent:\nWill Perrin, Talk About "
        "Local\n\n1. Purpose\n\nWill Perrin was clear on the need for a public debate.\n"
    )
    assert [(s.actor.name, s.actor.attendance) for s in meeting.statements] == [("Will Perrin", 0)]
