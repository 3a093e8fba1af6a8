import threading

import pytest

from exports import write_all


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
