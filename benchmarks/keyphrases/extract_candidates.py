"""Run key-phrase methods on the dev corpus; write ranked candidates + timings to $KP_DIR/candidates.json.
Run from the repo root with a Python that has the project (project venv + yake/pytextrank/textacy)."""

import json
import math
import os
import re
import sys
import time
from pathlib import Path as _P

KP = _P(os.environ.get("KP_DIR", "/tmp/kp"))  # scratch: texts, candidates, tool output in KP/dev/
from collections import Counter
from pathlib import Path

sys.path.insert(0, "/work/shared/eval")
from score import norm  # noqa: E402

from extract import read_document  # noqa: E402
from extract.nlp import load_pipeline, parse_documents  # noqa: E402

DOCS = sorted(Path("/work/shared/eval/dev/docs").iterdir())
TOPN = 40  # keep more than 15 so post-filter variants can refill

t0 = time.perf_counter()
documents = [read_document(p) for p in DOCS]
t_read = time.perf_counter() - t0
stems = [p.stem for p in DOCS]
texts = {s: d.text for s, d in zip(stems, documents)}
(KP / "texts.json").write_text(json.dumps(texts))

t0 = time.perf_counter()
nlp = load_pipeline()
t_load = time.perf_counter() - t0
t0 = time.perf_counter()
docs = {s: doc for s, (_, doc) in zip(stems, parse_documents(documents, nlp))}
t_parse = time.perf_counter() - t0
print(f"read {t_read:.1f}s load {t_load:.1f}s parse {t_parse:.1f}s  pipes={nlp.pipe_names}", flush=True)
print({s: len(t) for s, t in texts.items()}, flush=True)

cands: dict[str, dict[str, list[str]]] = {}
times: dict[str, float] = {"_read": t_read, "_load_pipeline": t_load, "_parse": t_parse}


ONLY = sys.argv[1:]
old = json.loads((KP / "candidates.json").read_text()) if ONLY and (KP / "candidates.json").exists() else None
if old:
    cands.update(old["cands"])
    times.update(old["times"])
    times.update({"_read": t_read, "_load_pipeline": t_load, "_parse": t_parse})


def run(name, fn):
    if ONLY and not any(name.startswith(o) for o in ONLY):
        return
    t0 = time.perf_counter()
    out = {s: [str(x) for x in fn(s)] for s in stems}
    times[name] = time.perf_counter() - t0
    cands[name] = out
    print(f"{name}: {times[name]:.1f}s  e.g. {out[stems[0]][:8]}", flush=True)


# (a) YAKE on the raw text
import yake  # noqa: E402

for dl in (0.9, 0.7):
    kw = yake.KeywordExtractor(lan="en", n=3, dedup_lim=dl, dedup_func="seqm", window_size=1, top=TOPN)
    run(f"yake_n3_dedup{dl}", lambda s, kw=kw: [k for k, _ in kw.extract_keywords(texts[s])])

# (b) pytextrank, as components added to the same pipeline (run on the parsed Doc = its marginal cost)
import pytextrank  # noqa: E402,F401

for factory in ("textrank", "positionrank"):
    comp = nlp.add_pipe(factory, name=factory, last=True)
    run(f"pytextrank_{factory}", lambda s, comp=comp: [p.text for p in comp(docs[s])._.phrases[:TOPN]])

# (c) textacy keyterms
from textacy.extract import keyterms as kt  # noqa: E402

run("textacy_sgrank", lambda s: [t for t, _ in kt.sgrank(docs[s], normalize="lower", topn=TOPN)])
if "sgrank_small" in ONLY:
    for s in stems:
        if s.startswith("08_"):
            continue
        t0 = time.perf_counter()
        kt.sgrank(docs[s], normalize="lower", topn=TOPN)
        print(f"  sgrank {s}: {time.perf_counter() - t0:.1f}s ({len(texts[s])} chars)", flush=True)
run("textacy_textrank", lambda s: [t for t, _ in kt.textrank(docs[s], normalize="lower", topn=TOPN)])
run(
    "textacy_positionrank",
    lambda s: [t for t, _ in kt.textrank(docs[s], normalize="lower", position_bias=True, topn=TOPN)],
)
run("textacy_yake", lambda s: [t for t, _ in kt.yake(docs[s], normalize="lower", ngrams=(1, 2, 3), topn=TOPN)])

# (d) baseline: noun chunks + proper-noun sequences + defined acronyms, tf-idf over the 14 docs, no PERSON
LEAD = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "our",
    "his",
    "her",
    "my",
    "your",
    "any",
    "all",
    "some",
    "each",
    "every",
    "no",
    "other",
    "such",
    "which",
    "what",
}
ACRO_DEF = re.compile(
    r"\b((?:[A-Z][\w'&-]*\s+)(?:(?:of|and|for|the|&|on|in)\s+|[A-Z][\w'&-]*\s+)*[A-Z][\w'&-]*)\s*\(([A-Z][A-Za-z&+]{1,9})\)"
)
LINK = {"of", "and", "&", "for", "on", "in"}


def clean(tokens):
    toks = list(tokens)
    while toks and (
        toks[0].lower_ in LEAD
        or toks[0].is_punct
        or toks[0].like_num
        or toks[0].is_space
        or toks[0].pos_ in ("PRON", "DET", "NUM", "PUNCT", "SYM")
    ):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks[0].doc[toks[0].i : toks[-1].i + 1].text.strip() if toks else ""


def baseline_candidates(doc):
    person = {norm(e.text) for e in doc.ents if e.label_ == "PERSON"}
    person_tokens = {t.i for e in doc.ents if e.label_ == "PERSON" for t in e}
    out = []
    for nc in doc.noun_chunks:
        if any(t.i in person_tokens for t in nc):
            continue
        if nc.root.pos_ == "PRON":
            continue
        c = clean(nc)
        if c and re.search(r"[A-Za-z]{2}", c):
            out.append(c)
    # capitalised multi-word proper-noun sequences (PROPN, optionally linked by of/and/&/for)
    i, n = 0, len(doc)
    while i < n:
        if doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            j = i + 1
            while j < n and (
                doc[j].pos_ == "PROPN"
                and doc[j].text[:1].isupper()
                or (doc[j].lower_ in LINK and j + 1 < n and doc[j + 1].pos_ == "PROPN")
            ):
                j += 1
            span = doc[i:j]
            if j - i >= 2 and not any(t.i in person_tokens for t in span):
                out.append(span.text)
            i = j
        else:
            i += 1
    for m in ACRO_DEF.finditer(doc.text):
        out += [m.group(1), m.group(2)]
    return [c for c in out if norm(c) not in person and not re.fullmatch(r"[\d\W_]+", norm(c))]


def tfidf_rank(kind):
    t0 = time.perf_counter()
    per_doc = {s: Counter(norm(c) for c in baseline_candidates(docs[s])) for s in stems}
    surface = {}
    for s in stems:
        for c in baseline_candidates(docs[s]):
            surface.setdefault((s, norm(c)), c)
    normtexts = {s: " " + norm(texts[s]) + " " for s in stems}
    df = Counter()
    allc = {c for s in stems for c in per_doc[s]}
    for c in allc:
        df[c] = sum(1 for s in stems if f" {c} " in normtexts[s])
    out = {}
    for s in stems:
        scored = []
        for c, cnt in per_doc[s].items():
            tf = normtexts[s].count(f" {c} ") or cnt  # all mentions of the phrase, not only as a chunk
            idf = math.log((1 + len(stems)) / (1 + df[c])) + 1
            w = tf * idf * (1 + 0.5 * (len(c.split()) - 1)) if kind == "len" else tf * idf
            scored.append((w, c))
        scored.sort(key=lambda x: (-x[0], x[1]))
        out[s] = [surface[(s, c)] for _, c in scored[:TOPN]]
    return out, time.perf_counter() - t0


for kind in ("plain", "len"):
    if ONLY and "baseline" not in ONLY:
        continue
    out, t = tfidf_rank(kind)
    cands[f"baseline_tfidf_{kind}"] = out
    times[f"baseline_tfidf_{kind}"] = t
    print(f"baseline_tfidf_{kind}: {t:.1f}s e.g. {out[stems[0]][:8]}", flush=True)

# PERSON/DATE entity strings per doc for the junk check
ents = {s: sorted({norm(e.text) for e in docs[s].ents if e.label_ in ("PERSON", "DATE", "TIME")}) for s in stems}
ents_by = {
    s: {lab: sorted({e.text for e in docs[s].ents if e.label_ == lab}) for lab in ("PERSON", "DATE", "TIME")}
    for s in stems
}
(KP / "candidates.json").write_text(
    json.dumps({"cands": cands, "times": times, "ents": ents, "ents_by": ents_by}, indent=1)
)
print(json.dumps(times, indent=1))
