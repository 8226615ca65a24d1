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
