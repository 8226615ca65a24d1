"""Every unit name in the two seed documents maps as a reader would expect.

Mengzi (蒙自市, Yunnan) writes 市-prefixed names in its trailers and drops the prefix
in its annex; Qingpu (青浦区, Shanghai) writes 区-prefixed names broken by PDF wraps.
"""

from __future__ import annotations

import re

import pytest

from policykit.units import normalise, parse_unit_list

MENGZI = {"doc_level": "市", "doc_region": "蒙自市"}
QINGPU = {"doc_level": "区", "doc_region": "青浦"}

# raw as written → (name, canonical, level, region, kind)
MENGZI_UNITS = {
    "市教育体育局": ("市教育体育局", "教育", "市", "蒙自市", "government"),
    "市公安局": ("市公安局", "公安", "市", "蒙自市", "government"),
    "市司法局": ("市司法局", "司法", "市", "蒙自市", "government"),
    "各乡镇(街道)": ("各乡镇(街道)", "乡镇街道", None, "蒙自市", "township"),
    "市住房和城乡建设局": ("市住房和城乡建设局", "住房城乡建设", "市", "蒙自市", "government"),
    "市应急管理局": ("市应急管理局", "应急管理", "市", "蒙自市", "government"),
    "市市场监督管理局": ("市市场监督管理局", "市场监管", "市", "蒙自市", "government"),
    "市消防救援大队": ("市消防救援大队", "消防救援", "市", "蒙自市", "government"),
    "市消防救援队": ("市消防救援队", "消防救援", "市", "蒙自市", "government"),
    "市法院": ("市法院", "法院", "市", "蒙自市", "judicial"),
    "市检察院": ("市检察院", "检察院", "市", "蒙自市", "judicial"),
    "市卫生健康局": ("市卫生健康局", "卫生健康", "市", "蒙自市", "government"),
    "市水利局": ("市水利局", "水利", "市", "蒙自市", "government"),
    "市委宣传部": ("市委宣传部", "宣传", "市", "蒙自市", "party"),
    "市人力资源和社会保障局": ("市人力资源和社会保障局", "人力资源社会保障", "市", "蒙自市", "government"),
    "市人力资源社会保障局": ("市人力资源社会保障局", "人力资源社会保障", "市", "蒙自市", "government"),
    "市自然资源局": ("市自然资源局", "自然资源", "市", "蒙自市", "government"),
    "市农业农村局": ("市农业农村局", "农业农村", "市", "蒙自市", "government"),
    "市文化和旅游局": ("市文化和旅游局", "文化旅游", "市", "蒙自市", "government"),
    "市林业和草原局": ("市林业和草原局", "林业草原", "市", "蒙自市", "government"),
    "市工商信局": ("市工商信局", "工业和信息化", "市", "蒙自市", "government"),
    "市城市综合执法局": ("市城市综合执法局", "城市管理", "市", "蒙自市", "government"),
    "市交通运输局": ("市交通运输局", "交通运输", "市", "蒙自市", "government"),
    "市民政局": ("市民政局", "民政", "市", "蒙自市", "government"),
    "团市委": ("团市委", "共青团", "市", "蒙自市", "mass"),
    "市妇联": ("市妇联", "妇联", "市", "蒙自市", "mass"),
    "市科技局": ("市科技局", "科技", "市", "蒙自市", "government"),
    # the annex drops the prefix: the document's level applies
    "公安局": ("公安局", "公安", "市", "蒙自市", "government"),
    "司法局": ("司法局", "司法", "市", "蒙自市", "government"),
    "消防救援队": ("消防救援队", "消防救援", "市", "蒙自市", "government"),
    "法院": ("法院", "法院", "市", "蒙自市", "judicial"),
    "检察院": ("检察院", "检察院", "市", "蒙自市", "judicial"),
    # the prose and the header
    "市级各有关部门": ("市级各有关部门", "有关部门", "市", None, "generic"),
    "市教体系统": ("市教体系统", "教育", "市", "蒙自市", "government"),
    "市人民政府": ("市人民政府", "人民政府", "市", "蒙自市", "government"),
    "市级人民政府教育督导部门": ("市级人民政府教育督导部门", "教育督导", "市", "蒙自市", "government"),
    "通信管理部门": ("通信管理部门", "通信管理", "市", "蒙自市", "government"),
    "综合执法部门": ("综合执法部门", "城市管理", "市", "蒙自市", "government"),
    "林草部门": ("林草部门", "林业草原", "市", "蒙自市", "government"),
    "公安机关": ("公安机关", "公安", "市", "蒙自市", "government"),
}

QINGPU_UNITS = {
    "区教育局": ("区教育局", "教育", "区", "青浦", "government"),
    "公安青浦分局": ("公安青浦分局", "公安", "区", "青浦", "government"),
    "公安青浦分 局": ("公安青浦分局", "公安", "区", "青浦", "government"),
    "区卫生健康委": ("区卫生健康委", "卫生健康", "区", "青浦", "government"),
    "区卫 生健康委": ("区卫生健康委", "卫生健康", "区", "青浦", "government"),
    "区卫生健康 委": ("区卫生健康委", "卫生健康", "区", "青浦", "government"),
    "区应急局": ("区应急局", "应急管理", "区", "青浦", "government"),
    "区应 急局": ("区应急局", "应急管理", "区", "青浦", "government"),
    "区红十字会": ("区红十字会", "红十字会", "区", "青浦", "mass"),
    "区消防 救援支队": ("区消防救援支队", "消防救援", "区", "青浦", "government"),
    "区消 防救援支队": ("区消防救援支队", "消防救援", "区", "青浦", "government"),
    "各街镇": ("各街镇", "乡镇街道", None, "青浦", "township"),
    "各 街镇": ("各街镇", "乡镇街道", None, "青浦", "township"),
    "各街 镇": ("各街镇", "乡镇街道", None, "青浦", "township"),
    "区妇联": ("区妇联", "妇联", "区", "青浦", "mass"),
    "区发改委": ("区发改委", "发展改革", "区", "青浦", "government"),
    "区财政局": ("区财政局", "财政", "区", "青浦", "government"),
    "区财政 局": ("区财政局", "财政", "区", "青浦", "government"),
    "区法院": ("区法院", "法院", "区", "青浦", "judicial"),
    "区检察院": ("区检察院", "检察院", "区", "青浦", "judicial"),
    "区司法局": ("区司法局", "司法", "区", "青浦", "government"),
    "区文化旅游局": ("区文化旅游局", "文化旅游", "区", "青浦", "government"),
    "团区委": ("团区委", "共青团", "区", "青浦", "mass"),
    "团区 委": ("团区委", "共青团", "区", "青浦", "mass"),
    "区规划资源 局": ("区规划资源局", "自然资源", "区", "青浦", "government"),
    "区规划资 源局": ("区规划资源局", "自然资源", "区", "青浦", "government"),
    "区建设管理委": ("区建设管理委", "住房城乡建设", "区", "青浦", "government"),
    "区建设管 理委": ("区建设管理委", "住房城乡建设", "区", "青浦", "government"),
    "区民防办": ("区民防办", "人防", "区", "青浦", "government"),
    "区生 态环境局": ("区生态环境局", "生态环境", "区", "青浦", "government"),
    "区生态环境局": ("区生态环境局", "生态环境", "区", "青浦", "government"),
    "区市场监管局": ("区市场监管局", "市场监管", "区", "青浦", "government"),
    "区市场监 管局": ("区市场监管局", "市场监管", "区", "青浦", "government"),
    "区市 场监管局": ("区市场监管局", "市场监管", "区", "青浦", "government"),
    "区城 管执法局": ("区城管执法局", "城市管理", "区", "青浦", "government"),
    "区科委": ("区科委", "科技", "区", "青浦", "government"),
    "区委宣传部": ("区委宣传部", "宣传", "区", "青浦", "party"),
    "人力资源社会保障局": ("人力资源社会保障局", "人力资源社会保障", "区", "青浦", "government"),
    "各相关职能部门": ("各相关职能部门", "有关部门", None, None, "generic"),
    "相关职能部门": ("相关职能部门", "有关部门", None, None, "generic"),
    "区政府新闻办": ("区政府新闻办", "新闻办", "区", "青浦", "government"),
    "区委办": ("区委办", "党委办公室", "区", "青浦", "party"),
    "区府办": ("区府办", "政府办公室", "区", "青浦", "government"),
    "区府 办": ("区府办", "政府办公室", "区", "青浦", "government"),
    "区委编办": ("区委编办", "机构编制", "区", "青浦", "party"),
    "区融媒体中心": ("区融媒体中心", "融媒体中心", "区", "青浦", "government"),
    "区政府教育督导室": ("区政府教育督导室", "教育督导", "区", "青浦", "government"),
    "区教师进修学院": ("区教师进修学院", "教师进修学院", "区", "青浦", "other"),
}


def _fields(unit):
    return (unit.name, unit.canonical, unit.level, unit.region, unit.kind)


@pytest.mark.parametrize("raw", sorted(MENGZI_UNITS))
def test_mengzi_unit(raw):
    unit = normalise(raw, level_hint="市", region_hint="蒙自市")
    assert _fields(unit) == MENGZI_UNITS[raw]
    assert unit.known and unit.raw == raw


@pytest.mark.parametrize("raw", sorted(QINGPU_UNITS))
def test_qingpu_unit(raw):
    unit = normalise(raw, level_hint="区", region_hint="青浦")
    assert _fields(unit) == QINGPU_UNITS[raw]
    assert unit.known and unit.raw == raw


CROSS_REGION_PAIRS = [
    ("市教育体育局", "区教育局"), ("市公安局", "公安青浦分局"), ("市消防救援大队", "区消防救援支队"),
    ("各乡镇(街道)", "各街镇"), ("团市委", "团区委"), ("市人力资源和社会保障局", "人力资源社会保障局"),
    ("市住房和城乡建设局", "区建设管理委"), ("市自然资源局", "区规划资源局"), ("市科技局", "区科委"),
]


@pytest.mark.parametrize("mengzi, qingpu", CROSS_REGION_PAIRS)
def test_cross_region_pairs_share_a_canonical(mengzi, qingpu):
    assert normalise(mengzi).canonical == normalise(qingpu).canonical is not None


def _names(text, **hints):
    return [u.name for u in parse_unit_list(text, **hints)]


def test_mengzi_annex_cell_with_names_run_together():
    cell = "公安局、市住房和城乡建设局市应急管理局市市场监督管理局消防救援队、各乡镇(街道)"
    units = parse_unit_list(cell, offset=100, **MENGZI)
    assert [u.name for u in units] == ["公安局", "市住房和城乡建设局", "市应急管理局", "市市场监督管理局",
                                       "消防救援队", "各乡镇(街道)"]
    assert [u.canonical for u in units] == ["公安", "住房城乡建设", "应急管理", "市场监管", "消防救援", "乡镇街道"]
    assert [u.level for u in units] == ["市", "市", "市", "市", "市", None]
    assert [(u.span.start - 100, u.span.end - 100) for u in units] == [
        (0, 3), (4, 13), (13, 19), (19, 27), (27, 32), (33, 40)]


def test_mengzi_annex_cell_court_joined_to_bureau():
    cell = "公安局、司法局、市市场监督管理局法院、检察院、各乡镇(街道)"
    assert _names(cell, **MENGZI) == ["公安局", "司法局", "市市场监督管理局", "法院", "检察院", "各乡镇(街道)"]


def test_mengzi_trailer_lead_and_co_lists():
    lead = "市水利局、市教育体育局"
    co = ("市委宣传部、市公安局、市人力资源和社会保障局、市自然资源局、市农业农村局、市文化和旅游局、"
          "市应急管理局、市林业和草原局、市工商信局、市城市综合执法局、各乡镇(街道)")
    assert [u.canonical for u in parse_unit_list(lead, **MENGZI)] == ["水利", "教育"]
    assert [u.canonical for u in parse_unit_list(co, **MENGZI)] == [
        "宣传", "公安", "人力资源社会保障", "自然资源", "农业农村", "文化旅游", "应急管理", "林业草原",
        "工业和信息化", "城市管理", "乡镇街道"]


QINGPU_CELLS = [
    ("公安青浦分局、区卫生健康委、 区应急局、区红十字会、区消防 救援支队、各街镇",
     ["公安青浦分局", "区卫生健康委", "区应急局", "区红十字会", "区消防救援支队", "各街镇"]),
    ("区法院、区检察院、公安青浦分 局、区司法局、区文化旅游局、 区卫生健康委、团区委、区妇联、 各街镇",
     ["区法院", "区检察院", "公安青浦分局", "区司法局", "区文化旅游局", "区卫生健康委", "团区委", "区妇联",
      "各街镇"]),
    ("区规划资源 局、区建设管 理委", ["区规划资源局", "区建设管理委"]),
    ("区教育局 公安青浦分 局", ["区教育局", "公安青浦分局"]),
    ("区委办、区府 办 各街镇", ["区委办", "区府办", "各街镇"]),
    ("区委宣传部、区法院、区检察院、", ["区委宣传部", "区法院", "区检察院"]),
    ("区融媒体中心、区教育局、区文化旅游局", ["区融媒体中心", "区教育局", "区文化旅游局"]),
]


@pytest.mark.parametrize("cell, names", QINGPU_CELLS)
def test_qingpu_cells(cell, names):
    units = parse_unit_list(cell, **QINGPU)
    assert [u.name for u in units] == names
    assert all(u.known for u in units)
    assert all(cell[u.span.start:u.span.end] == u.raw for u in units)


def _mengzi_lists(text):
    """Every "牵头单位:…" / "责任单位:…" list in the body trailers and every unit cell of the annex."""
    lists = re.findall(r"(?:牵头单位|责任单位):([^;\n]+?)\)?(?=;|\n|$)", text)
    annex = text[text.index("重点工作任务清单\n\n重点任务"):]
    lists += [line for line in annex.splitlines() if line.endswith(("局", "(街道)", "队"))]
    return lists


def test_every_unit_list_in_the_mengzi_seed_is_read_whole(mengzi_path):
    lists = _mengzi_lists(mengzi_path.read_text(encoding="utf-8"))
    assert len(lists) >= 60
    for text in lists:
        units = parse_unit_list(text, **MENGZI)
        assert units and all(u.known for u in units), text
        assert "".join(u.raw for u in units) == text.replace("、", ""), text


def test_every_unit_cell_in_the_qingpu_seed_is_read_whole(qingpu_path):
    rows = [line.split("\t") for line in qingpu_path.read_text(encoding="utf-8").splitlines()]
    cells = [c for row in rows for c in row[-2:] if c and len(c) < 120 and "。" not in c
             and re.search(r"(局|委|办|街镇|中心|部门|室|分 局|队)、?$", c)]
    assert len(cells) >= 40
    for cell in cells:
        units = parse_unit_list(cell, **QINGPU)
        assert units and all(u.known for u in units), cell
