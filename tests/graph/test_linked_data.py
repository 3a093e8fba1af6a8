"""Linked data: SHACL validation, the other RDF formats, GraphML, CSV, and the embedded store."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.compare import isomorphic

from exports import GraphML, WriteContext, graph_text
from exports.rdf_files import JsonLd, NTriples, TriG, Turtle
from graph import (
    GraphSource,
    Piece,
    Resolution,
    in_order,
    load_namespaces,
    query_store,
    resolve_query,
    shipped_queries,
    store_graphs,
    sync_store,
    union_graph,
    validate_graph,
)

FOAF = Namespace("http://xmlns.com/foaf/0.1/")
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def union(seed_build):
    return union_graph(seed_build.dataset)


def test_seed_build_conforms_to_the_shapes(union):
    result = validate_graph(union)
    assert result.conforms, result.problems[:5]


def test_broken_graph_fails_with_the_right_messages(union):
    broken = Graph() + union
    mg = load_namespaces().prefixes["mg"]
    sophie = URIRef(load_namespaces().default_base + "person/sophie-linden")
    broken.remove((sophie, FOAF.name, None))
    attendance = next(broken.subjects(RDF.type, URIRef(f"{mg}Attendance")))
    broken.add((attendance, URIRef(f"{mg}status"), URIRef(f"{mg}Maybe")))
    result = validate_graph(broken)
    assert not result.conforms
    assert any(
        p.endswith("foaf:name: a person has exactly one foaf:name") and "sophie-linden" in p for p in result.problems
    )
    assert any("an attendance's mg:status is mg:Present, mg:Apologies or mg:Absent" in p for p in result.problems)


@pytest.mark.parametrize(("name", "fmt"), [("graph.jsonld", "json-ld"), ("graph.nt", "nt"), ("graph.ttl", "turtle")])
def test_rdf_formats_round_trip(seed_build, union, name, fmt):
    written = Graph().parse(seed_build.files[name], format=fmt)
    assert len(written) == len(union) and isomorphic(written, union)


def test_turtle_and_trig_spell_the_base_once(seed_build):
    base = load_namespaces().default_base
    for name in ("graph.ttl", "graph.trig"):
        text = seed_build.files[name].read_text(encoding="utf-8")
        assert text.startswith(f"@base <{base}> .\n") and text.count(base) == 1


@pytest.mark.parametrize("base", ["https://data.example.gov/lcrb/", "https://data.example.gov/lcrb#"])
def test_relative_and_compact_iris_read_back_whole_under_any_base(base):
    """Turtle, TriG and JSON-LD shorten IRIs; every one must read back as it was, awkward ones too."""
    iri = ox.NamedNode

    def quads(graph: str, n: int) -> list[ox.Quad]:
        person, meeting = iri(f"{base}person/p{n}"), iri(f"{base}meeting/{graph}")
        triples = [
            (person, iri("https://schema.org/attendee"), meeting),
            (person, iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), iri("http://xmlns.com/foaf/0.1/Person")),
            (person, iri("http://xmlns.com/foaf/0.1/name"), ox.Literal(f"Person {n}", language="en")),
            (meeting, iri("https://schema.org/url"), iri("https://www.london.gov.uk/m?id=1#top")),
            (meeting, iri("https://schema.org/startDate"), ox.Literal("2023-07-12", datatype=iri(f"{XSD}date"))),
            (meeting, iri("https://schema.org/about"), iri(f"{base}mg:crime")),  # would read as a compact IRI
            (meeting, iri("https://schema.org/about"), iri(f"{base}")),
            (meeting, iri("https://schema.org/about"), iri(f"{base}topic/../x")),  # would resolve to {base}x
            (meeting, iri("http://example.com/vocab#p"), ox.Literal("https://schema.org/ stays a literal")),
        ]
        return [ox.Quad(*t, iri(f"{base}graph/{graph}")) for t in triples]

    graphs = [quads("m1", 1), quads("m2", 2)]
    files = {}
    for writer in (Turtle, TriG, JsonLd, NTriples):
        out = io.StringIO()
        file = writer(out, WriteContext(base, Resolution({}, {})))
        for q in graphs:
            file.add(writer.part(Piece([], [], in_order(q), base)))
        file.close()
        files[writer.name] = out.getvalue()
    expected = {ox.Triple(q.subject, q.predicate, q.object) for q in sum(graphs, [])}
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.jsonld", ox.RdfFormat.JSON_LD)):
        assert {q.triple for q in ox.parse(files[name], format=fmt)} == expected, name
    assert set(ox.parse(files["graph.trig"], format=ox.RdfFormat.TRIG)) == set(sum(graphs, []))
    for name, fmt in (("graph.ttl", "turtle"), ("graph.jsonld", "json-ld")):  # and by a second reader
        assert len(Graph().parse(data=files[name], format=fmt)) == len(expected)
        assert isomorphic(
            Graph().parse(data=files[name], format=fmt), Graph().parse(data=files["graph.nt"], format="nt")
        )


def test_every_triple_is_written_once(seed_build):
    lines = seed_build.files["graph.nt"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == seed_build.triples


def test_jsonld_has_a_context(seed_build):
    data = json.loads(seed_build.files["graph.jsonld"].read_text(encoding="utf-8"))
    assert data["@context"]["org"] == "http://www.w3.org/ns/org#"


def test_graphml_reads_back_for_gephi(seed_build):
    back = nx.read_graphml(seed_build.files["graph.graphml"])
    assert back.number_of_nodes() == seed_build.graph.number_of_nodes()
    assert back.number_of_edges() == seed_build.graph.number_of_edges()
    assert back.nodes["person:sophie-linden"]["label"] == "Sophie Linden"


def test_csv_tables(seed_build):
    nodes = list(csv.DictReader(io.StringIO(seed_build.files["nodes.csv"].read_text(encoding="utf-8"))))
    edges = list(csv.DictReader(io.StringIO(seed_build.files["edges.csv"].read_text(encoding="utf-8"))))
    assert len(nodes) == seed_build.graph.number_of_nodes()
    assert len(edges) == seed_build.graph.number_of_edges()
    sophie = next(r for r in nodes if r["id"] == "person:sophie-linden")
    assert sophie["type"] == "person"
    said = [e for e in edges if e["source_node"] == "person:sophie-linden" and e["type"] == "speaks_on"]
    assert said[0]["evidence"].startswith("The DMPC updated")


def test_store_replaces_only_the_changed_meeting(seed_build, tmp_path):
    graphs = {
        iri: GraphSource.of_text(text)
        for iri, text in store_graphs(seed_build.files["graph.ttl"].parent / "store").items()
    }
    first = sync_store(tmp_path / "store", graphs)
    assert len(first.replaced) == 3 and not first.unchanged
    meeting = next(iri for iri in graphs if iri.endswith("lcrb-2023-07-12"))
    changed = {
        **graphs,
        meeting: GraphSource.of_text(graphs[meeting].text() + '<https://x.org/a> <https://x.org/b> "c" .\n'),
    }
    second = sync_store(tmp_path / "store", changed)
    assert second.replaced == [meeting]
    assert len(second.unchanged) == 2
    assert '<https://x.org/a> <https://x.org/b> "c" .' in store_graphs(tmp_path / "store")[meeting]
    assert sync_store(tmp_path / "store", graphs).replaced == [meeting]  # the triple patched out again
    assert set(store_graphs(tmp_path / "store")[meeting].splitlines()) == set(graphs[meeting].text().splitlines())
    sync_store(tmp_path / "store", changed)
    dropped = {k: v for k, v in changed.items() if k != meeting}
    assert sync_store(tmp_path / "store", dropped).removed == [meeting]
    # A store whose manifest is gone is compared triple by triple: nothing is reloaded for nothing.
    (tmp_path / "store" / "minutes-graph-manifest.json").unlink()
    assert len(sync_store(tmp_path / "store", dropped).unchanged) == 2


def test_a_sync_cut_short_leaves_no_drift(seed_build, tmp_path):
    """A sync that dies half-way (here: one graph's file is missing) must not leave its manifest
    vouching for graphs it had begun to change: the next sync makes the store equal the files."""
    graphs = {
        iri: GraphSource.of_text(text)
        for iri, text in store_graphs(seed_build.files["graph.ttl"].parent / "store").items()
    }
    sync_store(tmp_path / "store", graphs)
    first, second = sorted(graphs)[:2]
    cut_short = {
        **graphs,
        first: GraphSource.of_text(graphs[first].text() + '<https://x.org/a> <https://x.org/b> "c" .\n'),
        second: GraphSource(tmp_path / "gone.nt", "another digest"),
    }
    with pytest.raises(OSError):
        sync_store(tmp_path / "store", cut_short)
    sync_store(tmp_path / "store", graphs)
    stored = store_graphs(tmp_path / "store")
    assert {iri: set(text.splitlines()) for iri, text in stored.items()} == {
        iri: set(source.text().splitlines()) for iri, source in graphs.items()
    }


def test_shipped_questions_run_on_the_embedded_store(seed_build):
    store = seed_build.files["graph.ttl"].parent / "store"
    answers = {name: query_store(store, resolve_query(name)) for name in shipped_queries()}
    assert set(answers) == {"who-discussed", "attendance", "memberships", "topics-by-meeting", "co-attendance"}
    attendance = answers["attendance"]
    assert len(attendance.rows) == sum(len(m.attendance) for m in seed_build.meetings)
    who = answers["who-discussed"]
    sophie = next(r for r in who.rows if r[who.columns.index("actor")] == "Sophie Linden")
    row = dict(zip(who.columns, sophie, strict=True))
    assert row["topic"] == "London Policing Board" and row["date"] == "2023-07-12"
    assert all(all(cell is not None for cell in r[:2]) for r in answers["co-attendance"].rows)


def test_graphml_holds_any_text_a_pdf_gives(seed_build):
    g = seed_build.graph.copy()
    g.add_node("person:odd", type="person", label='Form\x0cfeed & <b>"quotes"</b>', variants=["a", "b"], start=3)
    back = nx.read_graphml(io.BytesIO(graph_text(GraphML, g).encode()))
    assert back.nodes["person:odd"]["label"] == 'Formfeed & <b>"quotes"</b>'
    assert back.nodes["person:odd"]["variants"] == "a; b"
    assert back.nodes["person:odd"]["start"] == 3


def test_a_damaged_store_is_named_in_one_line_and_made_again_by_a_build(seeds, tmp_path):
    from graph.store import StoreError
    from minutes_graph import BuildSettings, build

    out = tmp_path / "out"
    build([seeds], BuildSettings(out=out, jobs=1))
    (out / "store" / "CURRENT").write_bytes(b"\x00garbage")
    with pytest.raises(StoreError, match=r"the store is damaged \(.*\); 'minutes-graph build' makes it again"):
        query_store(out / "store", "ASK {}")
    again = build([seeds], BuildSettings(out=out, jobs=1))
    assert again.store.remade
    stored = store_graphs(out / "store")
    expected = GraphSource(again.files["graph.nt"], "").text()
    assert sum(len(t.splitlines()) for t in stored.values()) == len(expected.splitlines())
