"""Writing outputs so that a reader sees the old set or the new one, never half of either, and so
that two builds never write one folder at the same time."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from extract import MinutesGraphError

__all__ = ["write_atomic", "staged", "exclusive", "FolderBusy", "LOCK_NAME"]

LOCK_NAME = ".minutes-graph.lock"
_STAGING = ".staging-"


class FolderBusy(MinutesGraphError):
    """Another build is writing the output folder."""


def write_atomic(path: str | Path, data: str | bytes | Callable[[BinaryIO], None]) -> Path:
    """Write ``data`` (text, bytes, or a function that writes into the open file) to a temporary
    file beside ``path``, then rename it over ``path``.

    The rename is what keeps a reader from half a file. There is no fsync: outputs are made again
    whole by every build, and ext4 (like btrfs) starts writing a file's data to disk when it is
    renamed over an old one; waiting for the disk to take the 2 GB of outputs of 1,000 meetings cost
    a rebuild up to 8 s."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.chmod(tmp, 0o644)  # mkstemp makes files private; outputs are meant to be shared
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


@contextlib.contextmanager
def staged(folder: Path) -> Iterator[Path]:
    """A staging folder inside ``folder`` to write a new set of outputs into (files, and folders
    such as the store); when the block ends without an error, each entry is renamed over the one of
    that name in ``folder``.

    Nothing in ``folder`` changes until every output is written, and Ctrl-C waits for the renames
    (milliseconds), after which the build is complete. The staging folder never survives; one a killed build left is removed first."""
    folder.mkdir(parents=True, exist_ok=True)
    for left in folder.glob(_STAGING + "*"):
        shutil.rmtree(left, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=folder))
    try:
        yield staging
        names = sorted(p.name for p in staging.iterdir())
        blocked = [n for n in names if (folder / n).exists() and (folder / n).is_dir() != (staging / n).is_dir()]
        if blocked:
            what = "a file is in the way of an output folder" if (staging / blocked[0]).is_dir() else None
            raise MinutesGraphError(f"{folder / blocked[0]}: {what or 'a folder is in the way of an output file'}")
        with _interrupts_wait():
            for name in names:
                if (staging / name).is_dir() and (folder / name).exists():  # a folder cannot be renamed over one
                    os.replace(folder / name, staging / f".replaced-{name}")
                os.replace(staging / name, folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextlib.contextmanager
def _interrupts_wait() -> Iterator[None]:
    """Ctrl-C and SIGTERM held off for the block (the renames: milliseconds), and then dropped, as
    the build they would have stopped is complete. Python runs signal handlers in the main thread
    only, whichever thread the signal reached, so a handler of ours there holds them off; a mask
    would not (another thread takes the signal, and the main thread still raises KeyboardInterrupt)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # the main thread handles any signal; this thread's renames go on
        return
    previous = {s: signal.signal(s, lambda number, frame: None) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


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
