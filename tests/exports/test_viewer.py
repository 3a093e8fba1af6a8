"""The viewer in a real headless Chromium, offline: drawing, search, filters, panel, matrix, safety."""

from __future__ import annotations

from click.testing import CliRunner

from exports import html_network, page_data, render_html, write_atomic
from minutes_graph.cli import cli

EVIL = "<img src=x onerror=alert(1)>"


def test_graph_draws_every_node_offline(seed_build, open_page):
    page = open_page(seed_build.files["graph.html"])
    assert page.js("nodesView.length") == seed_build.graph.number_of_nodes()
    assert page.js("network.body.data.nodes.length") == seed_build.graph.number_of_nodes()
    assert "nodes shown" in page.page.locator("#status").text_content()
    assert page.requests == []
    assert page.errors == []


def test_search_by_alias_focuses_the_node_and_fills_the_panel(seed_build, open_page):
    page = open_page(seed_build.files["graph.html"])
    page.page.fill("#search", "the met")
    page.page.press("#search", "Enter")
    assert page.js("network.getSelectedNodes()") == ["organisation:mps"]
    assert page.page.locator("#panel h2").text_content() == "Metropolitan Police Service"
    assert page.page.locator("#panel blockquote").count() > 0


def test_legend_and_meeting_filters_hide_what_they_should(seed_build, open_page):
    g = seed_build.graph
    page = open_page(seed_build.files["graph.html"])
    page.page.click('#legend button[data-kind="person"]')
    people = sum(d["type"] == "person" for _, d in g.nodes(data=True))
    assert page.js("nodesView.length") == g.number_of_nodes() - people
    assert page.js("nodesView.get().filter(n => n.kind === 'person').length") == 0
    page.page.click('#legend button[data-kind="person"]')
    page.page.select_option("#meeting-filter", "meeting:lcrb-2021-07-06")
    shown = set(page.js("nodesView.getIds()"))
    assert "meeting:lcrb-2021-07-06" in shown and "meeting:lcrb-2023-07-12" not in shown
    assert "person:tom-gash" in shown and "person:neal-hazel" not in shown
    page.page.select_option("#meeting-filter", "year:2023")
    assert "person:neal-hazel" in set(page.js("nodesView.getIds()"))


def test_organisation_filter_shows_its_people(seed_build, open_page):
    page = open_page(seed_build.files["graph.html"])
    page.page.select_option("#org-filter", "organisation:cps-north")
    shown = set(page.js("nodesView.getIds()"))
    assert {"organisation:cps-north", "person:barry-hughes"} <= shown
    assert "person:sadiq-khan" not in shown


def test_clicking_a_node_shows_its_evidence(seed_build, open_page):
    page = open_page(seed_build.files["graph.html"])
    box = page.page.locator("#graph").bounding_box()
    point = page.js(
        "(() => { const p = network.getPosition('person:sophie-linden'); return network.canvasToDOM(p); })()"
    )
    page.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    assert page.page.locator("#panel h2").text_content() == "Sophie Linden"
    panel = page.page.locator("#panel").text_content()
    assert "Deputy Mayor for Policing and Crime" in panel
    assert "The DMPC updated that MOPAC received over 300 applicants" in panel
    assert "seeds/000_40559a58cf527947.txt" in panel


def test_who_discusses_what_matrix(seed_build, open_page):
    page = open_page(seed_build.files["graph.html"])
    page.page.click("#tab-matrix")
    assert page.page.locator("#matrix-table tbody tr").count() >= 5
    cell = page.page.locator("#matrix td.hit").first
    cell.click()
    assert page.page.locator("#panel blockquote").count() >= 1
    assert page.errors == []


def test_a_hostile_name_is_shown_as_text(seed_build, open_page, tmp_path):
    g = seed_build.graph.copy()
    g.add_node("person:evil", type="person", label=EVIL, variants=[EVIL])
    edge = dict(g.edges["person:sophie-linden", "meeting:lcrb-2023-07-12", "attended"])
    g.add_edge("person:evil", "meeting:lcrb-2023-07-12", key="attended", **{**edge, "evidence": f"</script>{EVIL}"})
    path = write_atomic(tmp_path / "evil.html", render_html(html_network(g), page_data(g), title=EVIL))
    page = open_page(path)
    page.page.fill("#search", EVIL)
    page.page.press("#search", "Enter")
    assert page.page.locator("#panel h2").text_content() == EVIL
    assert f"</script>{EVIL}" in page.page.locator("#panel").text_content()
    page.page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.page.locator("img[src=x]").count() == 0
    assert page.page.title() == EVIL


def test_view_command_writes_a_neighbourhood_page(seed_build, open_page, tmp_path):
    graph_json = seed_build.files["graph.json"]
    target = tmp_path / "sophie.html"
    result = CliRunner().invoke(cli, ["view", "sophie linden", "--graph", str(graph_json), "--page", str(target)])
    assert result.exit_code == 0, result.output
    g = seed_build.graph
    expected = 1 + len(set(g.successors("person:sophie-linden")) | set(g.predecessors("person:sophie-linden")))
    page = open_page(target)
    assert page.js("nodesView.length") == expected
    assert page.errors == []


def test_view_never_writes_over_the_builds_outputs(seed_build):
    graph_json = seed_build.files["graph.json"]
    before = {name: path.read_bytes() for name, path in seed_build.files.items()}
    for page in (graph_json, graph_json.parent / "graph.html", graph_json.parent / "meetings.json"):
        result = CliRunner().invoke(cli, ["view", "sophie linden", "--graph", str(graph_json), "--page", str(page)])
        assert result.exit_code == 1, result.output
        assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
    assert {name: path.read_bytes() for name, path in seed_build.files.items()} == before
