"""Topics: the curated SKOS scheme, and the named programmes and plans found in the text itself."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

import yaml
from rdflib import Graph
from rdflib.namespace import RDF, SKOS
from spacy.tokens import Doc

from .entities import entity_at
from .gazetteer import ORG

__all__ = [
    "Concept",
    "TopicScheme",
    "load_topic_scheme",
    "topic_patterns",
    "key_phrases",
    "load_keyphrase_words",
    "TOPIC",
    "topic_key",
]

TOPIC = "TOPIC"
_DETERMINERS = {"a", "an", "the", "our", "this", "its", "their"}
_CONNECTORS = {"for", "of", "and", "&", ","}


@dataclass(frozen=True)
class Concept:
    """A theme of the curated scheme."""

    id: str
    label: str
    alt_labels: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicScheme:
    """The concepts of the scheme by id, and a casefolded label index."""

    concepts: dict[str, Concept]
    label: str = "minutes-graph topics"  # the scheme's own prefLabel

    def find(self, label: str) -> Concept | None:
        """The concept one of whose labels is ``label``, ignoring case."""
        key = label.casefold()
        for concept in self.concepts.values():
            if key in (x.casefold() for x in (concept.label, *concept.alt_labels)):
                return concept
        return None


@functools.cache
def load_topic_scheme() -> TopicScheme:
    """Read ``data/topics.ttl`` (once per process)."""
    g = Graph().parse(
        data=(resources.files("extract") / "data" / "topics.ttl").read_text(encoding="utf-8"), format="turtle"
    )
    concepts = {}
    for iri in sorted(g.subjects(RDF.type, SKOS.Concept)):
        ident = str(iri).rstrip("/").rsplit("/", 1)[-1]
        concepts[ident] = Concept(
            id=ident,
            label=str(g.value(iri, SKOS.prefLabel)),
            alt_labels=tuple(sorted(str(x) for x in g.objects(iri, SKOS.altLabel))),
            broader=tuple(sorted(str(x).rsplit("/", 1)[-1] for x in g.objects(iri, SKOS.broader))),
        )
    scheme = next(g.subjects(RDF.type, SKOS.ConceptScheme), None)
    return TopicScheme(concepts, *([str(g.value(scheme, SKOS.prefLabel))] if scheme else []))


@functools.cache
def load_keyphrase_words() -> dict[str, frozenset[str]]:
    """Heads and prefixes of programme names, and reporting verbs, casefolded."""
    data = yaml.safe_load((resources.files("extract") / "data" / "keyphrases.yaml").read_text(encoding="utf-8"))
    return {key: frozenset(w.casefold() for w in words) for key, words in data.items()}


def topic_patterns(scheme: TopicScheme, tokenize: Callable) -> list[dict]:
    """Case-insensitive EntityRuler patterns for every label of every concept (acronyms keep their case)."""
    patterns = []
    for concept in scheme.concepts.values():
        for label in {concept.label, *concept.alt_labels}:
            words = [t.text for t in tokenize(label)]
            pattern = [{"ORTH": w} if len(w) > 1 and w.isupper() else {"LOWER": w.lower()} for w in words]
            patterns.append({"label": TOPIC, "id": f"topic:{concept.id}", "pattern": pattern})
    return patterns


def topic_key(label: str) -> str:
    """The casefolded words of a found phrase without a leading determiner: one key per topic."""
    words = label.replace("'s ", " ").split()
    while words and words[0].casefold() in _DETERMINERS:
        words = words[1:]
    return " ".join(words).casefold().strip(" ,")


def _titled(token) -> bool:
    return token.text[:1].isupper() and not token.is_punct and token.ent_type_ != "POST"


def key_phrases(doc: Doc, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """Named programmes, plans, strategies and reviews in tokens ``start:end``, as (start, end, acronym).

    "A New Met for London plan" gives "A New Met for London"; "Right Care, Right Person (RCRP)" gives
    the name with its acronym.
    """
    words = load_keyphrase_words()
    found: list[tuple[int, int, str | None]] = []
    i = start
    while i < end:
        tok = doc[i]
        folded = tok.text.casefold()
        if folded in words["heads"] and i > start:
            j = _run_start(doc, start, i if tok.text[0].islower() else i + 1, last=i - 1)
            stop = i + 1 if tok.text[0].isupper() else i
            if stop - j >= 2 and not _is_organisation(doc, j, stop):
                found.append((j, stop, None))
        elif folded in words["prefixes"] and tok.text[0].isupper() and i + 1 < end and _titled(doc[i + 1]):
            k = i + 1
            while k < end and _titled(doc[k]):
                k += 1
            found.append((i, k, None))
        elif tok.text == "(" and i + 2 < end and doc[i + 2].text == ")" and doc[i + 1].text.isupper():
            acronym = doc[i + 1].text
            j = _acronym_start(doc, start, i, acronym)
            if j is not None and not _is_organisation(doc, j, i):
                found.append((j, i, acronym))
        i += 1
    return found


def _run_start(doc: Doc, start: int, stop: int, last: int) -> int:
    """Walk left from ``last`` over capitalised words and the small words inside names."""
    j = stop
    k = last
    while k >= start:
        tok = doc[k]
        if _titled(tok) and tok.text != "'s":
            j = k
        elif tok.text.casefold() in _CONNECTORS and k > start and _titled(doc[k - 1]) and tok.text != ",":
            pass
        else:
            break
        k -= 1
    while j < stop and (doc[j].text.casefold() in _CONNECTORS or doc[j].lower_ == "the"):
        j += 1
    return j


def _acronym_start(doc: Doc, start: int, paren: int, acronym: str) -> int | None:
    """Where the words whose initials spell ``acronym`` begin, right before the bracket."""
    letters = [c for c in acronym if c.isalpha()]
    k, matched = paren - 1, []
    while k >= start and len(matched) < len(letters):
        tok = doc[k]
        if tok.text in {",", "-", "&"} or tok.text.casefold() in {"and", "of", "for", "the"}:
            k -= 1
            continue
        if not tok.text[:1].isupper():
            return None
        matched.append(tok.text[0])
        k -= 1
    return k + 1 if "".join(reversed(matched)) == "".join(letters) else None


def _is_organisation(doc: Doc, start: int, end: int) -> bool:
    """A known organisation's own name ("London Councils") is a mention, not a programme."""
    e = entity_at(doc, start)
    return e is not None and e.label_ == ORG and bool(e.ent_id_) and e.end >= end
