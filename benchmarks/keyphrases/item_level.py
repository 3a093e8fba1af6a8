"""Per-agenda-item key phrases: textacy textrank / pytextrank on each item's span of the parsed doc."""

import json
import os
import sys
import time
from pathlib import Path as _P

KP = _P(os.environ.get("KP_DIR", "/tmp/kp"))  # scratch: texts, candidates, tool output in KP/dev/
from pathlib import Path

sys.path.insert(0, "/work/shared/eval")
import pytextrank  # noqa
from textacy.extract import keyterms as kt

from extract import read_document
from extract.nlp import load_pipeline, parse_documents

DOCS = sorted(Path("/work/shared/eval/dev/docs").iterdir())
meet = {Path(m["source"]).stem: m for m in json.loads((KP / "dev/meetings.json").read_text())["meetings"]}
documents = [read_document(p) for p in DOCS]
nlp = load_pipeline()
docs = {p.stem: doc for p, (_, doc) in zip(DOCS, parse_documents(documents, nlp))}
tr = nlp.add_pipe("textrank", last=True)
out = {"textacy_textrank": {}, "pytextrank_textrank": {}}
times = {"textacy_textrank": 0.0, "pytextrank_textrank": 0.0}
bad = 0
for s, doc in docs.items():
    for m in out.values():
        m[s] = []
    for it in meet[s]["items"]:
        span = doc.char_span(it["start"], it["end"], alignment_mode="expand")
        if span is None or len(span) < 3:
            bad += 1
            continue
        if (
            not doc.text[it["start"] : it["end"]].strip().lower().startswith(str(it["number"]).lower()[:1])
            and it["title"][:10].lower() not in doc.text[it["start"] : it["end"]][:300].lower()
        ):
            bad += 1
        sub = span.as_doc()
        t0 = time.perf_counter()
        out["textacy_textrank"][s].append([t for t, _ in kt.textrank(sub, normalize="lower", topn=10)])
        times["textacy_textrank"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        out["pytextrank_textrank"][s].append([p.text for p in tr(sub)._.phrases[:10]])
        times["pytextrank_textrank"] += time.perf_counter() - t0
print("items with misaligned/empty span:", bad, "items:", sum(len(m["items"]) for m in meet.values()), times)
(KP / "items.json").write_text(json.dumps({"cands": out, "times": times}))
