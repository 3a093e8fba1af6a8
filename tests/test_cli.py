"""The command line, end to end: the README's build, its messages, exit codes and help."""

from __future__ import annotations

import errno
import json
import os

import pytest
from click.testing import CliRunner

from minutes_graph.cli import cli
from minutes_graph.pipeline import OUTPUT_FILES


@pytest.fixture(scope="module")
def built(tmp_path_factory, seeds, nlp):
    out = tmp_path_factory.mktemp("cli") / "out"
    result = CliRunner().invoke(cli, ["build", str(seeds), "--out", str(out)])
    return result, out


def test_build_writes_every_output_and_a_summary(built):
    result, out = built
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUT_FILES, "store", "cache", ".minutes-graph.lock"])
    assert "Built a graph of 2 meetings: 56 people" in result.stdout
    assert f"Wrote to {out}/: {', '.join(OUTPUT_FILES)}" in result.stdout
    assert f"Store {out}/store/: 3 named graphs replaced, 0 unchanged." in result.stdout
    assert not list(out.glob(".*.tmp")) and not list(out.glob(".staging-*"))


def test_meetings_json_has_the_evaluation_shape(built):
    _, out = built
    data = json.loads((out / "meetings.json").read_text())
    meeting = data["meetings"][0]
    assert {"id", "source", "title", "body", "date", "attendees", "items", "topics"} <= set(meeting)
    assert {"person_id", "name", "honorific", "role", "organisation", "status"} <= set(meeting["attendees"][0])
    assert {"number", "title", "topics", "statements"} <= set(meeting["items"][0])
    assert meeting["date"] == "2021-07-06"


def test_missing_path_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == f"Error: no minutes could be read: {tmp_path / 'nowhere'}: no such file or folder\n"
    assert not (tmp_path / "out").exists()


def test_bad_files_are_skipped_with_a_message_and_good_ones_built(tmp_path, seeds):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "seed.txt").write_bytes((seeds / "000_40559a58cf527947.txt").read_bytes())
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0
    assert f"skipped: {tmp_path.name}/empty.txt: file is empty\n" in result.stderr
    strict = CliRunner().invoke(cli, ["build", str(tmp_path), "--out", str(tmp_path / "out"), "-q", "--strict"])
    assert strict.exit_code == 1
    assert "Error: 1 input(s) could not be read (--strict)" in strict.stderr


def test_unknown_spacy_model_is_a_clear_error(tmp_path, seeds):
    result = CliRunner().invoke(cli, ["build", str(seeds), "--out", str(tmp_path), "--spacy-model", "xx_nothing"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: spaCy pipeline 'xx_nothing' is not installed")
    assert result.output.count("\n") == 1


def test_bad_base_iri_is_refused(tmp_path, seeds):
    result = CliRunner().invoke(cli, ["build", str(seeds), "--out", str(tmp_path), "--base-iri", "https://x.org/a"])
    assert result.exit_code == 2
    assert "must end with '/' or '#'" in result.output


@pytest.mark.parametrize("command", [[], ["build"]])
def test_help(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.output


def test_without_a_trained_pipeline_the_build_runs_on_rules_and_says_so_once(tmp_path, seeds, monkeypatch):
    monkeypatch.setattr("extract.nlp.DEFAULT_MODELS", ("xx_not_installed_here",))
    result = CliRunner().invoke(cli, ["build", str(seeds), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0
    assert result.stderr.count("no trained spaCy pipeline is installed; running on rules only") == 1
    assert (tmp_path / "meetings.json").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["who", "knife crime"], "Who discussed knife crime:"),
        (["person", "Sophie Linden"], "Most often met:"),
        (["topic", "VAWG"], "Timeline:"),
        (["org", "CPS North"], "Barry Hughes"),
        (["stats"], "Most connected people"),
    ],
)
def test_question_commands(built, args, expected):
    _, out = built
    result = CliRunner().invoke(cli, [*args, "--graph", str(out / "graph.json")])
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_question_as_json(built):
    _, out = built
    result = CliRunner().invoke(cli, ["person", "sophie linden", "--graph", str(out / "graph.json"), "--json"])
    assert json.loads(result.output)["name"] == "Sophie Linden"


def test_question_without_a_build_says_what_to_do(tmp_path):
    result = CliRunner().invoke(cli, ["stats", "--graph", str(tmp_path / "graph.json")])
    assert result.exit_code == 1
    assert "run 'minutes-graph build' first" in result.output
    assert result.output.count("\n") == 1


def test_unknown_name_exits_1_with_a_suggestion(built):
    _, out = built
    result = CliRunner().invoke(cli, ["person", "Sophie Lindon", "--graph", str(out / "graph.json")])
    assert result.exit_code == 1
    assert result.output == "Error: no person called 'Sophie Lindon' in the graph; did you mean Sophie Linden?\n"


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (errno.ENOSPC, "the disk is full; free some space or choose another --out"),
        (errno.EROFS, "the file system is read-only; choose another --out"),
        (errno.EACCES, "permission denied; choose an --out folder you can write to"),
    ],
)
def test_an_output_folder_that_cannot_be_written_is_one_line(tmp_path, seeds, monkeypatch, error, says):
    """A full disk or a read-only folder, raised where the build writes its files (the test runs as
    root, who can write anywhere, so the write itself is made to fail)."""
    import exports.files

    def fail(path, *args, **kwargs):
        raise OSError(error, os.strerror(error), str(path))

    monkeypatch.setattr(exports.files, "write_atomic", fail)
    monkeypatch.setattr("minutes_graph.pipeline.exports.write_atomic", fail)
    result = CliRunner().invoke(cli, ["build", str(seeds), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert says in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
