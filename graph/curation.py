"""The analyst's word on who is who, honoured by every build: a YAML file beside the corpus
(``people.yaml`` in a folder given to ``build``) or named with ``--people FILE``::

    same:                      # each list is one person
      - [C Hamilton, Carol Hamilton]
      - [sophie-linden, sophie-linden--nhs-england]
    different:                 # each pair is two people
      - [J Smith, John Smith]
    names:                     # the name to show for a person
      carol-hamilton: Carol A. Hamilton

A person is named by an id the outputs gave them (``person-ids.json`` keeps ids from build to build)
or by a name as the minutes write it.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from extract import MinutesGraphError

__all__ = ["Curation", "CurationError", "CURATION_FILE"]

CURATION_FILE = "people.yaml"


class CurationError(MinutesGraphError):
    """A curation file that cannot be read; the message says where."""


def _names(value, where: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) < 2 or not all(isinstance(v, str) and v.strip() for v in value):
        raise CurationError(f"{source}: {where} must list two or more names or ids, got {value!r}")
    return tuple(v.strip() for v in value)


@dataclass(frozen=True)
class Curation:
    same: tuple[tuple[str, ...], ...] = ()
    different: tuple[tuple[str, ...], ...] = ()
    names: tuple[tuple[str, str], ...] = ()  # (id or name, the name to show)
    source: str = CURATION_FILE

    @classmethod
    def from_yaml(cls, text: str, source: str) -> Curation:
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as e:
            raise CurationError(f"{source}: not YAML ({str(e).splitlines()[0]})") from e
        if not isinstance(data, dict) or set(data) - {"same", "different", "names"}:
            raise CurationError(f"{source}: expected the keys same, different and names only")
        names = data.get("names") or {}
        if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
            raise CurationError(f"{source}: names maps an id or a name to the name to show")
        return cls(
            tuple(_names(group, "each entry of same", source) for group in data.get("same") or ()),
            tuple(_names(pair, "each entry of different", source)[:2] for pair in data.get("different") or ()),
            tuple((str(k), v) for k, v in names.items()),
            source,
        )
