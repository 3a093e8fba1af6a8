"""The analysts' questions, asked of the seed graph after a round trip through graph.json."""

from __future__ import annotations

import networkx as nx
import pytest

from exports import GraphJson, graph_text
from graph import (
    UnknownName,
    graph_from_json,
    graph_stats,
    organisation_profile,
    person_profile,
    topic_profile,
    who_discussed,
)


@pytest.fixture(scope="module")
def g(seed_build):
    return graph_from_json(graph_text(GraphJson, seed_build.graph))


def test_graph_json_round_trip(seed_build, g):
    assert nx.utils.graphs_equal(g, seed_build.graph)
    assert sorted(g.edges(keys=True, data=True)) == sorted(seed_build.graph.edges(keys=True, data=True))
    assert dict(g.nodes(data=True)) == dict(seed_build.graph.nodes(data=True))


def test_who_discussed_a_topic_with_evidence(g):
    label, rows = who_discussed(g, "the London Policing Board")
    assert label == "London Policing Board"
    sophie = [r for r in rows if r.actor == "Sophie Linden"]
    assert sophie and sophie[0].verb == "update" and sophie[0].date == "2023-07-12"
    assert sophie[0].sentence.startswith("The DMPC updated")
    assert sophie[0].source.endswith("000_40559a58cf527947.txt")


def test_person_profile(g):
    p = person_profile(g, "cllr DARREN rodwell")
    assert [d for d, *_ in p.attendance] == ["2021-07-06", "2023-07-12"]
    assert {o for o, *_ in p.organisations} == {"London Councils", "London Borough of Barking and Dagenham"}
    assert ("Sadiq Khan", 2) in p.met


def test_topic_profile_and_acronyms(g):
    t = topic_profile(g, "RCRP")
    assert t.name == "Right Care, Right Person"
    assert t.raised_by and t.raised_by[0][0] == "Metropolitan Police Service"


def test_organisation_profile_by_acronym(g):
    o = organisation_profile(g, "MPS")
    assert o.name == "Metropolitan Police Service"
    assert ("Jane Garvan", "2021-07-06", "2023-07-12", 2) in o.people
    assert o.statements


def test_unknown_name_suggests_the_closest(g):
    with pytest.raises(
        UnknownName, match=r"^no person called 'Sophie Lindon' in the graph; did you mean Sophie Linden\?$"
    ):
        person_profile(g, "Sophie Lindon")


def test_ambiguous_name_lists_the_candidates(g):
    with pytest.raises(UnknownName, match=r"^'crime' matches several: .*knife crime"):
        topic_profile(g, "crime")


def test_stats(g):
    s = graph_stats(g, top=5)
    top_people = {name for name, _ in s.people_by_co_attendance}
    assert "Sadiq Khan" in top_people
    assert s.organisations_by_co_discussion
    assert s.topic_timeline[0][1]
