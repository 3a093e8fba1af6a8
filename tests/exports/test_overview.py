"""graph.html for a big corpus: the overview of people, organisations, posts and topics, with
meetings as a filter, opens in Chromium and grows with the people, not with the meetings."""

from __future__ import annotations

import networkx as nx

from exports import OVERVIEW_FROM, graph_page, overview, overview_page, write_atomic
from graph import summarise

KEPT = {"person", "organisation", "post", "topic"}


def repeated(graph: nx.MultiDiGraph, times: int) -> nx.MultiDiGraph:
    """The seed meetings held ``times`` over by the same people: meetings and items copied, people,
    organisations, posts and topics shared."""

    def copy_id(node: str, k: int) -> str:
        kind, _, ident = node.partition(":")
        if kind not in ("meeting", "item"):
            return node
        meeting, _, rest = ident.partition("/")
        return f"{kind}:{meeting}-{k}" + (f"/{rest}" if rest else "")

    big = nx.MultiDiGraph()
    for k in range(times):
        for node, data in graph.nodes(data=True):
            label = f"{data['label']} ({k})" if data["type"] == "meeting" else data["label"]
            moved = {**data, "meeting": copy_id(data["meeting"], k)} if "meeting" in data else data
            big.add_node(copy_id(node, k), **{**moved, "label": label})
        for u, v, key, data in graph.edges(keys=True, data=True):
            moved = {**data, "meeting": copy_id(data["meeting"], k)} if "meeting" in data else data
            big.add_edge(copy_id(u, k), copy_id(v, k), key=key if "@" not in key else f"{key}-{k}", **moved)
    return big


def page(graph: nx.MultiDiGraph) -> str:
    meetings = sum(d["type"] == "meeting" for _, d in graph.nodes(data=True))
    if meetings > OVERVIEW_FROM:
        return overview_page(summarise(graph), meetings, title="overview")
    return graph_page(graph, title="overview")


def test_small_corpora_get_the_whole_graph(seed_build):
    text = page(seed_build.graph)
    assert "item:lcrb-2021-07-06/" in text and "(overview of" not in text


def test_the_overview_grows_with_the_people_not_the_meetings(seed_build):
    meetings = OVERVIEW_FROM + 10
    half, whole = repeated(seed_build.graph, meetings // 2), repeated(seed_build.graph, meetings)
    view = overview(summarise(whole))
    assert {d["type"] for _, d in view.nodes(data=True)} <= KEPT
    assert view.number_of_nodes() == sum(d["type"] in KEPT for _, d in seed_build.graph.nodes(data=True))
    assert len(page(whole)) < 1.3 * len(page(half))
    assert len(page(whole)) < len(page(seed_build.graph)) * meetings / 20


def test_the_overview_opens_and_filters_by_meeting(seed_build, open_page, tmp_path):
    big = repeated(seed_build.graph, OVERVIEW_FROM // 2 + 5)
    opened = open_page(write_atomic(tmp_path / "overview.html", page(big)))
    assert opened.errors == [] and opened.requests == []
    kinds = set(opened.js("allNodes.get().map(n => n.kind)"))
    assert kinds <= KEPT and "person" in kinds
    opened.page.select_option("#meeting-filter", "meeting:lcrb-2021-07-06-3")
    shown = set(opened.js("nodesView.getIds()"))
    assert "person:tom-gash" in shown and "person:neal-hazel" not in shown
    opened.page.fill("#search", "sophie linden")
    opened.page.press("#search", "Enter")
    panel = opened.page.locator("#panel").text_content()
    attended = 2 * (OVERVIEW_FROM // 2 + 5)
    assert f"and {attended - 25} more" in panel  # the meetings she attended, listed 25 at a time
