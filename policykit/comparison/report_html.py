"""The comparison as one self-contained HTML page: inline CSS, no script, no remote anything.

A Content-Security-Policy forbids every remote load, so the page opens the
same offline; every string from a document is escaped.  Sections: summary,
metrics, the function × document heatmap (牵头 blue, 配合 orange) beside
the differences, the documents, numbers side by side, themes, the upstream plan, then the
longer tables folded away in ``<details>``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from policykit.comparison import tables
from policykit.comparison.result import Comparison, Frame

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# Sequential colour ramps (ColorBrewer Blues / Oranges), light → dark.
BLUES = ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]
ORANGES = ["#fff5eb", "#fee6ce", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#a63603", "#7f2704"]

STYLE = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
 "WenQuanYi Micro Hei",sans-serif;margin:24px 32px;color:#1a1a1a;font-size:14px;line-height:1.45}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 6px;border-bottom:1px solid #ddd;padding-bottom:3px}
p.note{color:#555;margin:2px 0 8px;font-size:12.5px}
table{border-collapse:collapse;margin:4px 0 8px}
th,td{border:1px solid #d0d0d0;padding:3px 7px;vertical-align:top;text-align:left}
th{background:#f2f2f2;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
table.heat td.h{text-align:center;min-width:38px;font-variant-numeric:tabular-nums}
table.heat th.doc{text-align:center}
table.heat th,table.heat td{white-space:nowrap}
.legend span{display:inline-block;width:22px;height:12px;margin-right:1px;vertical-align:middle}
.legend{font-size:12px;color:#444;margin:4px 0}
details{margin:10px 0}summary{cursor:pointer;font-weight:600}
.warn{color:#8a4b00}
.pair{display:flex;flex-wrap:wrap;gap:8px 36px;align-items:flex-start}
.pair>div{flex:0 1 auto;min-width:0;overflow-x:auto}
.pair>div+div{flex:1 1 420px}
"""


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return str(value)


def frame_table(frame: Frame) -> str:
    """A Frame as an escaped HTML table; numbers right-aligned."""
    head = "".join(f"<th>{escape(c)}</th>" for c in frame.headings())
    body = []
    for row in frame.rows:
        cells = []
        for value in row:
            cls = ' class="num"' if isinstance(value, (int, float)) and not isinstance(value, bool) else ""
            cells.append(f"<td{cls}>{escape(_fmt(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def section(frame: Frame, *, folded: bool = False) -> str:
    note = f'<p class="note">{escape(frame.note)}</p>' if frame.note else ""
    if not frame.rows:
        return f"<h2>{escape(frame.title)}</h2>{note}<p class=\"note\">(无)</p>"
    if folded:
        return (f"<details><summary>{escape(frame.title)} ({len(frame.rows)} 行)</summary>"
                f"{note}{frame_table(frame)}</details>")
    return f"<h2>{escape(frame.title)}</h2>{note}{frame_table(frame)}"


def ramp(colours: list[str], value: int, top: int) -> str:
    """The colour for ``value`` on a ramp whose darkest step is ``top``; 0 is the lightest."""
    if value <= 0 or top <= 0:
        return colours[0]
    step = 1 + round((len(colours) - 2) * (value - 1) / max(top - 1, 1))
    return colours[min(step, len(colours) - 1)]


def _ink(colours: list[str], background: str) -> str:
    return "#fff" if colours.index(background) >= 5 else "#1a1a1a"


def heatmap(comparison: Comparison) -> str:
    """Function × document: tasks led (blue) and co-operated on (orange), one coloured cell each."""
    frame = tables.roles_by_document(comparison)
    docs = comparison.documents
    lead_top = max((r[2 + 2 * i] for r in frame.rows for i in range(len(docs))), default=0)
    co_top = max((r[3 + 2 * i] for r in frame.rows for i in range(len(docs))), default=0)
    head1 = "<th rowspan=2>职能</th><th rowspan=2>类别</th>" + "".join(
        f'<th colspan=2 class="doc">{escape(d.label)}</th>' for d in docs)
    head2 = "".join("<th>牵头</th><th>配合</th>" for _ in docs)
    rows = []
    for row in frame.rows:
        cells = [f"<td>{escape(row[0])}</td><td>{escape(row[1])}</td>"]
        for i in range(len(docs)):
            for colours, value, top in ((BLUES, row[2 + 2 * i], lead_top), (ORANGES, row[3 + 2 * i], co_top)):
                bg = ramp(colours, value, top)
                cells.append(f'<td class="h" style="background:{bg};color:{_ink(colours, bg)}">'
                             f"{value or ''}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    legend = ('<div class="legend">牵头 ' + "".join(f'<span style="background:{c}"></span>' for c in BLUES)
              + f" 0–{lead_top} 项 &nbsp; 配合 " + "".join(f'<span style="background:{c}"></span>' for c in ORANGES)
              + f" 0–{co_top} 项</div>")
    return (f"<h2>{escape(frame.title)}</h2><p class=\"note\">{escape(frame.note)}</p>{legend}"
            f'<table class="heat"><thead><tr>{head1}</tr><tr>{head2}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def summary(comparison: Comparison) -> str:
    docs = comparison.documents
    shared = sum(1 for t in comparison.themes if len(t.documents()) > 1)
    text = (f"{len(docs)} 个文件, {len(comparison.tasks)} 项任务(正文与清单重复的计一次), "
            f"{len(comparison.themes)} 个主题, 其中 {shared} 个为两个以上文件共有; "
            f"分工长表 {len(comparison.assignments)} 行。")
    return f"<p>{escape(text)}</p>"


def render(comparison: Comparison) -> bytes:
    """The whole report as UTF-8 HTML bytes."""
    labels = "、".join(d.label for d in comparison.documents)
    parts = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>分工比较: {escape(labels)}</title><style>{STYLE}</style></head><body>",
        f"<h1>分工比较: {escape(labels)}</h1>", summary(comparison),
    ]
    if comparison.warnings:
        parts.append('<ul class="warn">' + "".join(f"<li>{escape(w)}</li>" for w in comparison.warnings) + "</ul>")
    parts.append(section(tables.metrics(comparison)))
    # The two views a researcher opens the report for, side by side when the window allows.
    parts.append(f'<div class="pair"><div>{heatmap(comparison)}</div>'
                 f"<div>{section(tables.differences(comparison))}</div></div>")
    parts.append(section(tables.documents_frame(comparison)))
    parts.append(section(tables.numbers(comparison)))
    parts.append(section(tables.themes_frame(comparison)))
    for frame in tables.parent_frames(comparison):
        parts.append(section(frame))
    parts.append("<h2>明细</h2>")
    for frame in (tables.function_theme(comparison), tables.tasks_frame(comparison),
                  tables.requirements_frame(comparison), tables.assignments_frame(comparison)):
        parts.append(section(frame, folded=True))
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")
