"""The conversation runs without prompt-toolkit, and the CLI does not load it to start up."""

from __future__ import annotations

import subprocess
import sys

WITHOUT_PROMPT_TOOLKIT = [
    "interview_assistant.line.chat",
    "interview_assistant.line.setup",
    "interview_assistant.line.loop",
    "interview_assistant.line.plain",
    "interview_assistant.line.commands",
]


def test_chat_and_plain_mode_do_not_import_prompt_toolkit() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {WITHOUT_PROMPT_TOOLKIT!r}: importlib.import_module(name)\n"
        "import interview_assistant.cli as cli; cli.build_parser()\n"
        "print(sorted(m for m in sys.modules if m.startswith('prompt_toolkit')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
