"""Unicode normalisation that never changes the length of a text, so offsets stay valid."""

from __future__ import annotations

import re

__all__ = ["normalise"]

_SAME_LENGTH = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4\u0060", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t", " "),
        # Zero-width characters become spaces rather than vanish: removing them would shift offsets.
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", " "),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\x0b\x0c\u2028\u2029\x85", "\n"),
        # Bullets a PDF draws with a symbol font's private-use characters.
        **dict.fromkeys("\uf0b7\uf0a7\uf076\uf0d8\uf0fc", "\u2022"),
        "\r": " ",
    }
)
_LONE_CR = re.compile(r"\r(?!\n)")


def normalise(text: str) -> str:
    """Straighten quotes, dashes and spaces, one character for one.

    >>> normalise("Victims\u2019 Commissioner \u2013 London")
    "Victims' Commissioner - London"
    >>> len(normalise("a\\r\\nb\\rc")) == len("a\\r\\nb\\rc")
    True
    """
    return _LONE_CR.sub("\n", text).translate(_SAME_LENGTH)
