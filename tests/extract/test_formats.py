"""Other inputs: a PDF with no text layer, minutes on the web (fetched once, then cached), British dates."""

from __future__ import annotations

import datetime as dt
import http.server
import threading

import pytest

from extract import DocumentError, read_document
from extract.dates import find_dates

MINUTES = b"Board meeting minutes - 6 July 2021\n\nPresent\nSophie Linden, DMPC\n\n1. Minutes\nAgreed.\n"


def test_scanned_pdf_says_it_has_no_text(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 50)  # a picture of a page, no text layer
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(DocumentError, match=r"scan.pdf: the PDF has no text layer \(a scanned image\?\); run it"):
        read_document(path)


class _Minutes(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        self.server.hits.append(self.headers.get("If-None-Match"))
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(MINUTES)))
        self.end_headers()
        self.wfile.write(MINUTES)

    def log_message(self, *args):
        pass


@pytest.fixture
def web():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Minutes)
    server.hits = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_minutes_from_a_url_are_fetched_then_revalidated_from_the_cache(web, tmp_path):
    url = f"http://127.0.0.1:{web.server_port}/minutes/2021-07-06"
    first = read_document(url, cache=tmp_path / "cache")
    second = read_document(url, cache=tmp_path / "cache")
    assert first.source == url and "Sophie Linden, DMPC" in first.text
    assert second.text == first.text
    assert web.hits == [None, '"v1"']


def test_a_url_that_fails_is_a_one_line_error(tmp_path):
    with pytest.raises(DocumentError, match=r"^http://127.0.0.1:9/x: cannot fetch"):
        read_document("http://127.0.0.1:9/x", cache=tmp_path)


def test_a_page_over_the_size_limit_is_refused(web, tmp_path):
    with pytest.raises(DocumentError, match=r"larger than the 0 MB limit"):
        read_document(f"http://127.0.0.1:{web.server_port}/big", max_bytes=10)


@pytest.mark.parametrize(
    "text",
    [
        "6 July 2021",
        "6th July 2021",
        "Tuesday, 6th July 2021",
        "Tuesday 6 July 2021",
        "6 Jul 2021",
        "06/07/2021",
        "6.7.2021",
        "06/07/21",
        "2021-07-06",
        "July 6, 2021",
        "6th of July 2021",
    ],
)
def test_british_dates(text):
    assert [d for _, _, d in find_dates(f"Meeting held on {text} at 2pm")] == [dt.date(2021, 7, 6)]
