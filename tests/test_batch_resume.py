"""Kill a running batch with SIGKILL, resume it: every file ends up exactly once, every line parses."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

FILES = 300
CLI = [sys.executable, "-c", "from policykit.cli import main; main()"]


def _notices(folder: Path, mengzi_path: Path) -> list[Path]:
    """300 short plans: the Mengzi plan up to its first task, with another county and year in each."""
    lines = mengzi_path.read_text(encoding="utf-8").splitlines()
    section = "\n".join(lines[:34]) + "\n"
    paths = []
    for i in range(FILES):
        path = folder / f"{i // 100:02d}" / f"县{i:03d}实施方案.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(section.replace("蒙自市", f"第{i}县").replace("2023", str(1800 + i)), encoding="utf-8")
        paths.append(path)
    return paths


def _line_count(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def test_sigkill_mid_run_then_resume_gives_every_file_once(tmp_path, mengzi_path):
    folder = tmp_path / "notices"
    paths = _notices(folder, mengzi_path)
    out, db = tmp_path / "out.jsonl", tmp_path / "store.sqlite"
    args = [*CLI, "batch", str(folder), "-o", str(out), "--db", str(db), "-j", "2"]

    victim = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _line_count(out) < 20 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    written = _line_count(out)
    assert victim.returncode == -signal.SIGKILL
    assert 20 <= written < FILES, "the run was not killed mid-way"
    # The store is written first, one transaction per document: it holds every JSONL document, and at
    # most the one document whose line the kill prevented.
    with sqlite3.connect(db) as con:
        in_store = {row[0] for row in con.execute("SELECT path FROM documents")}
    in_jsonl = {json.loads(line)["source"]["path"] for line in out.read_bytes().splitlines()}
    assert in_jsonl <= in_store and len(in_store - in_jsonl) <= 1

    resumed = subprocess.run([*args, "--resume"], capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    summary = resumed.stderr.splitlines()[-1]
    parsed = int(summary.split("policykit: batch: ")[1].split(" parsed")[0])
    skipped = int(summary.split(" failed, ")[1].split(" skipped")[0])
    assert parsed + skipped == FILES and skipped >= written - 1

    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b""  # ends with a newline: no torn line
    docs = [json.loads(line) for line in lines[:-1]]
    assert sorted(d["source"]["path"] for d in docs) == sorted(str(p) for p in paths)
    with sqlite3.connect(db) as con:
        stored = [row[0] for row in con.execute("SELECT path FROM documents ORDER BY path")]
    assert stored == sorted(str(p) for p in paths)


def test_ctrl_c_stops_cleanly_and_says_so(tmp_path, mengzi_path):
    folder = tmp_path / "notices"
    paths = _notices(folder, mengzi_path)
    out = tmp_path / "out.jsonl"
    args = [*CLI, "batch", str(folder), "-o", str(out), "-j", "2"]
    interrupted = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while _line_count(out) < 10 and interrupted.poll() is None:
        time.sleep(0.005)
    interrupted.send_signal(signal.SIGINT)
    _, stderr = interrupted.communicate(timeout=30)
    assert interrupted.returncode == 130
    assert stderr.splitlines()[-1].endswith(", interrupted")
    resumed = subprocess.run([*args, "--resume"], capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert sorted(json.loads(line)["source"]["path"] for line in out.read_text().splitlines()) == sorted(
        str(p) for p in paths)


def test_workers_do_not_outlive_a_killed_parent(tmp_path, mengzi_path):
    folder = tmp_path / "notices"
    _notices(folder, mengzi_path)
    out = tmp_path / "out.jsonl"
    victim = subprocess.Popen([*CLI, "batch", str(folder), "-o", str(out), "-j", "2"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while _line_count(out) < 5 and victim.poll() is None:
        time.sleep(0.005)
    children = _children(victim.pid)
    assert len(children) >= 3  # the fork server and two workers
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in children if _alive(pid)] == []


def _children(pid: int) -> list[int]:
    """The processes started by ``pid`` and by its children (the fork server and its workers)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except FileNotFoundError:
            continue
        for task in tasks:
            try:
                kids = Path(f"/proc/{parent}/task/{task}/children").read_text().split()
            except FileNotFoundError:
                continue
            found.extend(int(k) for k in kids)
            todo.extend(int(k) for k in kids)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"
