"""Extraction quality on the seed gold, measured with the evaluation's own scorer."""

from __future__ import annotations

import pytest

THRESHOLDS = {
    "attendee_f1": 0.97,
    "status_acc": 1.0,
    "org_acc": 0.95,
    "role_acc": 0.90,
    "item_f1": 1.0,
    "date_ok": 1.0,
    "body_ok": 1.0,
    "cross_meeting": 1.0,
    "topic_recall": 0.9,
    # The gold now lists every statement of both seeds (not only those that must be found).
    "statement_recall": 0.9,
    "statement_precision": 0.9,
}


@pytest.fixture(scope="module")
def scores(seed_build, gold, score):
    return score(seed_build.files["meetings.json"], gold).summary


@pytest.mark.parametrize(("metric", "minimum"), THRESHOLDS.items())
def test_seed_scores_meet_the_foundation_thresholds(scores, metric, minimum):
    assert scores[metric] >= minimum


def test_topic_lists_stay_short(scores):
    assert scores["topics_per_meeting"] <= 31  # at most 30 topics a meeting (labels may differ in case)
