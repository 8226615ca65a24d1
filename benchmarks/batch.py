"""Batch speed and memory: documents per second with -j 1 and -j 2, peak memory, start-up.

    python3 benchmarks/batch.py [--files 300] [--jobs 1 2]

Builds FILES varied copies of the two seeds (each copy changes a number and a
unit name, so no cache keyed by content can help), runs ``policykit.batch.run``
on them once per --jobs value, each in a fresh process, and prints documents
per second, the batch process's peak memory and the largest peak memory a
worker reported.  Then the start-up time of ``policykit --version`` next to
``python -c "import click"``.  Prints figures; asserts nothing.  Quote them
with the machine line it prints first.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import describe, startup  # benchmarks/machine.py

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt", ROOT / "corpora" / "qingpu_campus_risk_duty_table.txt"]

# Run in a fresh interpreter per configuration, so that one run's imports and
# memory do not flatter the next one.
RUNNER = """
import json, resource, sys
from policykit.batch import run
folder, out, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
s = run([folder], out=out, jobs=jobs)
print(json.dumps({"done": s.done, "failed": s.failed, "tasks": s.tasks, "seconds": s.seconds,
                  "worker_peak_mb": s.worker_peak_mb,
                  "parent_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# (text in the seed, the variant pattern): a number and a unit name change in every copy
VARIANTS = [("2024年底", "{year}年底"), ("至少配备1名", "至少配备{n}名"), ("区妇联", "区妇女联合会{i}"),
            ("市司法局", "市司法局{i}")]


def make_copies(folder: Path, count: int) -> int:
    """``count`` copies of the seeds in sub-folders of 100, each with its own numbers and unit names; total bytes."""
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    size = 0
    for i in range(count):
        text = texts[i % len(texts)]
        for old, new in VARIANTS:
            text = text.replace(old, new.format(year=2024 + i % 7, n=1 + i % 5, i=i))
        path = folder / f"{i // 100:03d}" / f"plan-{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + f"\n(副本 {i})\n", encoding="utf-8")
        size += path.stat().st_size
    return size


def run_batch(folder: Path, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", RUNNER, str(folder), str(out), str(jobs)],
                              capture_output=True, text=True, check=True, cwd=ROOT)
        figures = json.loads(proc.stdout)
        figures["wall"] = time.perf_counter() - started
        figures["lines"] = out.read_bytes().count(b"\n")
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=300, help="how many varied copies of the seeds")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to compare")
    args = ap.parse_args()

    print(describe())
    # Figures from a busy machine mean little: say how busy it was.
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "notices"
        size = make_copies(folder, args.files)
        print(f"input: {args.files} varied copies of the two seeds, {size / 1e6:.1f} MB")
        for jobs in args.jobs:
            f = run_batch(folder, jobs)
            print(f"-j {jobs}: {f['done']} documents ({f['tasks']} tasks, {f['failed']} failed, {f['lines']} lines) "
                  f"in {f['seconds']:.1f} s = {f['done'] / f['seconds']:.1f} documents/s "
                  f"(wall with start-up {f['wall']:.1f} s); peak memory: batch process {f['parent_peak_mb']:.0f} MB, "
                  f"largest worker {f['worker_peak_mb']:.0f} MB")
    version = startup([sys.executable, "-c", "from policykit.cli import main; main()", "--version"])
    click = startup([sys.executable, "-c", "import click"])
    print(f"start-up: `policykit --version` {1000 * version:.0f} ms; `python -c 'import click'` {1000 * click:.0f} ms")


if __name__ == "__main__":
    main()
