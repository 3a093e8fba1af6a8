import os
import pickle
import threading

import pytest

from exports import write_all
from exports.layouts import Layout, plan, stamp


def test_files_are_written_at_once_and_joined_from_their_parts(tmp_path):
    pieces = []
    for n in range(3):
        pieces.append(tmp_path / f"piece{n}")
        pieces[-1].write_bytes(f"<{n}>".encode() * 1000)
    both_open = threading.Barrier(2, timeout=10)  # each writer waits for the other: only two at once get by

    def waits_for_the_other(handle):
        both_open.wait()
        handle.write(b"made")

    out = tmp_path / "out"
    written = write_all(
        out, {"page": waits_for_the_other, "joined": ["head ", *pieces, b" tail"], "other": waits_for_the_other}
    )
    assert written == {name: out / name for name in ("page", "joined", "other")}
    assert (out / "page").read_bytes() == (out / "other").read_bytes() == b"made"
    assert (out / "joined").read_bytes() == b"head " + b"".join(p.read_bytes() for p in pieces) + b" tail"
    assert sorted(p.name for p in out.iterdir()) == ["joined", "other", "page"]


def test_one_failed_writer_changes_nothing(tmp_path):
    out = tmp_path / "out"
    write_all(out, {"a": "old a", "b": "old b"})

    def fails(handle):
        handle.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_all(out, {"a": "new a", "b": fails, "c": "new c"})
    assert {p.name: p.read_text() for p in out.iterdir()} == {"a": "old a", "b": "old b"}


def pieces_in(folder, texts):
    folder.mkdir(exist_ok=True)
    paths = []
    for n, text in enumerate(texts):
        paths.append(folder / f"{n}-{text}.piece")
        paths[-1].write_text(text * 100)
    return paths


def test_plan_copies_the_runs_that_are_the_same_and_writes_the_rest():
    a, b, c, d = [(("file", x, 1, 1), 10) for x in "abcd"]
    comma, head = (("text", b","), 1), (("text", b"head"), 4)
    old = Layout((1, 2, 3), (head, a, comma, b, comma, c))
    new_c = (("file", "c", 2, 2), 12)  # c written again: a new inode
    assert plan([head, a, comma, b, comma, new_c, comma, d], old) == [(0, 26), 5, 6, 7]
    assert plan([head, b, comma, a], old) == [(0, 4), (15, 11), (4, 10)]  # reordered: runs where they lie


def test_a_file_written_again_copies_unchanged_parts_from_itself(tmp_path):
    out, layouts = tmp_path / "out", tmp_path / "cache" / "layouts"
    pieces = pieces_in(tmp_path / "pieces", ["a", "b", "c", "d"])
    write_all(out, {"f": ["[", *pieces, "]"], "page": "not a file of parts"}, layouts)
    kept = pickle.loads(layouts.read_bytes())
    assert set(kept) == {"f"} and kept["f"].stamp == stamp(out / "f")
    changed = pieces_in(tmp_path / "new", ["B"])[0]
    parts = ["[", pieces[0], changed, *pieces[2:], "]"]
    write_all(out, {"f": parts}, layouts)
    assert (out / "f").read_text() == "[" + "a" * 100 + "B" * 100 + "c" * 100 + "d" * 100 + "]"
    for piece in pieces:  # pieces are never rewritten in place: this one is, its stamp kept
        times = piece.stat()
        piece.write_text("x" * 100)
        os.utime(piece, ns=(times.st_atime_ns, times.st_mtime_ns))
    write_all(out, {"f": parts}, layouts)  # so its part comes from the file as written, not from it
    assert (out / "f").read_text() == "[" + "a" * 100 + "B" * 100 + "c" * 100 + "d" * 100 + "]"


def test_a_file_changed_since_it_was_written_is_not_copied_from(tmp_path):
    out, layouts = tmp_path / "out", tmp_path / "layouts"
    pieces = pieces_in(tmp_path / "pieces", ["a", "b"])
    write_all(out, {"f": pieces}, layouts)
    (out / "f").write_text("edited by hand, same length" + " " * 173)
    write_all(out, {"f": pieces}, layouts)
    assert (out / "f").read_text() == "a" * 100 + "b" * 100
