"""Parallel and incremental builds give the same graph as a serial build from scratch."""

from __future__ import annotations

import json
import shutil
import weakref
from pathlib import Path

import pytest

from extract import PARALLEL_MINIMUM
from graph import store_graphs
from minutes_graph import BuildSettings, build

PROV = "http://www.w3.org/ns/prov#"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds):
    """The seeds copied under enough names to be parsed in parallel (each copy a meeting of its own)."""
    folder = tmp_path_factory.mktemp("many")
    for seed in sorted(seeds.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for year in range(2000, 2000 + PARALLEL_MINIMUM // 2 + 1):
            (folder / f"{seed.stem}-{year}.txt").write_text(text.replace("2023", str(year)).replace("2021", str(year)))
    return folder


def outputs(result) -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in result.files.items() if name not in ("report.json",)}


def test_parallel_build_is_identical_to_serial(corpus, tmp_path, nlp):
    serial = build([corpus], BuildSettings(out=tmp_path / "serial", jobs=1, use_cache=False))
    parallel = build([corpus], BuildSettings(out=tmp_path / "parallel", jobs=2, use_cache=False))
    assert len(serial.meetings) >= PARALLEL_MINIMUM
    assert parallel.written == len(parallel.records)  # every meeting's parts made, by the workers
    assert outputs(parallel) == outputs(serial)
    # The parallel store was bulk-loaded on two threads beside the exports: the same quads.
    serial_store, parallel_store = (store_graphs(r.files["graph.ttl"].parent / "store") for r in (serial, parallel))
    assert {g: set(t.splitlines()) for g, t in parallel_store.items()} == {
        g: set(t.splitlines()) for g, t in serial_store.items()
    }


def test_unchanged_documents_come_from_the_cache_and_changes_replace_everything(corpus, tmp_path, nlp):
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    out = tmp_path / "out"
    first = build([folder], BuildSettings(out=out, jobs=1))
    assert first.from_cache == 0
    changed = sorted(folder.glob("*.txt"))[0]
    changed.write_text(changed.read_text().replace("Sophie Linden", "Sophia Lindqvist"))
    removed = sorted(folder.glob("*.txt"))[-1]
    removed.unlink()
    # Records whose outlines were lost (a build stopped between the two) are outlined again, not parsed.
    for outline in (out / "cache" / "extract").glob("*/*.outline"):
        outline.unlink()
    second = build([folder], BuildSettings(out=out, jobs=1))
    assert second.from_cache == len(first.reports) - 2
    assert second.written == 1  # the other meetings' parts are reused as they were
    text = (out / "meetings.json").read_text()
    assert "Sophia Lindqvist" in text
    assert removed.name not in text and removed.name not in (out / "graph.ttl").read_text()
    assert len(second.store.removed) == 1 and len(second.store.replaced) >= 1
    part = next((out / "cache" / "parts").glob("*/*.parts"))
    part.with_name(part.name + ".tmp").write_text("half written")  # as a stopped build leaves it
    again = build([folder], BuildSettings(out=out, jobs=1, use_cache=False))
    assert again.written == len(again.records)
    assert outputs(again) == outputs(second)
    assert len(list((out / "cache" / "parts").glob("*/*.parts"))) == len(again.records)  # no stale parts
    assert not list((out / "cache").glob("**/*.tmp"))


def test_a_change_within_one_meeting_replaces_that_meetings_graph_alone(corpus, tmp_path, nlp):
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    out = tmp_path / "out"
    build([folder], BuildSettings(out=out, jobs=1))
    before = store_graphs(out / "store")
    changed = sorted(folder.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a new source, same facts
    second = build([folder], BuildSettings(out=out, jobs=1))
    (replaced,) = second.store.replaced  # its graph names where it came from: the entities graph is as it was
    after = store_graphs(out / "store")
    provenance = [
        line for line in after[replaced].splitlines() if line.startswith(f"<{replaced}> <{PROV}wasDerivedFrom>")
    ]
    assert len(provenance) == 1 and provenance[0] not in before[replaced]
    assert {g: t for g, t in after.items() if g != replaced} == {g: t for g, t in before.items() if g != replaced}


def test_progress_is_reported_for_each_long_loop(seeds, tmp_path, nlp):
    seen = []

    def progress(iterable, total, stage):
        seen.append((stage, total))
        return iterable

    result = build([seeds], BuildSettings(out=tmp_path / "out"), progress)
    meetings = len(result.records)
    assert seen == [("Reading minutes", 2), ("Making each meeting's part", meetings), ("Writing the files", meetings)]


def test_a_changed_rule_is_seen_without_no_cache(seeds, tmp_path, monkeypatch, nlp):
    """The extraction cache is keyed by the extraction's own code: change a rule (here: a copy of
    the package with one module edited, and that module's statements dropped) and a plain rebuild
    reads the documents again."""
    import extract
    import extract.fingerprint as fingerprint

    out = tmp_path / "out"
    first = build([seeds], BuildSettings(out=out, jobs=1))
    said = json.loads(first.files["meetings.json"].read_text())["meetings"]
    assert any(i["statements"] for m in said for i in m["items"])

    package = tmp_path / "extract"
    shutil.copytree(Path(extract.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    rule = package / "statements.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# a rule changed\n", encoding="utf-8")
    files = fingerprint.resources.files
    monkeypatch.setattr(fingerprint.resources, "files", lambda name: package if name == "extract" else files(name))
    monkeypatch.setattr("extract.meeting.find_statements", lambda *args, **kwargs: ())

    again = build([seeds], BuildSettings(out=out, jobs=1))
    said = json.loads(again.files["meetings.json"].read_text())["meetings"]
    assert not any(i["statements"] for m in said for i in m["items"])


def test_a_damaged_cache_is_made_again_never_trusted(seeds, tmp_path):
    """Garbage appended to every cached part and record: the rebuild checks each digest, makes
    them again, and its outputs are the bytes of the first build (valid RDF and JSON)."""
    out = tmp_path / "out"
    first = outputs(build([seeds], BuildSettings(out=out, jobs=1)))
    damaged = 0
    for path in (out / "cache").rglob("*"):
        if path.is_file() and path.parent.parent.name in ("parts", "extract"):
            path.write_bytes(path.read_bytes() + b"\n<garbage> {\x00")
            damaged += 1
    assert damaged >= 8
    assert outputs(build([seeds], BuildSettings(out=out, jobs=1))) == first


def test_a_file_found_to_be_no_minutes_is_not_parsed_again(seeds, tmp_path):
    """An agenda or report beside the minutes costs a parse once: the cache remembers the verdict."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "minutes.txt").write_bytes((seeds / "000_40559a58cf527947.txt").read_bytes())
    (folder / "recipe.txt").write_text("Lemon cake\n\nMix the flour and sugar and bake it for an hour.\n")
    first = build([folder], BuildSettings(out=tmp_path / "out", jobs=1))
    again = build([folder], BuildSettings(out=tmp_path / "out", jobs=1))
    assert (first.from_cache, again.from_cache) == (0, 2)
    assert again.skipped == first.skipped and "recipe.txt: does not look like minutes" in again.skipped[0]


def test_the_store_never_loads_a_damaged_graph_file(seeds, tmp_path):
    """The store loads each meeting's N-Triples from their own cache file, checked against the
    digest: damaged, they are taken from the meeting's parts instead, and the store says what the
    files say."""
    import pyoxigraph as ox

    from graph import store_graphs

    out = tmp_path / "out"
    build([seeds], BuildSettings(out=out, jobs=1))
    files = list((out / "cache" / "parts").glob("*/*.nt"))
    assert len(files) == 2
    for path in files:
        path.write_bytes(path.read_bytes() + b'<urn:x> <urn:y> "garbage" .\n')
    shutil.rmtree(out / "store")  # so that every graph is loaded again
    again = build([seeds], BuildSettings(out=out, jobs=1))
    stored = {line for text in store_graphs(out / "store").values() for line in text.splitlines()}
    written = ox.Store()
    written.load(path=str(again.files["graph.nt"]), format=ox.RdfFormat.N_TRIPLES)
    assert stored == set(
        written.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode().splitlines()
    )
    assert not any("garbage" in line for line in stored)


def test_a_damaged_record_is_found_when_needed_and_its_document_read_again(seeds, tmp_path):
    """A rebuild reads outlines only; a record is checked where it is used. Records damaged and
    every meeting's parts gone: the records are needed, fail their digest, and the documents are
    read again, giving the bytes of the first build."""
    out = tmp_path / "out"
    first = outputs(build([seeds], BuildSettings(out=out, jobs=1)))
    for record in (out / "cache" / "extract").glob("*/*.pickle"):
        record.write_bytes(record.read_bytes() + b"garbage")
    shutil.rmtree(out / "cache" / "parts")
    again = build([seeds], BuildSettings(out=out, jobs=1))
    assert outputs(again) == first
    assert again.from_cache == 0  # both documents were read again


def test_each_meetings_share_of_the_summary_is_let_go_once_added(corpus, tmp_path, monkeypatch):
    """The build held every meeting's share of the summary graph until the last meeting's part was
    made (a gigabyte at 5,000 meetings): each is added as its part comes, and let go."""
    import minutes_graph.pipeline as pipeline

    made, held = [], []
    real_parts, real_add = pipeline.exports.meeting_parts, pipeline.Summary.add

    def parts(*args, **kwargs):
        written, each = real_parts(*args, **kwargs)

        def watched():
            for part in each:
                made.append(weakref.ref(part))
                yield part

        return written, watched()

    def add(summary, share):
        held.append(sum(1 for ref in made if (part := ref()) is not None and part.summary))
        real_add(summary, share)

    monkeypatch.setattr(pipeline.exports, "meeting_parts", parts)
    monkeypatch.setattr(pipeline.Summary, "add", add)
    build([corpus], BuildSettings(out=tmp_path / "out", jobs=1))
    assert len(held) == len(made) > PARALLEL_MINIMUM
    assert max(held) == 1
