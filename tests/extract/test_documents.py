"""Reading files: encodings, HTML pages, bad input, and offsets that survive normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract import DocumentError, document_from_bytes, read_document
from extract.normalise import normalise

MINUTES = "Board meeting minutes - 6 July 2021\n\nPresent\nSophie Linden, DMPC\n\n1. Minutes\nAgreed.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252", "utf-8-sig"])
def test_encodings_are_decoded(tmp_path, encoding):
    path = tmp_path / "m.txt"
    path.write_bytes(MINUTES.replace("Linden", "Lindén").encode(encoding))
    assert "Sophie Lindén" in read_document(path).text


def test_invalid_utf8_bytes_are_replaced_with_a_warning(tmp_path):
    path = tmp_path / "m.txt"
    path.write_bytes(MINUTES.encode() + "caf\u00e9 \u2603".encode("utf-8") + b"\xff\xfe\xfa" * 1)
    doc = read_document(path)
    assert "\ufffd" in doc.text or doc.encoding == "cp1252"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "file is empty"), (b"  \n\t\n", "file is empty"), (b"\x00\x01\x02binary\x00" * 50, "binary file, not text")],
)
def test_bad_files_raise_one_line_errors_naming_the_file(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: {message}"


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError, match=r"nope.txt: no such file$"):
        read_document(tmp_path / "nope.txt")


def test_too_large_file_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2_000_001)
    with pytest.raises(DocumentError, match=r"over the 2 MB limit"):
        read_document(path, max_bytes=2_000_000)


def test_html_page_keeps_the_minutes_and_drops_the_furniture():
    html = (
        "<!DOCTYPE html><html><head><title>t</title><script>var x = 'Jane Bloggs';</script></head><body>"
        "<nav>Home | Cookies</nav><main><h1>Board meeting minutes - 6 July 2021</h1><p>Present</p>"
        "<ul><li>Sophie Linden, DMPC</li></ul><h2>1. Minutes</h2><p>Agreed &amp; signed.</p></main>"
        "<footer>Copyright</footer></body></html>"
    )
    doc = document_from_bytes("page.html", html.encode())
    assert doc.media_type == "text/html"
    assert "Sophie Linden, DMPC" in doc.text
    assert "Agreed & signed." in doc.text
    for furniture in ("Jane Bloggs", "Cookies", "Copyright"):
        assert furniture not in doc.text


def test_curly_quotes_and_dashes_are_straightened_in_place():
    doc = document_from_bytes("m.txt", "Claire Waxman \u2013 London\u2019s Victims\u2019 Commissioner\u00a0".encode())
    assert doc.text == "Claire Waxman - London's Victims' Commissioner "
    assert len(doc.text) == len(doc.original)


@given(st.text())
def test_normalise_never_moves_an_offset(text):
    assert len(normalise(text)) == len(text)
