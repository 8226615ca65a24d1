"""HTML reader: a government notice page → its metadata fields, title and content.

No network and no scripts: BeautifulSoup over lxml's HTML parser, which
neither fetches nor expands anything.  Steps:

1. decode (BOM, ``<meta charset>``, then the TXT detection);
2. ``fields``: the 信息公开 metadata block — label/value cells (索引号 | 000014348/…)
   or "文号：…" lines anywhere on the page (labels in ``data/readers.toml``) — then
   ``<meta name="ArticleTitle|PubDate|ContentSource">`` for what the block lacks;
   links to attached documents become warnings (``htmlmeta``);
3. the content: a known container (``.TRS_Editor``, ``#zoom`` …) or else the
   element holding most Chinese text outside links;
4. furniture inside it dropped (share/print/font-size widgets, "来源:" lines);
5. linearised: one line per paragraph or ``<br>``; ``<table>`` → Table with
   rowspan/colspan as covered positions; one-column layout tables → lines.

``text`` starts with one "label:value" line per field, then the title, then the content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykit.errors import InputError
from policykit.model import RawDocument
from policykit.readers.encoding import NotText, decode_bytes
from policykit.readers.htmlmeta import attachments, meta_fields
from policykit.readers.limits import Limits
from policykit.readers.lines import LineWriter
from policykit.readers.vocab import load, patterns

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# GB2312 pages are really GBK/GB18030 in practice: decode with the superset.
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
                    "cp936": "gb18030", "big5": "big5", "utf8": "utf-8"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WS = re.compile(r"[ \t\r\n\f]+")  # HTML collapses ASCII whitespace only; &nbsp; and 　 are content
_STRIP = " \t\r\n\f\u00a0\u3000\u200b\ufeff"
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section",
           "article", "blockquote", "pre", "center", "hr", "address", "figure", "figcaption", "main",
           "header", "footer", "fieldset", "tr", "caption", "tbody", "thead", "tfoot", "form"}
# "发布时间：2023-05-09 来源：蒙自市 字体：大": a value ends where another "xx：" begins.
_NEXT_LABEL = re.compile(r"\s+\S{1,6}\s*[:：]")
_CONTAINERS = ("div", "td", "article", "section", "main", "body", "dd", "li")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_CHILDREN = ["p", "div", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"]
FIELD_TABLE_SHARE = 0.8  # label/value pairs: labels are half the cells, allow a title cell or two
MIN_CONTENT_CJK = 30
MIN_TITLE_CJK = 8  # a title found outside the content must be longer than a site name  # a known container with less Chinese text than this is an empty shell
MAX_FURNITURE_SHARE = 0.3  # never drop as furniture an element holding more of the content than this

BREAK = object()


@dataclass
class HtmlTable:
    grid: list[list[tuple[str, tuple[int, int] | None]]]
    header_rows: int = 0


@dataclass
class Linear:
    """Content as a flat sequence: text pieces, BREAK marks, and tables."""

    items: list = field(default_factory=list)

    def text(self, piece: str) -> None:
        if piece:
            self.items.append(piece)

    def lines(self) -> list[str | HtmlTable]:
        """Join pieces between breaks into stripped, non-empty lines."""
        out: list[str | HtmlTable] = []
        buffer: list[str] = []
        for item in [*self.items, BREAK]:
            if isinstance(item, str):
                buffer.append(item)
                continue
            line = "".join(buffer).strip(_STRIP)
            buffer.clear()
            if line:
                out.append(line)
            if isinstance(item, HtmlTable):
                out.append(item)
        return out


def decode_html(data: bytes, path: str):
    """Bytes → Decoded, honouring ``<meta charset="gb2312">`` (read as GB18030)."""
    m = _META_CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii").lower() if m else None
    declared = _CHARSET_ALIASES.get(declared, declared) if declared else None
    try:
        return decode_bytes(data, declared)
    except NotText as err:
        raise InputError(path, f"binary data, not HTML ({err})") from None


def join_wrapped(a: str, b: str) -> str:
    """Join two pieces of one line: "印发" + "蒙自市" → "印发蒙自市", "GB/T" + "9704" → "GB/T 9704"."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def heading_text(heading) -> str:
    """An <h1>'s text on one line, whatever <br> or <span> break it: "…关于印发<br>…的通知" → "…关于印发…的通知"."""
    text = ""
    for piece in heading.stripped_strings:
        text = join_wrapped(text, _WS.sub(" ", piece).strip(_STRIP))
    return text


def _cjk(text: str) -> int:
    return len(_CJK.findall(text))


def _compact(text: str) -> str:
    return "".join(text.split())


# -- fields ----------------------------------------------------------------------


def _label_pattern() -> re.Pattern[str]:
    labels = sorted(load()["html"]["field_labels"], key=len, reverse=True)
    spaced = ["\\s*".join(map(re.escape, label)) for label in labels]
    return re.compile(r"(?:^|(?<=\s))(" + "|".join(spaced) + r")\s*[:：]\s*")


def extract_fields(soup) -> dict[str, str]:
    """The metadata block: {"索引号": "000014348/2023-01000", "文号": "蒙政办发〔2023〕37号", …}."""
    from bs4 import NavigableString

    labels = set(load()["html"]["field_labels"])
    inline = _label_pattern()
    fields: dict[str, str] = {}
    for node in soup.find_all(string=True):
        if not isinstance(node, NavigableString) or node.parent.name in ("script", "style", "title"):
            continue
        text = node.strip(_STRIP)
        label = _compact(text).rstrip(":：")
        if label in labels:
            value = _next_text(node)
            if value is not None and _compact(value).rstrip(":：") not in labels:
                fields.setdefault(label, value)
            continue
        matches = list(inline.finditer(text))
        if matches and matches[0].start() == 0:
            for m, nxt in zip(matches, [*matches[1:], None], strict=True):
                value = _NEXT_LABEL.split(text[m.end():nxt.start() if nxt else len(text)])[0].strip(_STRIP)
                if value:
                    fields.setdefault(_compact(m.group(1)), value)
    return fields


def _next_text(node) -> str | None:
    """The next non-empty text after a label cell: the value cell of a label/value pair."""
    for following in node.find_all_next(string=True, limit=6):
        text = _WS.sub(" ", following).strip(_STRIP)
        if text:
            return text
    return None


# -- content ---------------------------------------------------------------------


def _title(soup, content) -> str | None:
    """The notice's title: an <h1>/<h2> in the content, else one on the page outside its furniture.

    A site's own name in the banner ("蒙自市人民政府") is short and sits in the
    header; a notice title is long ("…关于印发…的通知").
    """
    config = load()["html"]
    tokens = [t.lower() for t in config["drop_id_class"]] + ["logo"]

    def in_furniture(el) -> bool:
        for parent in [el, *el.parents]:
            names = " ".join([parent.get("id") or "", *(parent.get("class") or [])]).lower() \
                if hasattr(parent, "get") else ""
            if parent.name in config["drop_tags"] or (names and any(t in names for t in tokens)):
                return True
        return False

    for scope, min_cjk in ((content, 4), (soup, MIN_TITLE_CJK)):
        for candidate in scope.find_all(["h1", "h2"], limit=6):
            text = heading_text(candidate)
            if _cjk(text) >= min_cjk and (scope is content or not in_furniture(candidate)):
                return text
    return None


def find_content(soup):
    """The element that holds the notice: a known container, else the densest Chinese text."""
    best, best_score = None, 0
    for selector in load()["html"]["content_selectors"]:
        for el in soup.select(selector):
            score = _cjk(el.get_text())
            if score >= MIN_CONTENT_CJK and score > best_score:
                best, best_score = el, score
    if best is not None:
        return best
    scores: dict[int, float] = {}
    elements: dict[int, object] = {}
    holds_blocks: dict[int, bool] = {}

    def container_of(el):
        # A div or td with no blocks inside is a paragraph: its text counts for the element around it.
        el = el.find_parent(_CONTAINERS)
        while el is not None and el.name != "body":
            if id(el) not in holds_blocks:
                holds_blocks[id(el)] = el.find(_BLOCK_CHILDREN) is not None
            if holds_blocks[id(el)]:
                return el
            el = el.find_parent(_CONTAINERS)
        return el

    for node in soup.find_all(string=True):
        if node.find_parent("a") is not None or node.parent.name in ("script", "style"):
            continue
        n = _cjk(node)
        container = container_of(node) if n else None
        for share in (1.0, 0.5):
            if container is None:
                break
            scores[id(container)] = scores.get(id(container), 0) + n * share
            elements[id(container)] = container
            container = container_of(container)
    if not scores:
        return soup.body or soup
    return elements[max(scores, key=scores.get)]


def drop_furniture(content) -> None:
    """Remove share/print/font-size widgets and the like inside the content."""
    config = load()["html"]
    for tag in content.find_all(config["drop_tags"]):
        tag.decompose()
    tokens = [t.lower() for t in config["drop_id_class"]]
    total = max(_cjk(content.get_text()), 1)
    for el in content.find_all(True):
        if getattr(el, "decomposed", False):  # inside an element already dropped
            continue
        names = " ".join([el.get("id") or "", *(el.get("class") or [])]).lower()
        if names and any(t in names for t in tokens) and _cjk(el.get_text()) <= MAX_FURNITURE_SHARE * total:
            el.decompose()


def _is_layout_table(table) -> bool:
    rows = _rows(table)
    return not rows or max(len(_cells(tr)) for tr in rows) <= 1


def _rows(table) -> list:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _cells(tr) -> list:
    return tr.find_all(["td", "th"], recursive=False)


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, 1)), 1000))
    except (TypeError, ValueError):
        return 1


def table_grid(table, cell_text) -> HtmlTable:
    """<table> → grid of (text, covered_by), rowspan/colspan expanded; leading <th>/<thead> rows are headers."""
    grid: list[list[tuple[str, tuple[int, int] | None]]] = []
    pending: dict[tuple[int, int], tuple[int, int]] = {}  # positions a rowspan above will cover
    header_rows = 0
    counting_headers = True
    for r, tr in enumerate(_rows(table)):
        row: list[tuple[str, tuple[int, int] | None]] = []
        cells = _cells(tr)
        for cell in cells:
            while (r, len(row)) in pending:
                row.append(("", pending.pop((r, len(row)))))
            c = len(row)
            row.append((cell_text(cell), None))
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            row.extend([("", (r, c))] * (colspan - 1))
            for dr in range(1, rowspan):
                for dc in range(colspan):
                    pending[(r + dr, c + dc)] = (r, c)
        while (r, len(row)) in pending:
            row.append(("", pending.pop((r, len(row)))))
        is_header = bool(cells) and (tr.find_parent("thead") is not None or all(c.name == "th" for c in cells))
        if counting_headers and is_header:
            header_rows += 1
        else:
            counting_headers = False
        grid.append(row)
    return HtmlTable(grid, header_rows)


def linearise(el, out: Linear, field_labels: set[str]) -> None:
    """Walk the content in order: text, <br>/block boundaries as breaks, tables as HtmlTable."""
    from bs4 import Comment, NavigableString, Tag

    for child in el.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not CData, Doctype, ProcessingInstruction
                out.text(_WS.sub(" ", str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name == "br":
            out.items.append(BREAK)
        elif child.name == "table" and not _is_layout_table(child):
            table = table_grid(child, _cell_text)
            if not _is_field_table(table, field_labels):
                out.items.extend([BREAK, table, BREAK])
        elif child.name in _HEADINGS:
            out.items.extend([BREAK, heading_text(child), BREAK])  # a title broken by <br> is one line
        elif child.name in _BLOCKS or child.name in ("table", "td", "th"):
            out.items.append(BREAK)
            linearise(child, out, field_labels)
            out.items.append(BREAK)
        else:
            linearise(child, out, field_labels)


def _cell_text(cell) -> str:
    inner = Linear()
    linearise(cell, inner, set())
    return "\n".join(item if isinstance(item, str) else _flatten(item) for item in inner.lines())


def _flatten(table: HtmlTable) -> str:
    return "\n".join(text for row in table.grid for text, covered in row if covered is None and text)


def _is_field_table(table: HtmlTable, field_labels: set[str]) -> bool:
    """The metadata block as a table (索引号 | 000014348/… | 发布机构 | …): it is in ``fields`` already."""
    texts = [_compact(text).rstrip(":：") for row in table.grid for text, covered in row if covered is None]
    labels = sum(t in field_labels for t in texts)
    return labels >= 2 and 2 * labels >= FIELD_TABLE_SHARE * len(texts)


def read_html(path: str, data: bytes, limits: Limits) -> RawDocument:
    """Read a notice page: fields from its metadata block, its title, its content as paragraphs and tables."""
    from bs4 import BeautifulSoup

    decoded = decode_html(data, path)
    soup = BeautifulSoup(decoded.text, "lxml")
    fields = extract_fields(soup)
    given = {_compact(value) for value in fields.values()}
    for label, value in meta_fields(soup).items():
        if _compact(value) not in given:
            fields.setdefault(label, value)
    linked = attachments(soup)
    content = find_content(soup)
    title = _title(soup, content)
    drop_furniture(content)
    linear = Linear()
    linearise(content, linear, set(fields))
    furniture = patterns("html", "furniture_lines")
    lines = [item for item in linear.lines()
             if not isinstance(item, str) or not (furniture.match(item) or _is_field_line(item, fields))]
    out = LineWriter()
    blocks = [out.paragraph(f"{label}:{value}") for label, value in fields.items()]
    first = next((item for item in lines if isinstance(item, str)), None)
    if title and title not in fields.values() and _compact(title) != _compact(first or ""):
        blocks.append(out.paragraph(title))
    for item in lines:
        if isinstance(item, HtmlTable):
            if item.grid:
                blocks.append(out.table(item.grid, header_rows=item.header_rows))
        else:
            blocks.append(out.paragraph(item))
    if not blocks:
        raise InputError(path, "HTML page has no text")
    warnings = decoded.warnings + [f"attachment not read: {a.label} ({a.href})" for a in linked]
    return RawDocument(text=out.text, format="html", blocks=blocks, path=path, encoding=decoded.encoding,
                       fields=fields, warnings=warnings)


def _is_field_line(line: str, fields: dict[str, str]) -> bool:
    """A metadata line inside the content ("文号：蒙政办发〔2023〕37号", or the bare label): in ``fields`` already."""
    compact = _compact(line)
    return any(compact.rstrip(":：") == label or compact.startswith((label + ":", label + "：")) for label in fields)
