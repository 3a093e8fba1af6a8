"""The graph made a meeting at a time: fragments add up to the whole graph, and the summary graph
(items folded into meetings, parallel edges merged) says what the whole graph says about entities."""

from __future__ import annotations

from extract import load_gazetteer
from graph import (
    SAMPLES,
    Summary,
    build_graph,
    entity_base,
    entity_quads,
    meeting_fragment,
    summarise,
    summary_part,
    visits,
)


def edges(graph) -> list[str]:
    """Every edge with its data; keys as text, as graph.json gives them back (a kind, or "kind@place")."""
    return sorted(repr((u, v, str(k), d)) for u, v, k, d in graph.edges(keys=True, data=True))


def test_the_graph_written_is_the_meetings_fragments_put_together(seed_build):
    whole = build_graph(seed_build.meetings, seed_build.resolution, load_gazetteer())
    assert dict(whole.nodes(data=True)) == dict(seed_build.graph.nodes(data=True))
    assert edges(whole) == edges(seed_build.graph)


def test_a_summary_built_meeting_by_meeting_is_the_summary_of_the_whole_graph(seed_build):
    gazetteer = load_gazetteer()
    summary = Summary(entity_base(seed_build.resolution, gazetteer))
    for meeting in seed_build.meetings:
        summary.add(summary_part(meeting_fragment(meeting, seed_build.resolution, gazetteer)))
    by_meeting, whole = summary.finish(), summarise(seed_build.graph)
    assert dict(by_meeting.nodes(data=True)) == dict(whole.nodes(data=True))
    assert {n: sorted(v) for n, v in visits(by_meeting).items()} == {n: sorted(v) for n, v in visits(whole).items()}
    assert edges(by_meeting) == edges(whole)


def test_the_summary_keeps_every_count_and_meeting_and_a_few_sentences(seed_build):
    g, summary = seed_build.graph, summarise(seed_build.graph)
    assert not any(d["type"] == "item" for _, d in summary.nodes(data=True))
    raises = [d for *_, d in g.edges(data=True) if d["type"] == "raises"]
    merged = [d for *_, d in summary.edges(data=True) if d["type"] == "raises"]
    assert sum(d["count"] for d in merged) == len(raises) and len(merged) < len(raises)
    assert all(len(d["samples"]) <= SAMPLES for d in merged)
    attended = {(u, d["meeting"]) for u, _, d in g.edges(data=True) if d["type"] == "attended"}
    assert not any(v.startswith("meeting:") for _, v in summary.edges())  # meetings are visited, not linked
    seen = {(node, m) for node, found in visits(summary).items() for kind, _, m in found if kind == "attended"}
    assert seen == attended


def test_the_entities_graph_is_the_same_from_the_summary(seed_build):
    quads = set(map(str, entity_quads(seed_build.graph)))
    assert quads and set(map(str, entity_quads(summarise(seed_build.graph)))) == quads
