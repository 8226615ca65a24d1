"""An SQLite store of parsed documents: tables documents, tasks, units, requirements, deadlines, failures,
and the long assignment table as the VIEW ``assignments``.

One transaction per document, WAL journal: a notebook can query the store
while ``policykit batch --db`` is still filling it, and a killed run leaves
only whole documents.  A document is keyed by its content (``sha256``):
adding it again replaces it, so resuming never doubles a row.

    store = Store("notices.sqlite")
    store.add(doc.to_dict())
    store.db.execute("SELECT unit, count(*) FROM assignments WHERE role = 'lead' GROUP BY unit")
    policykit.compare(list(store.documents()))
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from policykit.errors import InputError
from policykit.model import Document

SCHEMA_VERSION = "policykit.store/1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    format TEXT, encoding TEXT, chars INTEGER,
    title TEXT, issuer TEXT, doc_number TEXT, published TEXT, signed TEXT,
    province TEXT, prefecture TEXT, county TEXT, region_level TEXT,
    period_start INTEGER, period_end INTEGER,
    task_count INTEGER NOT NULL,
    warnings TEXT NOT NULL,          -- JSON list
    json TEXT NOT NULL,              -- the whole policykit.document/1 line
    added TEXT NOT NULL,             -- UTC, ISO 8601
    region_code TEXT                 -- meta.region.code: the 行政区划代码 of the deepest division known
);
CREATE TABLE IF NOT EXISTS tasks (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,       -- order in the document
    task_id TEXT NOT NULL, origin TEXT, number TEXT,
    path TEXT,                       -- JSON list of the headings above the task
    title TEXT, text TEXT, same_as TEXT,
    flags TEXT NOT NULL,             -- JSON list
    span_start INTEGER, span_end INTEGER
);
CREATE INDEX IF NOT EXISTS tasks_by_document ON tasks(document_id, task_id);
CREATE TABLE IF NOT EXISTS units (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    task_id TEXT NOT NULL,
    role TEXT NOT NULL,              -- lead | co
    position INTEGER NOT NULL,       -- order within the role
    raw TEXT, name TEXT, canonical TEXT, level TEXT, region TEXT, kind TEXT,
    known INTEGER, confidence REAL, note TEXT
);
CREATE INDEX IF NOT EXISTS units_by_document ON units(document_id, task_id);
CREATE INDEX IF NOT EXISTS units_by_canonical ON units(canonical);
CREATE TABLE IF NOT EXISTS requirements (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    task_id TEXT,                    -- NULL for the document's goals (总体目标)
    position INTEGER NOT NULL,
    text TEXT, subject TEXT, op TEXT, value NUMERIC, value_max NUMERIC, unit TEXT, period TEXT,
    per TEXT,                        -- JSON object or NULL
    condition TEXT, target INTEGER,
    flags TEXT NOT NULL,             -- JSON list
    span_start INTEGER, span_end INTEGER
);
CREATE INDEX IF NOT EXISTS requirements_by_document ON requirements(document_id, task_id);
CREATE TABLE IF NOT EXISTS deadlines (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    task_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT, date TEXT, relative TEXT
);
CREATE INDEX IF NOT EXISTS deadlines_by_document ON deadlines(document_id, task_id);
CREATE TABLE IF NOT EXISTS failures (
    path TEXT PRIMARY KEY,
    sha256 TEXT,
    reason TEXT NOT NULL,
    added TEXT NOT NULL
);
"""

_ASSIGNMENTS_VIEW = """
CREATE VIEW IF NOT EXISTS assignments AS
SELECT d.path AS document,
       coalesce(d.county, d.prefecture, d.province) AS region,
       t.task_id AS task_id,
       t.title AS task_title,
       u.role AS role,
       u.name AS unit,
       u.canonical AS canonical,
       u.kind AS kind,
       u.known AS known,
       d.id AS document_id,
       d.region_code AS region_code
FROM units AS u
JOIN tasks AS t ON t.document_id = u.document_id AND t.task_id = u.task_id
JOIN documents AS d ON d.id = u.document_id
ORDER BY d.id, t.position, u.role = 'co', u.position;
"""


_CHILD_TABLES = ("tasks", "units", "requirements", "deadlines")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _span(obj: dict[str, Any]) -> tuple[int | None, int | None]:
    span = obj.get("span") or {}
    return span.get("start"), span.get("end")


class Store:
    """A policykit SQLite store, created on first use: ``Store("notices.sqlite")``."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a power cut may lose the last documents, never corrupt the store.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(SCHEMA + _ASSIGNMENTS_VIEW)
            self._add_region_code()
            version = self._version()
        except sqlite3.DatabaseError as err:
            raise InputError(self.path, f"not a policykit SQLite store ({err})") from None
        if version is None:
            self.db.execute("INSERT INTO store_meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        elif version != SCHEMA_VERSION:
            raise InputError(self.path, f"store schema is {version}, this policykit writes {SCHEMA_VERSION}")

    def _add_region_code(self) -> None:
        """A store written before documents had ``region_code``: add the column, and to the view."""
        def has_code(table: str) -> bool:
            return "region_code" in {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}

        if has_code("documents") and has_code("assignments"):
            return
        self.db.execute("BEGIN IMMEDIATE")  # another process may be upgrading the same store
        try:
            if not has_code("documents"):
                self.db.execute("ALTER TABLE documents ADD COLUMN region_code TEXT")
            if not has_code("assignments"):
                self.db.execute("DROP VIEW IF EXISTS assignments")
                self.db.execute(_ASSIGNMENTS_VIEW)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _version(self) -> str | None:
        row = self.db.execute("SELECT value FROM store_meta WHERE key = 'schema'").fetchone()
        return row[0] if row else None

    def identity(self) -> tuple[int, int]:
        """(st_dev, st_ino) of the database file, so a folder walk can leave it out."""
        info = Path(self.path).stat()
        return (info.st_dev, info.st_ino)

    def hashes(self) -> Iterator[str]:
        """The ``sha256`` of every document stored."""
        for (sha,) in self.db.execute("SELECT sha256 FROM documents"):
            yield sha

    def documents(self) -> Iterator[Document]:
        """The stored documents, in the order they were added, ready for ``policykit.compare``."""
        for (text,) in self.db.execute("SELECT json FROM documents ORDER BY id"):
            yield Document.from_dict(json.loads(text))

    def add(self, doc: dict[str, Any], line: str | None = None) -> int:
        """Store one ``policykit.document/1`` dict in one transaction; return its ``documents.id``.

        A document with the same ``source.sha256`` is replaced, not doubled.
        """
        source = doc.get("source") or {}
        sha = source.get("sha256")
        if not sha:
            raise ValueError(f"{source.get('path')}: document has no source.sha256")
        line = line if line is not None else _json(doc)
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._delete(sha)
            doc_id = self._insert_document(doc, line)
            self._insert_children(doc_id, doc)
            db.execute("DELETE FROM failures WHERE path = ? OR sha256 = ?", (source.get("path"), sha))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return doc_id

    def add_failure(self, path: str, reason: str, sha256: str | None = None) -> None:
        """Record that ``path`` could not be parsed (a later success removes the row)."""
        self.db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?)", (path, sha256, reason, _now()))

    def _delete(self, sha: str) -> None:
        row = self.db.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
        if row is None:
            return
        # Explicit deletes: other tools open the store without PRAGMA foreign_keys.
        for table in _CHILD_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE document_id = ?", row)
        self.db.execute("DELETE FROM documents WHERE id = ?", row)

    def _insert_document(self, doc: dict[str, Any], line: str) -> int:
        source = doc.get("source") or {}
        meta = doc.get("meta") or {}
        region = meta.get("region") or {}
        period = meta.get("period") or {}
        cur = self.db.execute(
            "INSERT INTO documents (sha256, path, format, encoding, chars, title, issuer, doc_number,"
            " published, signed, province, prefecture, county, region_level, period_start, period_end,"
            " task_count, warnings, json, added, region_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                source.get("sha256"), source.get("path"), source.get("format"), source.get("encoding"),
                source.get("chars"), meta.get("title"), meta.get("issuer"), meta.get("doc_number"),
                meta.get("published"), meta.get("signed"), region.get("province"), region.get("prefecture"),
                region.get("county"), region.get("level"), period.get("start"), period.get("end"),
                len(doc.get("tasks") or []), _json(doc.get("warnings") or []), line, _now(),
                region.get("code"),
            ),
        )
        return int(cur.lastrowid or 0)

    def _insert_children(self, doc_id: int, doc: dict[str, Any]) -> None:
        tasks, units, reqs, deadlines = [], [], [], []
        for position, task in enumerate(doc.get("tasks") or []):
            tid = task.get("id")
            tasks.append((
                doc_id, position, tid, task.get("origin"), task.get("number"), _json(task.get("path") or []),
                task.get("title"), task.get("text"), task.get("same_as"), _json(task.get("flags") or []),
                *_span(task),
            ))
            for role in ("lead", "co"):
                for i, u in enumerate(task.get(role) or []):
                    units.append((
                        doc_id, tid, role, i, u.get("raw"), u.get("name"), u.get("canonical"), u.get("level"),
                        u.get("region"), u.get("kind"), _flag(u.get("known")), u.get("confidence"), u.get("note"),
                    ))
            reqs.extend(_requirement_row(doc_id, tid, i, r) for i, r in enumerate(task.get("requirements") or []))
            for i, d in enumerate(task.get("deadlines") or []):
                deadlines.append((doc_id, tid, i, d.get("text"), d.get("date"), d.get("relative")))
        reqs.extend(_requirement_row(doc_id, None, i, g) for i, g in enumerate(doc.get("goals") or []))
        db = self.db
        db.executemany("INSERT INTO tasks VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", tasks)
        db.executemany("INSERT INTO units VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", units)
        db.executemany("INSERT INTO requirements VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", reqs)
        db.executemany("INSERT INTO deadlines VALUES (?,?,?,?,?,?)", deadlines)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _flag(value: Any) -> int | None:
    return None if value is None else int(bool(value))


def _requirement_row(doc_id: int, task_id: str | None, position: int, r: dict[str, Any]) -> tuple[Any, ...]:
    per = r.get("per")
    return (
        doc_id, task_id, position, r.get("text"), r.get("subject"), r.get("op"), r.get("value"),
        r.get("value_max"), r.get("unit"), r.get("period"), _json(per) if per is not None else None,
        r.get("condition"), _flag(r.get("target")), _json(r.get("flags") or []), *_span(r),
    )
