"""Accuracy on documents the parser was not tuned on: first contact and now.

    python3 benchmarks/accuracy.py                    # print the figures
    python3 benchmarks/accuracy.py --first-contact B  # score what has no first-contact record yet, as batch B

Gold lives in corpora/blind/ (format: corpora/blind/README.md), written by annotators who never
saw the parser's output.  The first time a document (or unit name, list, header) is scored, its
figures are written next to its gold (X.first.json, units/first.json, headers/first.json) and
never overwritten: that is its first-contact figure.  "Last N" lines take the N most recently
added documents.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import policykit  # noqa: E402
from policykit.evaluation import (  # noqa: E402
    STYLES,
    Counts,
    region_right,
    score_assignments,
    score_requirements,
    title_right,
)
from policykit.units import normalise, parse_unit_list  # noqa: E402

BLIND = ROOT / "corpora" / "blind"


def commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10)
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "policykit"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


# ---------------------------------------------------------------------------
# documents


def score_document(txt: Path, gold: dict[str, Any]) -> dict[str, Any]:
    doc = policykit.parse(txt)
    text = doc.text or ""
    roles = score_assignments(doc, text, gold)
    anyrole = score_assignments(doc, text, gold, roles=False)
    meta = doc.to_dict()["meta"]
    want = gold.get("meta", {})
    return {
        "assignments": {k: v.to_dict() for k, v in roles.items()},
        "units": {k: v.to_dict() for k, v in anyrole.items()},
        "requirements": score_requirements(doc, text, gold).to_dict(),
        "region": region_right(meta.get("region") or {}, want.get("region")),
        "title": title_right(meta.get("title"), want.get("title")),
    }


def documents() -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for gold_path in sorted(BLIND.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append((gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")), gold))
    return out


def first_path(txt: Path) -> Path:
    return txt.with_name(txt.stem + ".first.json")


# ---------------------------------------------------------------------------
# unit names and lists, headers


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def unit_checks() -> list[tuple[str, str, list[dict[str, str]], Any]]:
    """(label, record-key prefix, rows, scorer) for the labelled unit names and raw lists."""
    return [("unit names, function right", "unit names", _rows(BLIND / "units" / "names.tsv"), score_name),
            ("unit lists, split right", "unit lists", _rows(BLIND / "units" / "lists.tsv"), score_list)]


def unit_key(prefix: str, row: dict[str, str]) -> str:
    """The first-contact record's key: ``"unit names:市教育局"``, ``"unit lists:<raw list>"``."""
    return f"{prefix}:{row['name'] if 'name' in row else row['raw']}"


def score_name(row: dict[str, str]) -> bool:
    """Right when the function is the labelled one.  A label "NEW:X" was written when the registry
    had no key for the function: it is right once the registry names that function X."""
    unit = normalise(row["name"])
    want = row["canonical"]
    return unit.canonical == (want[4:] if want.startswith("NEW:") else want)


def score_list(row: dict[str, str]) -> bool:
    return [u.name for u in parse_unit_list(row["raw"])] == [n.strip() for n in row["names"].split("|")]


def score_header(entry: dict[str, Any]) -> dict[str, bool]:
    doc = policykit.parse(BLIND / "headers" / entry["file"])
    meta = doc.to_dict()["meta"]
    return {"region": region_right(meta.get("region") or {}, entry.get("region")),
            "title": title_right(meta.get("title"), entry.get("title"))}


def header_entries() -> list[dict[str, Any]]:
    path = BLIND / "headers" / "headers.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


# ---------------------------------------------------------------------------
# printing


def _sum(records: list[dict[str, Any]], key: str) -> dict[str, Counts]:
    out: dict[str, Counts] = defaultdict(Counts)
    for rec in records:
        for style, c in rec[key].items():
            out[style].add(Counts(**c))
    return out


def _fig(c: Counts | None) -> str:
    if c is None or c.tp + c.fp + c.fn == 0:
        return f"{'—':>6}{'':>6}{'':>6}{'':>5}"
    return f"{c.precision:6.2f}{c.recall:6.2f}{c.f1:6.2f}{c.tp + c.fn:5d}"


def _line(label: str, first: Counts | None, now: Counts | None) -> str:
    return f"  {label:<14}{_fig(first)}   |{_fig(now)}"


def _block(title: str, firsts: list[dict[str, Any]], nows: list[dict[str, Any]], key: str) -> list[str]:
    f, n = _sum(firsts, key), _sum(nows, key)
    out = [f"{title}", f"  {'style':<14}{'P':>6}{'R':>6}{'F1':>6}{'gold':>5}   |{'P':>6}{'R':>6}{'F1':>6}{'gold':>5}"]
    total_f, total_n = Counts(), Counts()
    for style in STYLES:
        if style in f or style in n:
            out.append(_line(style, f.get(style), n.get(style)))
            total_f.add(f.get(style, Counts()))
            total_n.add(n.get(style, Counts()))
    out.append(_line("all", total_f, total_n))
    return out


def report(last: int, per_batch: tuple[str, ...] = ()) -> list[str]:
    docs = documents()
    firsts, nows, meta = [], [], []
    for txt, gold in docs:
        fp = first_path(txt)
        first = json.loads(fp.read_text(encoding="utf-8")) if fp.exists() else None
        now = score_document(txt, gold)
        meta.append((first["added"] if first else "~", txt.stem, gold))
        firsts.append(first)
        nows.append(now)
    scored = [(f, n, m) for f, n, m in zip(firsts, nows, meta, strict=True) if f]
    order = sorted(range(len(scored)), key=lambda i: (scored[i][2][0], scored[i][2][1]))
    provinces = {g.get("province") for _, _, g in meta}
    domains = {g.get("domain") for _, _, g in meta}
    out = [f"documents: {len(docs)} in corpora/blind ({len(scored)} with a first-contact record), "
           f"{len(provinces)} provinces, {len(domains)} domains; code {commit()}",
           "figures: precision, recall, F1 and the number of gold items; first contact | current", ""]
    groups = [("all documents", list(range(len(scored))))]
    if len(scored) > last:
        groups.append((f"last {last} added", order[-last:]))
    batches: dict[str, list[int]] = {}
    for i in order:
        batches.setdefault(scored[i][0].get("batch", "?"), []).append(i)
    for name in per_batch:
        groups.append((f"batch {name}", batches.get(name, [])))
    for label, idx in groups:
        f = [scored[i][0] for i in idx]
        n = [scored[i][1] for i in idx]
        out.append(f"== {label} ({len(idx)}) ==")
        out += _block("assignments (unit in its role)", f, n, "assignments")
        out += _block("units named (any role)", f, n, "units")
        rf, rn = Counts(), Counts()
        for x in f:
            rf.add(Counts(**x["requirements"]))
        for x in n:
            rn.add(Counts(**x["requirements"]))
        out.append(_line("requirements", rf, rn))
        for key in ("region", "title"):
            fr = sum(bool(x[key]) for x in f)
            nr = sum(bool(x[key]) for x in n)
            out.append(f"  {key:<14}{fr:>4}/{len(f)} right   |{nr:>4}/{len(n)} right")
        out.append("")
    out += _report_units(last) + _report_headers(last)
    return out


def _report_units(last: int) -> list[str]:
    first = _load(BLIND / "units" / "first.json")
    out = []
    for kind, prefix, rows, score in unit_checks():
        if not rows:
            continue
        recs = [first.get(unit_key(prefix, r)) for r in rows]
        now = [score(r) for r in rows]
        have = [(rec, n) for rec, n in zip(recs, now, strict=True) if rec]
        f_ok = sum(rec["right"] for rec, _ in have)
        n_ok = sum(now)
        out.append(f"{kind}: first contact {f_ok}/{len(have)}, current {n_ok}/{len(rows)}")
        tail = sorted(have, key=lambda x: x[0]["added"])[-last:]
        if len(have) > last:
            out.append(f"  last {last} added: first contact {sum(r['right'] for r, _ in tail)}/{len(tail)}, "
                       f"current {sum(n for _, n in tail)}/{len(tail)}")
    return out


def _report_headers(last: int) -> list[str]:
    entries = header_entries()
    if not entries:
        return []
    first = _load(BLIND / "headers" / "first.json")
    provinces = {(e.get("region") or {}).get("province") for e in entries}
    out = [f"headers: {len(entries)} documents' openings, {len(provinces)} provinces"]
    now = [score_header(e) for e in entries]
    have = [(first[e["file"]], n) for e, n in zip(entries, now, strict=True) if e["file"] in first]
    for key in ("region", "title"):
        out.append(f"  {key:<8} first contact {sum(f[key] for f, _ in have)}/{len(have)}, "
                   f"current {sum(n[key] for n in now)}/{len(now)}")
    if len(have) > last:
        tail = sorted(have, key=lambda x: x[0]["added"])[-last:]
        for key in ("region", "title"):
            out.append(f"  last {last} {key}: first contact {sum(f[key] for f, _ in tail)}/{len(tail)}, "
                       f"current {sum(n[key] for _, n in tail)}/{len(tail)}")
    return out


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


# ---------------------------------------------------------------------------
# first contact


def record_first_contact(batch: str) -> list[str]:
    """Score everything without a first-contact record and write the record (never overwriting one)."""
    stamp = {"added": datetime.now(timezone.utc).isoformat(timespec="seconds"), "batch": batch, "commit": commit()}
    written = []
    for txt, gold in documents():
        fp = first_path(txt)
        if fp.exists():
            continue
        fp.write_text(json.dumps({**stamp, **score_document(txt, gold)}, ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
        written.append(fp.name)
    units_first = BLIND / "units" / "first.json"
    if units_first.parent.exists():
        first = _load(units_first)
        for _, prefix, rows, score in unit_checks():
            for r in rows:
                k = unit_key(prefix, r)
                if k not in first:
                    first[k] = {**stamp, "right": score(r)}
                    written.append(k)
        units_first.write_text(json.dumps(first, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    entries = header_entries()
    if entries:
        path = BLIND / "headers" / "first.json"
        first = _load(path)
        for e in entries:
            if e["file"] not in first:
                first[e["file"]] = {**stamp, **score_header(e)}
                written.append(e["file"])
        path.write_text(json.dumps(first, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return written


def show(name: str) -> list[str]:
    """Per document: gold units the parse missed (−) and units it read that no gold holds (+)."""
    from policykit.evaluation import fold, found_units, same_name

    out = []
    for txt, gold in documents():
        if name not in txt.name:
            continue
        doc = policykit.parse(txt)
        text = doc.text or ""
        found = found_units(doc, text)
        out.append(f"== {txt.name}: {len(doc.tasks)} tasks")
        for entry in gold.get("assignments", []):
            a = text.find(entry["quote"])
            b = a + len(entry["quote"])
            here = [f for f in found if a <= f.pos < b]
            for role in ("lead", "co"):
                for unit in entry.get(role, []):
                    hit = next((f for f in here if not f.used and f.role == role and same_name(unit, f.names)), None)
                    if hit:
                        hit.used = True
                    else:
                        other = [f"{f.role}:{f.raw}" for f in here if same_name(unit, f.names)]
                        out.append(f"  − {role} {unit}  [{entry['style']}] {entry['quote'][:40]!r} {other}")
        for f in found:
            if not f.used:
                out.append(f"  + {f.role} {f.raw} @{f.pos} {f.style}: {text[max(0, f.pos - 15):f.pos + 15]!r}")
        _ = fold
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--first-contact", metavar="BATCH", help="record first-contact figures for what has none, as BATCH")
    ap.add_argument("--last", type=int, default=15, help="also print figures for the N documents added last")
    ap.add_argument("--batch", action="append", default=[], metavar="NAME",
                    help="also print the figures of one batch (the name its first contact was recorded under)")
    ap.add_argument("--show", metavar="NAME", help="list what the parse missed and added in documents whose file "
                                                   "name contains NAME (to study failures; never for gold writing)")
    args = ap.parse_args()
    if args.show:
        print("\n".join(show(args.show)))
        return
    if args.first_contact:
        written = record_first_contact(args.first_contact)
        print(f"first contact recorded for {len(written)} item(s)")
    print("\n".join(report(args.last, tuple(args.batch))))


if __name__ == "__main__":
    main()
