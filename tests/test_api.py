"""The library API is the CLI's twin: policykit.parse / compare / draft stay plain functions."""

from __future__ import annotations

import importlib

import policykit


def test_api_functions_survive_importing_the_implementation_modules():
    for module in ("policykit.parsing", "policykit.comparison.tables", "policykit.drafting.adapt", "policykit.readers.docx"):
        importlib.import_module(module)
    assert callable(policykit.parse) and policykit.parse.__module__ == "policykit"
    assert callable(policykit.compare) and policykit.compare.__module__ == "policykit"
    assert callable(policykit.draft) and policykit.draft.__module__ == "policykit"


def test_compare_and_draft_through_the_api(mengzi_path, qingpu_path):
    docs = [policykit.parse(mengzi_path), policykit.parse(qingpu_path)]
    comparison = policykit.compare(docs)
    assert len(comparison.documents) == 2
    result = policykit.draft(docs[0], "corpora/profiles/jianshui.toml")
    assert result.docx()[:2] == b"PK"
