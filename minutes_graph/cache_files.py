"""Files of the build's caches (extracted records, meetings' pieces): replaced whole by a rename so
a stopped build never leaves half a file under the real name, and not fsynced, like the outputs
(see exports.write_atomic): a lost cache file is only made again. Every pickle ends with a digest of
what it holds, checked before use, so a damaged cache file is made again, never trusted."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

__all__ = [
    "UNREADABLE",
    "DamagedCache",
    "intact",
    "read_pickle",
    "write_pickle",
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


def write_pickle(path: Path, value) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        checked = _Checked(handle)
        pickle.dump(value, checked, protocol=pickle.HIGHEST_PROTOCOL)
        handle.write(checked.digest.digest())
    os.replace(tmp, path)


def _checked(path: Path) -> memoryview:
    raw = memoryview(path.read_bytes())  # a view, not a copy, of all but the digest
    data, check = raw[:-_CHECK], raw[-_CHECK:]
    if len(raw) <= _CHECK or hashlib.blake2b(data, digest_size=_CHECK).digest() != check:
        raise DamagedCache(f"{path}: damaged")
    return data


def read_pickle(path: Path):
    """What ``write_pickle`` wrote; raises one of UNREADABLE when it cannot be had as written."""
    return pickle.loads(_checked(path))  # noqa: S301 - our own cache, its digest checked


def intact(path: Path) -> bool:
    """Whether a pickle ``write_pickle`` wrote is there as written (without unpickling it)."""
    try:
        _checked(path)
    except (OSError, DamagedCache):
        return False
    return True
