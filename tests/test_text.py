"""Normalisation keeps offsets: one character for one."""

from __future__ import annotations

import policykit
from policykit.text import normalise, printable


def test_full_width_and_kangxi_radicals_normalise_one_for_one():
    raw = "（牵头单位：县教育局；责任单位：县⼈⼒资源和社会保障局）⼀、总体⽬标"
    assert normalise(raw) == "(牵头单位:县教育局;责任单位:县人力资源和社会保障局)一、总体目标"
    assert len(normalise(raw)) == len(raw)


def test_a_plan_copied_out_of_a_pdf_with_kangxi_radicals_reads_its_units():
    doc = policykit.parse_text("1.加强⼈防。(牵头单位:县教育局;责任单位:县⼈⼒资源和社会保障局)\n")
    co = doc.tasks[0].co[0]
    assert (co.canonical, co.known) == ("人力资源社会保障", True)
    assert doc.text[co.span.start:co.span.end] == "县⼈⼒资源和社会保障局"


def test_printable_escapes_control_characters_only():
    assert printable("通知 (1)\n.txt\u2028") == "通知 (1)\\n.txt\\u2028"


def test_traditional_characters_simplify_one_for_one():
    from policykit.text import simplify

    assert simplify("牽頭單位:縣衛生健康委;人均體育場地面積達到2.6平方米") == \
        "牵头单位:县卫生健康委;人均体育场地面积达到2.6平方米"


def test_the_character_table_has_one_entry_per_traditional_character():
    from policykit.datafiles import bundled

    pairs = bundled("characters.toml")["pairs"].split()
    assert all(len(p) == 2 and p[0] != p[1] for p in pairs)
    assert len({p[0] for p in pairs}) == len(pairs)
