"""A corpus of minutes in the layouts UK public bodies publish, written by the tests as text, HTML,
Word and PDF files, each with the gold record the evaluation scorer compares the build with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CABINET = """LONDON BOROUGH OF SOUTHWARK

CABINET

MINUTES of the meeting of the Cabinet held on Tuesday, 14th March 2023 at 7.00 pm at Tooley Street

PRESENT: Councillor Kieron Williams (Chair)
Councillor Jasmine Ali (Vice-Chair)
Councillor Evelyn Akoto
Councillor Helen Dennis

ALSO PRESENT: Councillor Maggie Browning

OFFICERS: Althea Loderick - Chief Executive
Duncan Whitfield - Strategic Director of Finance

APOLOGIES FOR ABSENCE: Councillor Stephanie Cryan

23/45 DECLARATIONS OF INTEREST

There were none.

23/46 SAFER NEIGHBOURHOODS UPDATE

Councillor Evelyn Akoto presented the report on knife crime and anti-social behaviour. The Chair noted that the Met had increased patrols.

23/47 ANY OTHER BUSINESS

None.
"""

PANEL_HTML = """<!DOCTYPE html><html><head><title>Police and Crime Panel minutes</title></head><body>
<div class="cookie-banner">We use cookies. Accept all cookies</div>
<nav><a href="/">Home</a> | <a href="/meetings">Meetings</a></nav>
<main>
<h1>Police and Crime Panel</h1>
<p>Minutes of the meeting held on 3 March 2024</p>
<h2>Members present</h2>
<table>
<tr><th>Name</th><th>Role</th><th>Representing</th></tr>
<tr><td>Cllr Tom Hart</td><td>Chair</td><td>Lambeth</td></tr>
<tr><td>Cllr Amy Fox</td><td>Vice-Chair</td><td>Croydon</td></tr>
<tr><td>Cllr Raj Patel</td><td></td><td>Brent</td></tr>
<tr><td>Ms Helen Ward</td><td>Independent Member</td><td></td></tr>
</table>
<h2>In attendance</h2>
<ul><li>Sophie Linden - Deputy Mayor for Policing and Crime, MOPAC</li><li>Commander Paul Brogden (MPS)</li></ul>
<h2>Apologies</h2>
<ul><li>Cllr Joe Bloggs (Camden)</li></ul>
<h2>Agenda item 1: Apologies and declarations</h2>
<p>Apologies were noted.</p>
<h2>Agenda item 2: Police and Crime Plan</h2>
<p>The Deputy Mayor presented the Police and Crime Plan and highlighted violence against women and girls.
Commander Paul Brogden updated the panel on stop and search.</p>
<h2>Agenda item 3: Date of next meeting</h2>
<p>The next meeting will be on 5 May 2024.</p>
</main>
<footer>Copyright 2024. Privacy notice.</footer>
</body></html>
"""

BOARD_LINES = [
    ("heading", "Safer Lambeth Partnership Board"),
    ("p", "Minutes of the meeting held on Thursday 7 December 2023"),
    ("heading", "Members present"),
    ("p", "Sarah Lee (MOPAC)"),
    ("p", "Chief Superintendent Colin Wingrove (MPS)"),
    ("p", "Dr Amina Okafor (NHS England)"),
    ("p", "Peter Hall, Probation Service"),
    ("heading", "Apologies"),
    ("table", [("Name", "Organisation"), ("Jo Smith", "London Fire Brigade"), ("Mark Evans", "CPS")]),
    ("heading", "1. Welcome and introductions"),
    ("p", "The Chair welcomed members."),
    ("heading", "2. Youth violence"),
    (
        "p",
        "Chief Superintendent Colin Wingrove reported a fall in knife crime. The MPS highlighted the need for early intervention.",
    ),
    ("heading", "3. Any other business"),
    ("p", "None."),
]

SCRUTINY_LINES = [
    "Overview and Scrutiny Committee",
    "Minutes - Wednesday 6th September 2023",
    "",
    "Present",
    "Chair: Cllr Rebecca Lury",
    "Vice-Chair: Cllr Ian Wingfield",
    "Cllr Sunil Chopra",
    "Cllr Victoria Olisa",
    "",
    "Also present",
    "DAC Barbara Gray, MPS",
    "",
    "Apologies",
    "Cllr Leo Pollak",
    "",
    "Item 1 - Minutes of the last meeting",
    "The minutes were agreed.",
    "",
    "Item 2 - Policing in the borough",
    "DAC Barbara Gray updated the committee on police demand and reported that robbery had fallen.",
    "",
    "Item 3 - Work programme",
    "The committee agreed its work programme.",
]


def _attendee(name, status="present", organisation=None, role=None, honorific=None):
    return {"name": name, "status": status, "organisation": organisation, "role": role, "honorific": honorific}


GOLD = {
    "cabinet": {
        "meeting": {"body": ["London Borough of Southwark Cabinet", "Cabinet"], "date": "2023-03-14"},
        "attendees": [
            _attendee("Kieron Williams", role=["Chair", "Cllr", "Councillor"]),
            _attendee("Jasmine Ali", role=["Vice-Chair", "Vice Chair", "Cllr"]),
            _attendee("Evelyn Akoto", role=["Cllr", "Councillor"]),
            _attendee("Helen Dennis", role=["Cllr", "Councillor"]),
            _attendee("Maggie Browning", role=["Cllr", "Councillor"]),
            _attendee("Althea Loderick", role=["Chief Executive"]),
            _attendee("Duncan Whitfield", role=["Strategic Director of Finance"]),
            _attendee("Stephanie Cryan", "apologies", role=["Cllr", "Councillor"]),
        ],
        "items": [],
        "topics_must_find": [["knife crime"], ["anti-social behaviour", "ASB"]],
        "statements_must_find": [],
    },
    "panel": {
        "meeting": {"body": ["Police and Crime Panel"], "date": "2024-03-03"},
        "attendees": [
            _attendee("Tom Hart", organisation=["Lambeth", "London Borough of Lambeth"], role=["Chair", "Cllr"]),
            _attendee("Amy Fox", organisation=["Croydon", "London Borough of Croydon"], role=["Vice-Chair", "Cllr"]),
            _attendee("Raj Patel", organisation=["Brent", "London Borough of Brent"], role=["Cllr"]),
            _attendee("Helen Ward", role=["Independent Member", "Ms"]),
            _attendee(
                "Sophie Linden",
                organisation=["MOPAC", "Mayor's Office for Policing and Crime"],
                role=["Deputy Mayor for Policing and Crime", "DMPC"],
            ),
            _attendee("Paul Brogden", organisation=["MPS", "Metropolitan Police Service"], role=["Commander"]),
            _attendee("Joe Bloggs", "apologies", organisation=["Camden", "London Borough of Camden"], role=["Cllr"]),
        ],
        "items": [
            {"number": "1", "title": "Apologies and declarations"},
            {"number": "2", "title": "Police and Crime Plan"},
            {"number": "3", "title": "Date of next meeting"},
        ],
        "topics_must_find": [
            ["Police and Crime Plan"],
            ["violence against women and girls", "VAWG"],
            ["stop and search"],
        ],
        "statements_must_find": [
            {"actor": ["Sophie Linden", "Deputy Mayor"], "item": "2"},
            {"actor": ["Paul Brogden"], "item": "2"},
        ],
    },
    "board": {
        "meeting": {"body": ["Safer Lambeth Partnership Board"], "date": "2023-12-07"},
        "attendees": [
            _attendee("Sarah Lee", organisation=["MOPAC", "Mayor's Office for Policing and Crime"]),
            _attendee(
                "Colin Wingrove", organisation=["MPS", "Metropolitan Police Service"], role=["Chief Superintendent"]
            ),
            _attendee("Amina Okafor", organisation=["NHS England"], role=["Dr"]),
            _attendee("Peter Hall", organisation=["Probation Service", "Probation"]),
            _attendee("Jo Smith", "apologies", organisation=["London Fire Brigade", "LFB"]),
            _attendee("Mark Evans", "apologies", organisation=["CPS", "Crown Prosecution Service"]),
        ],
        "items": [
            {"number": "1", "title": "Welcome and introductions"},
            {"number": "2", "title": "Youth violence"},
            {"number": "3", "title": "Any other business"},
        ],
        "topics_must_find": [["knife crime"], ["early intervention", "prevention"]],
        "statements_must_find": [
            {"actor": ["Colin Wingrove"], "item": "2"},
            {"actor": ["MPS", "Metropolitan Police Service"], "item": "2"},
        ],
    },
    "scrutiny": {
        "meeting": {"body": ["Overview and Scrutiny Committee"], "date": "2023-09-06"},
        "attendees": [
            _attendee("Rebecca Lury", role=["Chair", "Cllr"]),
            _attendee("Ian Wingfield", role=["Vice-Chair", "Cllr"]),
            _attendee("Sunil Chopra", role=["Cllr"]),
            _attendee("Victoria Olisa", role=["Cllr"]),
            _attendee("Barbara Gray", organisation=["MPS", "Metropolitan Police Service"], role=["DAC"]),
            _attendee("Leo Pollak", "apologies", role=["Cllr"]),
        ],
        "items": [
            {"number": "1", "title": "Minutes of the last meeting"},
            {"number": "2", "title": "Policing in the borough"},
            {"number": "3", "title": "Work programme"},
        ],
        "topics_must_find": [["police demand"], ["robbery"]],
        "statements_must_find": [{"actor": ["Barbara Gray", "DAC Barbara Gray"], "item": "2"}],
    },
}


def _docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for kind, content in BOARD_LINES:
        if kind == "heading":
            document.add_heading(content, level=2)
        elif kind == "p":
            document.add_paragraph(content)
        else:
            table = document.add_table(rows=0, cols=len(content[0]))
            for row in content:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
    document.save(str(path))


def _pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in SCRUTINY_LINES:
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """The folder of minutes files and the folder of their gold records."""
    folder = tmp_path_factory.mktemp("layouts")
    minutes, gold = folder / "minutes", folder / "gold"
    minutes.mkdir()
    gold.mkdir()
    (minutes / "cabinet.txt").write_text(CABINET, encoding="utf-8")
    (minutes / "panel.html").write_text(PANEL_HTML, encoding="utf-8")
    _docx(minutes / "board.docx")
    _pdf(minutes / "scrutiny.pdf")
    for stem, record in GOLD.items():
        (gold / f"{stem}.json").write_text(json.dumps({"source": stem, **record}), encoding="utf-8")
    return minutes, gold
