"""Files of the build's caches (extracted records, meetings' pieces): replaced whole by a rename so
a stopped build never leaves half a file under the real name, and not fsynced, like the outputs
(see exports.write_atomic): a lost cache file is only made again."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

__all__ = ["UNREADABLE", "replace_file", "read_pickle", "write_pickle"]

# What reading a cached pickle can raise: missing, cut short, or written by other code.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError)


def replace_file(path: Path, data: str | bytes) -> None:
    """Write ``data`` beside ``path`` ("<name>.tmp"), then rename it over ``path``."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    os.replace(tmp, path)


def write_pickle(path: Path, value) -> None:
    replace_file(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def read_pickle(path: Path):
    """What ``write_pickle`` wrote; raises one of UNREADABLE when it cannot be had."""
    with open(path, "rb") as f:
        return pickle.load(f)  # noqa: S301 - our own cache
