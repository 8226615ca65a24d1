"""Documents as the parser and the units registry produce them, for the compare tests.

Texts and units are taken from the two seed documents (蒙自市's plan with its
attached 任务清单, 青浦区's responsibility table with a garbled title and
sub-rows), units carrying canonical/kind as ``policykit.units`` sets them.
The test at the bottom checks they survive the ``policykit.document/1`` JSON.
"""

from __future__ import annotations

from policykit.model import Document, Meta, Requirement, Source, Task, Unit

KINDS = {
    "乡镇街道": "township", "有关部门": "generic", "共青团": "mass", "妇联": "mass",
    "检察院": "judicial", "法院": "judicial", "党委办公室": "party",
}


def unit(name: str, canonical: str | None, *, known: bool = True, raw: str | None = None) -> Unit:
    """A unit as the registry returns it: ``unit("市教育体育局", "教育")`` → level 市, kind government."""
    level = name[0] if name[0] in "市区县" and canonical not in ("乡镇街道",) else None
    kind = KINDS.get(canonical or "", "government" if canonical else "other")
    return Unit(raw=raw or name, name=name, canonical=canonical, level=level, kind=kind, known=known,
                confidence=1.0 if known else 0.0)


def units(*pairs: tuple[str, str | None]) -> list[Unit]:
    return [unit(name, canonical) for name, canonical in pairs]


EDU_M = ("市教育体育局", "教育")
POLICE_M = ("市公安局", "公安")
TOWNS_M = ("各乡镇(街道)", "乡镇街道")


def mengzi() -> Document:
    """蒙自市: five body tasks, each with its row of the attached list (``same_as``)."""
    body = [
        Task("body-1", "body", "1", ["主要任务", "建立健全校园安全管理责任制"], "完善校园安全管理责任制",
             "按照“党政同责、一岗双责、齐抓共管、失职追责”和“三管三必须”要求,全面建立中小学校党组织领导的"
             "校长负责制,健全校园安全工作机构,逐级落实安全责任。指导各级各类学校修订完善学校安全管理责任制实施细则。",
             units(EDU_M), units(POLICE_M, ("市司法局", "司法"), TOWNS_M), same_as="table-1"),
        Task("body-4", "body", "1", ["主要任务", "夯实学校“三防”建设基础"], "加强学校人防建设",
             "按照《中小学、幼儿园安全防范要求》(GB/T29315-2022),师生员工总人数少于等于100人的学校至少配1名"
             "专职保安员;100人以上1000人以下的学校,至少配2名专职保安员。配齐配足配强学校保安员。每年学校专职"
             "保安员培训及实操演练不少于15天。",
             units(EDU_M), units(POLICE_M, TOWNS_M), same_as="table-4",
             requirements=[
                 Requirement("至少配1名专职保安员", "专职保安员", ">=", 1, unit="名",
                             condition="师生员工总人数少于等于100人的学校", task="body-4"),
                 Requirement("至少配2名专职保安员", "专职保安员", ">=", 2, unit="名",
                             condition="100人以上1000人以下的学校", task="body-4"),
             ]),
        Task("body-13", "body", "4", ["主要任务", "推进校园安全重点领域专项治理"], "开展“食品安全”专项行动",
             "严格执行《学校食品安全与营养健康管理规定》,持续巩固“校园食品安全守护行动”成效,加快学校食堂"
             "“互联网+明厨亮灶”建设。落实中小学、幼儿园集体用餐和学校负责人、家长代表陪餐制度。",
             units(("市市场监督管理局", "市场监管")),
             units(EDU_M, POLICE_M, ("市卫生健康局", "卫生健康"), TOWNS_M), same_as="table-13"),
        Task("body-14", "body", "5", ["主要任务", "推进校园安全重点领域专项治理"], "强化学生心理健康教育",
             "要加强师生心理疏导,推进心理辅导室建设,每所中小学至少配备1名专(兼)职心理健康教师。开展生命教育、"
             "亲情教育、性别平等教育。每年全覆盖开展1次学生心理健康测评,建立“一生一策”的心理成长档案。",
             units(EDU_M),
             units(POLICE_M, ("市卫生健康局", "卫生健康"), ("市检察院", "检察院"), ("团市委", "共青团"),
                   ("市妇联", "妇联"), TOWNS_M),
             same_as="table-14",
             requirements=[Requirement("每所中小学至少配备1名专(兼)职心理健康教师", "专(兼)职心理健康教师",
                                       ">=", 1, unit="名", task="body-14")]),
        Task("body-16", "body", "1", ["主要任务", "强化校园安全综合治理能力"], "强化警校联动",
             "公安部门要推动成立校园安全专门管理机构,分组明确专门警力负责校园安全。落实“一校一警”工作制度,"
             "严格执行上下学时段“高峰勤务”机制,完善校园“护学岗”警校双重管理和信息互通机制。",
             units(POLICE_M), units(EDU_M, TOWNS_M), same_as="table-16"),
    ]
    table = [
        Task("table-1", "table", "1", ["建立健全校园安全管理责任制"], "完善校园安全管理责任制",
             "完善校园安全管理责任制,健全完善各级各类学校安全管理责任制实施细则,扎实开展“平安校园”创建工作。",
             units(EDU_M), units(("公安局", "公安"), ("司法局", "司法"), TOWNS_M), same_as="body-1"),
        Task("table-4", "table", "4", ["夯实学校“三防”建设基础"], "加强学校人防建设",
             "配齐配足学校保安人员,每年组织学校专职保安员等开展不少于15天的专业培训和实操演练。",
             units(EDU_M), units(POLICE_M, TOWNS_M), same_as="body-4",
             requirements=[Requirement("不少于15天", "专业培训和实操演练", ">=", 15, unit="天", period="每年",
                                       task="table-4")]),
        Task("table-13", "table", "13", ["推进校园安全重点领域专项治理"], "开展“食品安全”专项行动",
             "持续巩固“校园食品安全守护行动”成效,按照年度制定专项行动方案。加快学校食堂“互联网+明厨亮灶”建设。",
             units(("市市场监督管理局", "市场监管")),
             units(EDU_M, POLICE_M, ("市卫生健康局", "卫生健康"), TOWNS_M), same_as="body-13"),
        Task("table-14", "table", "14", ["推进校园安全重点领域专项治理"], "强化学生心理健康教育",
             "推进心理辅导室建设,开展学生心理健康测评,建立“一生一策”的心理成长档案。",
             units(EDU_M),
             units(POLICE_M, ("市卫生健康局", "卫生健康"), ("市检察院", "检察院"), ("团市委", "共青团"),
                   ("市妇联", "妇联"), TOWNS_M),
             same_as="body-14"),
        Task("table-16", "table", "16", ["强化校园安全综合治理能力"], "强化警校联动",
             "落实“一校一警”工作制度,严格执行上下学时段“高峰勤务”机制。",
             units(POLICE_M), units(EDU_M, TOWNS_M), same_as="body-16"),
    ]
    return Document(
        source=Source("corpora/mengzi_campus_safety_plan_2023.txt", "txt", "utf-8", None, 12129),
        meta=Meta(title="蒙自市贯彻落实省州校园安全防范能力提升三年行动计划(2022-2024年)工作方案",
                  issuer="蒙自市人民政府办公室", doc_number="蒙政办发〔2023〕37号",
                  region={"province": "云南省", "prefecture": "红河哈尼族彝族自治州", "county": "蒙自市",
                          "level": "county"}),
        tasks=body + table,
    )


EDU_Q = ("区教育局", "教育")
POLICE_Q = ("公安青浦分局", "公安")
TOWNS_Q = ("各街镇", "乡镇街道")


def qingpu() -> Document:
    """青浦区: a responsibility table; row 2's title is PDF garble, rows 9 and 13 have sub-rows."""
    rows = [
        Task("table-1", "table", "1", ["完善学生安全教育体系"], "健全学 校安全教 育机制",
             "按照《中小学公共安全教育指导纲要》,落实公共安全教育课时数及应急疏散演练频次。区教师进修学院落实"
             "3名公共安全教育兼职教研员,定期开展公共安全教育教研活动。",
             units(EDU_Q), units(POLICE_Q, ("区卫生健康委", "卫生健康"), ("区应急局", "应急管理"), TOWNS_Q)),
        Task("table-2", "table", "2", ["完善学生安全教育体系"], "加学生育 中全和心教理 中本教理",
             "加强中小学生生命教育和心理健康教育,按有关规定开设心理健康活动课。每校至少配备1名专职心理健康教育"
             "教师,超过一定规模的、多校区或多学段学校应酌情增加。按照标准建立心理辅导室。",
             units(EDU_Q),
             units(("区卫生健康委", "卫生健康"), ("区妇联", "妇联"), ("区发改委", "发展改革"),
                   ("区财政局", "财政"), TOWNS_Q),
             requirements=[Requirement("每校至少配备1名专职心理健康教育教师", "专职心理健康教育教师", ">=", 1,
                                       unit="名", task="table-2")],
             flags=["garbled"]),
        Task("table-9", "table", "9", ["健全学校安全风险管控机制"], "加强学校安全保卫工作",
             "按规定配齐配强专业安保力量。学生在校期间,对校园实行封闭化管理,严格执行外来人员、车辆信息登记和"
             "出入证制度。沿街面学校出入口设置防冲撞设施。",
             units(EDU_Q), units(POLICE_Q)),
        Task("table-10", "table", "9", ["健全学校安全风险管控机制"], "加强学校安全保卫工作",
             "公安部门健全校园安全工作组织机构设置和警力配置;落实中小学、幼儿园巡逻必到点等制度;会同街镇为小学"
             "和幼儿园校门周边100米范围内配备1名社区网格巡逻保安并配防护器械。",
             units(POLICE_Q), units(EDU_Q, ("区建设管理委", "住房城乡建设"), TOWNS_Q),
             requirements=[Requirement("配备1名社区网格巡逻保安", "社区网格巡逻保安", ">=", 1, unit="名",
                                       condition="小学和幼儿园校门周边100米范围内", task="table-10")]),
        Task("table-16", "table", "13", ["健全学校安全风险管控机制"], "加强食品、饮用水卫生和传染病防控管理",
             "加强学校卫生防疫和卫生保健工作监督指导。",
             units(("区卫生健康委", "卫生健康")), []),
        Task("table-17", "table", "13", ["健全学校安全风险管控机制"], "加强食品、饮用水卫生和传染病防控管理",
             "加强学校食品以及供餐企业食品安全监管力度,加强对学校周边食品经营单位日常监管和专项整治。",
             units(("区市场监管局", "市场监管")), units(TOWNS_Q)),
        Task("table-30", "table", "23", ["保障机制"], "加强组织领导",
             "建立区委领导、区政府主导、相关部门参加的学校安全风险防控体系建设协调机制。由街镇牵头,会同公安、"
             "学校每季度至少召开1次工作会议。",
             units(("区委办", "党委办公室"), ("区府办", "政府办公室"), TOWNS_Q),
             [unit("相关职能部门", "有关部门")]),
    ]
    return Document(
        source=Source("corpora/qingpu_campus_risk_duty_table.txt", "txt", "utf-8", None, 14399),
        meta=Meta(title="《青浦区加强中小学幼儿园安全风险防控体系建设的实施方案》职责分工(送审稿)",
                  region={"province": "上海市", "county": "青浦区", "level": "county"}),
        tasks=rows,
    )


def yunnan() -> Document:
    """The upstream plan 蒙自 implements: 蒙自's 警校联动 copies it word for word; 心理健康 is reworded."""
    tasks = [
        Task("body-1", "body", "1", ["主要任务"], "强化警校联动",
             "公安部门要推动成立校园安全专门管理机构,分组明确专门警力负责校园安全。落实“一校一警”工作制度,"
             "严格执行上下学时段“高峰勤务”机制,完善校园“护学岗”警校双重管理和信息互通机制。",
             units(("省公安厅", "公安")), units(("省教育厅", "教育"))),
        Task("body-2", "body", "2", ["主要任务"], "加强学生心理健康教育",
             "推进中小学心理辅导室建设,每所中小学至少配备1名专(兼)职心理健康教师,定期开展学生心理健康测评。",
             units(("省教育厅", "教育")), units(("省卫生健康委", "卫生健康"))),
        Task("body-3", "body", "3", ["主要任务"], "加强学校周边道路交通安全管理",
             "优化学校周边道路交通管理,安装提示牌、限速牌、减速带等安全设施,严查接送学生车辆超载超速。",
             units(("省公安厅", "公安")), units(("省交通运输厅", "交通运输"))),
    ]
    return Document(
        source=Source("yunnan_campus_safety_plan_2022.txt", "txt", "utf-8", None, 3000),
        meta=Meta(title="云南省校园安全防范能力提升三年行动计划(2022-2024年)",
                  region={"province": "云南省", "level": "province"}),
        tasks=tasks,
    )


def test_fixture_documents_survive_the_parse_json():
    for doc in (mengzi(), qingpu(), yunnan()):
        back = Document.from_dict(doc.to_dict())
        assert back.to_dict() == doc.to_dict()
