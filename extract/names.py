"""Person-name keys: the form two spellings of one name share."""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["PARTICLES", "name_key", "initials"]

# Words that begin a surname rather than being a first name or an initial, in a name key's spelling
# (accents dropped): "Ó Ceallaigh", "Van Meerbergen", "Mac Donncha".
PARTICLES = frozenset({"o", "ni", "nic", "mac", "mc", "van", "von", "de", "da", "di", "du", "le", "la", "st"})


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Casefolded, accent-free words of a name, without middle initials or punctuation.

    >>> name_key("Jane E. Garvan") == name_key("jane garvan")
    True
    >>> name_key("Debbie Weekes-Bernard")
    'debbie weekes bernard'
    >>> name_key("Zoë O'Neil")
    'zoe oneil'
    """
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    words = re.sub(r"[-\u2010-\u2015]", " ", re.sub(r"['\u2019.]", "", plain)).split()
    words = [w for w in (re.sub(r"\W", "", w) for w in words) if w]
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)


@functools.lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """The capitals a name's words start with, a hyphenated surname giving one for each part.

    >>> initials("Jacob Kaplan-Moss")
    'JKM'
    >>> initials("Kevin A. McGrail")
    'KAM'
    """
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isalpha()).upper()
