"""Shared fixtures: the real spaCy pipelines (loaded once) and one build of the seeds."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from extract import document_from_bytes, extract_meeting, load_pipeline
from minutes_graph import BuildSettings, build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "eval" / "gold"
SCORER = Path(__file__).resolve().parent / "eval" / "score.py"


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The folder of real seed minutes."""
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> Path:
    """The hand-made gold annotations of the seeds."""
    return GOLD


@dataclass(frozen=True)
class Scores:
    """What the evaluation's scorer printed: the summary line, each file's line, and all of it."""

    summary: dict[str, float]
    per_file: dict[str, dict[str, float]]
    output: str


def _metrics(text: str) -> dict[str, float]:
    return {k: float(v) for k, v in (pair.split("=") for pair in text.split("  SHORT:")[0].split())}


@pytest.fixture(scope="session")
def score():
    """Run the evaluation's own scorer (tests/eval/score.py) on a meetings.json against a gold folder."""

    def run(meetings_json: Path, gold_dir: Path) -> Scores:
        done = subprocess.run(
            [sys.executable, str(SCORER), str(meetings_json), str(gold_dir)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        lines = done.stdout.strip().splitlines()
        assert lines[-1].startswith("score: ")
        per_file = {}
        for line in lines[:-1]:
            if not line.startswith(" "):  # indented lines list what was missed
                stem, _, rest = line.partition(": ")
                per_file[stem] = _metrics(rest)
        return Scores(_metrics(lines[-1].removeprefix("score: ")), per_file, done.stdout)

    return run


@pytest.fixture(scope="session")
def nlp():
    """The trained pipeline the README installs, with the gazetteer ruler."""
    pipeline = load_pipeline()
    assert "ner" in pipeline.pipe_names, "the trained spaCy pipeline is not installed (pip install -e '.[model]')"
    return pipeline


@pytest.fixture(scope="session")
def blank_nlp():
    """The rules-only pipeline used when no trained one is installed."""
    return load_pipeline("blank")


@pytest.fixture(scope="session")
def parse(nlp):
    """Extract a Meeting from a text, as if read from a file called ``name``."""

    def run(text: str, name: str = "minutes.txt", pipeline=None):
        document = document_from_bytes(name, text.encode("utf-8"))
        return extract_meeting(document, (pipeline or nlp)(document.text))

    return run


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, nlp):
    """The seeds built once into a temporary output folder, as ``minutes-graph build seeds/`` does."""
    out = tmp_path_factory.mktemp("out")
    return build([SEEDS], BuildSettings(out=out))
