"""A lead auditor and team members, each with their own data folder (their own laptop)."""

from __future__ import annotations

from pathlib import Path

import pytest
from laptops import Laptop

from interview_assistant.services.audit import create_audit


@pytest.fixture
def lead(tmp_path: Path) -> Laptop:
    return Laptop(tmp_path / "lead", "Anna")


@pytest.fixture
def bram(tmp_path: Path) -> Laptop:
    return Laptop(tmp_path / "bram", "Bram")


@pytest.fixture
def cees(tmp_path: Path) -> Laptop:
    return Laptop(tmp_path / "cees", "Cees")


@pytest.fixture
def audit_id(lead: Laptop) -> str:
    audit = create_audit(lead.store, "Stichting Welzijn Oost", team=["Anna"])
    notes = ["Visie besproken #O2 @doc", "Team is trots #V3 !compliment"]
    lead.interview(audit.id, "teamcoach", notes)
    return audit.id
