"""Writing outputs so that a reader sees the old set or the new one, never half of either, and so
that two builds never write one folder at the same time."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import pickle
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

from extract import MinutesGraphError

from .layouts import Layout, Step, part_ids, plan, stamp

__all__ = ["write_atomic", "write_all", "exclusive", "FolderBusy", "LOCK_NAME"]

LOCK_NAME = ".minutes-graph.lock"
# Files written at once. Copying pieces together is the kernel's work (the GIL is let go), so a
# writer that makes its content in Python (the page) runs beside the copies. A 1,000-meeting
# rebuild with its pieces out of the page cache took 16.4 s with one writer, 15.4 s with two and
# 15.9 s with three on this 2-core machine (medians of three).
WRITERS = 2


class FolderBusy(MinutesGraphError):
    """Another build is writing the output folder."""


Part = str | bytes | Path
Writer = Callable[[BinaryIO], None]  # writes a file's content into the open file it is given
Data = str | bytes | Sequence[Part] | Writer


def _copy_in(piece: BinaryIO, handle: BinaryIO) -> None:
    """The rest of ``piece`` appended to ``handle``: by the kernel where it can (a rebuild copies
    gigabytes of unchanged pieces), else through a buffer."""
    handle.flush()
    try:
        while os.copy_file_range(piece.fileno(), handle.fileno(), 1 << 30):
            pass
    except (AttributeError, OSError):  # no copy_file_range here, or not between these files
        shutil.copyfileobj(piece, handle, 1 << 20)


def _copy_range(source: BinaryIO, handle: BinaryIO, offset: int, length: int) -> None:
    """``length`` bytes of ``source`` from ``offset`` appended to ``handle``, as ``_copy_in``."""
    handle.flush()
    try:
        while length and (copied := os.copy_file_range(source.fileno(), handle.fileno(), length, offset)):
            offset, length = offset + copied, length - copied
    except (AttributeError, OSError):  # no copy_file_range here, or not between these files
        source.seek(offset)
        while length and (block := source.read(min(length, 1 << 20))):
            handle.write(block)
            length -= len(block)
    if length:
        raise MinutesGraphError(f"{source.name}: shorter than when it was written; build again")


def _write_steps(handle: BinaryIO, parts: Sequence[Part], steps: Sequence[Step], old: Path) -> None:
    with open(old, "rb") as source:
        for step in steps:
            if isinstance(step, tuple):
                _copy_range(source, handle, *step)
            else:
                _write_parts(handle, [parts[step]])


def _write_parts(handle: BinaryIO, parts: Sequence[Part]) -> None:
    for part in parts:
        if isinstance(part, Path):  # a piece kept on disk: copied, never held whole in memory
            with open(part, "rb") as piece:
                _copy_in(piece, handle)
        else:
            handle.write(part.encode("utf-8") if isinstance(part, str) else part)


def write_atomic(path: str | Path, data: Data) -> Path:
    """Write ``data`` (text, bytes, parts of either and files to copy in order, or a function that
    writes into the open file) to a temporary file beside ``path``, then rename it over ``path``.

    The rename is what keeps a reader from half a file. There is no fsync: outputs are made again
    whole by every build, ext4 (like btrfs) starts writing a file's data to disk when it is renamed
    over an old one, and waiting for the disk to take the 2 GB of outputs of 1,000 meetings cost a
    rebuild up to 8 s of its 24."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.chmod(tmp, 0o644)  # mkstemp makes files private; outputs are meant to be shared
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                _write_parts(handle, [data] if isinstance(data, str | bytes) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _read_layouts(path: Path | None) -> dict[str, Layout]:
    try:
        with open(path, "rb") as f:  # type: ignore[arg-type]
            layouts = pickle.load(f)  # noqa: S301 - our own file
        return layouts if isinstance(layouts, dict) else {}
    except (TypeError, OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return {}


def write_all(folder: Path, contents: Mapping[str, Data], layouts: Path | None = None) -> dict[str, Path]:
    """Write every file into a staging folder first, WRITERS at a time, then rename them into
    ``folder`` one by one.

    Nothing in ``folder`` changes until every file is written; a target that cannot be replaced
    (a folder in the way) is found before the first rename. The staging folder never survives.
    With ``layouts`` (a file of this function's own), a file of parts keeps where each part lies in
    it, and the next call copies the parts that are the same from the file as it was written
    (see ``layouts.py``); a file changed since is not trusted, and is written from its parts.
    """
    folder.mkdir(parents=True, exist_ok=True)
    blocked = [name for name in contents if (folder / name).is_dir()]
    if blocked:
        raise MinutesGraphError(f"{folder / blocked[0]}: a folder is in the way of an output file")
    old_layouts = _read_layouts(layouts)
    if layouts:
        layouts.unlink(missing_ok=True)  # it describes files about to be replaced
    # Planned here, before any writer starts: the stat of every piece waits for the GIL once each,
    # which took seconds beside the page being made.
    written: dict[str, list] = {}
    contents = dict(contents)
    for name, data in contents.items():
        if layouts is None or callable(data) or isinstance(data, str | bytes):
            continue
        parts = [p.encode("utf-8") if isinstance(p, str) else p for p in data]
        written[name] = ids = part_ids(parts)
        old = old_layouts.get(name)
        if old is None or stamp(folder / name) != old.stamp:
            contents[name] = parts
        else:
            contents[name] = functools.partial(_write_steps, parts=parts, steps=plan(ids, old), old=folder / name)

    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=folder))
    try:
        with ThreadPoolExecutor(WRITERS) as pool:
            writes = [pool.submit(write_atomic, staging / name, data) for name, data in contents.items()]
            try:
                for write in writes:
                    write.result()
            except BaseException:
                pool.shutdown(cancel_futures=True)  # the files not begun; those being written finish
                raise
        # Ctrl-C waits until every file is in place: the renames take milliseconds.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            for name in contents:
                os.replace(staging / name, folder / name)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if layouts:
        kept = {name: Layout(stamp(folder / name), tuple(ids)) for name, ids in written.items()}
        with contextlib.suppress(OSError):  # a cache: without it the next build copies every part
            write_atomic(layouts, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
    return {name: folder / name for name in contents}


@contextlib.contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold the folder's lock for the block; a second build at the same time is refused at once."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_NAME, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            raise FolderBusy(f"{folder}: another build is writing here; try again when it has finished") from e
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
