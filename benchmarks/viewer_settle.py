"""How long graph.html takes to open and settle in Debian's headless Chromium, for a synthetic graph.

    python benchmarks/viewer_settle.py [--nodes 2000] [--runs 3]

Prints each run and the median, in seconds, from navigation to the layout freezing. Target: under 5 s
at 2,000 nodes. A figure, not a test: machines here are noisy.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_graph import synthetic_graph  # noqa: E402

from exports import html_network, page_data, render_html, write_atomic  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def settle_seconds(browser, path: Path) -> tuple[float, int]:
    """Seconds from navigation to a frozen layout, and how many nodes the page first shows."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    start = time.perf_counter()
    page.goto(path.as_uri())
    while not page.evaluate("window.graphSettled === true"):
        page.wait_for_timeout(20)
    elapsed = time.perf_counter() - start
    shown = page.evaluate("nodesView.length")
    page.close()
    return elapsed, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    graph = synthetic_graph(args.nodes)
    started = time.perf_counter()
    html = render_html(html_network(graph), page_data(graph), title=f"synthetic {args.nodes}")
    print(
        f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; "
        f"page built in {time.perf_counter() - started:.2f} s, {len(html) / 1e6:.1f} MB"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = write_atomic(Path(tmp) / "graph.html", html)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            times = [settle_seconds(browser, path) for _ in range(args.runs)]
            browser.close()
    for i, (t, shown) in enumerate(times, 1):
        print(f"run {i}: {t:.2f} s ({shown} nodes drawn first)")
    print(f"median time to settle: {statistics.median(t for t, _ in times):.2f} s (target < 5 s)")


if __name__ == "__main__":
    main()
