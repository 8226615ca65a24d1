"""What every benchmark prints first (the machine) and measures the same way (start-up)."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import time
from pathlib import Path


def cpu_model() -> str:
    """``"Intel(R) Xeon(R) Processor"`` from /proc/cpuinfo, else what platform knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def describe() -> str:
    """One line naming the machine, to print next to any figure."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"machine: {cpu_model()}, nproc {cores}, Python {platform.python_version()}, {platform.system()}"


def startup(args: list[str], runs: int = 7) -> float:
    """Median wall time in seconds of running ``args`` to completion."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)
