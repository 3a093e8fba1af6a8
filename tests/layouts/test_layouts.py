"""Minutes in other layouts and formats, built and scored like the seeds."""

from __future__ import annotations

import json

import pytest

from graph import union_graph, validate_graph
from minutes_graph import BuildSettings, build

THRESHOLDS = {
    "attendee_f1": 0.97,
    "status_acc": 1.0,
    "org_acc": 0.95,
    "role_acc": 0.9,
    "date_ok": 1.0,
    "body_ok": 1.0,
    "topic_recall": 0.9,
    "statement_recall": 1.0,
}


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory, nlp):
    minutes, _ = corpus
    return build([minutes], BuildSettings(out=tmp_path_factory.mktemp("out")))


@pytest.fixture(scope="module")
def scores(built, corpus, score):
    result = score(built.files["meetings.json"], corpus[1])
    return result.per_file, result.output


@pytest.mark.parametrize("stem", ["cabinet", "panel", "board", "scrutiny"])
@pytest.mark.parametrize(("metric", "minimum"), THRESHOLDS.items())
def test_layout_scores(scores, stem, metric, minimum):
    per_file, output = scores
    assert per_file[stem][metric] >= minimum, output


@pytest.mark.parametrize("stem", ["panel", "board", "scrutiny"])
def test_items(scores, stem):
    per_file, output = scores
    assert per_file[stem]["item_f1"] == 1.0, output


def test_council_minute_numbers_are_items(built):
    cabinet = next(m for m in built.meetings if m.source.endswith("cabinet.txt"))
    assert [(i.number, i.title) for i in cabinet.items] == [
        ("23/45", "DECLARATIONS OF INTEREST"),
        ("23/46", "SAFER NEIGHBOURHOODS UPDATE"),
        ("23/47", "ANY OTHER BUSINESS"),
    ]


def test_every_format_is_reported(built):
    report = json.loads(built.files["report.json"].read_text())
    status = {d["source"].rsplit("/", 1)[-1]: d["status"] for d in report["documents"]}
    assert status == {"board.docx": "built", "cabinet.txt": "built", "panel.html": "built", "scrutiny.pdf": "built"}


def test_page_furniture_is_dropped(built):
    panel = next(m for m in built.meetings if m.source.endswith("panel.html"))
    assert "cookies" not in " ".join(a.name for a in panel.attendance).casefold()
    assert panel.title == "Minutes of the meeting held on 3 March 2024"


def test_the_build_conforms_to_the_shapes(built):
    result = validate_graph(union_graph(built.dataset))
    assert result.conforms, result.problems[:5]
