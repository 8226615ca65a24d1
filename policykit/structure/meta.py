"""Metadata: title, issuer, 文号, dates, region, period, referenced documents."""

from __future__ import annotations

import re

from policykit.china.dates import is_date, parse_date
from policykit.china.headings import numbered
from policykit.china.places import region_in
from policykit.model import Meta
from policykit.structure.data import load
from policykit.structure.lines import Line
from policykit.structure.textnorm import norm

_VOCAB = load("meta")
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    key: tuple(_VOCAB["fields"][key]) for key in ("title", "issuer", "doc_number", "published", "signed")}
SOURCE_FIELDS = tuple(_VOCAB["fields"]["source"])
ALL_FIELDS = SOURCE_FIELDS + tuple(_VOCAB["fields"]["other"]) + tuple(n for names in FIELD_NAMES.values() for n in names)

# a field name may be spaced out ("标 题:", "有 效 性:") and follow a bullet or a table bar
_FIELD_RE = re.compile(r"(?:^|(?<=[\s|•·]))(" + "|".join(r"\s*".join(name) for name in sorted(
    ALL_FIELDS, key=len, reverse=True)) + r")\s*:\s*")
_VALUE_TRIM = " \t|•·"
_FURNITURE = re.compile("|".join(_VOCAB["furniture"]))
_TITLE_WORDS = re.compile("|".join(map(re.escape, _VOCAB["title_words"])))

_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,12}\s*[〔\[(【]\s*\d{4}\s*[〕\])】]\s*\d{1,4}\s*号")
_PERIOD = re.compile(r"(\d{4})\s*(?:年)?\s*[-—~至到]+\s*(\d{4})\s*年")
_REFERENCE = re.compile(r"《[^《》\n]{1,120}》")


def read_fields(lines: list[Line], given: dict[str, str]) -> dict[str, str]:
    """A field block plus a reader's fields.

    Three layouts: a name line then its value line ("文号" / "蒙政办发〔2023〕37号");
    "文号:…" on a line; several on one line of page furniture ("发布日期:2023-09-01
    10:51 来源: 绛县人民政府 【字体:大 中 小】").
    """
    out = dict(given)
    i = 0
    while i < len(lines) and i < 60:
        text = lines[i].norm.strip()
        raw = lines[i].raw.strip()
        if text.rstrip(":") in ALL_FIELDS:
            j = i + 1
            while j < len(lines) and lines[j].blank:
                j += 1
            if j < len(lines) and lines[j].norm.strip().rstrip(":") not in ALL_FIELDS:
                out.setdefault(text.rstrip(":"), lines[j].raw.strip())
                i = j
        else:
            for name, value in _inline_fields(text, raw):
                out.setdefault(name, value)
        i += 1
    return out


def _inline_fields(norm_line: str, raw: str) -> list[tuple[str, str]]:
    """``"发布日期:2023-09-01 来源: 绛县人民政府 【字体:大 中 小】"`` → [("发布日期", "2023-09-01"), ("来源", "绛县人民政府")]."""
    if ":" not in norm_line and norm_line.count("|") >= 2:
        return _bar_fields(raw)
    found = [m for m in _FIELD_RE.finditer(norm_line)]
    out = []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(norm_line)
        bracket = norm_line.find("【", m.end(), end)
        end = bracket if bracket >= 0 else end
        value = raw[m.end():end].strip(_VALUE_TRIM)
        if value:
            out.append(("".join(m.group(1).split()), value))
    return out


def _bar_fields(raw: str) -> list[tuple[str, str]]:
    """A field table flattened with bars: ``"发布机构 | 金乡县人民政府办公室 | 组配分类 | 金政发 |"`` →
    [("发布机构", "金乡县人民政府办公室"), ("组配分类", "金政发")]; a name's value is the cell after it."""
    cells = [c.strip() for c in raw.split("|")]
    out = []
    for k, cell in enumerate(cells[:-1]):
        name = "".join(norm(cell).split())
        value = cells[k + 1]
        if name in ALL_FIELDS and value and "".join(norm(value).split()) not in ALL_FIELDS:
            out.append((name, value))
    return out


_EMPTY_VALUES = {"无", "暂无", "-", "—", "/", "空"}


def _field(fields: dict[str, str], key: str) -> str | None:
    """The first field that gives ``key`` ("文号" / "发文字号" for doc_number); "无" gives nothing."""
    for name in FIELD_NAMES[key]:
        value = (fields.get(name) or "").strip()
        if value and value not in _EMPTY_VALUES:
            return value
    return None


def _date_line(lines: list[Line], fields: dict[str, str]) -> str | None:
    """The first line that is only a date (the signing date under a notice); field values do not count."""
    values = {norm(v).strip() for v in fields.values()}
    for ln in lines:
        text = ln.norm.strip()
        if text in values:
            continue
        if 8 <= len(text) <= 16 and is_date(text):
            return parse_date(text)
    return None


def _first_line(lines: list[Line], fields: dict[str, str]) -> str | None:
    """The title: the first opening line that reads like one, else the first that is not furniture.

    Sentences ("经县政府同意,现将…印发给你们。", "…提出如下意见:"), numbered items ("一、…",
    "2.…") and "附件:" lines are not titles; table bars and a 文号 after the title are dropped
    ("…的通知 拱政办发〔2018〕42号" → "…的通知").
    """
    values = set(fields.values())
    candidates = []
    for k, ln in enumerate(lines[:40]):
        text = _title_trim(ln.raw)
        after = next((x for x in lines[k + 1:k + 3] if not x.blank), None)
        if text and after is not None and re.search(r"(?:关于|关於)$", norm(text)):
            text = text + _title_trim(after.raw)  # a title broken after 关于 ("省人民政府关于" / "进一步…的若干意见")
        if (text and text.rstrip(":：") not in ALL_FIELDS and text not in values and not parse_date(text)
                and not _FURNITURE.search(ln.norm) and not _FIELD_RE.search(ln.norm)
                and "。" not in norm(text) and not norm(text).endswith(":") and not _not_title(norm(text))
                and not _FURNITURE.search(norm(text)) and norm(text).count(",") < 3
                and not _DOC_NUMBER.fullmatch(norm(text).strip())):
            candidates.append(text)
    titled = [t for t in candidates[:15] if _TITLE_WORDS.search(norm(t)) and len(t) <= 120]
    # a word or two ("全文", "正文") is a page's label, not a title
    return (titled or [t for t in candidates if len(t) >= 6] or [None])[0]


def _not_title(text: str) -> bool:
    """An item of a list ("一、…", "(一)…", "2.…", "(1)…") or an attachment line ("附件:…")."""
    return bool(numbered(text, ("cn", "cn_paren", "arabic", "arabic_paren")) or re.match(r"\s*附\s*件", text))


def _title_trim(raw: str) -> str:
    """A title without what stands around it on a page.

    ``"…意见 |"`` → ``"…意见"``; ``"…的通知 拱政办发〔2018〕42号"`` → ``"…的通知"``;
    ``"梁政发【2023】7号关于印发…的通知"`` → ``"关于印发…的通知"``; ``"[湖北] 2020年…"`` → ``"2020年…"``;
    ``"黔府办发〔2012〕34号《…的通知》"`` → ``"…的通知"``.
    """
    text = raw.strip().strip(_VALUE_TRIM)
    m = _DOC_NUMBER.search(norm(text))
    if m and m.end() == len(text) and m.start() > 0 and text[m.start() - 1].isspace():
        text = text[:m.start()].strip()
    m = _DOC_NUMBER.match(norm(text))
    if m and m.end() < len(text):
        text = text[m.end():].strip()
    m = re.match(r"^\[[^\[\]]{1,6}\]\s*", norm(text))
    if m:
        text = text[m.end():]
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        text = text[1:-1]
    return text


def _source_issuer(source: str | None) -> str | None:
    """A page's "来源:" names the issuer only when it reads like a government body ("绛县人民政府")."""
    if not source or not source.split():
        return None
    source = source.split()[0]
    return source if re.search(r"(政府|办公室|办公厅|局|委员会|委)$", source) else None


def _signature_issuer(lines: list[Line], signed: str | None) -> str | None:
    """The body signing a notice: the line right above its date ("沁县人民政府办公室" / "2025年5月18日")."""
    if not signed:
        return None
    for k, ln in enumerate(lines):
        if parse_date(ln.norm.strip()) == signed and 8 <= len(ln.norm.strip()) <= 16:
            above = [x for x in lines[:k] if not x.blank]
            return _source_issuer(above[-1].raw.strip()) if above else None
    return None


def _issuer_from_title(title: str | None) -> str | None:
    """``"蒙自市人民政府办公室关于印发…的通知"`` → ``"蒙自市人民政府办公室"``."""
    if not title:
        return None
    m = re.match(r"^(.{2,30}?)关于", norm(title))
    return title[:m.end(1)].strip() if m else None


def region_of(*names: str | None) -> dict[str, str | None]:
    """The place an issuer or title names: ``region_of("蒙自市人民政府办公室")`` → 云南省 / 红河… / 蒙自市.

    The four keys of a region; ``policykit.china.places.region_in`` also gives its code and evidence.
    """
    got = region_in(issuer=" ".join(n for n in names if n))
    return {k: got[k] for k in ("province", "prefecture", "county", "level")}


def period_of(*texts: str | None) -> dict[str, int | None] | None:
    """``"…三年行动计划(2022-2024年)"`` → {"start": 2022, "end": 2024}."""
    for text in texts:
        m = _PERIOD.search(norm(text or ""))
        if m and int(m.group(1)) <= int(m.group(2)):
            return {"start": int(m.group(1)), "end": int(m.group(2))}
    return None


# A body named right before 《…》 issued it: "国务院《关于…的意见》" is not the document itself,
# even when its title reads like ours ("济宁市人民政府关于…的意见"); nor is the document our
# title carries out ("关于贯彻落实《广东省…政策措施》的实施意见").
_CITED_BY = re.compile(r"(?:国务院|中共中央|党中央|中央|省委|省政府|省人民政府|州委|州政府|市委|市政府|部|厅|委)$")


def references(text: str, title: str | None) -> list[str]:
    """Every 《…》 in the text, once, in order; the document's own title is not a reference."""
    own = norm(title or "")
    out: list[str] = []
    seen: set[str] = set()
    for m in _REFERENCE.finditer(text):
        key = norm(m.group(0))
        cited = (bool(_CITED_BY.search(norm(text[max(0, m.start() - 6):m.start()])))
                 or bool(re.search(r"(?:贯彻落实|贯彻|落实)" + re.escape(key), own)))
        if key in seen or (own and key[1:-1] and key[1:-1] in own and not cited):
            continue
        seen.add(key)
        out.append(m.group(0))
    return out


def read_meta(text: str, lines: list[Line], given_fields: dict[str, str]) -> Meta:
    """The document's Meta from its field block (or a reader's fields) and its opening lines."""
    fields = read_fields(lines, given_fields)
    title = _field(fields, "title") or _first_line(lines, fields)
    number = _field(fields, "doc_number") or _doc_number(lines[:40])
    published = parse_date(_field(fields, "published") or "")
    signed = parse_date(_field(fields, "signed") or "") or _date_line(lines, fields)
    issuer = (_field(fields, "issuer") or _issuer_from_title(title)
              or next(filter(None, (_source_issuer(fields.get(n)) for n in SOURCE_FIELDS)), None)
              or _signature_issuer(lines, signed))
    region = region_in(issuer=issuer, title=title, fields=fields, text=text, number=number)
    period = period_of(title, text[:3000])
    return Meta(title=title, issuer=issuer, doc_number=number, published=published, signed=signed,
                region=region, period=period, references=references(text, title))


def _doc_number(lines: list[Line]) -> str | None:
    """The first 文号 in the opening lines ("蒙政办发〔2023〕37号", also with [] or ()).

    A number cited after a title ("《…意见》(国发〔2015〕23号)") is another document's.
    """
    for ln in lines:
        for m in _DOC_NUMBER.finditer(ln.norm):
            if not re.search(r"》\s*\(?\s*$", ln.norm[:m.start()]):
                return ln.raw[m.start():m.end()]
    return None
