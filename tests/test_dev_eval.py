"""Extraction quality on fourteen real minutes of eleven bodies other than the London boards
(tests/eval/dev: parish and community councils, an NHS standards board, a joint policing committee,
a city council, foundations' boards...), measured with the evaluation's own scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes_graph import BuildSettings, build

DEV = Path(__file__).resolve().parent / "eval" / "dev"

# The thresholds of "Read the minutes analysts actually have".
THRESHOLDS = {
    "attendee_f1": 0.90,
    "attendee_exact": 0.70,
    "status_acc": 0.95,
    "item_f1": 0.85,
    "date_ok": 0.95,
    "body_ok": 0.85,
    # And those of "Who said what" (statement precision pooled over the statements of the files
    # whose gold lists every statement).
    "statement_precision": 0.85,
    "statement_recall": 0.70,
    "topic_recall": 0.70,
    # And "One person across meetings": the 39 people of cross_meeting.json, less any false merge.
    "cross_meeting": 0.90,
}


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory, nlp):
    return build([DEV / "docs"], BuildSettings(out=tmp_path_factory.mktemp("dev-out")))


@pytest.fixture(scope="module")
def dev_scores(dev_build, score):
    return score(dev_build.files["meetings.json"], DEV / "gold")


def test_every_document_is_built(dev_build):
    report = json.loads(dev_build.files["report.json"].read_text())
    status = {Path(d["source"]).name: d["status"] for d in report["documents"]}
    assert len(status) == 14
    assert set(status.values()) == {"built"}, status


@pytest.mark.parametrize(("metric", "minimum"), THRESHOLDS.items())
def test_dev_scores_meet_the_thresholds(dev_scores, metric, minimum):
    assert dev_scores.summary[metric] >= minimum, dev_scores.output


def test_dev_topic_lists_stay_short(dev_scores):
    assert dev_scores.summary["topics_per_meeting"] <= 25


def test_no_two_dev_people_share_an_id(dev_build):
    """A false merge: two names the gold keeps apart given one person id."""
    groups = json.loads((DEV / "gold" / "cross_meeting.json").read_text())["same_person_groups"]
    canon = {name: group[0] for group in groups for name in group}
    owners: dict[str, set[str]] = {}
    for meeting in dev_build.meetings:
        for index, attendance in enumerate(meeting.attendance):
            if attendance.name in canon:
                owners.setdefault(dev_build.resolution.person_of[(meeting.id, index)], set()).add(
                    canon[attendance.name]
                )
    assert all(len(people) == 1 for people in owners.values()), owners
