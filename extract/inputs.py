"""What a build reads: files, folders searched for minutes, and web addresses; a message per bad path."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .documents import SUFFIXES
from .fetch import is_url

__all__ = ["collect_inputs"]


def _problem(path: Path) -> str:
    """Why a path that is neither a file nor a folder cannot be read."""
    try:
        path.stat()
    except FileNotFoundError:
        return f"{path}: no such file or folder" if not path.is_symlink() else f"{path}: broken symbolic link"
    except PermissionError:
        return f"{path}: permission denied"
    except OSError as e:
        if e.errno == 40:  # ELOOP
            return f"{path}: symbolic link loop"
        return f"{path}: cannot read ({e.strerror})"
    return f"{path}: not a regular file or folder"


def _walk(folder: Path, skip: Path | None) -> tuple[list[Path], list[str]]:
    """Minutes files under ``folder`` in name order; symbolic links to folders are not followed, so a
    link back up the tree cannot loop. Hidden files and folders and the output folder are left out."""
    found, problems = [], []

    def unreadable(error: OSError) -> None:
        problems.append(f"{error.filename}: cannot read the folder ({error.strerror})")

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (skip and (here / d).resolve() == skip))
        for name in sorted(names):
            path = here / name
            if name.startswith(".") or path.suffix.lower() not in SUFFIXES:
                continue
            if path.is_file():
                found.append(path)
            else:
                problems.append(_problem(path))
    return found, problems


def collect_inputs(paths: Sequence[str | Path], exclude: Path | None = None) -> tuple[list[Path | str], list[str]]:
    """Files and addresses to read, and a one-line message for each path that cannot be read.

    ``exclude`` is the output folder: its graph.html is no minutes.
    """
    files: list[Path | str] = []
    problems: list[str] = []
    skip = exclude.resolve() if exclude else None
    for raw in paths:
        if isinstance(raw, str) and is_url(raw):
            files.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found, trouble = _walk(path, skip)
            problems += trouble
            if not found and not trouble:
                problems.append(f"{path}: no minutes files ({', '.join(sorted(SUFFIXES))}) in this folder")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            problems.append(_problem(path))
    return list(dict.fromkeys(files)), problems
