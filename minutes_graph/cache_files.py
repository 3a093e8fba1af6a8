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
    "checksum",
    "intact",
    "replace_file",
    "read_pickle",
    "write_pickle",
]

_CHECK = 16  # bytes of digest after each pickle


class DamagedCache(ValueError):
    """A cache file whose content is not what was written."""


# What reading a cached pickle can raise: missing, cut short, damaged, or written by other code.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, DamagedCache)


def checksum(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=_CHECK).digest()


def replace_file(path: Path, data: str | bytes) -> None:
    """Write ``data`` beside ``path`` ("<name>.tmp"), then rename it over ``path``."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    os.replace(tmp, path)


def write_pickle(path: Path, value) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    replace_file(path, data + checksum(data))


def _checked(path: Path) -> bytes:
    raw = path.read_bytes()
    data, check = raw[:-_CHECK], raw[-_CHECK:]
    if len(raw) <= _CHECK or checksum(data) != check:
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
