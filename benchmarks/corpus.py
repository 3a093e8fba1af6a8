"""Synthetic but realistic minutes: LCRB-like meetings with attendee turnover, posts changing hands
and recurring topics, written as text files the real build reads.

    python benchmarks/corpus.py N FOLDER
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

__all__ = ["write_corpus", "meeting_text"]

FIRST = [
    "Amy",
    "Ben",
    "Cara",
    "Dev",
    "Ella",
    "Finn",
    "Gita",
    "Hugo",
    "Isla",
    "Jack",
    "Kemi",
    "Liam",
    "Maya",
    "Nico",
    "Olga",
    "Pete",
    "Rosa",
    "Sam",
    "Tara",
    "Umar",
    "Vera",
    "Will",
    "Yusuf",
    "Zara",
    "Alan",
    "Beth",
    "Carl",
    "Dina",
]
LAST = [
    "Adams",
    "Brown",
    "Clark",
    "Davies",
    "Evans",
    "Fisher",
    "Green",
    "Hughes",
    "Irwin",
    "Jones",
    "King",
    "Lewis",
    "Moore",
    "Nolan",
    "Owen",
    "Price",
    "Quinn",
    "Reid",
    "Shaw",
    "Turner",
    "Usher",
    "Vaughan",
    "Walsh",
    "Young",
]
ORGS = [
    "MPS",
    "CPS",
    "CPS North",
    "CPS South",
    "MOPAC",
    "VRU",
    "London Councils",
    "NHS England",
    "Probation",
    "YJB",
    "HMCTS",
    "London Prisons Group",
    "GLA",
    "Barking & Dagenham",
    "Hillingdon",
    "Redbridge",
]
TOPICS = [
    "knife crime",
    "robbery",
    "VAWG",
    "domestic abuse",
    "court backlogs",
    "youth justice",
    "mental health",
    "police uplift",
    "stop and search",
    "serious violence",
    "hate crime",
    "burglary",
    "early guilty pleas",
]
PROGRAMMES = [
    "Safer Streets Programme",
    "Violence Reduction Plan",
    "Youth Diversion Strategy",
    "Court Recovery Plan",
    "Hard Calls Save Lives Campaign",
    "A New Met for London",
    "Community Trust Review",
]
VERBS = ["noted", "updated", "reported", "highlighted", "presented", "advised", "explained"]
TRENDS = [
    "had fallen over the quarter",
    "remained a priority for partners",
    "had risen in several boroughs",
    "needed a joined-up response",
    "was improving but needed sustained effort",
]


def meeting_text(n: int, rng: random.Random) -> str:
    """The text of meeting ``n``: people drift in and out, the chair and the DMPC change over time."""
    # Every five days from 2000: 5,000 meetings end in 2068, within the years minutes are read for
    # (19xx and 20xx; a fortnightly 5,000 ran past 2099 and 2,782 of them were refused as undated).
    date = dt.date(2000, 1, 1) + dt.timedelta(days=5 * n)
    pool = [f"{FIRST[(n // 40 + i) % len(FIRST)]} {LAST[(i * 7 + n // 60) % len(LAST)]}" for i in range(60)]
    people = rng.sample(pool, 34)
    dmpc = f"{FIRST[(n // 200) % len(FIRST)]} {LAST[(n // 200 + 3) % len(LAST)]}"
    lines = [
        f"London Crime Reduction Board - {date.day} {date:%B %Y} - Minutes",
        "",
        "Attendees and apologies",
        "",
        "Sadiq Khan, Mayor of London (Chair)",
        f"{dmpc}, DMPC",
    ]
    lines += [f"{p}, {rng.choice(ORGS)}" for p in people[:29]]
    lines += ["", "Apologies", ""] + [f"{p}, {rng.choice(ORGS)}" for p in people[29:]]
    titles = [
        "Welcome, minutes and previous actions",
        "MPS Update",
        "Partnership Performance",
        rng.choice(PROGRAMMES),
        "Criminal Justice Recovery",
        "AOB",
    ]
    for number, title in enumerate(titles, 1):
        lines += ["", f"Item {number} - {title}", ""]
        for _ in range(rng.randint(3, 5)):
            org, topic, person = rng.choice(ORGS), rng.choice(TOPICS), rng.choice(people[:29])
            lines.append(
                f"The {org} {rng.choice(VERBS)} that {topic} {rng.choice(TRENDS)}. {person} {rng.choice(VERBS)} "
                f"the {rng.choice(PROGRAMMES)} and asked partners to share data on {rng.choice(TOPICS)}. "
                f"It was agreed that the DMPC would write to partners about {topic} before the next meeting, "
                f"and that the Board would receive a further update on progress, risks and funding."
            )
    return "\n".join(lines) + "\n"


def write_corpus(n: int, folder: Path, seed: int = 7) -> list[Path]:
    """Write ``n`` meetings into ``folder``; the same ``n`` and seed always give the same files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"lcrb-{i:05d}.txt"
        path.write_text(meeting_text(i, rng), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
