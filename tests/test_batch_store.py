"""The SQLite store an analyst queries: documents, tasks, units, requirements and the assignments view."""

from __future__ import annotations

import sqlite3

import pytest

from policykit.errors import InputError
from policykit.model import Deadline, Document, Meta, Requirement, Source, Span, Task, Unit
from policykit.store import Store


def _unit(raw: str, name: str, canonical: str | None, level: str | None, region: str | None,
          kind: str = "government", known: bool = True) -> Unit:
    return Unit(raw=raw, name=name, canonical=canonical, level=level, region=region, kind=kind, known=known,
                confidence=1.0 if known else 0.0)


def mengzi_doc() -> Document:
    """Task 1 of the Mengzi plan as the parser gives it: trailer (牵头单位:市教育体育局;责任单位:…)."""
    task = Task(
        id="body-1", origin="body", number="1", path=["主要任务", "建立健全校园安全管理责任制"],
        title="完善校园安全管理责任制", text="按照“党政同责、一岗双责、齐抓共管、失职追责”…",
        lead=[_unit("市教育体育局", "市教育体育局", "教育", "市", "蒙自")],
        co=[_unit("市公安局", "市公安局", "公安", "市", "蒙自"),
            _unit("市司法局", "市司法局", "司法", "市", "蒙自"),
            _unit("各乡镇(街道)", "各乡镇(街道)", "乡镇街道", None, "蒙自", kind="township")],
        deadlines=[Deadline("2024年底", "2024-12-31")],
        span=Span(1210, 1502),
    )
    goal = Requirement(text="全市涉校涉生安全事故同比下降", subject="涉校涉生安全事故", op="<", value=None,
                       target=True)
    meta = Meta(title="蒙自市校园安全防范能力提升三年行动计划工作方案", issuer="蒙自市人民政府办公室",
                doc_number="蒙政办发〔2023〕37号", published="2023-05-09",
                region={"province": "云南省", "prefecture": "红河哈尼族彝族自治州", "county": "蒙自市",
                        "level": "county"},
                period={"start": 2022, "end": 2024})
    return Document(Source("notices/mengzi.txt", "txt", "utf-8", "a" * 64, 33000), meta, tasks=[task],
                    goals=[goal])


def qingpu_doc() -> Document:
    """Row 2 of the Qingpu duty table: 区教育局 leads, a wrapped 区卫生健康 委 co-operates."""
    task = Task(
        id="table-2", origin="table", number="2", path=["完善学及预体系"], title="加强学生心理健康教育",
        text="每校至少配备1名专职心理健康教育教师",
        lead=[_unit("区教育局", "区教育局", "教育", "区", "青浦")],
        co=[_unit("区卫生健康 委", "区卫生健康委", "卫生健康", "区", "青浦"),
            _unit("区妇联", "区妇联", "妇联", "区", "青浦", kind="mass"),
            _unit("区心理中心", "区心理中心", None, "区", "青浦", kind="other", known=False)],
        requirements=[Requirement(text="每校至少配备1名专职心理健康教育教师", subject="专职心理健康教育教师",
                                  op=">=", value=1, unit="名", task="table-2", span=Span(40, 58))],
    )
    meta = Meta(region={"province": "上海市", "prefecture": None, "county": "青浦区", "level": "county"})
    return Document(Source("notices/qingpu.txt", "txt", "gb18030", "b" * 64, 14000), meta, tasks=[task])


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "notices.sqlite") as s:
        s.add(mengzi_doc().to_dict())
        s.add(qingpu_doc().to_dict())
        yield s


def test_assignments_view_is_the_long_table(store):
    rows = store.db.execute(
        "SELECT document, region, task_id, task_title, role, unit, canonical, kind FROM assignments"
    ).fetchall()
    assert rows == [
        ("notices/mengzi.txt", "蒙自市", "body-1", "完善校园安全管理责任制", "lead", "市教育体育局", "教育", "government"),
        ("notices/mengzi.txt", "蒙自市", "body-1", "完善校园安全管理责任制", "co", "市公安局", "公安", "government"),
        ("notices/mengzi.txt", "蒙自市", "body-1", "完善校园安全管理责任制", "co", "市司法局", "司法", "government"),
        ("notices/mengzi.txt", "蒙自市", "body-1", "完善校园安全管理责任制", "co", "各乡镇(街道)", "乡镇街道",
         "township"),
        ("notices/qingpu.txt", "青浦区", "table-2", "加强学生心理健康教育", "lead", "区教育局", "教育", "government"),
        ("notices/qingpu.txt", "青浦区", "table-2", "加强学生心理健康教育", "co", "区卫生健康委", "卫生健康",
         "government"),
        ("notices/qingpu.txt", "青浦区", "table-2", "加强学生心理健康教育", "co", "区妇联", "妇联", "mass"),
        ("notices/qingpu.txt", "青浦区", "table-2", "加强学生心理健康教育", "co", "区心理中心", None, "other"),
    ]


def test_lead_units_by_function_across_regions(store):
    rows = store.db.execute(
        "SELECT canonical, group_concat(region, ',') FROM assignments WHERE role = 'lead' GROUP BY canonical"
    ).fetchall()
    assert rows == [("教育", "蒙自市,青浦区")]


def test_units_keep_raw_and_repaired_names(store):
    row = store.db.execute("SELECT raw, name, known, confidence FROM units WHERE canonical = '卫生健康'").fetchone()
    assert row == ("区卫生健康 委", "区卫生健康委", 1, 1.0)
    assert store.db.execute("SELECT name, known FROM units WHERE canonical IS NULL").fetchall() == [("区心理中心", 0)]


def test_requirements_and_goals(store):
    rows = store.db.execute(
        "SELECT d.county, r.task_id, r.subject, r.op, r.value, r.unit, r.target, r.span_start, r.span_end"
        " FROM requirements r JOIN documents d ON d.id = r.document_id ORDER BY d.id"
    ).fetchall()
    assert rows == [
        ("蒙自市", None, "涉校涉生安全事故", "<", None, None, 1, None, None),
        ("青浦区", "table-2", "专职心理健康教育教师", ">=", 1, "名", 0, 40, 58),
    ]


def test_documents_row_and_deadlines(store):
    row = store.db.execute(
        "SELECT path, format, encoding, title, doc_number, published, province, prefecture, county, "
        "period_start, period_end, task_count FROM documents WHERE county = '蒙自市'"
    ).fetchone()
    assert row == ("notices/mengzi.txt", "txt", "utf-8", "蒙自市校园安全防范能力提升三年行动计划工作方案",
                   "蒙政办发〔2023〕37号", "2023-05-09", "云南省", "红河哈尼族彝族自治州", "蒙自市", 2022, 2024, 1)
    assert store.db.execute("SELECT task_id, text, date FROM deadlines").fetchall() == [
        ("body-1", "2024年底", "2024-12-31")]
    assert store.db.execute("SELECT path, span_start, span_end FROM tasks WHERE task_id = 'body-1'").fetchone() == (
        '["主要任务", "建立健全校园安全管理责任制"]', 1210, 1502)


def test_adding_the_same_content_again_replaces_it(store):
    moved = mengzi_doc()
    moved.source.path = "notices/2023/mengzi.txt"
    store.add(moved.to_dict())
    assert store.db.execute("SELECT path FROM documents ORDER BY id").fetchall() == [
        ("notices/qingpu.txt",), ("notices/2023/mengzi.txt",)]
    assert store.db.execute("SELECT count(*) FROM units").fetchone() == (8,)
    assert sorted(store.hashes()) == ["a" * 64, "b" * 64]


def test_success_clears_an_earlier_failure(store):
    store.add_failure("notices/new.txt", "binary data, not text", "c" * 64)
    store.add_failure("notices/mengzi.txt", "internal error: KeyError: 'x'", "a" * 64)
    store.add(mengzi_doc().to_dict())
    assert store.db.execute("SELECT path, reason FROM failures").fetchall() == [
        ("notices/new.txt", "binary data, not text")]


def test_store_is_readable_by_another_connection_while_open(store, tmp_path):
    reader = sqlite3.connect(tmp_path / "notices.sqlite")
    assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert reader.execute("SELECT count(*) FROM assignments").fetchone() == (8,)
    reader.close()


def test_a_file_that_is_not_a_store_is_one_clear_error(tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("这不是数据库\n" * 200, encoding="utf-8")
    with pytest.raises(InputError) as err:
        Store(notes)
    assert str(err.value) == f"{notes}: not a policykit SQLite store (file is not a database)"


def test_documents_come_back_as_they_went_in(store):
    docs = list(store.documents())
    assert [d.to_dict() for d in docs] == [mengzi_doc().to_dict(), qingpu_doc().to_dict()]
