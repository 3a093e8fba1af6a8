"""The networkx graph and the RDF dataset built from the seeds."""

from __future__ import annotations

from collections import Counter

import networkx as nx
from rdflib import RDF, BNode, Dataset, Graph, Namespace, URIRef
from rdflib.compare import isomorphic

from graph import build_graph, load_namespaces, node_id, to_dataset

ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")


def test_typed_nodes_and_edges(seed_build):
    g = seed_build.graph
    kinds = Counter(d["type"] for _, d in g.nodes(data=True))
    assert kinds["meeting"] == 2
    assert kinds["person"] == 56
    assert g.has_edge("person:sophie-linden", "meeting:lcrb-2023-07-12", key="attended")
    assert g.has_edge("person:lynne-owens", "meeting:lcrb-2023-07-12", key="sent_apologies")
    assert g.has_edge("organisation:cps-north", "organisation:cps", key="part_of")
    assert g.has_edge("meeting:lcrb-2023-07-12", "organisation:lcrb", key="organised_by")
    assert g.has_edge("item:lcrb-2023-07-12/2", "item:lcrb-2023-07-12/2.a", key="has_part")
    edge = g.edges["person:sophie-linden", "meeting:lcrb-2021-07-06", "attended"]
    assert edge["source"].endswith("003_deb8634f0104df3c.txt")
    assert "Sophie Linden" in edge["evidence"]


def test_node_ids_are_stable_across_builds(seed_build):
    again = build_graph(seed_build.meetings, seed_build.resolution, __import__("extract").load_gazetteer())
    assert sorted(again.nodes) == sorted(seed_build.graph.nodes)
    assert nx.utils.edges_equal(again.edges(keys=True), seed_build.graph.edges(keys=True))


def test_turtle_round_trip_is_isomorphic(seed_build):
    union = Graph().parse(seed_build.files["graph.ttl"], format="turtle")
    again = Graph().parse(data=union.serialize(format="turtle"), format="turtle")
    assert len(union) == len(seed_build.dataset)
    assert isomorphic(union, again)


def test_trig_keeps_one_named_graph_per_meeting(seed_build):
    ds = Dataset()
    ds.parse(seed_build.files["graph.trig"], format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    base = load_namespaces().default_base
    assert {f"{base}graph/lcrb-2023-07-12", f"{base}graph/lcrb-2021-07-06", f"{base}graph/entities"} <= names


def test_rdf_uses_standard_vocabularies_and_no_blank_nodes(seed_build):
    ds = seed_build.dataset
    base = load_namespaces().default_base
    sophie = URIRef(f"{base}person/sophie-linden")
    membership = URIRef(f"{base}membership/sophie-linden/mopac/dmpc")  # her membership is of the post she held
    for triple in (
        (sophie, RDF.type, FOAF.Person),
        (membership, ORG.member, sophie),
        (membership, RDF.type, ORG.Membership),
    ):
        assert any(ds.quads((*triple, None))), triple
    assert not any(isinstance(term, BNode) for quad in ds.quads((None, None, None, None)) for term in quad[:3])


def test_base_iri_is_a_setting(seed_build):
    ds = to_dataset(seed_build.graph, "https://data.example.gov.uk/lcrb/")
    subjects = {str(s) for s, *_ in ds.quads((None, None, None, None))}
    assert all(s.startswith("https://data.example.gov.uk/lcrb/") for s in subjects)
    assert node_id("person", "x") == "person:x"
