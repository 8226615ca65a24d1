"""`policykit batch` on a folder as analysts have them: seeds in several encodings and formats, broken files."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import builders
import pytest
from click.testing import CliRunner

from policykit.batch import run
from policykit.cli import main


def reader_ready(fmt: str) -> bool:
    """The readers engineer lands one format at a time; a format without its reader is left out."""
    return importlib.util.find_spec(f"policykit.readers.{fmt}") is not None


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def html_page(text: str, title: str) -> str:
    """A government notice page saved with a .txt name, the way some sites serve attachments."""
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title></head>\n'
            f'<body><div class="nav">首页 > 政务公开 > 通知公告</div><div class="content">\n{body}</div></body></html>\n')


@pytest.fixture(scope="module")
def office_copies(tmp_path_factory) -> dict[str, Path]:
    """The Mengzi plan as Word and PDF files, built once (reportlab and python-docx take a while)."""
    folder = tmp_path_factory.mktemp("office")
    built = {}
    if reader_ready("docx"):
        built["附件1.docx"] = builders.build_mengzi_docx(folder / "附件1.docx")
    if reader_ready("pdf") and hasattr(builders, "build_mengzi_pdf"):
        built["工作方案.pdf"] = builders.build_mengzi_pdf(folder / "工作方案.pdf")
    return built


def build_notices(root: Path, mengzi_path: Path, qingpu_path: Path, office_copies: dict[str, Path]):
    """(good files, bad files) written under ``root``: good ones must come out once each, bad ones be named once."""
    (root / "蒙自市").mkdir(parents=True)
    (root / "青浦区" / "附件").mkdir(parents=True)
    mengzi = mengzi_path.read_text(encoding="utf-8")
    qingpu = qingpu_path.read_text(encoding="utf-8")
    good = [
        builders.write_text(root / "蒙自市" / "蒙政办发〔2023〕37号.txt", mengzi, "utf-8"),
        builders.write_text(root / "青浦区" / "职责分工-gb18030.txt", qingpu, "gb18030", "\r\n"),
        # UTF-16 with a BOM, as Windows Notepad saves "Unicode"; a changed number so its content differs
        builders.write_text(root / "蒙自市" / "工作方案-utf16.txt", mengzi.replace("2024年底", "2025年底"), "utf-16"),
    ]
    if reader_ready("html"):
        good.append(root / "青浦区" / "附件" / "通知.txt")
        good[-1].write_text(html_page(qingpu, "青浦区职责分工"), encoding="utf-8")
    for name, built in office_copies.items():
        good.append(Path(shutil.copy(built, root / "蒙自市" / name)))
    bad = {
        root / "空白.txt": b"",
        # a photo saved under a .txt name: JPEG header, then noise
        root / "青浦区" / "乱码.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + random.Random(7).randbytes(4000),
        root / "青浦区" / "职责分工.pdf": b"<html><body>404 Not Found</body></html>",
        root / "蒙自市" / "附件2.docx": "这不是Word文件".encode(),
    }
    for path, data in bad.items():
        path.write_bytes(data)
    # What the walk must leave alone: neither output nor error.
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("ref: refs/heads/main\n")
    (root / "蒙自市" / "~$附件1.docx").write_bytes(b"\x00lock")
    (root / "青浦区" / "职责分工.pdf.part").write_bytes(b"%PDF-1.7 half")
    return sorted(good), sorted(bad)


@dataclass
class MixedRun:
    root: Path
    good: list[Path]
    bad: list[Path]
    exit_code: int
    stderr: str
    out: Path
    db: Path
    errors: Path


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, mengzi_path, qingpu_path, office_copies) -> MixedRun:
    """One `policykit batch notices/ -o … --db … --errors … -j 2` over the mixed folder (read-only for tests)."""
    base = tmp_path_factory.mktemp("mixed")
    root = base / "notices"
    good, bad = build_notices(root, mengzi_path, qingpu_path, office_copies)
    out, db, errors = base / "out.jsonl", base / "store.sqlite", base / "errors.jsonl"
    result = CliRunner().invoke(main, ["batch", str(root), "-o", str(out), "--db", str(db),
                                       "--errors", str(errors), "-j", "2"])
    return MixedRun(root, good, bad, result.exit_code, result.stderr, out, db, errors)


def error_paths(stderr: str) -> list[str]:
    """The PATH of each ``policykit: error: PATH: problem`` line."""
    prefix = "policykit: error: "
    return sorted(line[len(prefix):].split(": ", 1)[0] for line in stderr.splitlines() if line.startswith(prefix))


def jsonl_docs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def test_mixed_folder_every_good_file_once_every_bad_file_named_once(mixed):
    assert mixed.exit_code == 1, mixed.stderr
    assert error_paths(mixed.stderr) == [str(p) for p in mixed.bad]
    docs = jsonl_docs(mixed.out)
    assert sorted(d["source"]["path"] for d in docs) == [str(p) for p in mixed.good]
    assert {d["source"]["path"]: d["source"]["sha256"] for d in docs} == {str(p): sha256(p) for p in mixed.good}
    with sqlite3.connect(mixed.db) as con:
        stored = con.execute("SELECT path, task_count FROM documents ORDER BY path").fetchall()
        assert con.execute("SELECT path FROM failures ORDER BY path").fetchall() == [(str(p),) for p in mixed.bad]
    assert stored == sorted((d["source"]["path"], len(d["tasks"])) for d in docs)
    assert sorted(json.loads(line)["path"] for line in mixed.errors.read_text().splitlines()) == [
        str(p) for p in mixed.bad]
    assert mixed.stderr.splitlines()[-1].startswith(f"policykit: batch: {len(mixed.good)} parsed (")
    assert f"{len(mixed.bad)} failed, 0 skipped (already done), 0 duplicates" in mixed.stderr.splitlines()[-1]


def test_each_file_is_read_as_what_its_content_is(mixed, office_copies):
    found = {Path(d["source"]["path"]).name: (d["source"]["format"], d["source"]["encoding"])
             for d in jsonl_docs(mixed.out)}
    assert found.pop("蒙政办发〔2023〕37号.txt") == ("txt", "utf-8")
    assert found.pop("职责分工-gb18030.txt") == ("txt", "gb18030")
    fmt, encoding = found.pop("工作方案-utf16.txt")
    assert fmt == "txt" and encoding.startswith("utf-16")
    if reader_ready("html"):
        assert found.pop("通知.txt")[0] == "html"  # a .txt name, HTML content
    assert {name: fmt for name, (fmt, _) in found.items()} == {name: Path(name).suffix[1:] for name in office_copies}


def _copy_outputs(mixed: MixedRun, tmp_path: Path) -> tuple[Path, Path]:
    out, db = tmp_path / "out.jsonl", tmp_path / "store.sqlite"
    shutil.copy(mixed.out, out)
    shutil.copy(mixed.db, db)  # the run is over: its WAL was checkpointed into the file on close
    return out, db


def test_rerun_with_resume_parses_nothing_again(mixed, tmp_path):
    out, db = _copy_outputs(mixed, tmp_path)
    before = out.read_bytes()
    result = CliRunner().invoke(main, ["batch", str(mixed.root), "-o", str(out), "--db", str(db), "--resume"])
    assert result.exit_code == 1  # the broken files are tried again, and fail again
    assert error_paths(result.stderr) == [str(p) for p in mixed.bad]
    assert (f"0 parsed (0 tasks), {len(mixed.bad)} failed, {len(mixed.good)} skipped (already done)"
            in result.stderr)
    assert out.read_bytes() == before


def test_resume_cuts_a_torn_last_line_and_finishes_the_file(mixed, tmp_path):
    out, db = _copy_outputs(mixed, tmp_path)
    torn = str(mixed.root / "蒙自市" / "蒙政办发〔2023〕37号.txt")
    lines = out.read_bytes().split(b"\n")[:-1]
    last = next(line for line in lines if json.loads(line)["source"]["path"] == torn)
    # What a writer killed in the middle of its last line leaves, with a store that never got the document.
    out.write_bytes(b"".join(line + b"\n" for line in lines if line is not last) + last[:100])
    with sqlite3.connect(db) as con:
        con.execute("DELETE FROM documents WHERE path = ?", (torn,))
    result = CliRunner().invoke(main, ["batch", str(mixed.root), "-o", str(out), "--db", str(db), "--resume"])
    assert f"policykit: warning: {out}: dropped an incomplete last line (100 bytes) left by a killed run" in (
        result.stderr.splitlines())
    assert result.stderr.splitlines()[-1].startswith("policykit: batch: 1 parsed (")
    assert sorted(d["source"]["path"] for d in jsonl_docs(out)) == [str(p) for p in mixed.good]
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT path FROM documents ORDER BY path").fetchall() == [(str(p),) for p in mixed.good]


def test_library_run_reports_counts_and_failures(mixed, tmp_path):
    qingpu = mixed.root / "青浦区"
    summary = run([qingpu], out=tmp_path / "out.jsonl", jobs=2)
    good = [p for p in mixed.good if qingpu in p.parents]
    bad = [p for p in mixed.bad if qingpu in p.parents]
    assert (summary.done, summary.failed, summary.skipped, summary.duplicates) == (len(good), 2, 0, 0)
    assert sorted(path for path, _ in summary.failures) == [str(p) for p in bad]
    assert dict(summary.failures)[str(qingpu / "职责分工.pdf")] == "not a PDF (starts with b'<html><body>')"
    assert sorted(d["source"]["path"] for d in jsonl_docs(tmp_path / "out.jsonl")) == [str(p) for p in good]


def test_a_document_only_in_the_store_is_written_to_the_jsonl_once(mengzi_path, qingpu_path, tmp_path):
    out, db = tmp_path / "out.jsonl", tmp_path / "store.sqlite"
    run([mengzi_path], db=db)  # an earlier run that filled the store only
    summary = run([mengzi_path, qingpu_path], out=out, db=db, resume=True)
    assert (summary.done, summary.skipped, summary.failed) == (2, 0, 0)
    assert [d["source"]["path"] for d in jsonl_docs(out)] in (
        [str(mengzi_path), str(qingpu_path)], [str(qingpu_path), str(mengzi_path)])
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)


def test_same_content_under_two_names_is_parsed_once(mengzi_path, tmp_path):
    copy = tmp_path / "下载" / "蒙自方案(1).txt"
    copy.parent.mkdir()
    copy.write_bytes(mengzi_path.read_bytes())
    result = CliRunner().invoke(main, ["batch", str(mengzi_path), str(copy), str(mengzi_path)])
    assert result.exit_code == 0
    assert [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()] == [str(mengzi_path)]
    assert [line for line in result.stderr.splitlines() if "warning" in line] == [
        f"policykit: warning: {copy}: same content as {mengzi_path}: not parsed again"]
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith("policykit: batch: 1 parsed (")
    assert "0 failed, 0 skipped (already done), 1 duplicates" in summary


def test_stdout_by_default_and_nothing_on_stdout_with_only_a_store(mengzi_path, qingpu_path, tmp_path):
    runner = CliRunner()
    to_stdout = runner.invoke(main, ["batch", str(mengzi_path), str(qingpu_path), "--no-progress"])
    assert to_stdout.exit_code == 0
    assert sorted(json.loads(line)["source"]["path"] for line in to_stdout.stdout.splitlines()) == sorted(
        [str(mengzi_path), str(qingpu_path)])
    assert to_stdout.stderr.splitlines()[-1].startswith("policykit: batch: 2 parsed (")
    store_only = runner.invoke(main, ["batch", str(mengzi_path), "--db", str(tmp_path / "s.sqlite")])
    assert store_only.exit_code == 0 and store_only.stdout == ""


def test_missing_path_is_a_failure_and_the_rest_still_finish(mengzi_path, tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "不存在"), str(mengzi_path), "-o", str(out)])
    assert result.exit_code == 1
    assert f"policykit: error: {tmp_path / '不存在'}: No such file or directory" in result.stderr.splitlines()
    assert [d["source"]["path"] for d in jsonl_docs(out)] == [str(mengzi_path)]


def test_resume_without_an_output_file_is_a_usage_error(mengzi_path):
    result = CliRunner().invoke(main, ["batch", str(mengzi_path), "--resume"])
    assert result.exit_code == 2
    assert "--resume needs an output to resume: -o FILE or --db FILE" in result.stderr


def test_a_store_that_is_not_sqlite_is_one_line_exit_1_and_the_jsonl_is_untouched(mengzi_path, tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("会议纪要\n" * 100, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"earlier": "run"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(mengzi_path), "-o", str(out), "--db", str(notes)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"policykit: error: {notes}: not a policykit SQLite store (file is not a database)"]
    assert out.read_text(encoding="utf-8") == '{"earlier": "run"}\n'


def test_output_inside_the_walked_folder_is_not_read_back(mengzi_path, tmp_path):
    (tmp_path / "a.txt").write_bytes(mengzi_path.read_bytes())
    out = tmp_path / "out.txt"
    first = CliRunner().invoke(main, ["batch", str(tmp_path), "-o", str(out)])
    assert first.exit_code == 0, first.stderr
    again = CliRunner().invoke(main, ["batch", str(tmp_path), "-o", str(out), "--resume"])
    assert again.exit_code == 0, again.stderr
    assert [d["source"]["path"] for d in jsonl_docs(out)] == [str(tmp_path / "a.txt")]


def test_run_from_a_script_on_stdin_and_from_python_m(mengzi_path, qingpu_path, tmp_path):
    # Workers must not re-run the caller's main script (stdin here; a notebook; a script without a guard).
    script = f"from policykit.batch import run\nprint(run([{str(mengzi_path)!r}, {str(qingpu_path)!r}]," \
             f" out={str(tmp_path / 'a.jsonl')!r}, jobs=2).done)\n"
    from_stdin = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=120)
    assert (from_stdin.stdout, from_stdin.stderr) == ("2\n", "")
    from_m = subprocess.run([sys.executable, "-m", "policykit", "batch", str(mengzi_path), str(qingpu_path),
                             "-o", str(tmp_path / "b.jsonl"), "-j", "2"], capture_output=True, text=True, timeout=120)
    assert from_m.returncode == 0, from_m.stderr
    assert len(jsonl_docs(tmp_path / "b.jsonl")) == 2


def test_a_users_registry_reaches_every_worker(tmp_path):
    # Shanghai's 区绿化市容局 is not in the bundled registry; a user's file adds it.
    registry = tmp_path / "shanghai.toml"
    registry.write_text('[[function]]\ncanonical = "绿化市容"\nkind = "government"\nstandard = "绿化市容局"\n'
                        'names = ["绿化市容局"]\n', encoding="utf-8")
    plans = tmp_path / "plans"
    plans.mkdir()
    for town in ("青浦", "松江", "嘉定"):
        (plans / f"{town}.txt").write_text(
            f"{town}区校园周边环境整治工作方案\n一、主要任务\n1.整治校园周边环境。清理校园周边占道经营。"
            f"(牵头单位:区绿化市容局;责任单位:公安{town}分局)\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(plans), "-o", str(out), "-j", "2", "--registry", str(registry)])
    assert result.exit_code == 0, result.stderr
    leads = sorted((Path(d["source"]["path"]).stem, u["name"], u["canonical"], u["known"])
                   for d in jsonl_docs(out) for t in d["tasks"] for u in t["lead"])
    assert leads == [("嘉定", "区绿化市容局", "绿化市容", True), ("松江", "区绿化市容局", "绿化市容", True),
                     ("青浦", "区绿化市容局", "绿化市容", True)]


def test_a_second_run_on_the_same_output_is_refused(mengzi_path, tmp_path):
    from policykit.batch.jsonl import LineWriter

    out = tmp_path / "out.jsonl"
    with LineWriter(out, append=False) as first_run:
        first_run.write_line('{"schema": "policykit.document/1"}')
        with out.open("ab") as fh:
            fh.write(b'{"schema": "poli')  # the first run is in the middle of its next line
        result = CliRunner().invoke(main, ["batch", str(mengzi_path), "-o", str(out), "--resume"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"policykit: error: {out}: in use: another policykit batch is writing it"]
    assert out.read_bytes() == b'{"schema": "policykit.document/1"}\n{"schema": "poli'
