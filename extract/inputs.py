"""What a build reads: files, folders searched for minutes, and web addresses; a message per bad path."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .documents import SUFFIXES
from .fetch import is_url

__all__ = ["collect_inputs", "InputFile"]


@dataclass(frozen=True)
class InputFile:
    """A file or address to read, and the name its records and outputs give it: a web address, or
    the path from the folder given (the folder's own name first), never where this machine keeps it."""

    location: Path | str
    name: str


def _problem(path: Path, shown: Path | str | None = None) -> str:
    """Why a path that is neither a file nor a folder cannot be read, naming it ``shown`` (default: as given)."""
    name = path if shown is None else shown
    try:
        path.stat()
    except FileNotFoundError:
        return f"{name}: no such file or folder" if not path.is_symlink() else f"{name}: broken symbolic link"
    except PermissionError:
        return f"{name}: permission denied"
    except OSError as e:
        if e.errno == 40:  # ELOOP
            return f"{name}: symbolic link loop"
        return f"{name}: cannot read ({e.strerror})"
    return f"{name}: not a regular file or folder"


def _shown(folder: Path, path: Path) -> str:
    """A path under ``folder`` as records and messages name it: from the folder's own name down."""
    return (Path(folder.resolve().name) / path.relative_to(folder)).as_posix()


def _walk(folder: Path, skip: Path | None) -> tuple[list[Path], list[str]]:
    """Minutes files under ``folder`` in name order; symbolic links to folders are not followed, so a
    link back up the tree cannot loop. Hidden files and folders and the output folder are left out."""
    found, problems = [], []

    def unreadable(error: OSError) -> None:
        problems.append(f"{_shown(folder, Path(error.filename))}: cannot read the folder ({error.strerror})")

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
                problems.append(_problem(path, _shown(folder, path)))
    return found, problems


def collect_inputs(paths: Sequence[str | Path], exclude: Path | None = None) -> tuple[list[InputFile], list[str]]:
    """Files and addresses to read, and a one-line message for each path that cannot be read.

    ``exclude`` is the output folder: its graph.html is no minutes.
    """
    files: list[InputFile] = []
    problems: list[str] = []
    skip = exclude.resolve() if exclude else None
    for raw in paths:
        if isinstance(raw, str) and is_url(raw):
            files.append(InputFile(raw, raw))
            continue
        path = Path(raw)
        if path.is_dir():
            found, trouble = _walk(path, skip)
            problems += trouble
            if not found and not trouble:
                problems.append(f"{path}: no minutes files ({', '.join(sorted(SUFFIXES))}) in this folder")
            files += [InputFile(f, _shown(path, f)) for f in found]
        elif path.is_file():
            files.append(InputFile(path, path.name))
        else:
            problems.append(_problem(path))
    return list({f.location: f for f in files}.values()), problems
