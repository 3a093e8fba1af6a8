"""The HTML page: self-contained, offline, and safe whatever names the minutes hold."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from exports import CONTENT_SECURITY_POLICY, html_network, page_data, render_html


def test_page_loads_nothing_from_outside(seed_build):
    page = seed_build.files["graph.html"].read_text(encoding="utf-8")
    meta = BeautifulSoup(page, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta["content"] == CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in meta["content"]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", page, re.I)
    assert "@import" not in page
    assert "new vis.Network" in page


def test_every_node_reaches_the_page(seed_build):
    net = html_network(seed_build.graph)
    assert len(net.nodes) == seed_build.graph.number_of_nodes()
    assert {n["kind"] for n in net.nodes} == {"meeting", "item", "person", "organisation", "post", "topic", "place"}


def test_names_cannot_break_out_of_the_script(seed_build):
    g = seed_build.graph.copy()
    g.add_node("person:evil", type="person", label="</script><img src=x onerror=alert(1)>")
    page = render_html(html_network(g), page_data(g), title="<b>t</b>")
    assert "</script><img" not in page
    assert "<img src=x" not in page
    assert "&lt;b&gt;t&lt;/b&gt;" in page
