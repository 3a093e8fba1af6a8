"""The viewer in a real headless Chromium, offline: drawing, search, filters, panel, matrix, safety."""

from __future__ import annotations

from pathlib import Path

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
    # about its subject: selected and explained on load, and a meeting's panel tells all of it
    assert page.js("network.getSelectedNodes()") == ["person:sophie-linden"]
    assert page.page.locator("#panel h2").text_content() == "Sophie Linden"
    page.page.goto(target.resolve().as_uri() + "#node=meeting:lcrb-2023-07-12")
    page.wait_for("network.getSelectedNodes()[0] === 'meeting:lcrb-2023-07-12'")
    attended = page.page.locator("#panel dd").filter(has_text="Sophie Linden").first
    assert "more" in attended.text_content() or attended.locator("a, span").count() >= 20  # not just her


def test_view_never_writes_over_the_builds_outputs(seed_build):
    graph_json = seed_build.files["graph.json"]
    before = {name: path.read_bytes() for name, path in seed_build.files.items()}
    for page in (graph_json, graph_json.parent / "graph.html", graph_json.parent / "meetings.json"):
        result = CliRunner().invoke(cli, ["view", "sophie linden", "--graph", str(graph_json), "--page", str(page)])
        assert result.exit_code == 1, result.output
        assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
    assert {name: path.read_bytes() for name, path in seed_build.files.items()} == before


def selected(page) -> list[str]:
    return page.js("network.getSelectedNodes()")


def test_a_link_opens_the_same_view_and_back_goes_back(seed_build, open_page):
    page = open_page(seed_build.files["graph.html"], "node=person:sophie-linden&meeting=meeting:lcrb-2023-07-12")
    assert selected(page) == ["person:sophie-linden"]
    assert page.page.locator("#meeting-filter").input_value() == "meeting:lcrb-2023-07-12"
    assert "meeting:lcrb-2021-07-06" not in page.js("nodesView.getIds()")
    assert page.page.locator("#panel h2").text_content() == "Sophie Linden"
    page.page.fill("#search", "the met")
    page.page.press("#search", "Enter")
    page.wait_for("network.getSelectedNodes()[0] === 'organisation:mps'")
    assert "node=organisation%3Amps" in page.page.url and "meeting=meeting%3Alcrb-2023-07-12" in page.page.url
    page.page.go_back()
    page.wait_for("network.getSelectedNodes()[0] === 'person:sophie-linden'")
    assert page.errors == []


def test_panel_names_are_links_and_items_say_their_meeting(seed_build, open_page):
    page = open_page(seed_build.files["graph.html"], "node=person:sophie-linden")
    page.page.locator("#panel a", has_text="Mayor's Office for Policing and Crime").first.click()
    page.wait_for("network.getSelectedNodes()[0] === 'organisation:mopac'")
    item = next(n for n, d in seed_build.graph.nodes(data=True) if d["type"] == "item")
    meeting = seed_build.graph.nodes[seed_build.graph.nodes[item]["meeting"]]
    page.page.goto(seed_build.files["graph.html"].resolve().as_uri() + "#node=" + item)
    page.wait_for(f"network.getSelectedNodes()[0] === {item!r}")
    assert meeting["date"] in page.page.locator("#panel").text_content()


def test_search_finds_a_post_by_its_short_name_and_lights_up_its_holders(seed_build, open_page):
    page = open_page(seed_build.files["graph.html"])
    page.page.fill("#search", "no such person at all")
    page.page.press("#search", "Enter")
    assert page.page.locator("#status").text_content() == "Nothing called no such person at all"
    page.page.fill("#search", "DMPC")
    page.page.press("#search", "Enter")
    page.wait_for("network.getSelectedNodes().length === 1")
    post = selected(page)[0]
    assert post.startswith("post:") and seed_build.graph.nodes[post]["label"] == "Deputy Mayor for Policing and Crime"
    assert "Nothing called" not in page.page.locator("#status").text_content()
    opacity = page.js("Object.fromEntries(nodesView.get().map(n => [n.id, n.opacity]))")
    assert opacity["person:sophie-linden"] == 1 and opacity[post] == 1
    assert opacity["person:tom-gash"] < 1  # not a holder: faded
    page.page.keyboard.press("Escape")
    page.wait_for("network.getSelectedNodes().length === 0")
    assert page.page.locator("#panel h2").text_content() == "Click a node"
    assert set(page.js("nodesView.get().map(n => n.opacity)")) == {1}


def test_the_matrix_follows_the_meeting_filter_and_sorts(seed_build, open_page):
    g = seed_build.graph
    raised_in = {
        g.nodes[u]["label"]
        for u, _, e in g.edges(data=True)
        if e["type"] == "raises" and e["meeting"].endswith("2021-07-06")
    }
    page = open_page(seed_build.files["graph.html"], "tab=matrix")

    def rows() -> list[str]:
        return page.page.locator("#matrix-table tbody th").all_text_contents()

    everyone = rows()
    page.page.select_option("#meeting-filter", "meeting:lcrb-2021-07-06")
    assert set(rows()) == raised_in and set(rows()) < set(everyone)
    assert "meeting=meeting%3Alcrb-2021-07-06" in page.page.url and "tab=matrix" in page.page.url
    page.page.click('#matrix button[data-sort="name"]')
    assert rows() == sorted(rows(), key=str.casefold)
    page.page.select_option("#meeting-filter", "")
    page.page.locator("#matrix td.hit").first.click()
    assert page.page.locator("#panel a").count() >= 1  # the speaker, and the items, are links
    assert page.errors == []


def test_keyboard_and_a_narrow_screen(seed_build, open_page):
    page = open_page(seed_build.files["graph.html"])
    page.page.focus("#graph .vis-network")
    assert page.js("document.activeElement.closest('#graph') !== null")
    before = page.js("network.getViewPosition()")
    page.page.keyboard.down("ArrowLeft")
    page.page.wait_for_timeout(300)
    page.page.keyboard.up("ArrowLeft")
    assert page.js("network.getViewPosition()") != before  # the arrow keys move the graph
    page.page.set_viewport_size({"width": 390, "height": 844})
    page.page.wait_for_timeout(200)
    graph, panel = page.page.locator("#graph").bounding_box(), page.page.locator("#panel").bounding_box()
    assert graph["width"] >= 350 and graph["height"] >= 400  # not a sliver
    assert panel["y"] >= graph["y"] + graph["height"] - 1  # the panel below the graph


def test_what_is_shown_exports_as_csv_and_png(seed_build, open_page):
    page = open_page(seed_build.files["graph.html"], "node=person:sophie-linden")
    with page.page.expect_download() as got:
        page.page.click("#export-csv")
    text = Path(got.value.path()).read_text(encoding="utf-8")
    assert text.startswith('"relation","name","id","sentence"') and '"Mayor\'s Office for Policing and Crime"' in text
    assert "MOPAC received over 300 applicants" in text
    page.page.click("#tab-matrix")
    with page.page.expect_download() as got:
        page.page.click("#export-csv")
    lines = Path(got.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == '"actor","topic","statements"' and len(lines) > 5
    page.page.click("#tab-graph")
    with page.page.expect_download() as got:
        page.page.click("#export-png")
    assert Path(got.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.errors == []


def test_labels_of_the_most_connected_never_overlap_and_zooming_in_shows_more(seed_build, open_page):
    g = seed_build.graph
    page = open_page(seed_build.files["graph.html"])
    boxes = {b["id"]: b for b in page.js("labelBoxes")}
    top = sorted(g.nodes, key=lambda n: (-g.degree(n), n))[:20]
    assert set(top) <= set(boxes)  # each of them labelled at the starting zoom...
    drawn = list(boxes.values())
    for i, a in enumerate(drawn):  # ...and no label over another
        for b in drawn[i + 1 :]:
            apart = a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"] or a["y"] + a["h"] <= b["y"]
            assert apart or b["y"] + b["h"] <= a["y"], (a["id"], b["id"])

    def labelled_share() -> float:
        width, height = page.js("[canvasFrame.clientWidth, canvasFrame.clientHeight]")
        seen = [
            n
            for n, at in page.js(
                "Object.fromEntries(nodesView.getIds().map(id => [id, network.getPosition(id)]))"
            ).items()
            if 0 <= (p := page.js(f"network.canvasToDOM({at})"))["x"] <= width and 0 <= p["y"] <= height
        ]
        return len({b["id"] for b in page.js("labelBoxes")} & set(seen)) / len(seen)

    before = labelled_share()
    page.js("network.moveTo({scale: network.getScale() * 3, position: network.getPosition('person:sophie-linden')})")
    assert labelled_share() > before


def test_a_filter_lays_out_what_it_leaves(seed_build, open_page):
    page = open_page(seed_build.files["graph.html"])
    where = "Object.fromEntries(nodesView.getIds().map(id => [id, network.getPosition(id)]))"
    before = page.js(where)
    page.page.select_option("#meeting-filter", "meeting:lcrb-2021-07-06")
    page.wait_settled()
    after = page.js(where)
    assert sum(after[n] != before[n] for n in after) > len(after) / 2  # moved, not left where they were
    width, height = page.js("[canvasFrame.clientWidth, canvasFrame.clientHeight]")
    for at in after.values():  # and the view fits them
        p = page.js(f"network.canvasToDOM({at})")
        assert 0 <= p["x"] <= width and 0 <= p["y"] <= height


def test_the_timeline_shows_when_a_node_appears(seed_build, open_page):
    g = seed_build.graph
    meetings = sorted(n for n, d in g.nodes(data=True) if d["type"] == "meeting")
    page = open_page(seed_build.files["graph.html"], "node=person:tom-gash")
    bars = page.page.locator("#timeline > *")
    assert bars.count() == len(meetings)
    assert page.page.locator("#timeline > .hit").count() == 1  # he attended the 2021 meeting only
    page.page.locator("#timeline > .hit").click()
    page.wait_settled()
    assert page.page.locator("#meeting-filter").input_value() == "meeting:lcrb-2021-07-06"
    assert page.js("network.getSelectedNodes()") == ["person:tom-gash"]
    page.page.goto(seed_build.files["graph.html"].resolve().as_uri() + "#node=person:sophie-linden")
    page.wait_for("network.getSelectedNodes()[0] === 'person:sophie-linden'")
    assert page.page.locator("#timeline > .hit").count() == len(meetings)
