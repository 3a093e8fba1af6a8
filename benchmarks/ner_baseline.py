"""The tool's scores on a gold corpus beside a plain-NER baseline (every PERSON the trained spaCy
pipeline finds taken as an attendee, present), both scored by the evaluation's own scorer.

    python benchmarks/ner_baseline.py [DOCS GOLD]   # tests/eval/dev/docs and its gold by default
    python benchmarks/ner_baseline.py seeds tests/eval/gold

Prints a markdown table, one row per metric, as the README keeps it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import spacy

from extract import DocumentError, read_document
from extract.nlp import DEFAULT_MODELS
from minutes_graph import BuildSettings, build

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT / "tests" / "eval" / "score.py"
METRICS = ("attendee_f1", "attendee_exact", "status_acc", "org_acc", "role_acc", "item_f1", "date_ok", "body_ok")


def baseline_meetings(docs: Path) -> list[dict]:
    """Every PERSON entity of each document as a present attendee; nothing else."""
    nlp = spacy.load(next(m for m in DEFAULT_MODELS if spacy.util.is_package(m)))
    meetings = []
    for path in sorted(p for p in docs.iterdir() if p.is_file()):
        try:
            text = read_document(path).text
        except DocumentError:
            continue
        names = dict.fromkeys(" ".join(e.text.split()) for e in nlp(text).ents if e.label_ == "PERSON")
        attendees = [{"name": n, "status": "present", "person_id": n} for n in names]
        meetings.append({"source": str(path), "attendees": attendees, "items": []})
    return meetings


def scores(meetings_json: Path, gold: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, str(SCORER), str(meetings_json), str(gold)], capture_output=True, text=True)
    line = done.stdout.strip().splitlines()[-1]
    return {k: float(v) for k, v in (pair.split("=") for pair in line.removeprefix("score: ").split())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", nargs="?", type=Path, default=ROOT / "tests" / "eval" / "dev" / "docs")
    parser.add_argument("gold", nargs="?", type=Path, default=ROOT / "tests" / "eval" / "dev" / "gold")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        built = build([args.docs], BuildSettings(out=Path(tmp) / "out"))
        tool = scores(built.files["meetings.json"], args.gold)
        plain = Path(tmp) / "baseline.json"
        plain.write_text(json.dumps({"meetings": baseline_meetings(args.docs)}), encoding="utf-8")
        ner = scores(plain, args.gold)
    print("| metric | minutes-graph | plain spaCy NER, every PERSON an attendee |")
    print("|---|---|---|")
    for metric in METRICS:
        print(f"| {metric} | {tool.get(metric, 0):.3f} | {ner.get(metric, 0):.3f} |")


if __name__ == "__main__":
    main()
