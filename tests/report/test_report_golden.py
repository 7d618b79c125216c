"""The draft report of the fixture audit, byte for byte, in each text format.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/report`` and
read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from interview_assistant.report import render

GOLDEN = Path(__file__).with_name("golden")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_report_matches_golden(review, fmt: str) -> None:
    produced = render(review.report_model(), fmt).decode("utf-8")
    golden = GOLDEN / f"fixture.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")
