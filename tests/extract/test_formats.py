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


def _kinds(document):
    from extract.blocks import block_text

    return [(b.kind.value, b.level, block_text(document.text, b)) for b in document.blocks]


def test_a_web_page_is_read_into_blocks_by_its_elements():
    from extract import document_from_bytes

    page = (
        "<html><body><nav>Home</nav><main><h1>Panel</h1><p><strong>Present:</strong> Cllr Tom Hart,\n  Cllr Amy Fox</p>"
        "<ul><li>Sophie Linden - DMPC</li></ul><table><tr><td>Cllr Raj Patel</td><td>Brent</td></tr></table>"
        "<div>Loose text<br>on two lines</div></main></body></html>"
    )
    document = document_from_bytes("panel.html", page.encode())
    assert _kinds(document) == [
        ("heading", 1, "Panel"),
        ("paragraph", 0, "Present: Cllr Tom Hart, Cllr Amy Fox"),
        ("list_item", 0, "Sophie Linden - DMPC"),
        ("table_row", 0, "Cllr Raj Patel, Brent"),
        ("paragraph", 0, "Loose text on two lines"),
    ]
    lead = document.blocks[1]
    assert document.text[lead.start : lead.lead_end] == "Present:"


def test_a_word_document_is_read_into_blocks_by_its_styles(tmp_path):
    import docx

    from extract import read_document

    word = docx.Document()
    word.add_heading("Partnership Board", level=1)
    paragraph = word.add_paragraph()
    paragraph.add_run("Present:").bold = True
    paragraph.add_run(" Jane Doe, MOPAC")
    word.add_paragraph("Alan Catlin", style="List Bullet")
    table = word.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Mo Foster", "Prisons"
    word.save(tmp_path / "board.docx")
    document = read_document(tmp_path / "board.docx")
    assert _kinds(document) == [
        ("heading", 1, "Partnership Board"),
        ("paragraph", 0, "Present: Jane Doe, MOPAC"),
        ("list_item", 0, "Alan Catlin"),
        ("table_row", 0, "Mo Foster, Prisons"),
    ]
    assert document.blocks[1].lead_end == document.blocks[1].start + len("Present:")


def test_a_pdf_keeps_its_columns_apart_and_its_bold_lines_as_headings(tmp_path):
    from fpdf import FPDF

    from extract import read_document

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=11)
    pdf.cell(0, 6, "Police Report", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(50, 6, "Kenny Combe")
    pdf.cell(20, 6, "KC")
    pdf.cell(50, 6, "Margaret Carey")
    pdf.cell(20, 6, "MC", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "minutes.pdf"))
    document = read_document(tmp_path / "minutes.pdf")
    assert _kinds(document) == [("heading", 0, "Police Report"), ("paragraph", 0, "Kenny Combe KC Margaret Carey MC")]
    assert "Kenny Combe   KC   Margaret Carey   MC" in document.text
