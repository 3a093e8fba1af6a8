"""A real headless Chromium (Debian's), driven by Playwright, with every network request refused."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: .ci/run installs Debian's chromium package")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A page opened from disk with the network cut off, recording what it tried and what it said."""

    def __init__(self, browser, path: Path, fragment: str = ""):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.resolve().as_uri() + (f"#{fragment}" if fragment else ""))
        self.wait_settled()

    def _route(self, route):
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def wait_for(self, expression: str, seconds: float = 30) -> None:
        """Poll ``expression`` until true. Playwright's wait_for_function polls through eval, which
        the page's Content-Security-Policy refuses, so it fails whenever it has to wait at all."""
        for _ in range(int(seconds * 10)):
            if self.page.evaluate(expression):
                return
            self.page.wait_for_timeout(100)
        raise AssertionError(f"never true: {expression}")

    def wait_settled(self, seconds: float = 30) -> None:
        self.wait_for("window.graphSettled === true", seconds)

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_page(browser):
    pages: list[Page] = []

    def opener(path: Path, fragment: str = "") -> Page:
        pages.append(Page(browser, path, fragment))
        return pages[-1]

    yield opener
    for p in pages:
        p.close()
