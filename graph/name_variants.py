"""One person written two ways: a typo in one word (Gorniak / Gorniack; in a first name only a swap
or a doubled letter, Racheal / Rachael), an initial for the first
name (C Hamilton / Carol Hamilton, G. Roche / Gerard Roche), a nickname (Bill / William, Liz /
Elizabeth: the ``nicknames`` data set, not a hand list), the surname alone (Keller / Paul Keller:
"Councillors Keller, Costelloe and O'Dea").

A name that fits is not enough. Two clusters of listings are joined only when they share a context
(an organisation, or the body whose meetings they attended), were never at the same meeting, and
their organisations do not clash; an initial or a nickname must also fit exactly one person in that
context. A pair that fits by name but lacks the evidence is a *near miss*, listed for review.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import jellyfish
from nicknames import NickNamer

from extract import PARTICLES

__all__ = ["Variant", "name_variant", "variant_pairs"]


@dataclass(frozen=True)
class Variant:
    """How two name keys may name one person: ``kind`` is "spelling", "initial", "nickname" or
    "surname"; ``short`` is the key that gives less (the initial, the nickname, the surname alone),
    or the later one of a typo."""

    kind: str
    short: str
    full: str


@functools.cache
def _nicknames() -> NickNamer:
    return NickNamer()


def _same_given_name(a: str, b: str) -> bool:
    """Whether one first name is a nickname or short form of the other (Bill / William, Tony /
    Anthony), as the ``nicknames`` data set has them."""
    names = _nicknames()
    return b in names.nicknames_of(a) | names.canonicals_of(a)


def _one_typo(a: str, b: str) -> bool:
    """A swap, a dropped, added or changed letter in a word long enough for a typo to be told from
    another name (Tim and Tom are two people); a doubled letter in any word (Mat / Matt)."""
    if jellyfish.damerau_levenshtein_distance(a, b) != 1:
        return False
    return min(len(a), len(b)) > 3 or _slip(a, b)


def name_variant(a: str, b: str) -> Variant | None:
    """How name keys ``a`` and ``b`` ("carol hamilton", "c hamilton") may be one person, or None."""
    wa, wb = a.split(), b.split()
    bare = [w for w in (wa, wb) if len(w) == 1 or len(w) == 2 and w[0] in PARTICLES]  # "keller", "o ceallaigh"
    if len(bare) == 1 and wa[-1] == wb[-1]:
        short, full = (a, b) if bare[0] is wa else (b, a)
        return Variant("surname", short, full)
    if a == b or len(wa) != len(wb) or len(wa) < 2 or wa[1:] != wb[1:] and wa[0] != wb[0]:
        return None
    if wa[0] == wb[0]:  # the surname differs
        differing = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
        return Variant("spelling", b, a) if len(differing) == 1 and _one_typo(*differing[0]) else None
    first_a, first_b = wa[0], wb[0]
    if len(first_a) == 1 or len(first_b) == 1:
        short, full = (a, b) if len(first_a) == 1 else (b, a)
        initial, given = (first_a, first_b) if len(first_a) == 1 else (first_b, first_a)
        return Variant("initial", short, full) if len(given) > 1 and given.startswith(initial) else None
    if _same_given_name(first_a, first_b):
        short, full = sorted((a, b), key=len)
        return Variant("nickname", short, full)
    if _slip(first_a, first_b):
        return Variant("spelling", b, a)
    return None


def _slip(a: str, b: str) -> bool:
    """Two neighbouring letters swapped (Racheal / Rachael) or one doubled (Mat / Matt): in a first
    name only these count as typos, as one letter changed, added or dropped is as often another
    name (Cara / Carl, Zara / Tara, Jon / Joan)."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(
        long_[i] == long_[i + 1] and long_[:i] + long_[i + 1 :] == short for i in range(len(long_) - 1)
    )


def variant_pairs(keys: Sequence[str]) -> list[tuple[int, int, Variant]]:
    """Every pair (i < j) of ``keys`` that may name one person, found without comparing every pair:
    keys are compared only with those sharing their surname, or their first name and a surname one
    letter apart."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    by_typo: dict[tuple, list[int]] = defaultdict(list)
    for n, key in enumerate(keys):
        words = key.split()
        by_surname[" ".join(words[1:]) or key].append(n)
        if len(words) < 2:
            continue
        last = words[-1]
        for variant in {last, *(last[:i] + last[i + 1 :] for i in range(len(last)))}:
            by_typo[(*words[:-1], variant)].append(n)
    pairs: dict[tuple[int, int], Variant] = {}
    for group in (*by_surname.values(), *by_typo.values()):
        for i in group:
            for j in group:
                if i < j and (i, j) not in pairs and (found := name_variant(keys[i], keys[j])):
                    pairs[(i, j)] = found
    return [(i, j, v) for (i, j), v in sorted(pairs.items())]
