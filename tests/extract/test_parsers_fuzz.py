"""Any text at all: the parsers never raise, and every name they return is a span of the input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import DocumentError, document_from_bytes, extract_meeting

WORDS = st.sampled_from(
    [
        "Present",
        "Apologies",
        "Item 1 -",
        "1.",
        "2.a",
        "Cllr",
        "DAC",
        "MPS",
        "CPS North",
        "Jane",
        "Smith",
        "O'Neil",
        "Zoë",
        "李明",
        ",",
        "-",
        "(",
        ")",
        "\n",
        "\n\n",
        "of",
        "the",
        "Board",
        "minutes",
        "12 July 2023",
        "Chair:",
        "&",
        "<b>",
        "Weekes-Bernard",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, max_size=60).map(" ".join) | st.text(max_size=300))
def test_extraction_never_raises_and_names_are_spans(blank_nlp, text):
    try:
        document = document_from_bytes("fuzz.txt", text.encode("utf-8"))
        meeting = extract_meeting(document, blank_nlp(document.text))
    except DocumentError:
        return
    for a in meeting.attendance:
        assert document.text[a.span.start : a.span.end] == a.span.text
        assert a.name in document.text
    for item in meeting.items:
        assert document.text[item.heading.start : item.heading.end] == item.heading.text
