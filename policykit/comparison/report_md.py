"""The comparison as Markdown: the HTML report's tables, in the same order, as pipe tables."""

from __future__ import annotations

from typing import Any

from policykit.comparison import tables
from policykit.comparison.result import Comparison, Frame


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def frame_md(frame: Frame) -> str:
    """A Frame as a level-2 section with a pipe table."""
    out = [f"## {frame.title}", ""]
    if frame.note:
        out += [frame.note, ""]
    if not frame.rows:
        return "\n".join(out + ["(无)", ""])
    out.append("| " + " | ".join(_cell(c) for c in frame.headings()) + " |")
    out.append("|" + "|".join("---:" if _numeric(frame, i) else "---" for i in range(len(frame.columns))) + "|")
    out += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.rows]
    return "\n".join(out + [""])


def _numeric(frame: Frame, column: int) -> bool:
    values = [row[column] for row in frame.rows if row[column] is not None]
    return bool(values) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)


def render(comparison: Comparison) -> bytes:
    """The whole report as UTF-8 Markdown bytes."""
    labels = "、".join(d.label for d in comparison.documents)
    shared = sum(1 for t in comparison.themes if len(t.documents()) > 1)
    out = [f"# 分工比较: {labels}", "",
           f"{len(comparison.documents)} 个文件, {len(comparison.tasks)} 项任务(正文与清单重复的计一次), "
           f"{len(comparison.themes)} 个主题, 其中 {shared} 个为两个以上文件共有; "
           f"分工长表 {len(comparison.assignments)} 行。", ""]
    out += [f"- 注意: {w}" for w in comparison.warnings]
    if comparison.warnings:
        out.append("")
    out += [frame_md(f) for f in tables.all_frames(comparison) if f.name != "warnings"]
    return "\n".join(out).encode("utf-8")
