"""Documents from files: plan files, or what ``policykit parse`` wrote.

``.json`` holds one ``policykit.document/1`` object or a list of them;
``.jsonl`` one per line.  Any other file is a plan and goes through
``policykit.parse``.  ``compare`` and ``units --doc`` read their inputs here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from policykit.errors import InputError
from policykit.model import SCHEMA, Document


def _document(path: str, data: Any, where: str) -> Document:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise InputError(path, f"{where}is not a {SCHEMA} document (found {found!r})")
    try:
        return Document.from_dict(data)
    except (KeyError, TypeError, ValueError) as err:
        raise InputError(path, f"{where}is a broken {SCHEMA} document: {type(err).__name__}: {err}") from err


def _read_json_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise InputError(path, "no such file") from err
    except UnicodeDecodeError as err:
        raise InputError(path, f"not UTF-8 JSON ({err.reason} at byte {err.start})") from err
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from err


def load_json(path: str) -> list[Document]:
    """A ``parse`` JSON file: one document, or a list of them."""
    text = _read_json_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(path, f"not valid JSON: {err.msg} at line {err.lineno}") from err
    items = data if isinstance(data, list) else [data]
    if not items:
        raise InputError(path, f"holds no {SCHEMA} document (an empty list)")
    return [_document(path, item, f"item {i + 1} " if isinstance(data, list) else "")
            for i, item in enumerate(items)]


def load_jsonl(path: str) -> list[Document]:
    """A ``parse -f jsonl`` file: one document per line (blank lines skipped)."""
    docs = []
    for n, line in enumerate(_read_json_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(path, f"line {n} is not valid JSON: {err.msg}") from err
        docs.append(_document(path, data, f"line {n} "))
    if not docs:
        raise InputError(path, f"holds no {SCHEMA} document (no lines)")
    return docs


def load(path: str | Path) -> list[Document]:
    """One input file → its documents (a plan file gives exactly one)."""
    name = str(path)
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return load_json(name)
    if suffix == ".jsonl":
        return load_jsonl(name)
    from policykit.parsing import parse

    return [parse(name)]
