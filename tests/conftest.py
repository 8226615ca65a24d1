from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
MENGZI = CORPORA / "mengzi_campus_safety_plan_2023.txt"
QINGPU = CORPORA / "qingpu_campus_risk_duty_table.txt"


@pytest.fixture(scope="session")
def mengzi_path() -> Path:
    return MENGZI


@pytest.fixture(scope="session")
def qingpu_path() -> Path:
    return QINGPU
