"""Files of the build's caches (extracted records, meetings' pieces): replaced whole by a rename so
a stopped build never leaves half a file under the real name, and not fsynced, like the outputs
(see exports.write_atomic): a lost cache file is only made again. Every pickle ends with a digest of
what it holds, checked before use, so a damaged cache file is made again, never trusted."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "UNREADABLE",
    "DamagedCache",
    "intact",
    "read_pickle",
    "read_pickles",
    "write_pickle",
    "write_pickles",
]

_CHECK = 16  # bytes of digest after each pickle


class DamagedCache(ValueError):
    """A cache file whose content is not what was written."""


# What reading a cached pickle can raise: missing, cut short, damaged, or written by other code.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, DamagedCache)


class _Checked:
    """A file pickle writes into, its digest taken as the bytes pass: the entities' parts are hundreds
    of megabytes at 5,000 meetings, and a pickle made in memory and then appended to held three copies."""

    def __init__(self, handle) -> None:
        self.handle, self.digest = handle, hashlib.blake2b(digest_size=_CHECK)

    def write(self, data) -> None:
        self.digest.update(data)
        self.handle.write(data)


def write_pickles(path: Path, values: Iterable) -> None:
    """Each of ``values`` pickled in turn into one file, with the digest of them all at its end."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        checked = _Checked(handle)
        for value in values:
            pickle.dump(value, checked, protocol=pickle.HIGHEST_PROTOCOL)
        handle.write(checked.digest.digest())
    os.replace(tmp, path)


def write_pickle(path: Path, value) -> None:
    write_pickles(path, [value])


def _verified(path: Path) -> tuple[BinaryIO, int]:
    """The file open at its start, and where its pickles end, once its digest is found to match:
    read in chunks, so that checking a big file does not hold it."""
    handle = open(path, "rb")  # noqa: SIM115 - handed to the caller, closed there
    try:
        end = os.fstat(handle.fileno()).st_size - _CHECK
        digest, left = hashlib.blake2b(digest_size=_CHECK), end
        while left > 0 and (chunk := handle.read(min(left, 1 << 20))):
            digest.update(chunk)
            left -= len(chunk)
        if end <= 0 or left or handle.read() != digest.digest():
            raise DamagedCache(f"{path}: damaged")
        handle.seek(0)
        return handle, end
    except BaseException:
        handle.close()
        raise


def read_pickles(path: Path) -> Iterator:
    """What ``write_pickles`` wrote, one value at a time; raises one of UNREADABLE (before the first)
    when the file is not as written."""
    handle, end = _verified(path)
    with handle:
        while handle.tell() < end:
            yield pickle.load(handle)  # noqa: S301 - our own cache, its digest checked


def read_pickle(path: Path):
    """What ``write_pickle`` wrote; raises one of UNREADABLE when it cannot be had as written."""
    (value,) = read_pickles(path)  # read to its end, which closes the file
    return value


def intact(path: Path) -> bool:
    """Whether a file ``write_pickles`` wrote is there as written (without unpickling it)."""
    try:
        _verified(path)[0].close()
    except (OSError, DamagedCache):
        return False
    return True
