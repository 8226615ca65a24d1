"""Parse speed on the bundled corpora: time per document, documents per second, start-up.

    python3 benchmarks/parse.py [--repeat 20]

Prints figures; asserts nothing.  Run on an idle machine and state the machine
(`nproc`, CPU model) next to any figure you quote.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

from machine import describe, startup  # benchmarks/machine.py

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="parses per document (after one warm-up)")
    args = ap.parse_args()

    import policykit

    files = sorted((ROOT / "corpora").glob("*.txt"))
    print(describe())
    t0 = time.perf_counter()
    policykit.parse(files[0])  # warm-up: loads the registry, jieba's dictionary, …
    print(f"first parse (cold: imports, registry, dictionaries): {1000 * (time.perf_counter() - t0):.0f} ms")
    total_docs = 0
    total_time = 0.0
    for path in files:
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            doc = policykit.parse(path)
            times.append(time.perf_counter() - t0)
        total_docs += len(times)
        total_time += sum(times)
        print(f"{path.name}: {doc.source.chars} chars, {len(doc.tasks)} tasks, "
              f"median {1000 * statistics.median(times):.1f} ms, min {1000 * min(times):.1f} ms")
    print(f"throughput: {total_docs / total_time:.1f} documents/s (one process, warm)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")
    print(f"start-up `policykit --help`: {1000 * startup([sys.executable, '-m', 'policykit', '--help']):.0f} ms; "
          f"`python -c 'import click'`: {1000 * startup([sys.executable, '-c', 'import click']):.0f} ms")


if __name__ == "__main__":
    main()
