"""popolo.json against Popolo's own JSON Schemas (tests/data/popolo, draft-03) and read by a real
Popolo client (everypolitician-popolo), with the ids and IRIs of the other outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft3Validator
from popolo_data.importer import Popolo
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from graph import memberships

SCHEMAS = Path(__file__).parent.parent / "data" / "popolo"
# Popolo defines no schema for a whole file: each list's objects are checked against their type's.
LISTS = {
    "persons": "person",
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
    "speeches": "speech",
}


@pytest.fixture(scope="module")
def popolo(seed_build) -> dict:
    return json.loads(seed_build.files["popolo.json"].read_text(encoding="utf-8"))


def validator(name: str) -> Draft3Validator:
    """A validator for one type whose $refs to the other schemas resolve to the local copies."""
    resources = [
        (f"{host}/schemas/{path.name}", Resource.from_contents(json.loads(path.read_text()), DRAFT3))
        for path in SCHEMAS.glob("*.json")
        for host in ("http://www.popoloproject.com", "http://popoloproject.com")
    ]
    schema = json.loads((SCHEMAS / f"{name}.json").read_text())
    return Draft3Validator(
        schema, registry=Registry().with_resources(resources), format_checker=Draft3Validator.FORMAT_CHECKER
    )


def test_every_object_is_valid_against_its_popolo_schema(popolo):
    assert set(popolo) == set(LISTS)
    for key, name in LISTS.items():
        check = validator(name)
        assert popolo[key], key
        for obj in popolo[key]:
            errors = [e.message for e in check.iter_errors(obj)]
            assert not errors, (key, obj["id"], errors)
    bad = dict(popolo["events"][0], start_date="12 July 2023")  # the schemas do check: a date must be ISO
    assert list(validator("event").iter_errors(bad))


def test_a_popolo_client_reads_every_person_organisation_post_and_membership(seed_build, popolo):
    g = seed_build.graph
    read = Popolo.from_filename(str(seed_build.files["popolo.json"]))
    kinds = [d["type"] for _, d in g.nodes(data=True)]
    assert len(read.persons) == kinds.count("person")
    assert len(read.organizations) == kinds.count("organisation")
    assert len(read.posts) == kinds.count("post")
    assert len(read.memberships) == len(memberships(g))
    assert len(read.events) == kinds.count("meeting") + kinds.count("item")
    for m in read.memberships:  # every link resolves (the client looks a post up only where there is one)
        assert m.person.name and m.organization.name and (m.post_id is None or m.post.label)
    sophie = next(p for p in read.persons if p.name == "Sophie Linden")
    # one membership in each capacity: she held the DMPC post at both meetings, so no bare one
    assert [(m.organization.name, m.post.label) for m in sophie.memberships] == [
        ("Mayor's Office for Policing and Crime", "Deputy Mayor for Policing and Crime")
    ]
    meeting = next(e for e in read.events if e.name.endswith("12 July 2023 - Minutes"))
    assert meeting.organization.name == "London Crime Reduction Board" and str(meeting.start_date) == "2023-07-12"


def test_ids_are_the_rdf_iris_and_identifiers_the_graph_ids(seed_build, popolo):
    nodes = {n["id"] for n in json.loads(seed_build.files["graph.json"].read_text())["graph"]["nodes"]}
    triples = seed_build.files["graph.nt"].read_text(encoding="utf-8")
    for key in LISTS:
        for obj in popolo[key]:
            assert f"<{obj['id']}>" in triples, obj["id"]
            assert all(i["identifier"] in nodes for i in obj.get("identifiers", [])), obj["id"]
    speeches = popolo["speeches"]
    assert len(speeches) == sum(len(m.statements) for m in seed_build.meetings)
    said = next(s for s in speeches if s.get("creator_id", "").endswith("/person/sophie-linden"))
    assert f"<{said['event_id']}>" in triples and said["text"] in triples
