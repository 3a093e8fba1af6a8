import networkx as nx
import pytest

from exports import FORMATS, GraphJson, GraphML, WriteContext, graph_text, parts_of, staged, write_formats
from graph import Piece, Resolution, graph_from_json


def test_staged_files_replace_the_old_set_together(tmp_path):
    out = tmp_path / "out"
    with staged(out) as staging:
        (staging / "a").write_text("old a")
        (staging / "b").write_text("old b")
    with pytest.raises(OSError, match="No space left"), staged(out) as staging:
        (staging / "a").write_text("new a")
        raise OSError(28, "No space left on device")
    assert {p.name: p.read_text() for p in out.iterdir()} == {"a": "old a", "b": "old b"}
    with staged(out) as staging:
        (staging / "b").write_text("new b")
    assert {p.name: p.read_text() for p in out.iterdir()} == {"a": "old a", "b": "new b"}


def test_every_format_writes_its_file_a_piece_at_a_time(tmp_path):
    pieces = []
    for n in range(3):
        g = nx.MultiDiGraph()
        g.add_node(f"item:{n}", type="item", label=f"Item {n}", start=n)
        g.add_node("topic:x", type="topic", label="X")
        g.add_edge(f"item:{n}", "topic:x", key="discusses", type="discusses", meeting="m", start=n, end=n + 1)
        pieces.append(Piece.of_graph(g))
    files = write_formats(
        tmp_path, WriteContext("https://example.org/", Resolution({}, {})), [parts_of(p) for p in pieces]
    )
    assert sorted(files) == sorted(writer.name for writer in FORMATS)
    back = graph_from_json(files["graph.json"].read_text(encoding="utf-8"))
    assert sorted(back.nodes) == ["item:0", "item:1", "item:2", "topic:x"]  # "topic:x" in each piece, once here
    assert back.number_of_edges() == 3
    assert nx.read_graphml(files["graph.graphml"]).number_of_edges() == 3
    assert len(files["edges.csv"].read_text().splitlines()) == 4


def test_an_attribute_graphml_cannot_declare_is_refused_never_dropped():
    g = nx.MultiDiGraph()
    g.add_node("person:x", type="person", label="X", shoe_size=9)
    with pytest.raises(ValueError, match="'shoe_size' is not declared"):
        graph_text(GraphML, g)
    assert '"shoe_size": 9' in graph_text(GraphJson, g)
