"""People across meetings: one node per person, merged only on evidence."""

from __future__ import annotations

import json

from extract import load_gazetteer
from graph import resolve_people


def test_seed_people_shared_by_both_meetings_are_one(seed_build, gold):
    shared = json.loads((gold / "cross_meeting.json").read_text())["same_person_across_meetings"]
    ids = {}
    for m in seed_build.meetings:
        for k, a in enumerate(m.attendance):
            ids.setdefault(a.name.replace("Jane E Garvan", "Jane Garvan"), set()).add(
                seed_build.resolution.person_of[(m.id, k)]
            )
    for name in shared:
        assert len(ids[name]) == 1, name
    owners = {}
    for name, found in ids.items():
        for pid in found:
            assert owners.setdefault(pid, name) == name, f"{name} and {owners[pid]} share {pid}"


def test_merges_say_why(seed_build):
    rodwell = seed_build.resolution.people["darren-rodwell"]
    assert any("London Councils" in reason and "part of" in reason for reason in rodwell.evidence)


def _meeting(parse, date, lines):
    return parse(
        f"Board meeting minutes - {date}\n\nPresent\n" + "\n".join(lines) + "\n\n1. Welcome\nHello.\n",
        name=f"{date}.txt",
    )


def test_same_name_at_unrelated_organisations_stays_two_people(parse):
    a = _meeting(parse, "1 May 2023", ["John Smith, MPS"])
    b = _meeting(parse, "1 June 2023", ["John Smith, NHS England"])
    resolution = resolve_people([a, b], load_gazetteer())
    assert len(resolution.people) == 2
    assert sorted(resolution.people) == ["john-smith", "john-smith--nhs-england"]


def test_one_letter_typo_merges_only_inside_one_organisation(parse):
    a = _meeting(parse, "1 May 2023", ["Claudia Sturt, YJB", "Racheal Robathan, London Councils"])
    b = _meeting(parse, "1 June 2023", ["Claudia Strut, YJB", "Rachael Robathan, MOPAC"])
    resolution = resolve_people([a, b], load_gazetteer())
    ids = {a.attendance[i].name: resolution.person_of[(a.id, i)] for i in range(2)}
    ids2 = {b.attendance[i].name: resolution.person_of[(b.id, i)] for i in range(2)}
    assert ids["Claudia Sturt"] == ids2["Claudia Strut"]
    assert ids["Racheal Robathan"] != ids2["Rachael Robathan"]


def test_two_spellings_at_one_meeting_are_two_people(parse):
    a = _meeting(parse, "1 May 2023", ["Claudia Sturt, YJB", "Claudia Strut, YJB"])
    assert len(resolve_people([a], load_gazetteer()).people) == 2


def test_doubled_letter_in_a_short_name_merges_but_another_vowel_does_not(parse):
    a = _meeting(parse, "1 May 2023", ["Mat Pickering, MOPAC", "Tim Smith, MOPAC"])
    b = _meeting(parse, "1 June 2023", ["Matt Pickering, MOPAC", "Tom Smith, MOPAC"])
    resolution = resolve_people([a, b], load_gazetteer())
    assert resolution.person_of[(a.id, 0)] == resolution.person_of[(b.id, 0)]
    assert resolution.person_of[(a.id, 1)] != resolution.person_of[(b.id, 1)]


def test_successor_bodies_boards_and_plain_words_are_evidence(parse):
    a = _meeting(parse, "1 May 2021", ["Gary Poole NOMS", "Damian McCleave, HMCTS"])
    b = _meeting(parse, "1 June 2021", ["Gary Poole - Prisons", "Damian McCleave, Criminal Justice Board"])
    c = _meeting(parse, "1 July 2022", ["Gary Poole - London Prisons Group", "Alan Jones - MOPAC"])
    d = _meeting(parse, "1 August 2022", ["Alan Jones - Transport for London"])
    resolution = resolve_people([a, b, c, d], load_gazetteer())
    assert sorted(resolution.people) == ["alan-jones", "alan-jones--tfl", "damian-mccleave", "gary-poole"]
    evidence = " | ".join(resolution.people["gary-poole"].evidence)
    assert "'Prisons' names National Offender Management Service" in evidence
    assert "both in HM Prison and Probation Service" in evidence


_EVIDENCE_SCRIPT = """
from extract import document_from_bytes, extract_meeting, load_gazetteer, load_pipeline
from graph import resolve_people
nlp = load_pipeline("blank")
rows = [("1 May", "Carl Moore, London Borough of Redbridge"), ("1 June", "Carl Moore, London Borough of Hillingdon"),
        ("1 July", "Carl Mooer, London Borough of Hillingdon"), ("1 August", "Carl Mooer, London Borough of Redbridge")]
meetings = []
for date, line in rows:
    text = f"Board meeting minutes - {date} 2023\\n\\nPresent\\n{line}\\n\\n1. Welcome\\nHello.\\n"
    document = document_from_bytes(f"{date}.txt", text.encode())
    meetings.append(extract_meeting(document, nlp(document.text)))
people = resolve_people(meetings, load_gazetteer()).people
print(sorted((p.id, p.evidence) for p in people.values()))
"""


def test_resolution_does_not_depend_on_the_hash_seed():
    """Merges and their reasons are the same in every process (workers, reruns), whatever order
    Python's per-process string hashing gives to sets."""
    import os
    import subprocess
    import sys

    answers = {
        subprocess.run(
            [sys.executable, "-c", _EVIDENCE_SCRIPT],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(4)
    }
    assert len(answers) == 1, answers
    assert "spelling" in answers.pop()


def test_a_member_of_a_council_and_of_its_committee_is_one_person(parse):
    committee = parse(
        "2nd Meeting of the Community and Protective Services Committee - 6 January 2025\n\n"
        "Present: D. Ferreira, H. McAlister\n\n1. Consent\nApproved.\n",
        name="committee.txt",
    )
    council = parse(
        "2nd Meeting of City Council - 21 January 2025\n\nPresent: J. Morgan, H. McAlister\n\n1. Recognitions\nNoted.\n",
        name="council.txt",
    )
    assert [a.organisation.name for a in committee.attendance] == ["Community and Protective Services Committee"] * 2
    assert council.attendance[1].organisation.name == "City Council"
    resolution = resolve_people([committee, council], load_gazetteer())
    assert resolution.person_of[(committee.id, 1)] == resolution.person_of[(council.id, 1)] == "h-mcalister"
