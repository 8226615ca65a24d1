"""Body tasks: the outline tree of a plan's prose, and the items in it that are tasks.

An item is a task when it carries its own assignment (a trailer such as
"(牵头单位:…;责任单位:…)" or field lines "牵头单位:…"), or when it is a leaf
of a section that holds tasks (not 指导思想 / 保障措施 …, see
``structure_headings.toml``).  Its assignment is, in this order: its trailers
and field lines (they govern the paragraph); a unit heading above it
("(一)县教体局。"); the units its sentences name ("由X牵头,Y配合").
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from policykit.china.dates import parse_date
from policykit.model import OutlineItem, Span
from policykit.structure import assign
from policykit.structure.assign import Assignment, Piece
from policykit.structure.data import load
from policykit.structure.lines import Line
from policykit.structure.outline import (
    Heading,
    LevelStack,
    match_attachment,
    match_dated_item,
    match_heading,
    split_title,
    style_heading,
)
from policykit.structure.statements import Statement, read_statements
from policykit.structure.textnorm import norm
from policykit.structure.unitlike import heading_unit, looks_like_units


@dataclass
class Node:
    """An outline item and the lines under it (``body``: indices of its own non-heading lines)."""

    heading: Heading | None
    level: int
    line: int | None  # index into the lines; None for the root
    title: str = ""
    number: str | None = None
    children: list[Node] = field(default_factory=list)
    body: list[int] = field(default_factory=list)
    parent: Node | None = None
    attachment: bool = False

    def subtree_lines(self) -> list[int]:
        out = ([self.line] if self.line is not None else []) + self.body
        for child in self.children:
            out += child.subtree_lines()
        return sorted(out)


@dataclass
class Draft:
    """A task before its units are named: where it is, what it says, which pieces name its units."""

    origin: str
    number: str | None
    title: str
    path: list[str]
    text: list[Piece]
    span: Span
    line: int
    assignment: Assignment
    checked: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    inherited: list[Piece] | None = None  # a lead taken from the row above (table sub-rows)
    inherited_merged: bool = False  # the source merges that cell: inheriting is reading, not guessing
    deadline_cells: list[Piece] = field(default_factory=list)  # 完成时限 cells, fields and labels
    title_piece: Piece | None = None  # the title where it is written, read for numbers too
    title_goals: list[Piece] = field(default_factory=list)  # a table title written as several whole goals


# ---------------------------------------------------------------------------
# the outline tree


_UNIT_LINE = re.compile(r"^\s*([^\s:,。;]{2,20})\s*:\s*(.*)$")


def unit_heading(norm: str, registry: Any = None) -> tuple[str, int] | None:
    """``"区教育局:"`` / ``"区教育局:负责…"`` → ("区教育局", index after the colon); labels are not units."""
    m = _UNIT_LINE.match(norm)
    if not m or assign.label_only(m.group(1)) or heading_unit(m.group(1), registry) != m.group(1):
        return None
    return m.group(1), m.end(1) + norm[m.end(1):].index(":") + 1


def is_furniture(norm: str) -> bool:
    """A line of web-page furniture: ``is_furniture("扫一扫在手机打开当前页")`` → True."""
    return any(p.match(norm) for p in _furniture())


@lru_cache(maxsize=1)
def _furniture() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in load("headings")["furniture"]["patterns"]]


def notice_lines(lines: list[Line]) -> set[int]:
    """The lines of the notice issuing a plan: from its addressee line ("各乡镇人民政府,…:") to its date."""
    conf = load("headings")["notice"]
    addressee = re.compile(conf["addressee"])
    start = next((k for k, ln in enumerate(lines[:conf["max_lines"]]) if addressee.match(ln.norm)), None)
    if start is None:
        return set()
    for k in range(start + 1, min(len(lines), start + conf["max_lines"])):
        text = lines[k].norm.strip()
        if 8 <= len(text) <= 16 and parse_date(text) and re.fullmatch(r"[\d〇零○一二三四五六七八九十年月日\s./-]+", text):
            after = [ln for ln in lines[k + 1:] if not ln.blank and not is_furniture(ln.norm)]
            # a notice whose own items are the work ends at its date: nothing is issued after it
            return set(range(start, k + 1)) if len(after) >= conf["min_lines_after"] else set()
    return set()


def build_tree(lines: list[Line], skip: set[int], registry: Any = None) -> Node:
    """Lines → the outline tree; lines in ``skip`` (tables) and page furniture are left out."""
    root = Node(None, 0, None)
    stack = LevelStack()
    open_nodes = [root]
    base = 0
    listed = 0  # the next number of a notice's attachment list ("附件:1.…" / "2.…"), 0 outside one
    i = 0
    while i < len(lines):
        if i in skip or lines[i].blank or is_furniture(lines[i].norm):
            i += 1
            continue
        ln = lines[i]
        if re.match(load("headings")["attachment"]["list_pattern"], ln.norm):
            listed = 2
        elif listed and re.match(rf"^\s*{listed}\s*[.、]", ln.norm):
            listed += 1
            _owner(open_nodes[-1], ln, lines).body.append(i)
            i += 1
            continue
        elif match_heading(ln.norm) or match_attachment(ln.norm) is not None:
            listed = 0  # the list ended: numbers from here on are the plan's
        att = match_attachment(ln.norm)
        if att is not None:
            node = Node(None, 1, i, number="附件" + att, attachment=True)
            title, i = _attachment_title(lines, i + 1, skip)
            node.title = title
            node.parent = root
            root.children.append(node)
            open_nodes = [root, node]
            stack.reset()
            base = 1
            continue
        h = match_heading(ln.norm) or style_heading(ln.norm, ln.style) or _dated_item(ln.norm, open_nodes)
        unit = None if h else unit_heading(ln.norm, registry)
        if h or unit:
            if unit:
                h = Heading("unit", "", unit[0], ln.norm[unit[1]:].strip(), ln.norm.index(unit[0]),
                            ln.norm.index(unit[0]) + len(unit[0]), unit[1])
            level = base + stack.level(h.style)
            while open_nodes[-1].level >= level and len(open_nodes) > 1:
                open_nodes.pop()
            parent = open_nodes[-1]
            node = Node(h, level, i, title=_title_text(ln, h),
                        number=h.number or None, parent=parent)
            parent.children.append(node)
            open_nodes.append(node)
        else:
            _owner(open_nodes[-1], ln, lines).body.append(i)
        i += 1
    return root


def _dated_item(norm: str, open_nodes: list[Node]) -> Heading | None:
    """"2.2024年底前完成…" after item 1 of its level (the deepest open item of that style)."""
    style = load("headings")["dated_item"]["style"]
    last = next((n for n in reversed(open_nodes) if n.heading and n.heading.style == style), None)
    if last is None or not (last.number or "").isdigit():
        return None
    return match_dated_item(norm, int(last.number) + 1)


def _title_text(ln: Line, h: Heading) -> str:
    """The heading's title as written, without a trailer it runs into ("加强巡逻(县公安局牵头)")."""
    end = h.title_end
    for t in assign.find_trailers(ln.norm, ln.raw, 0):
        if t.span and h.title_start < t.span[0] < end:
            end = t.span[0]
    return ln.raw[h.title_start:end].strip()


def _owner(node: Node, ln: Line, lines: list[Line]) -> Node:
    """Who a body line belongs to.  A trailer alone on its line after sub-items that carry
    none of their own ("1.完善…" / "(1)…" … "(4)…" / "(责任单位:…)") belongs to their parent."""
    parent = node.parent
    if parent is None or parent.line is None or parent.attachment or not _standalone_trailer(ln):
        return node
    siblings = parent.children
    if len(siblings) < 2 or node is not siblings[-1]:
        return node
    if any(_explicit(_own_lines(child), lines) for child in siblings):
        return node
    return parent


def _standalone_trailer(ln: Line) -> bool:
    """The line is one bracket group and that group is an assignment."""
    text = ln.norm.strip()
    groups = assign.bracket_groups(ln.norm)
    if len(groups) != 1:
        return False
    s, e = groups[0]
    return ln.norm[s:e] == text and bool(assign.find_trailers(ln.norm, ln.raw, ln.start))


def _attachment_title(lines: list[Line], i: int, skip: set[int]) -> tuple[str, int]:
    """The title lines after "附件" (up to a blank line) → (title, index after them)."""
    parts = []
    while i < len(lines) and i not in skip and not lines[i].blank and len(parts) < 3:
        if match_heading(lines[i].norm):
            break
        parts.append(lines[i].raw.strip())
        i += 1
    return "".join(parts), i


def outline_items(root: Node, lines: list[Line]) -> list[OutlineItem]:
    """The tree as SPEC outline items, in reading order."""
    out: list[OutlineItem] = []

    def visit(node: Node) -> None:
        if node.line is not None:
            ln = lines[node.line]
            out.append(OutlineItem(node.level, node.number, node.title, ln.number, Span(ln.start, ln.end)))
        for child in node.children:
            visit(child)

    visit(root)
    return out


# ---------------------------------------------------------------------------
# tasks


@lru_cache(maxsize=1)
def _section_words() -> dict[str, Any]:
    return load("headings")["sections"]


def is_section(title: str, kind: str) -> bool:
    """The whole title is made of the kind's words: ``is_section("实施步骤和进度安排", "not_tasks")`` → True,
    ``is_section("加强组织领导制度建设", "not_tasks")`` → False; traditional characters too ("指導思想")."""
    conf = _section_words()
    text = norm(title).strip().rstrip("".join(load("headings")["title"]["ends"]) + "。.")
    for ch in conf["title"]["drop"]:
        text = text.replace(ch, "")
    joiners = "|".join(map(re.escape, conf["title"]["joiners"]))
    parts = [_strip_prefixes(p, conf["title"]["prefixes"]) for p in re.split(joiners, text)]
    hits = [p in conf[kind] for p in parts if p]
    return bool(hits) and (all(hits) if kind == "not_tasks" else any(hits))


def _strip_prefixes(text: str, prefixes: list[str]) -> str:
    """``"进一步加强组织领导"`` → "组织领导"."""
    again = True
    while again:
        again = False
        for prefix in prefixes:
            if text.startswith(prefix) and len(text) > len(prefix):
                text, again = text[len(prefix):], True
    return text


def section_heading(node: Node, kind: str) -> bool:
    """A top section (of the plan or an attachment), or one directly inside such a section, titled
    with the kind's words: "五、保障措施", "一、总体要求" / "(二)工作目标"; never an item of 主要任务."""
    if node.line is None or node.attachment or not is_section(node.title, kind):
        return False
    parent = node.parent
    if parent is None or parent.line is None or parent.attachment:
        return True
    top = parent.parent is None or parent.parent.line is None or parent.parent.attachment
    return top and any(is_section(parent.title, k) for k in ("not_tasks", "goals"))


def body_drafts(root: Node, lines: list[Line], registry: Any = None, skip: set[int] | None = None) -> list[Draft]:
    """Every body task of the tree, in reading order; items of the issuing notice are not tasks.

    An item of a section that holds no tasks (保障措施 …) is left to the sentence reader
    (``policykit.structure.statements``): what its sentences assign becomes a ``sentence`` task.
    """
    out: list[Draft] = []
    notice = notice_lines(lines)

    def walk(node: Node, path: list[str], section: str | None, unit_lead: list[Piece]) -> None:
        title = node.title
        if section is None and section_heading(node, "not_tasks"):
            section = title
        in_notice = node.line is not None and node.line in notice
        own = _own_lines(node)
        own_explicit = _explicit(own, lines)
        unit_piece = _unit_title(node, lines, registry)
        lead_here = [unit_piece] if unit_piece else unit_lead
        is_item = node.line is not None and not node.attachment
        excluded = section is not None or in_notice
        if is_item and (own_explicit or (not node.children and (not excluded or unit_piece))):
            out.extend(_drafts(node, path, lines, own_explicit, lead_here))
            return
        child_path = path + [title] if is_item else path
        for k in node.body:
            _paragraph_task(k, lines, child_path, out)
        for child in node.children:
            walk(child, child_path, section, lead_here)

    walk(root, [], None, [])
    out.sort(key=lambda d: d.span.start)
    if out and _cut_off(out[-1], lines, skip or set()):
        out[-1].flags.append("truncated")
    return out


def _cut_off(draft: Draft, lines: list[Line], skip: set[int]) -> bool:
    """The task's own words run to the end of the text and stop mid-sentence ("2.加大" and nothing after).

    A task ending in its units ("…全覆盖。责任单位:县教体局", "牵头部门" / "市市场监管局") is whole.
    """
    content = [k for k, ln in enumerate(lines) if (k in skip or not ln.blank) and not is_furniture(ln.norm)]
    if not content or lines[content[-1]].end != draft.span.end:
        return False
    last = lines[content[-1]]
    words = draft.text[-1] if draft.text else Piece(draft.title, last.start + last.norm.find(norm(draft.title)))
    if words.start + len(words.text) != last.start + len(last.raw.rstrip()) or looks_like_units(norm(words.text)):
        return False
    return not norm(words.text).endswith(tuple(load("headings")["truncated"]["closing"]))


def _own_lines(node: Node) -> list[int]:
    return ([node.line] if node.line is not None else []) + node.body


def _explicit(idx: list[int], lines: list[Line]) -> Assignment:
    """Trailers and field lines in these lines, merged."""
    out = Assignment("trailer")
    pending_role = None
    for k in idx:
        ln = lines[k]
        if pending_role:
            piece = Piece(ln.raw.strip(), ln.start + len(ln.raw) - len(ln.raw.lstrip()))
            getattr(out, pending_role).append(piece)
            pending_role = None
            continue
        role = assign.label_only(ln.norm)
        if role:
            pending_role = role if role != "ignore" else None
            continue
        fld = assign.field_line(ln.norm, ln.raw, ln.start)
        if fld is not None:
            out.extend(fld)
            continue
        for t in assign.find_trailers(ln.norm, ln.raw, ln.start):
            out.extend(t)
    return out


def _unit_title(node: Node, lines: list[Line], registry: Any) -> Piece | None:
    """A heading that names a unit ("(一)县教体局。主要负责…", "区教育局:", "第一章 学校职责") → that unit."""
    if node.heading is None or node.line is None or assign.label_only(node.heading.title):
        return None
    unit = heading_unit(node.heading.title, registry)
    if not unit:
        return None
    ln = lines[node.line]
    start = node.heading.title_start
    return Piece(ln.raw[start:start + len(unit)], ln.start + start)


def _drafts(node: Node, path: list[str], lines: list[Line], own_explicit: Assignment,
            unit_lead: list[Piece]) -> list[Draft]:
    """An item's task; an item whose sentences give different duties to different units
    ("市场监管局负责化肥;农业执法大队负责农药") gives one task per duty, sharing the item's number."""
    draft = _draft(node, path, lines, own_explicit, unit_lead)
    if draft.assignment.style != "sentence":
        return [draft]
    found = [st for p in draft.text for st in read_statements(p.text, p.start)]
    if not found:
        return [draft]
    out = []
    for k, st in enumerate(found):
        d = copy.copy(draft)
        d.assignment = Assignment("sentence", lead=list(st.lead), co=list(st.co), span=st.span)
        d.flags = list(draft.flags) + (["reported"] if st.reported else [])
        if len(found) > 1:
            start = draft.span.start if k == 0 else st.span[0]
            end = found[k + 1].span[0] if k + 1 < len(found) else draft.span.end
            d.span = Span(start, max(end, start))
            d.text = [_slice(p, start if k else st.span[0], d.span.end) for p in draft.text
                      if p.start < d.span.end and start < p.start + len(p.text)]
            d.title_piece = draft.title_piece if k == 0 else None
        out.append(d)
    return out


def _slice(p: Piece, start: int, end: int) -> Piece:
    """The part of a text piece inside [start, end)."""
    a, b = max(start, p.start) - p.start, min(end, p.start + len(p.text)) - p.start
    return Piece(p.text[a:b].strip(), p.start + a + len(p.text[a:b]) - len(p.text[a:b].lstrip()))


def _draft(node: Node, path: list[str], lines: list[Line], own_explicit: Assignment,
           unit_lead: list[Piece]) -> Draft:
    idx = node.subtree_lines()
    head = lines[node.line]
    explicit = own_explicit or _explicit(idx, lines)
    text = _text_pieces(node, idx, lines)
    if explicit:
        assignment = explicit
    elif unit_lead:
        assignment = Assignment("heading", lead=list(unit_lead))
    else:
        assignment = Assignment("sentence")
        for p in text:
            assignment.extend(assign.sentence_assignment(norm(p.text), p.text, p.start))
        if assignment.lead and len(assignment.lead) > 1:
            assignment.co = assignment.lead[1:] + assignment.co
            assignment.lead = assignment.lead[:1]
    last = max((k for k in idx if not lines[k].blank), default=node.line)
    title = node.title
    indent = len(head.raw) - len(head.raw.lstrip())
    title_at = head.raw.find(title, node.heading.title_start if node.heading else 0)
    # two separate assignments in one item usually mean a missed item boundary
    flags = ["multiple-trailers"] if explicit and _assignment_groups(
        node, _own_lines(node) if own_explicit else idx, lines) > 1 else []
    return Draft("body", node.number, title, path, text, Span(head.start + indent, lines[last].end), head.number,
                 assignment, checked=[("title", title)] + [("text", p.text) for p in text], flags=flags,
                 deadline_cells=_explicit(idx, lines).deadline,
                 title_piece=Piece(title, head.start + title_at) if title and title_at >= 0 else None)


def _text_pieces(node: Node, idx: list[int], lines: list[Line]) -> list[Piece]:
    """The task's text, without its title, trailers and field lines."""
    return [p for p in _segments(node, idx, lines) if p is not None]


def _assignment_groups(node: Node, idx: list[int], lines: list[Line]) -> int:
    """How many separate places assign the task: "…(牵头单位:A)" / "2.2024年…(牵头单位:B)" → 2;
    trailers or field lines with only spaces or punctuation between them are one place."""
    groups, after_text = 0, True
    for piece in _segments(node, idx, lines):
        if piece is None:
            groups += after_text
            after_text = False
        elif piece.text.strip(" \t。;,.、:；，：．"):
            after_text = True
    return groups


def _segments(node: Node, idx: list[int], lines: list[Line]) -> list[Piece | None]:
    """The task's lines after the title in order: text as Pieces, each trailer or field line naming units as None."""
    out: list[Piece | None] = []
    skip_next = False
    for k in idx:
        ln = lines[k]
        if skip_next:
            skip_next = False
            continue
        if ln.blank:
            continue
        start = 0
        if k == node.line and node.heading is not None:
            start = node.heading.body_start
        role = assign.label_only(ln.norm)
        if role:
            skip_next = True
            if role in ("lead", "co", "responsible"):
                out.append(None)
            continue
        fld = assign.field_line(ln.norm, ln.raw, ln.start)
        if fld is not None:
            if fld:
                out.append(None)
            continue
        cuts = [(t.span[0] - ln.start, t.span[1] - ln.start, bool(t))
                for t in assign.find_trailers(ln.norm, ln.raw, ln.start) if t.span]
        pos = start
        for s, e, names_units in cuts + [(len(ln.raw), len(ln.raw), False)]:
            if s < pos:
                continue
            seg = ln.raw[pos:s]
            if seg.strip():
                lead_ws = len(seg) - len(seg.lstrip())
                out.append(Piece(seg.strip(), ln.start + pos + lead_ws))
            if names_units:
                out.append(None)
            pos = e
    return out


def _paragraph_task(k: int, lines: list[Line], path: list[str], out: list[Draft]) -> None:
    """A plain paragraph outside any task item that ends in a trailer is a task of its own."""
    ln = lines[k]
    trailers = [t for t in assign.find_trailers(ln.norm, ln.raw, ln.start) if t.span]
    if not trailers or assign.field_line(ln.norm, ln.raw, ln.start) is not None:
        return
    first = trailers[0].span[0] - ln.start
    lead_ws = len(ln.raw) - len(ln.raw.lstrip())
    if not ln.raw[:first].strip():
        return  # a trailer alone on a line belongs to the item above, not to a task of its own
    title, body_start = split_title(ln.norm[lead_ws:first])
    assignment = Assignment("trailer")
    for t in trailers:
        assignment.extend(t)
    text = [Piece(ln.raw[lead_ws + body_start:first].strip(), ln.start + lead_ws + body_start)]
    text = [p for p in text if p.text]
    out.append(Draft("body", None, ln.raw[lead_ws:lead_ws + len(title)], path, text,
                     Span(ln.start + lead_ws, ln.end), ln.number, assignment,
                     checked=[("text", ln.raw)], deadline_cells=assignment.deadline,
                     title_piece=Piece(ln.raw[lead_ws:lead_ws + len(title)], ln.start + lead_ws)))


def no_tasks_warning(root: Node, lines: list[Line]) -> str:
    """Why a document gave no task: a notice naming an attachment the text lacks, or nothing task-like."""
    mention = re.compile(load("headings")["attachment"]["mention"])
    held = any(node.attachment for node in root.children)
    if not held and any(mention.search(ln.norm) for ln in lines):
        return ("no tasks found: the text names an attachment (附件) it does not include; "
                "parse the attachment itself")
    return "no tasks found: no numbered items with units, no task-list table"


def section_pieces(root: Node, lines: list[Line], kind: str) -> list[Piece]:
    """The text under sections of a kind (``"goals"``: 总体目标 …), line by line, titles left out."""
    out: list[Piece] = []

    def visit(node: Node, inside: bool) -> None:
        here = inside or section_heading(node, kind)
        if here:
            for k in _own_lines(node):
                ln = lines[k]
                start = node.heading.body_start if k == node.line and node.heading else 0
                seg = ln.raw[start:]
                if k == node.line and not node.heading:
                    continue
                if seg.strip():
                    out.append(Piece(seg, ln.start + start))
        for child in node.children:
            visit(child, here)

    visit(root, False)
    return out


def line_paths(root: Node) -> dict[int, list[str]]:
    """Each body line's headings above it: ``{12: ["主要任务", "加强人防建设"]}``."""
    out: dict[int, list[str]] = {}

    def visit(node: Node, path: list[str]) -> None:
        here = path + [node.title] if node.line is not None else path
        if node.line is not None:
            out[node.line] = here
        for k in node.body:
            out[k] = here
        for child in node.children:
            visit(child, here)

    visit(root, [])
    return out


def headings_over(root: Node, covered: set[int]) -> set[int]:
    """Heading lines of sections that hold tasks ("一、县示范区管委会牵头工作(8项)"): they head, not assign."""
    out: set[int] = set()

    def visit(node: Node) -> None:
        if node.line is not None and any(k in covered for k in node.subtree_lines() if k != node.line):
            out.add(node.line)
        for child in node.children:
            visit(child)

    visit(root)
    return out


def sentence_drafts(lines: list[Line], covered: set[int], paths: dict[int, list[str]], *,
                    genre_reports: bool, title: str | None = None) -> list[Draft]:
    """A Draft (origin ``sentence``) for every statement in the lines no task or table holds
    (the document's title, a headline repeated by the page, states no duty)."""
    out = []
    asked = addressees_asked(lines)
    own_title = "".join(norm(title).split()) if title else None
    for k, ln in enumerate(lines):
        if k in covered or ln.blank or is_furniture(ln.norm):
            continue
        if own_title and "".join(ln.norm.split()) == own_title:
            continue
        statements = read_statements(ln.raw, ln.start, genre_reports=genre_reports)
        flags = []
        if k == asked:
            statements, flags = addressee_statement(ln), ["addressees"]
        for st in statements:
            s, e = st.span
            text = ln.raw[s - ln.start:e - ln.start].strip()
            lead_ws = len(ln.raw[s - ln.start:e - ln.start]) - len(ln.raw[s - ln.start:e - ln.start].lstrip())
            start = s + lead_ws
            piece = Piece(text, start)
            assignment = Assignment(st.style, lead=list(st.lead), co=list(st.co), span=(start, start + len(text)))
            out.append(Draft("sentence", None, "", list(paths.get(k, [])), [piece], Span(start, start + len(text)),
                             ln.number, assignment, checked=[("text", text)],
                             flags=(["reported"] if st.reported else []) + flags))
    return out


def addressees_asked(lines: list[Line]) -> int | None:
    """The addressee line of a notice that asks its addressees to carry it out
    ("各乡镇人民政府,县直各有关单位:" … "请认真贯彻执行。"), or None."""
    conf = load("headings")["notice"]
    addressee = re.compile(conf["addressee"])
    asks = re.compile(load("assign")["statements"]["addressee_asked"])
    for k, ln in enumerate(lines[:conf["max_lines"]]):
        if addressee.match(ln.norm):
            body = "".join(x.norm for x in lines[k + 1:k + 8])
            return k if asks.search(body) else None
    return None


def addressee_statement(line: Line) -> list[Statement]:
    """The addressees of a notice, asked to carry it out: they co-operate, none leads."""
    body = line.raw.rstrip()
    cut = max(body.rfind(":"), body.rfind("："))
    text = body[:cut] if cut > 0 else body
    lead_ws = len(text) - len(text.lstrip())
    piece = Piece(text.strip(), line.start + lead_ws)
    if not piece.text:
        return []
    return [Statement((line.start, line.start + len(body)), co=[piece])]
