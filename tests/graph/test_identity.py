"""One person across meetings and years: names as people write them, joined on evidence; ids that
never move; the analyst's curation file."""

from __future__ import annotations

import io
import json

import pytest

from exports import MeetingsJson, WriteContext
from extract import load_gazetteer
from graph import Curation, CurationError, PersonIds, entity_base, entity_quads, resolve_people


def minutes(parse, body: str, date: str, people: list[str]):
    text = f"{body} - Minutes of the meeting held on {date}\n\nPresent\n" + "\n".join(people)
    return parse(text + "\n\n1. Welcome\nThe Chair welcomed everyone.\n", name=f"{body}-{date}.txt")


def ids_of(resolution, meetings) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for m in meetings:
        for i, a in enumerate(m.attendance):
            found.setdefault(a.name, set()).add(resolution.person_of[(m.id, i)])
    return found


def one_person(resolution, meetings, *names: str) -> bool:
    ids = ids_of(resolution, meetings)
    return len(set().union(*(ids[n] for n in names))) == 1


@pytest.mark.parametrize(
    ("earlier", "later", "kind"),
    [
        ("Carol Hamilton", "C Hamilton", "initial"),
        ("Gerard Roche", "G. Roche", "initial"),
        ("William Hartley", "Bill Hartley", "nickname"),
        ("Elizabeth Grant", "Liz Grant", "nickname"),
        ("Anthony Okafor", "Tony Okafor", "nickname"),
        ("Reinhild Gorniak", "Reinhild Gorniack", "spelling"),
        ("Seán Lynch", "Sean Lynch", "accent"),
        ("Debbie Weekes-Bernard", "Debbie Weekes Bernard", "hyphen"),
    ],
)
def test_names_as_people_write_them_are_one_person_at_one_body(parse, earlier, later, kind):
    a = minutes(parse, "Ayton Community Council", "7 May 2019", [earlier, "Margaret Carey"])
    b = minutes(parse, "Ayton Community Council", "6 May 2025", [later, "Jackie McColl"])
    resolution = resolve_people([a, b], load_gazetteer())
    assert one_person(resolution, [a, b], earlier, later), kind
    if kind in ("initial", "nickname", "spelling"):
        assert any(later in m for m in resolution.merges)  # the merge says why


def test_a_surname_alone_is_the_one_person_of_that_surname_at_the_body(parse):
    """ "Councillors Keller, Costelloe, Mitchell" one year; "Paul Keller" the next."""
    a = minutes(
        parse, "Ayton Community Council", "7 May 2019", ["Paul Keller", "Margaret Carey", "Séighín Ó Ceallaigh"]
    )
    b = minutes(
        parse,
        "Ayton Community Council",
        "6 May 2025",
        ["Councillors Keller, Costelloe, Ó Ceallaigh, O'Dea and O'Brien"],
    )
    c = minutes(parse, "Harbour Trust Board", "6 May 2025", ["Councillors Carey and Costelloe", "Jackie McColl"])
    resolution = resolve_people([a, b, c], load_gazetteer())
    assert one_person(resolution, [a, b], "Paul Keller", "Keller")
    assert one_person(resolution, [a, b], "Séighín Ó Ceallaigh", "Ó Ceallaigh")  # a surname with its particle
    assert any("'Keller' is 'Paul Keller' by the surname" in m for m in resolution.merges)
    assert not one_person(resolution, [a, c], "Margaret Carey", "Carey")  # another body: nothing says so


def test_first_names_one_letter_apart_are_two_people(parse):
    a = minutes(parse, "Ayton Community Council", "7 May 2019", ["Cara Shaw", "Zara King"])
    b = minutes(parse, "Ayton Community Council", "6 May 2025", ["Carl Shaw", "Tara King"])
    assert len(resolve_people([a, b], load_gazetteer()).people) == 4


def test_a_short_form_without_shared_evidence_is_a_near_miss(parse):
    a = minutes(parse, "Ayton Community Council", "7 May 2019", ["Carol Hamilton"])
    b = minutes(parse, "Harbour Trust Board", "6 May 2025", ["C Hamilton"])
    resolution = resolve_people([a, b], load_gazetteer())
    assert not one_person(resolution, [a, b], "Carol Hamilton", "C Hamilton")
    assert any("'C Hamilton' could be 'Carol Hamilton'" in m for m in resolution.near_misses)


def test_an_initial_two_people_fit_is_left_apart(parse):
    a = minutes(parse, "Ayton Community Council", "7 May 2019", ["Carol Hamilton", "Craig Hamilton"])
    b = minutes(parse, "Ayton Community Council", "6 May 2025", ["C Hamilton"])
    resolution = resolve_people([a, b], load_gazetteer())
    assert len(resolution.people) == 3
    assert any("could be 'Carol Hamilton' or 'Craig Hamilton'" in m for m in resolution.near_misses)


def test_short_and_full_forms_at_one_meeting_are_two_people(parse):
    a = minutes(parse, "Ayton Community Council", "7 May 2019", ["Carol Hamilton", "C Hamilton"])
    assert len(resolve_people([a], load_gazetteer()).people) == 2


def test_someone_who_moved_between_organisations_stays_one_person(parse):
    regulars = ["Jane Doe, MPS", "Amir Khan, CPS", "Lena Park, London Councils"]
    a = minutes(parse, "London Crime Reduction Board", "12 July 2021", ["Sam Okoro, MPS", *regulars])
    b = minutes(parse, "London Crime Reduction Board", "12 July 2023", ["Sam Okoro, MOPAC", *regulars])
    moved = resolve_people([a, b], load_gazetteer())
    assert one_person(moved, [a, b], "Sam Okoro")
    assert any("Sam Okoro moved between organisations" in m for m in moved.merges)
    # at unrelated bodies, or meeting no one in common, namesakes stay two people
    c = minutes(parse, "NHS London Board", "1 March 2024", ["Sam Okoro, NHS England", *regulars])
    d = minutes(parse, "London Crime Reduction Board", "1 March 2024", ["Sam Okoro, NHS England"])
    assert not one_person(resolve_people([a, c], load_gazetteer()), [a, c], "Sam Okoro")
    apart = resolve_people([a, d], load_gazetteer())
    assert not one_person(apart, [a, d], "Sam Okoro")
    assert any("two people called Sam Okoro" in m for m in apart.near_misses)


def test_an_earlier_meeting_added_later_moves_no_id(parse):
    """The brief's case: a new document naming another Sophie Linden must not take her id."""
    later = minutes(parse, "London Crime Reduction Board", "12 July 2023", ["Sophie Linden, MOPAC", "Jane Doe, MPS"])
    first = resolve_people([later], load_gazetteer())
    sophie = first.person_of[(later.id, 0)]
    assert sophie == "sophie-linden"
    earlier = minutes(parse, "NHS London Board", "1 March 2020", ["Sophie Linden, NHS England"])
    known = PersonIds.from_json(first.registry.to_json(), "person-ids.json")
    second = resolve_people([earlier, later], load_gazetteer(), known)
    assert second.person_of[(later.id, 0)] == "sophie-linden"
    assert second.person_of[(earlier.id, 0)] == "sophie-linden--nhs-england"
    assert second.person_of[(later.id, 1)] == first.person_of[(later.id, 1)]


def test_two_registered_people_found_to_be_one_keep_the_old_id_as_an_alias(parse):
    a = minutes(parse, "Ayton Community Council", "7 May 2019", ["Carol Hamilton"])
    b = minutes(parse, "Harbour Trust Board", "6 May 2025", ["C Hamilton"])
    first = resolve_people([a, b], load_gazetteer())
    assert sorted(first.people) == ["c-hamilton", "carol-hamilton"]
    known = PersonIds.from_json(first.registry.to_json(), "person-ids.json")
    curation = Curation.from_yaml("same:\n  - [C Hamilton, carol-hamilton]\n", "people.yaml")
    second = resolve_people([a, b], load_gazetteer(), known, curation)
    assert sorted(second.people) == ["carol-hamilton"]
    assert second.aliases == {"c-hamilton": "carol-hamilton"}
    assert "people.yaml: C Hamilton and carol-hamilton are one person" in second.curated
    quads = entity_quads(entity_base(second, load_gazetteer()), "https://example.org/mg/")
    same = [q for q in quads if q.predicate.value == "http://www.w3.org/2002/07/owl#sameAs"]
    assert [(q.subject.value, q.object.value) for q in same] == [
        ("https://example.org/mg/person/c-hamilton", "https://example.org/mg/person/carol-hamilton")
    ]
    written = io.StringIO()
    MeetingsJson(written, WriteContext("", second)).close()
    (carol,) = json.loads(written.getvalue())["people"]
    assert carol["former_ids"] == ["c-hamilton"]
    # and the alias stays reserved: the registry keeps it, so no one new is ever given it
    third = resolve_people([a, b], load_gazetteer(), PersonIds.from_json(second.registry.to_json(), "ids"), curation)
    assert third.aliases == {"c-hamilton": "carol-hamilton"}


def test_the_curation_file_splits_and_names_people(parse):
    a = minutes(parse, "Ayton Community Council", "7 May 2019", ["Carol Hamilton"])
    b = minutes(parse, "Ayton Community Council", "6 May 2025", ["C Hamilton"])
    assert len(resolve_people([a, b], load_gazetteer()).people) == 1
    curation = Curation.from_yaml(
        "different:\n  - [Carol Hamilton, C Hamilton]\nnames:\n  Carol Hamilton: Carol A. Hamilton\n", "people.yaml"
    )
    resolution = resolve_people([a, b], load_gazetteer(), None, curation)
    assert not one_person(resolution, [a, b], "Carol Hamilton", "C Hamilton")
    assert resolution.people[resolution.person_of[(a.id, 0)]].name == "Carol A. Hamilton"
    assert len(resolution.curated) == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("same: [[only one]]", "two or more names"),
        ("alike: []", "expected the keys same, different and names only"),
        ("same: [a, b", "not YAML"),
        ("names: [x]", "names maps an id or a name"),
    ],
)
def test_a_bad_curation_file_is_one_line(text, message):
    with pytest.raises(CurationError, match=message):
        Curation.from_yaml(text, "people.yaml")


def test_a_registry_that_is_not_one_is_refused_in_one_line():
    with pytest.raises(Exception, match="not a person-id registry"):
        PersonIds.from_json(json.dumps({"people": []}), "person-ids.json")


def test_a_rebuild_with_an_earlier_meeting_keeps_every_id_and_reports_identity(seeds, tmp_path):
    import shutil

    from minutes_graph import BuildSettings, build

    corpus, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(seeds, corpus)
    first = build([corpus], BuildSettings(out=out, jobs=1))
    before = dict(first.resolution.person_of)
    (corpus / "earlier.txt").write_text(
        "NHS London Board - Minutes of the meeting held on 1 March 2020\n\nPresent\n"
        "Sophie Linden, NHS England\nDavid Knight, NHS England\n\n1. Welcome\nThe Chair welcomed everyone.\n",
        encoding="utf-8",
    )
    (corpus / "people.yaml").write_text("names:\n  sophie-linden: Sophie Linden (DMPC)\n", encoding="utf-8")
    second = build([corpus], BuildSettings(out=out, jobs=1))
    after = second.resolution.person_of
    assert all(after[key] == pid for key, pid in before.items())  # no id moved
    assert second.resolution.people["sophie-linden"].name == "Sophie Linden (DMPC)"
    assert "sophie-linden--nhs-england" in second.resolution.people
    report = json.loads(second.files["report.json"].read_text(encoding="utf-8"))
    assert report["people"]["curation"] == [f"{corpus / 'people.yaml'}: sophie-linden is shown as Sophie Linden (DMPC)"]
    registry = json.loads(second.files["person-ids.json"].read_text(encoding="utf-8"))
    assert "sophie-linden" in registry["people"]
