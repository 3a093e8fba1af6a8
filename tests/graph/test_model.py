"""The published model on its own: vocabulary, shapes (and each gap they close), memberships as seen,
sources as addresses, names only as written, one language rule."""

from __future__ import annotations

from importlib import resources

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef

from graph import load_namespaces, store_graphs, union_graph, validate_graph, vocabulary_text
from minutes_graph import BuildSettings, build

NS = load_namespaces().prefixes
MG, ORG, SCHEMA, SKOS, OA, DCTERMS = (Namespace(str(NS[p])) for p in ("mg", "org", "schema", "skos", "oa", "dcterms"))
OPENGOV, FOAF = Namespace(str(NS["opengov"])), Namespace(str(NS["foaf"]))
BASE = load_namespaces().default_base
TEXT_OUTPUTS = (
    "meetings.json",
    "graph.json",
    "graph.ttl",
    "graph.trig",
    "graph.nt",
    "graph.jsonld",
    "graph.graphml",
    "nodes.csv",
    "edges.csv",
    "popolo.json",
    "graph.html",
    "report.json",
)


@pytest.fixture(scope="module")
def union(seed_build):
    return union_graph(seed_build.dataset)


def data_file(name: str) -> str:
    return (resources.files("graph") / "data" / name).read_text(encoding="utf-8")


def test_shapes_and_vocabulary_load_on_their_own_under_the_one_namespace():
    for name in ("shapes.ttl", "vocab.ttl"):
        loaded = Graph().parse(data=data_file(name), format="turtle")  # no prefix added by any loader
        assert dict(loaded.namespaces())["mg"] == URIRef(MG), name


def test_the_vocabulary_declares_every_term_the_build_uses(seed_build, union):
    vocab = Graph().parse(data=vocabulary_text(), format="turtle")
    used = {t for triple in union for t in triple if isinstance(t, URIRef) and str(t).startswith(str(MG))}
    assert {MG.Attendance, MG.Statement, MG.status, MG.seenAt, MG.Present} <= used
    for term in used:
        assert (term, RDF.type, None) in vocab and (term, RDFS.label, None) in vocab, term
        if (term, RDF.type, OWL.NamedIndividual) not in vocab:
            assert (term, RDFS.comment, None) in vocab, term
    assert (seed_build.files["graph.ttl"].parent / "vocab.ttl").read_text(encoding="utf-8") == vocabulary_text()


def test_a_dump_of_the_store_conforms_to_the_shapes(seed_build):
    """What push sends carries the files' datatypes: the offsets stay xsd:integer in the store."""
    dump = Graph()
    for text in store_graphs(seed_build.files["graph.ttl"].parent / "store").values():
        dump.parse(data=text, format="nt")
    result = validate_graph(dump)
    assert result.conforms, result.problems[:3]


def _first(graph: Graph, s=None, p=None, o=None):
    return next(graph.triples((s, p, o)))


def _undated(g: Graph) -> None:
    g.remove(_first(g, None, SCHEMA.startDate, None))


def _backwards(g: Graph) -> None:
    position, _, end = _first(g, None, OA.end, None)
    g.set((position, OA.start, Literal(int(end) + 5)))


def _misquoted(g: Graph) -> None:
    quote, _, exact = _first(g, None, OA.exact, None)
    g.set((quote, OA.exact, Literal(str(exact) + " and more")))


def _untyped(cls):
    def mutate(g: Graph) -> None:
        g.remove((_first(g, None, RDF.type, cls)[0], RDF.type, cls))

    return mutate


def _not_an_attendee(g: Graph) -> None:
    attendance = _first(g, None, MG.status, MG.Present)[0]
    meeting, person = g.value(attendance, MG.meeting), g.value(attendance, MG.person)
    g.remove((meeting, SCHEMA.attendee, person))


def _attendee_not_present(g: Graph) -> None:
    attendance = _first(g, None, MG.status, MG.Present)[0]
    g.set((attendance, MG.status, MG.Apologies))  # still a schema:attendee of the meeting


@pytest.mark.parametrize(
    ("mutate", "said"),
    [
        (_undated, "the meeting has no date"),
        (_backwards, "not after its end"),
        (_misquoted, "oa:exact: is not characters"),
        (_untyped(ORG.Membership), "class org:Membership"),
        (_untyped(MG.Attendance), "class mg:Attendance"),
        (_untyped(MG.Statement), "class mg:Statement"),
        (_not_an_attendee, "is one of its schema:attendee"),
        (_attendee_not_present, "has no mg:Present attendance"),
    ],
    ids=[
        "no date",
        "start after end",
        "exact not the span",
        "membership untyped",
        "attendance untyped",
        "statement untyped",
        "present but no attendee",
        "attendee but not present",
    ],
)
def test_each_gap_in_the_shapes_is_caught(union, seeds, mutate, said):
    broken = Graph() + union
    mutate(broken)
    result = validate_graph(broken, sources=seeds.parent)
    assert result.spans_checked > 0
    assert not result.conforms and any(said in line for line in result.problems), (said, result.problems[:5])


def test_memberships_say_when_they_were_seen_and_which_post(union):
    """Sophie Linden held the DMPC post of MOPAC at both meetings: one membership, of the post."""
    sophie = URIRef(BASE + "person/sophie-linden")
    (m,) = union.subjects(ORG.member, sophie)
    assert union.value(m, OPENGOV.post) == URIRef(BASE + "post/dmpc")
    assert union.value(m, ORG.organization) == URIRef(BASE + "organisation/mopac")
    assert (str(union.value(m, MG.firstSeen)), str(union.value(m, MG.lastSeen))) == ("2021-07-06", "2023-07-12")
    meetings = {URIRef(BASE + "meeting/lcrb-2021-07-06"), URIRef(BASE + "meeting/lcrb-2023-07-12")}
    assert set(union.objects(m, MG.seenAt)) == meetings
    assert set(union.objects(None, MG.capacity)) <= set(union.subjects(RDF.type, ORG.Membership))
    assert {union.value(a, MG.capacity) for a in union.subjects(MG.person, sophie)} == {m}
    assert not any(union.triples((None, SCHEMA.validFrom, None)))  # first seen is not a start date


def test_sources_are_addresses_and_no_output_holds_this_machines_path(seed_build, union, seeds, tmp_path):
    assert all(isinstance(o, URIRef) for o in union.objects(None, DCTERMS.source))
    out = seed_build.files["graph.ttl"].parent
    for name in TEXT_OUTPUTS:  # the seeds were built from an absolute path
        assert str(seeds) not in (out / name).read_text(encoding="utf-8"), name
    published = tmp_path / "in" / "published.txt"
    published.parent.mkdir()
    seed = (seeds / "000_40559a58cf527947.txt").read_text(encoding="utf-8")
    published.write_text("---\nurl: https://www.london.gov.uk/lcrb/2023-07-12\n---\n" + seed, encoding="utf-8")
    built = build([published.parent], BuildSettings(out=tmp_path / "out"))
    again = Graph().parse(built.files["graph.ttl"], format="turtle")
    assert set(again.objects(None, DCTERMS.source)) == {URIRef("https://www.london.gov.uk/lcrb/2023-07-12")}


def test_names_only_as_written_and_one_language_rule(union):
    alt = [str(o) for o in union.objects(None, SKOS.altLabel)]
    assert alt and not any(a.startswith(("Royal Borough of", "City of")) or a.endswith("Borough Council") for a in alt)
    for predicate in (SKOS.prefLabel, SKOS.altLabel):
        assert {o.language for o in union.objects(None, predicate)} == {"en"}, predicate
    for predicate in (FOAF.name, SCHEMA.name, OA.exact):
        assert {o.language for o in union.objects(None, predicate)} == {None}, predicate
    scheme = Graph().parse(data=(resources.files("extract") / "data" / "topics.ttl").read_text(), format="turtle")
    both = scheme + union
    scheme_iri = URIRef(BASE + "topic/scheme")
    assert len(list(both.objects(scheme_iri, SKOS.prefLabel))) == 1  # loaded beside topics.ttl: one English label


def test_facts_the_minutes_state_are_stated_so(seed_build):
    """ "HMP Pentonville, Wandsworth and Feltham" lists three prisons, not the borough council;
    "Chair of VAWG Board" chairs the VAWG Board, not the meeting's own board."""
    g = seed_build.graph
    mentioned = {v for u, v, d in g.edges(data=True) if d["type"] == "mentions" and u.startswith("item:lcrb-2023")}
    assert {"organisation:hmp-pentonville", "organisation:hmp-wandsworth", "organisation:hmyoi-feltham"} <= mentioned
    assert "organisation:lb-wandsworth" not in mentioned
    posts = {v for u, v, d in g.edges(data=True) if d["type"] == "holds_post" and u == "person:joan-smith"}
    assert [org for p in posts for _, org, k in g.out_edges(p, keys=True) if k == "post_in"] == [
        "organisation:vawg-board"
    ]
