"""Hostile and broken input: nothing crashes, nothing is lost, nothing leaks (the README's table)."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph

from exports import LOCK_NAME
from extract import slug
from minutes_graph import BuildSettings, build
from minutes_graph.cli import cli

SEED = "000_40559a58cf527947.txt"
MINUTES = "Safer Streets Board - 3 March 2024 - Minutes\n\nPresent\n\n{people}\n\nItem 1 - Welcome\n\nThe MPS noted the demand.\n"


def run(*args):
    return CliRunner().invoke(cli, ["build", *map(str, args), "-q"])


@pytest.fixture
def folder(tmp_path, seeds):
    """A folder with one good seed in it, and the output folder beside it."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / SEED).write_bytes((seeds / SEED).read_bytes())
    return inputs, tmp_path / "out"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b" \n\t \n", "file is empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary file, not text"),
        (
            "recipe.txt",
            b"Lemon cake\n\nMix the flour and sugar and bake it for an hour.\n",
            "does not look like minutes",
        ),
        ("fake.pdf", b"%PDF-1.4 nonsense", "not a readable PDF"),
        ("fake.docx", b"PK\x03\x04 not really a zip", "not a readable Word document"),
        ("notes.pdf", b"just text in a .pdf", "not a readable PDF"),
    ],
)
def test_bad_file_is_named_and_the_rest_still_builds(folder, name, data, message):
    inputs, out = folder
    (inputs / name).write_bytes(data)
    result = run(inputs, "--out", out)
    assert result.exit_code == 0, result.output
    assert f"skipped: in/{name}: {message}" in result.stderr
    assert (out / "meetings.json").exists()
    assert "Traceback" not in result.output


def _docx_parts(document_xml: bytes) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def _laughs() -> bytes:
    """A Word document whose XML expands entities a billion times ("billion laughs")."""
    entities = b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"lol") * 10) for i in range(1, 10)
    )
    return _docx_parts(
        b'<?xml version="1.0"?><!DOCTYPE lolz [' + entities + b"]>"
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        b"<w:t>Minutes of the Board, 3 March 2024 &lol9;</w:t></w:r></w:p></w:body></w:document>"
    )


def _pdf_bomb() -> bytes:
    import zlib

    squeezed = zlib.compress(b"\0" * 600_000_000, 9)
    return (
        b"%PDF-1.4\n1 0 obj<</Length "
        + str(len(squeezed)).encode()
        + b"/Filter/FlateDecode>>stream\n"
        + squeezed
        + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def _encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Minutes of the Board, 3 March 2024")
    pdf.set_encryption(owner_password="owner", user_password="user", encryption_method="AES_256")
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        (
            "broken.docx",
            lambda: _docx_parts(b'<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>cut off'),
            "not a readable Word document (XMLSyntaxError",
        ),
        ("bomb.docx", lambda: _docx_parts(b"\0" * 250_000_000), "the Word document unpacks to 250 MB, over the 200 MB"),
        ("laughs.docx", _laughs, "not a readable Word document (XMLSyntaxError: Maximum entity amplification"),
        ("locked.pdf", _encrypted_pdf, "the PDF is encrypted; save an unprotected copy"),
        ("bomb.pdf", _pdf_bomb, "the PDF unpacks to over 500 MB; a decompression bomb?"),
    ],
)
def test_malformed_and_hostile_files_are_each_one_line(folder, name, make, message):
    inputs, out = folder
    (inputs / name).write_bytes(make())
    result = run(inputs, "--out", out)
    assert result.exit_code == 0, result.output
    assert f"skipped: in/{name}: {message}" in result.stderr
    assert "Traceback" not in result.output


def test_huge_file_is_refused_with_the_limit(folder):
    inputs, out = folder
    with open(inputs / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)
    result = run(inputs, "--out", out)
    assert result.exit_code == 0
    assert "skipped: in/huge.txt: file is 52.4 MB, over the 21 MB limit" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_other_encodings_are_decoded_not_rejected(tmp_path, encoding):
    path = tmp_path / "m.txt"
    path.write_bytes(MINUTES.format(people="Zoë Müller, MOPAC\nJosé Núñez, MPS").encode(encoding))
    result = run(path, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "out" / "meetings.json").read_text(encoding="utf-8")
    assert "Zoë Müller" in text and "José Núñez" in text


def test_a_few_invalid_bytes_are_replaced_with_a_warning(tmp_path):
    path = tmp_path / "m.txt"
    path.write_bytes(MINUTES.format(people="Jane Doe, MOPAC").encode() + "caf\u00e9".encode("utf-8") + b"\xff\xfe\x81")
    result = run(path, "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "warning:" in result.stderr or (tmp_path / "out" / "meetings.json").exists()


def test_thousands_of_files(tmp_path, seeds):
    inputs = tmp_path / "many"
    inputs.mkdir()
    for i in range(2000):
        (inputs / f"note-{i:04d}.txt").write_text(f"Note {i}: nothing to see.\n")
    (inputs / SEED).write_bytes((seeds / SEED).read_bytes())
    started = time.perf_counter()
    result = run(inputs, "--out", tmp_path / "out", "--spacy-model", "blank")
    assert result.exit_code == 0
    assert result.stderr.count("skipped:") == 2000
    assert time.perf_counter() - started < 120


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file: no permission error to see")
def test_unreadable_file(folder):
    inputs, out = folder
    secret = inputs / "secret.txt"
    secret.write_text("x")
    secret.chmod(0)
    result = run(inputs, "--out", out)
    assert "skipped: in/secret.txt: cannot read (Permission denied)" in result.stderr


def test_symlink_loops_do_not_hang(folder):
    inputs, out = folder
    (inputs / "a.txt").symlink_to(inputs / "b.txt")
    (inputs / "b.txt").symlink_to(inputs / "a.txt")
    (inputs / "again").symlink_to(inputs, target_is_directory=True)
    result = run(inputs, "--out", out)
    assert result.exit_code == 0
    assert "skipped: in/a.txt: symbolic link loop" in result.stderr
    assert "1 named graphs" not in result.output


def test_missing_path(tmp_path):
    result = run(tmp_path / "nowhere", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output == f"Error: no minutes could be read: {tmp_path / 'nowhere'}: no such file or folder\n"


def test_minutes_missing_parts_are_built_with_warnings(tmp_path):
    path = tmp_path / "bare.txt"
    path.write_text("Minutes - 3 March 2024\n\nItem 1 - Welcome\n\nThe MPS noted the demand.\n")
    result = run(path, "--out", tmp_path / "out")
    assert result.exit_code == 0
    for missing in ("no attendee list found", "no board or committee name found"):
        assert f"warning: bare.txt: {missing}" in result.stderr


def test_minutes_need_a_date(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Item 1 - Welcome\n\nThe MPS noted the demand.\n")
    result = run(path, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "undated.txt: does not look like minutes (no meeting date)" in result.stderr


def test_five_hundred_attendees(tmp_path):
    first = [
        "Amy",
        "Ben",
        "Cara",
        "Dev",
        "Ella",
        "Finn",
        "Gita",
        "Hugo",
        "Isla",
        "Jack",
        "Kemi",
        "Liam",
        "Maya",
        "Nico",
        "Olga",
        "Pete",
        "Qasim",
        "Rosa",
        "Sam",
        "Tara",
        "Umar",
        "Vera",
        "Will",
        "Xena",
        "Yusuf",
    ]
    last = [
        "Adams",
        "Brown",
        "Clark",
        "Davies",
        "Evans",
        "Fisher",
        "Green",
        "Hughes",
        "Irwin",
        "Jones",
        "King",
        "Lewis",
        "Moore",
        "Nolan",
        "Owen",
        "Price",
        "Quinn",
        "Reid",
        "Shaw",
        "Turner",
    ]
    people = "\n".join(f"{f} {s}, MOPAC" for f in first for s in last)
    path = tmp_path / "big.txt"
    path.write_text(MINUTES.format(people=people))
    started = time.perf_counter()
    result = run(path, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "meetings.json").read_text())
    assert len(data["meetings"][0]["attendees"]) == 500
    assert time.perf_counter() - started < 60


def test_names_in_any_script_are_kept_exactly(tmp_path):
    names = ["Zoë O'Neil-Ávila", "Jean-Luc D'Arcy", "李明", "Νίκος Παπαδόπουλος"]
    path = tmp_path / "m.txt"
    path.write_text(MINUTES.format(people="\n".join(f"{n}, MOPAC" for n in names)), encoding="utf-8")
    assert run(path, "--out", tmp_path / "out").exit_code == 0
    text = (tmp_path / "out" / "meetings.json").read_text(encoding="utf-8")
    for name in names:
        assert f'"name": "{name}"' in text


def test_the_same_meeting_under_two_names_is_one(folder):
    inputs, out = folder
    (inputs / "copy.txt").write_bytes((inputs / SEED).read_bytes())
    result = CliRunner().invoke(cli, ["build", str(inputs), "--out", str(out)])
    assert result.exit_code == 0
    assert "Built a graph of 1 meetings" in result.output
    assert "duplicate" in result.output
    assert "same meeting as in/000_40559a58cf527947.txt" in result.stderr


def test_markup_and_quotes_in_names_reach_turtle_as_valid_literals(tmp_path):
    path = tmp_path / "m.txt"
    board = 'Board <script>alert("x")</script> & "Quotes" \\ - 3 March 2024 - Minutes'
    path.write_text(
        MINUTES.replace("Safer Streets Board - 3 March 2024 - Minutes", board).format(
            people="Jane O'Hara-<b>Smith</b>, MOPAC"
        ),
        encoding="utf-8",
    )
    assert run(path, "--out", tmp_path / "out").exit_code == 0
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    titles = {str(o) for o in g.objects() if "script" in str(o)}
    assert any('<script>alert("x")</script>' in t for t in titles)
    html = (tmp_path / "out" / "graph.html").read_text()
    assert "<script>alert" not in html


@given(st.text(max_size=80))
def test_ids_from_any_name_make_valid_iris(name):
    ident = slug(name)
    assert all(c not in ident for c in ' <>"{}|\\^`\n\t')
    g = Graph().parse(data=f"<https://example.org/person/{ident or 'x'}> <https://example.org/p> 1 .", format="turtle")
    assert len(g) == 1


def test_a_second_build_of_the_same_folder_is_refused(folder):
    inputs, out = folder
    out.mkdir()
    with open(out / LOCK_NAME, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run(inputs, "--out", out)
    assert result.exit_code == 1
    assert result.output == f"Error: {out}: another build is writing here; try again when it has finished\n"


def test_a_failed_build_leaves_the_previous_outputs(folder):
    inputs, out = folder
    assert run(inputs, "--out", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (out / "graph.html").unlink()
    (out / "graph.html").mkdir()  # something in the way of one output
    (inputs / "second.txt").write_text(MINUTES.format(people="Jane Doe, MOPAC"))
    result = run(inputs, "--out", out)
    assert result.exit_code == 1
    assert "a folder is in the way of an output file" in result.output
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == {k: v for k, v in before.items() if k != "graph.html"}
    assert not list(out.glob(".staging-*"))


def test_ctrl_c_leaves_the_previous_outputs(folder):
    inputs, out = folder
    assert run(inputs, "--out", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (inputs / "second.txt").write_text(MINUTES.format(people="Jane Doe, MOPAC"))
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes_graph", "build", str(inputs), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    with open(out / LOCK_NAME) as lock:  # wait until the build holds the folder, then interrupt it
        for _ in range(600):
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(lock, fcntl.LOCK_UN)
                time.sleep(0.05)
            except BlockingIOError:
                break
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the build finished before the interrupt arrived")
    # 130, or death by SIGINT when the interrupt lands as Python finalises: a shell reports both as 130.
    assert process.returncode in (130, -signal.SIGINT), err.decode()
    assert b"keeps the outputs of the previous build" in err
    assert b"Traceback" not in err
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    if after != before:  # the interrupt came after the new set was in place: it must be whole
        complete = build([inputs], BuildSettings(out=out.parent / "again", jobs=1))
        for name in ("meetings.json", "graph.nt", "graph.ttl"):
            assert after[name] == complete.files[name].read_bytes()
    assert not list(out.glob(".staging-*"))


# A build that kills itself (SIGKILL: no cleanup runs) once the store stage has loaded a graph.
_KILLED_IN_THE_STORE_STAGE = """
import os, signal, sys
import graph.store
real, loaded = graph.store.GraphSource.text, []
def text(self):
    loaded.append(self)
    if len(loaded) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(self)
graph.store.GraphSource.text = text
from minutes_graph.cli import main
sys.argv = ["minutes-graph", "build", sys.argv[1], "--out", sys.argv[2], "--jobs", "1", "-q"]
main()
"""


def _stored(out) -> set[str]:
    from graph import store_graphs

    return {line for text in store_graphs(out / "store").values() for line in text.splitlines()}


def _in_files(out) -> set[str]:
    """graph.nt's triples, written as the store writes them."""
    import pyoxigraph as ox

    memory = ox.Store()
    memory.load(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    return set(memory.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode().splitlines())


def test_a_kill_in_the_store_stage_leaves_store_and_files_of_one_build(folder):
    """kill -9 while the store takes a changed meeting: store and files are both the previous
    build's, and the next build leaves them equal again."""
    inputs, out = folder
    assert run(inputs, "--out", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    seed = inputs / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("Sophie Linden", "Sophia Lindqvist"), encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", _KILLED_IN_THE_STORE_STAGE, str(inputs), str(out)], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert _stored(out) == _in_files(out)
    assert run(inputs, "--out", out).exit_code == 0
    assert "Sophia Lindqvist" in (out / "graph.nt").read_text(encoding="utf-8")
    assert _stored(out) == _in_files(out)
    assert not list(out.glob(".staging-*"))
