"""Dates as British minutes write them: "6 July 2021", "Tuesday 6th July 2021", "06/07/2021"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

__all__ = ["find_dates"]

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PATTERNS = [
    # 6 July 2021, 6th of July 2021, 6 Jul. 2021
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # July 6, 2021 / July 6th 2021
    re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # 06/07/2021, 6.7.21 (day first, as in Britain)
    re.compile(r"\b(?P<d>\d{1,2})[/.](?P<mn>\d{1,2})[/.](?P<y>(?:19|20)?\d\d)\b"),
    # 2021-07-06
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>\d\d)-(?P<d>\d\d)\b"),
]


def find_dates(text: str) -> Iterator[tuple[int, int, dt.date]]:
    """Every valid date in ``text`` as (start, end, date), in order of position."""
    found = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            month = _MONTHS[m["m"].casefold()] if "m" in m.groupdict() and m["m"] else int(m["mn"])
            year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
            try:
                found.append((m.start(), m.end(), dt.date(year, month, int(m["d"]))))
            except ValueError:
                continue
    seen: set[int] = set()
    for start, end, date in sorted(found):
        if not seen.intersection(range(start, end)):
            seen.update(range(start, end))
            yield start, end, date
