"""Layout words of minutes (section headings, head words), loaded from ``data/layout.yaml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

__all__ = ["Lexicon", "load_lexicon"]


@dataclass(frozen=True)
class Lexicon:
    """Casefolded word sets that tell headings, organisations and roles from names."""

    present_headings: frozenset[str]
    apologies_headings: frozenset[str]
    absent_headings: frozenset[str]
    attendance_words: frozenset[str]
    status_words: frozenset[str]
    post_labels: frozenset[str]
    plural_posts: frozenset[str]
    member_words: frozenset[str]
    named_member_words: frozenset[str]
    not_member_words: frozenset[str]
    organisation_heads: frozenset[str]
    role_heads: frozenset[str]
    lesser_post_words: frozenset[str]
    not_name_words: frozenset[str]
    body_words: frozenset[str]


@functools.cache
def load_lexicon() -> Lexicon:
    """Read the packaged layout vocabulary (once per process)."""
    text = (resources.files("extract") / "data" / "layout.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return Lexicon(**{key: frozenset(w.casefold() for w in words) for key, words in data.items()})
