"""The review, exchange and report modules stay free of UI toolkits (the TUI builds on them)."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "interview_assistant.domain.assessment",
    "interview_assistant.services.review",
    "interview_assistant.exchange",
    "interview_assistant.report",
    "interview_assistant.report.word",
    "interview_assistant.review_commands",
]


def test_review_exchange_and_report_import_without_textual_or_prompt_toolkit() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'prompt_toolkit'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
