"""Where each part of a written output file lies in it.

An output file is parts joined: text, and pieces kept on disk (a meeting's share of the file). When
the next build writes the same file again, the runs of parts that are the same as last time are
copied from the file it replaces, one kernel copy per run, instead of from each part's piece: a
1,000-meeting file is a thousand opens and copies, each waiting for the GIL while the page is made
in Python beside it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Layout", "part_ids", "plan", "stamp"]

# A piece on disk by its path, inode and modification time (a piece rewritten is a new inode);
# text by a digest of its bytes. With the length of the part.
PartId = tuple[tuple, int]
Step = tuple[int, int] | int  # a run of the old file (offset, length), or the index of a part to write


@dataclass(frozen=True)
class Layout:
    """One written file: its stamp when written, and its parts in order."""

    stamp: tuple[int, int, int]
    parts: tuple[PartId, ...]


def stamp(path: Path) -> tuple[int, int, int] | None:
    """Inode, size and modification time: a file changed or replaced since has another."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def part_ids(parts: Sequence[bytes | Path]) -> list[PartId]:
    ids = []
    for part in parts:
        if isinstance(part, Path):
            st = os.stat(part)
            ids.append((("file", str(part), st.st_ino, st.st_mtime_ns), st.st_size))
        else:
            ids.append((("text", hashlib.blake2b(part, digest_size=16).digest()), len(part)))
    return ids


def plan(new: Sequence[PartId], old: Layout) -> list[Step]:
    """How to write parts ``new`` given the file laid out as ``old``: runs of it to copy, merged
    where they follow on, and the parts it does not hold. Text continues a run only where the old
    file had the same text at that place (separators repeat); a piece starts one wherever it is."""
    offsets, at = [], 0
    for _, length in old.parts:
        offsets.append(at)
        at += length
    first = {}
    for j, part in enumerate(old.parts):
        if part[0][0] == "file":
            first.setdefault(part, j)
    steps: list[Step] = []
    j: int | None = 0  # where in the old parts the next part would follow on
    for i, part in enumerate(new):
        if j is None or j >= len(old.parts) or old.parts[j] != part:
            j = first.get(part)
            if j is None:
                steps.append(i)
                continue
        offset, length = offsets[j], part[1]
        last = steps[-1] if steps else None
        if isinstance(last, tuple) and last[0] + last[1] == offset:
            steps[-1] = (last[0], last[1] + length)
        else:
            steps.append((offset, length))
        j += 1
    return steps
