"""A real Oxigraph SPARQL server on a free loopback port, and small HTTP servers that misbehave."""

from __future__ import annotations

import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _oxigraph() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.fail("the oxigraph server is not installed (pip install -e '.[test]')")
    return found


@pytest.fixture
def oxigraph_server(tmp_path):
    """``oxigraph serve`` on 127.0.0.1, stopped (SIGTERM) after the test; yields its base URL.

    Configured as it comes, like most stores: its default graph is not the union of the named
    graphs, so a query finds what is pushed only through GRAPH patterns.
    """
    port = _free_port()
    process = subprocess.Popen(
        [
            _oxigraph(),
            "serve",
            "--location",
            str(tmp_path / "oxigraph"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"oxigraph serve exited: {process.stderr.read().decode()[:500]}")
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not answer within 10 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stderr.close()


class _Scripted(http.server.BaseHTTPRequestHandler):
    """Answers each request with the next status of the server's script, recording what it saw."""

    def do_PUT(self):  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length", 0))
        self.rfile.read(length)
        self.server.seen.append((self.path, self.headers.get("Authorization")))
        status = self.server.script.pop(0) if self.server.script else 204
        if status == 0:
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def scripted_server():
    """An HTTP server on loopback whose answers follow a list of status codes (then 204)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Scripted)
    server.script, server.seen = [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
