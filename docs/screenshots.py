"""Rebuild the README's screenshots: the seed graph and the 'who discusses what' matrix.

    python docs/screenshots.py

Builds seeds/ into a temporary folder and photographs graph.html in Debian's headless Chromium.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from minutes_graph import BuildSettings, build

DOCS = Path(__file__).resolve().parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def main() -> None:
    os.chdir(DOCS.parent)  # so that the evidence names its source as "seeds/..."
    with tempfile.TemporaryDirectory() as tmp:
        result = build(["seeds"], BuildSettings(out=Path(tmp)))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.goto(result.files["graph.html"].as_uri())
            while not page.evaluate("window.graphSettled === true"):
                page.wait_for_timeout(50)
            page.fill("#search", "Sophie Linden")
            page.press("#search", "Enter")
            page.evaluate("network.fit()")
            page.screenshot(path=DOCS / "graph.png")
            page.click("#tab-matrix")
            page.locator("#matrix td.hit").first.click()
            page.screenshot(path=DOCS / "matrix.png")
            browser.close()
    print(f"wrote {DOCS / 'graph.png'} and {DOCS / 'matrix.png'}")


if __name__ == "__main__":
    main()
