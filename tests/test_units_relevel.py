"""relevel: one county's unit name under another county's level prefix (for the drafter)."""

from __future__ import annotations

import pytest

from policykit.units import normalise, relevel


@pytest.mark.parametrize("name, level, expected", [
    ("市教育体育局", "县", "县教育体育局"),
    ("团市委", "县", "团县委"),
    ("市委宣传部", "县", "县委宣传部"),
    ("公安青浦分局", "县", "县公安局"),
    ("三明市公安局沙县分局", "县", "县公安局"),
    ("区卫生健康 委", "县", "县卫生健康委"),
    ("蒙自市教育体育局", "县", "县教育体育局"),
    ("省教育厅", "县", "县教育局"),
    ("教育厅", "省", "省教育厅"),
    ("县委县政府督查室", "市", "市委市政府督查室"),
    ("公安局", "旗", "旗公安局"),
    ("各乡镇(街道)", "县", "各乡镇(街道)"),
    ("各街镇", "县", "各街镇"),
    ("各有关部门", "县", "各有关部门"),
    ("区绿化市容局", "县", "区绿化市容局"),
    # a region's own form or a pre-2018 name: the county gets the standard name
    ("区府办", "县", "县人民政府办公室"),
    ("区建设管理委", "县", "县住房和城乡建设局"),
    ("区规划资源局", "县", "县自然资源局"),
    ("区民防办", "县", "县人民防空办公室"),
    ("区科委", "县", "县科学技术局"),
    ("市教委", "县", "县教育局"),
    ("工商局", "县", "县市场监督管理局"),
    # a name that needs its level inside
    ("共青团", "县", "团县委"),
    # collectives, zones and companies keep their names
    ("各镇(区)综治办", "县", "各镇(区)综治办"),
    ("高新区管委会", "县", "高新区管委会"),
    ("中国移动", "县", "中国移动"),
    ("各学校", "县", "各学校"),
])
def test_relevel(name, level, expected):
    assert relevel(name, level) == expected


def test_relevel_with_a_region():
    assert relevel("市教育体育局", "县", "建水县") == "建水县教育体育局"
    assert relevel("团市委", "县", "建水县") == "团县委"
    assert relevel(normalise("公安青浦分 局"), "县", "建水") == "建水县公安局"


def test_relevel_keeps_the_function():
    for name in ["市教育体育局", "团市委", "市委宣传部", "公安青浦分局", "区建设管理委"]:
        assert normalise(relevel(name, "县")).canonical == normalise(name).canonical


def test_a_coordination_body_named_by_topic_moves_to_the_new_level():
    assert relevel("市行政审批制度改革工作领导小组办公室", "县", "建水") == "建水县行政审批制度改革工作领导小组办公室"
    assert relevel("县委常委、常务副县长王大雷", "县", "建水") == "县委常委、常务副县长王大雷"
