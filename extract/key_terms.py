"""Key phrases of a meeting ranked by TextRank (textacy's): the subjects that no item title,
scheme concept or named programme gives ("bus franchising", "warming centres").

Of the rankers measured on the dev corpus (yake, pytextrank, textacy's TextRank, SGRank and YAKE,
and a tf-idf of noun chunks), textacy's TextRank found the most of its topics in the least time:
see benchmarks/keyphrases/README.md. What it ranks high that no reader would write in the margin
(names, dates, the business of meeting) is left out here.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Doc
from textacy.extract.keyterms import textrank

from .entities import entities_of
from .nlp import gazetteer_id
from .topics import load_keyphrase_words

__all__ = ["key_terms"]

_CANDIDATES = 40
_SAME_HEAD = 2
_NOT_TOPICS = {"GPE", "PERSON", "POST", "HONORIFIC", "DATE", "TIME"}
_DATE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:19|20)\d\d\b|\d[.:]\d\d"
)
_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|its|their|our|any|all|each|other)\s+")


def key_terms(doc: Doc, names: Collection[str], roles: Collection[str], itself: str, limit: int) -> list[str]:
    """Up to ``limit`` key phrases of ``doc``, lower case, best first.

    Left out: a phrase mostly of ``names`` (the words of the people the meeting names), one only
    of ``roles`` (posts and titles: "chief superintendent"), one with a word of the business of
    meeting ("minutes", "apologies", "seconded": ``meeting_words`` in keyphrases.yaml), a date, and
    the body's own name (``itself``).
    """
    business = load_keyphrase_words()["meeting_words"]
    lowered = {t.lower_ for t in doc if t.is_lower}  # a word the text writes in lower case is no name
    people = {w for w in names if w not in lowered}
    itself = " ".join(itself.casefold().split())
    # Who and where are nodes of their own: a phrase that is a known organisation, a person, a
    # post or a place is no topic.
    entities = {
        " ".join(e.text.casefold().split())
        for e in entities_of(doc)
        if e.label_ in _NOT_TOPICS or e.label_ == "ORG" and gazetteer_id(e)
    }
    found: list[str] = []
    for phrase, _ in textrank(doc, normalize="lower", topn=_CANDIDATES) if limit > 0 else ():
        phrase = _DETERMINERS.sub("", " ".join(phrase.split()))
        words = phrase.replace("-", " ").split()
        if (
            not words
            or phrase in found
            or phrase in itself
            or phrase in entities
            or any(len(w) < 2 or not w.replace("'", "").replace("’", "").isalnum() for w in words)
            or any(w in business for w in words)
            or all(w in roles for w in words)
            or 2 * sum(w in people for w in words) >= len(words)
            or _DATE.search(phrase)
        ):
            continue
        if sum(f.split()[-1].rstrip("s") == words[-1].rstrip("s") for f in found) >= _SAME_HEAD:
            continue  # "open standards", "international standards", "proprietary standards": enough
        found.append(phrase)
        if len(found) >= limit:
            break
    return found
