"""``graph.html``: the graph as a pyvis network in one self-contained page that needs no network."""

from __future__ import annotations

import copy
import json
import math
from collections import defaultdict
from importlib import resources

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape
from pyvis.edge import Edge
from pyvis.network import Network

from graph import edge_count, edge_samples

from .viewer_data import styles

__all__ = ["html_network", "render_html", "CONTENT_SECURITY_POLICY", "INITIAL_NODES"]

# Everything the page needs is inline; nothing may be fetched, whatever a name in the minutes says.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:"
)
_VIS = "templates/lib/vis-9.1.2"
# Beyond this many nodes the page opens on the most connected ones; search and filters show the rest.
INITIAL_NODES = 600
# Sentences quoted in an edge's tooltip; the panel of either end lists more.
EVIDENCE_PER_EDGE = 3


def _tooltip(data: dict) -> str:
    lines = [f"{styles()['nodes'][data['type']]['label']}: {data['label']}"]
    if data.get("date"):
        lines.append(f"Date: {data['date']}")
    if data.get("source"):
        lines.append(f"Source: {data['source']}")
    if len(data.get("variants", [])) > 1:
        lines.append("Also written: " + ", ".join(v for v in data["variants"] if v != data["label"]))
    return "\n".join(lines)


# pyvis's add_node and add_edge look each id up in a list of every node: quadratic, minutes at the
# 25,000 people of a big overview. A networkx graph's nodes are unique already, so they go straight in.
def _add_node(net: Network, node: str, shape: str, **options) -> None:
    options = {"id": node, "shape": shape, **options}  # what pyvis's Node makes, without a vis label
    net.nodes.append(options)
    net.node_ids.append(node)
    net.node_map[node] = options


def _add_edge(net: Network, u: str, v: str, **options) -> None:
    net.edges.append(Edge(u, v, net.directed, **options).options)


def html_network(graph: nx.MultiDiGraph, quotes: int = EVIDENCE_PER_EDGE) -> Network:
    """A pyvis Network of the graph (or of its summary): nodes styled by type and sized by degree;
    parallel edges of one type merged into one edge whose tooltip quotes ``quotes`` pieces of evidence."""
    net = Network(height="100%", width="100%", directed=True)
    kinds = styles()["nodes"]
    for node, data in graph.nodes(data=True):
        style = kinds[data["type"]]
        _add_node(
            net,
            node,
            name=data["label"],  # not vis's "label": the page draws the labels so they never overlap
            title=_tooltip(data),
            color=style["color"],
            shape=style["shape"],
            kind=data["type"],
            size=round(8 + 4 * math.sqrt(graph.degree(node)), 1),
            aliases=[*data.get("aliases", []), *data.get("variants", [])],
        )
    merged: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for u, v, data in graph.edges(data=True):
        merged[(u, v, data["type"])].append(data)
    for (u, v, kind), edges in merged.items():
        evidence = [f"{s['source']} [{s['start']}:{s['end']}]: {s['evidence']}" for e in edges for s in edge_samples(e)]
        quoted = sum(edge_count(e) for e in edges if edge_samples(e))
        more = [f"and {quoted - quotes} more"] if quoted > quotes else []
        _add_edge(
            net,
            u,
            v,
            title="\n".join([kind.replace("_", " "), *evidence[:quotes], *more]),
            label="",
            kind=kind,
            value=sum(edge_count(e) for e in edges),
            arrows="to",
        )
    options = copy.deepcopy(styles()["network"])
    if graph.number_of_nodes() > INITIAL_NODES:
        options["layout"]["improvedLayout"] = False
        options["physics"]["stabilization"]["iterations"] = 250
    net.set_options(json.dumps(options))
    return net


def _script_json(value) -> str:
    """JSON that cannot close the <script> element it sits in, whatever the strings hold."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(net: Network, data: dict, title: str = "minutes-graph", subject: str | None = None) -> str:
    """The page for ``net`` and its ``page_data``, with vis-network inlined from the pyvis package
    and no remote resource, and node ``subject`` selected when it opens (unless its address names
    another). Every string from the minutes reaches the page as JSON and is shown as text."""
    lib = resources.files("pyvis") / _VIS
    env = Environment(loader=PackageLoader("exports", "templates"), autoescape=select_autoescape(default=True))
    kinds = styles()["nodes"]
    counts = {kind: sum(n["kind"] == kind for n in net.nodes) for kind in kinds}
    return env.get_template("graph.html.j2").render(
        title=title,
        csp=CONTENT_SECURITY_POLICY,
        vis_css=(lib / "vis-network.css").read_text(encoding="utf-8"),
        vis_js=(lib / "vis-network.min.js").read_text(encoding="utf-8"),
        nodes=_script_json(net.nodes),
        edges=_script_json(net.edges),
        options=_script_json(net.options if isinstance(net.options, dict) else json.loads(net.options.to_json())),
        data=_script_json(data),
        subject=_script_json(subject),
        initial_nodes=INITIAL_NODES,
        legend=[(kind, s["label"], s["color"], counts[kind]) for kind, s in kinds.items() if counts[kind]],
    )
