"""``search AUDIT TEXT``: the note search from the command line, run in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(data_dir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "interview_assistant", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


def start_session(data_dir: Path, audit_id: str) -> str:
    args = ["session", "start", audit_id[:6], "--auditor", "Anna", "--function", "sociaal werker"]
    return run(data_dir, *args, "--role", "P").stdout.strip()


@pytest.fixture
def audit(tmp_path: Path) -> tuple[Path, str, str, str]:
    data_dir = tmp_path / "cli"
    audit_id = run(data_dir, "audit", "new", "Stichting Welzijn Oost").stdout.strip()
    worker = start_session(data_dir, audit_id)
    args = ["session", "start", audit_id, "--auditor", "Bert", "--function", "manager"]
    manager = run(data_dir, *args, "--role", "Mng").stdout.strip()
    for session, text in [
        (worker, "De wachtlijst is te lang #V3 !knelpunt !suggestie"),
        (worker, "Klachtenregeling besproken #O13 @voorbeeld"),
        (manager, "Wachtlijst staat op de agenda van het MT #V3"),
        (manager, "Evil \x1b[31mrood\x1b[0m en \u202eomgekeerd wachtlijst #V4"),
    ]:
        run(data_dir, "note", audit_id, session, text)
    return data_dir, audit_id, worker, manager


def test_text_output_names_session_function_auditor_and_tags(audit) -> None:
    data_dir, audit_id, worker, _ = audit
    lines = run(data_dir, "search", audit_id[:6], "wachtlijst !suggestie").stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(worker)
    assert "sociaal werker (Anna)" in lines[0] and "[V3 knelpunt suggestie]" in lines[0]
    assert "De wachtlijst is te lang" in lines[0]


def test_a_typo_and_the_options_narrow_like_tags(audit) -> None:
    data_dir, audit_id, _, manager = audit
    out = run(data_dir, "search", audit_id, "wachtlyjst", "--norm", "v3", "--role", "Mng").stdout
    assert out.splitlines() == [line for line in out.splitlines() if line.startswith(manager)]
    assert "MT" in out and len(out.splitlines()) == 1
    out = run(data_dir, "search", audit_id, "--kind", "knelpunt", "--auditor", "anna").stdout
    assert len(out.splitlines()) == 1 and "te lang" in out


def test_json_is_a_list_of_notes_with_session_function_and_norms(audit) -> None:
    data_dir, audit_id, worker, manager = audit
    found = json.loads(run(data_dir, "search", audit_id, "wachtlijst", "--json").stdout)
    assert {hit["session"] for hit in found} == {worker, manager}
    first = next(hit for hit in found if hit["session"] == worker)
    assert first["function"] == "sociaal werker" and first["norms"] == ["V3"]
    assert first["kinds"] == ["knelpunt", "suggestie"] and first["auditor"] == "Anna"
    assert first["text"] == "De wachtlijst is te lang #V3 !knelpunt !suggestie"
    start, end = first["spans"][0]
    assert first["text"][start:end] == "wachtlijst"
    assert json.loads(run(data_dir, "search", audit_id, "olifant", "--json").stdout) == []


def test_text_output_is_terminal_safe(audit) -> None:
    data_dir, audit_id, _, _ = audit
    out = run(data_dir, "search", audit_id, "omgekeerd").stdout
    assert "\x1b" not in out and "\u202e" not in out and "rood" in out


def test_bad_options_and_an_empty_query_are_usage_errors_in_dutch(audit) -> None:
    data_dir, audit_id, _, _ = audit
    bad = run(data_dir, "search", audit_id, "x", "--norm", "V99", check=False)
    assert bad.returncode == 2 and "Onbekende norm 'V99'" in bad.stderr
    bad = run(data_dir, "search", audit_id, "x", "--kind", "idee", check=False)
    assert bad.returncode == 2 and "Onbekende soort 'idee'" in bad.stderr
    empty = run(data_dir, "search", audit_id, check=False)
    assert empty.returncode == 2 and "zoektekst" in empty.stderr
    none = run(data_dir, "search", audit_id, "olifant #V99")
    assert none.stdout == "" and "Geen notities gevonden" in none.stderr
    assert "#V99" in none.stderr
