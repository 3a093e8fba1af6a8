"""Score candidates.json against gold topics_must_find, beyond the tool's current topics."""

import json
import os
import re
import sys
from pathlib import Path as _P

KP = _P(os.environ.get("KP_DIR", "/tmp/kp"))  # scratch: texts, candidates, tool output in KP/dev/
from pathlib import Path

sys.path.insert(0, "/work/shared/eval")
from score import norm, person_key  # noqa: E402

C = json.loads((KP / "candidates.json").read_text())
GOLD = {p.stem: json.loads(p.read_text()) for p in Path("/work/shared/eval/dev/gold").glob("[0-9]*.json")}
OUT = json.loads((KP / "dev/meetings.json").read_text())["meetings"]
KS = (5, 8, 10, 15)


def label_of(t):
    return norm(t if isinstance(t, str) else t.get("label"))


current, names = {}, {}
for m in OUT:
    s = Path(m["source"]).stem
    labels = [label_of(t) for t in m.get("topics", [])]
    for i in m.get("items", []):
        labels += [label_of(t) for t in i.get("topics", [])]
    current[s] = labels
    names[s] = {person_key(a.get("name", "")) for a in m.get("attendees", [])}
TOOL_NAMES = names  # attendees the tool itself extracted (usable in production, unlike gold)


def found(aliases, labels):  # score.py's rule
    return any(norm(a) == l or re.search(r"\b" + re.escape(norm(a)) + r"\b", l) for a in aliases for l in labels)


LEAD = re.compile(r"^(?:(?:the|a|an|this|that|these|those|its|their|our|any|all|some|each|other)\s+)+")


def clean_top(phrases, k, drop=None):
    seen, out = set(), []
    for p in phrases:
        n = LEAD.sub("", norm(p)).strip(" -'")
        if not n or n in seen or (drop and drop(n)):
            continue
        seen.add(n)
        out.append(n)
        if len(out) == k:
            break
    return out


MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
PROC = [
    "minute",
    "minutes",
    "meeting",
    "meetings",
    "apologies",
    "apology",
    "any other business",
    "aob",
    "agenda",
    "matters arising",
    "declaration of interest",
    "declarations of interest",
    "declarations",
    "date of next meeting",
    "chair",
    "chairman",
    "chairperson",
    "vice chair",
    "secretary",
    "treasurer",
    "present",
    "attendance",
    "absent",
    "motion",
    "moved",
    "seconded",
    "carried",
    "resolved",
    "resolution",
    "item",
    "items",
    "adjourned",
    "adjournment",
    "quorum",
    "welcome",
    "action",
    "actions",
    "action points",
    "report",
    "reports",
    "update",
    "updates",
    "note",
    "notes",
    "discussion",
    "vote",
    "voting",
    "yeas",
    "nays",
    "recorded vote",
    "in attendance",
    "board members",
    "members",
    "member",
    "councillor",
    "councillors",
    "cllr",
    "cllrs",
    "committee",
    "clerk",
    "mover",
    "seconder",
    "approved",
    "approval",
    "consent",
    "correspondence",
    "open board",
    "members of the public",
    "public forum",
    "close",
    "board",
    "council",
    "post",
    "title",
    "deferred",
    "noted",
    "staff report",
    "deputy city manager",
    "city clerk",
]
PROC_RE = re.compile(r"^(?:(?:" + "|".join(re.escape(p) for p in PROC) + r")\s*)+$")
PROC_ANY = re.compile(
    r"\b(?:minutes|meeting|apologies|any other business|agenda|matters arising|declarations? of interest|seconded|quorum)\b"
)


import unicodedata

from score import HONORIFICS


def fold(w):
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


TITLES = set(HONORIFICS) | {
    "cllr",
    "cllrs",
    "councillor",
    "councillors",
    "borough",
    "county",
    "mayor",
    "garda",
    "gardai",
    "senator",
    "deputy",
    "chief",
    "superintendent",
    "sergeant",
    "sgt",
    "inspector",
    "minute",
    "members",
    "member",
    "secretary",
    "treasurer",
    "chair",
    "chairman",
    "chairperson",
    "vice",
    "clerk",
    "manager",
    "city",
    "director",
    "officer",
    "mp",
    "msp",
    "mep",
    "td",
    "pmc",
    "and",
    "&",
    "attendees",
    "present",
    "stated",
    "added",
    "gave",
    "agreed",
}
LOWER_WORDS = {
    s_: set(re.findall(r"\b[a-z][a-z'-]+\b", fold(t))) for s_, t in json.loads((KP / "texts.json").read_text()).items()
}
ALL_LOWER = set().union(*LOWER_WORDS.values())
NAME_TOKENS = {}
for s_ in GOLD:

    def _ok(e):
        t = {w for w in fold(person_key(e)).replace("-", " ").split() if w not in TITLES and len(w) > 1}
        return len(t) >= 2 and not t & ALL_LOWER

    ent_names = {person_key(e) for e in C["ents_by"][s_]["PERSON"] if _ok(e)}
    for key, src in (
        ("gold", {person_key(a["name"]) for a in GOLD[s_].get("attendees", [])}),
        ("tool", TOOL_NAMES.get(s_, set())),
    ):
        toks = {fold(w) for x in src | ent_names for w in x.replace("-", " ").split() if len(w) > 1}
        NAME_TOKENS[(key, s_)] = {w for w in toks if w not in ALL_LOWER and w not in TITLES}
ROLE_PHRASES = {
    "chief superintendent",
    "superintendent",
    "deputy city manager",
    "city manager",
    "chief executive",
    "deputy chief executive",
    "garda",
    "gardai",
    "cllr",
    "clerk",
    "chair",
    "mayor",
    "councillor",
    "councillors",
    "members",
    "board members",
    "chief",
    "deputy chief",
    "city clerk",
    "finance manager",
    "minute secretary",
    "secretary",
}


def classify(n, s, src="gold"):
    """'person' | 'date' | 'proc' (procedural word or bare role) | 'frag' (fragment/boilerplate) | None."""
    toks = [fold(w) for w in n.replace("-", " ").split()]
    core = [w for w in toks if w not in TITLES and len(w) > 1]
    nt = NAME_TOKENS.get((src, s), set())
    if core and sum(w in nt for w in core) / len(core) >= 0.5:
        return "person"
    if re.search(r"\b(?:" + MONTHS + r")\b", n) or re.search(
        r"\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:19|20)\d\d\b|\d+[.:]\d\d\s*(?:am|pm)", n
    ):
        return "date"
    if n in ROLE_PHRASES or not core or PROC_RE.match(n) or PROC_ANY.search(n):
        return "proc"
    if re.search(r"https?\b|\bwww\b|registered (?:number|office|in)|^be\b", n) or all(len(w) <= 2 for w in toks):
        return "frag"
    return None


def evaluate(method, k, drop=None):
    add, junk, tot, per_doc_missing, alone, ex = 0, 0, 0, {}, 0, {"person": [], "date": [], "proc": [], "frag": []}
    for s, g in sorted(GOLD.items()):
        top = clean_top(C["cands"][method][s], k, drop=(lambda n: drop(n, s)) if drop else None)
        topics = g["topics_must_find"]
        base = [t for t in topics if found(t, current[s])]
        both = [t for t in topics if found(t, current[s] + top)]
        alone += sum(found(t, top) for t in topics)
        add += len(both) - len(base)
        per_doc_missing[s] = [t[0] for t in topics if t not in both]
        for n in top:
            c = classify(n, s)
            tot += 1
            if c:
                junk += 1
                ex[c].append(n)
    return dict(add=add, alone=alone, junk=junk, tot=tot, missing=per_doc_missing, ex=ex)


def drop_junk(n, s):  # production-usable filter: tool's own attendees + spaCy PERSON, no gold
    return classify(n, s, "tool") is not None


if __name__ == "__main__":
    ntopics = sum(len(g["topics_must_find"]) for g in GOLD.values())
    cur = {s: [t[0] for t in g["topics_must_find"] if found(t, current[s])] for s, g in GOLD.items()}
    ncur = sum(map(len, cur.values()))
    print(f"gold topics: {ntopics}; found by current output: {ncur}")
    for s in sorted(GOLD):
        print(
            f"  {s[:40]:40} current finds {len(cur[s])}/{len(GOLD[s]['topics_must_find'])}: missing "
            f"{[t[0] for t in GOLD[s]['topics_must_find'] if t[0] not in cur[s]]}"
        )
    res = {}
    print(f"{'method':28} " + "  ".join(f"k={k}: +add(alone) junk%" for k in KS))
    for variant, drop in (("raw", None), ("filtered", drop_junk)):
        for m in C["cands"]:
            row = []
            for k in KS:
                r = evaluate(m, k, drop)
                res[(variant, m, k)] = r
                row.append(f"+{r['add']:2d}({r['alone']:2d}) {100 * r['junk'] / r['tot']:4.0f}%")
            t = C["times"].get(m, 0)
            print(f"{variant[:4]} {m:26} " + "   ".join(row) + f"   {t:6.1f}s")
    (KP / "eval.json").write_text(json.dumps({f"{a}|{b}|{c}": v for (a, b, c), v in res.items()}, indent=1))
