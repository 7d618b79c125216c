"""The layers: the domain and the store never import a UI toolkit (Harlequin keeps the same
rule), checked at import time in a fresh interpreter, and the import contracts of
``pyproject.toml`` (import-linter), which also see imports inside functions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CORE_MODULES = [
    "norm_catalogue",
    "interview_assistant.domain.audit",
    "interview_assistant.domain.coverage",
    "interview_assistant.domain.merge",
    "interview_assistant.domain.note",
    "interview_assistant.domain.session",
    "interview_assistant.domain.tags",
    "interview_assistant.storage",
    "interview_assistant.services.audit",
    "interview_assistant.services.guidance",
    "interview_assistant.cli",
]


def test_core_imports_without_textual_or_prompt_toolkit() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'prompt_toolkit'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_domain_does_not_import_tinydb() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import interview_assistant.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__):\n"
        "    importlib.import_module(f'{d.__name__}.{m.name}')\n"
        "print('tinydb' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_import_contracts_are_kept() -> None:
    """The layer contracts in pyproject.toml (import-linter), also run by CI on their own."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
