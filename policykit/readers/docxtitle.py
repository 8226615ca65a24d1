"""Which Word paragraphs are lines of the document's title: centred and set large.

GB/T 9704 sets the title in 二号 (22 pt, ``w:sz`` 44 half-points) over a 三号
(16 pt) body and breaks it by meaning, with Enter or a soft line break:
"蒙自市人民政府办公室关于印发" / "蒙自市校园安全工作方案的通知".  Consecutive
centred paragraphs of the same large size are one title.
"""

from __future__ import annotations

from policykit.readers.wordnum import W

TITLE_MIN_HALF_POINTS = 36  # 18 pt: above 三号 (16 pt) body and 小三 headings, at or below 二号 titles

Look = tuple[str | None, int | None]  # (justification, size in half-points)


def _look_of(el) -> Look:
    jc = el.find(f"{W}pPr/{W}jc")
    sz = el.find(f"{W}rPr/{W}sz")
    return (jc.get(W + "val") if jc is not None else None,
            _half_points(sz))


def _half_points(sz) -> int | None:
    try:
        return int(sz.get(W + "val")) if sz is not None else None
    except (TypeError, ValueError):
        return None


def style_looks(styles_root) -> dict[str, Look]:
    """styleId → (jc, sz) with ``basedOn`` followed: {"Title": ("center", 44)}; "" is the default style's."""
    if styles_root is None:
        return {}
    own: dict[str, Look] = {}
    based_on: dict[str, str] = {}
    default: str | None = None  # the paragraph style of a paragraph without pStyle ("Normal", "a" in Chinese Word)
    for style in styles_root.findall(W + "style"):
        style_id = style.get(W + "styleId")
        if style_id is None:
            continue
        own[style_id] = _look_of(style)
        if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
            default = style_id
        parent = style.find(W + "basedOn")
        if parent is not None and parent.get(W + "val"):
            based_on[style_id] = parent.get(W + "val")
    looks: dict[str, Look] = {}
    for style_id in own:
        jc, sz = None, None
        current: str | None = style_id
        seen: set[str] = set()
        while current is not None and current not in seen and (jc is None or sz is None):
            seen.add(current)
            own_jc, own_sz = own.get(current, (None, None))
            jc, sz = jc or own_jc, sz or own_sz
            current = based_on.get(current)
        looks[style_id] = (jc, sz)
    if default is not None:
        looks[""] = looks[default]
    return looks


def title_size(p, looks: dict[str, Look]) -> int | None:
    """The size (half-points) of a centred paragraph set at title size, else None."""
    ppr = p.find(W + "pPr")
    style_el = ppr.find(W + "pStyle") if ppr is not None else None
    style_jc, style_sz = looks.get(style_el.get(W + "val") if style_el is not None else "", (None, None))
    jc = ppr.find(W + "jc") if ppr is not None else None
    justification = jc.get(W + "val") if jc is not None else style_jc
    if justification != "center":
        return None
    sizes = [_half_points(run.find(f"{W}rPr/{W}sz")) or style_sz
             for run in p.iter(W + "r") if any(t.text for t in run.findall(W + "t"))]
    size = max((s for s in sizes if s), default=None)
    return size if size is not None and size >= TITLE_MIN_HALF_POINTS else None
