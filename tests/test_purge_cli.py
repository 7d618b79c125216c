"""``purge`` on the command line, run as a user would: in a subprocess (and on a terminal)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

NAME = "Joop Zoetemelk"


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "interview_assistant", *args, "--data-dir", str(data_dir)],
        input=stdin,
        capture_output=True,
        text=True,
    )


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def named(tmp_path: Path) -> tuple[Path, str, str, str]:
    """An audit whose session holds a note naming someone, edited once, and another note."""
    data_dir = tmp_path / "cli"
    audit_id = ok(run(data_dir, "audit", "new", "Stichting Welzijn Oost"))
    args = ["--auditor", "Anna", "--function", "sociaal werker", "--role", "P"]
    session_id = ok(run(data_dir, "session", "start", audit_id, *args))
    ok(run(data_dir, "note", audit_id, session_id, "Inwerkmap gezien #V2 @doc"))
    note_id = ok(run(data_dir, "note", audit_id, session_id, f"{NAME} vertelde #V1"))
    return data_dir, audit_id, session_id, note_id


def disk(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())


def shown_notes(data_dir: Path, audit_id: str, session_id: str) -> list[str]:
    shown = run(data_dir, "session", "show", audit_id, session_id, "--json")
    return [n["text"] for n in json.loads(ok(shown))["notes"]]


def test_purge_with_yes_takes_the_text_off_the_disk(named) -> None:
    data_dir, audit_id, session_id, note_id = named
    assert NAME.encode() in disk(data_dir)
    result = run(data_dir, "purge", audit_id[:6], session_id[:6], note_id[:8], "--yes")
    assert ok(result) == f"Notitie {note_id} is definitief gewist."
    assert NAME.encode() not in disk(data_dir)
    assert shown_notes(data_dir, audit_id, session_id) == ["Inwerkmap gezien #V2 @doc"]
    coverage = json.loads(ok(run(data_dir, "coverage", audit_id, "--json")))
    assert coverage["norms"]["V1"]["sources"] == 0
    assert coverage["norms"]["V2"]["sources"] == 1


def test_purge_from_a_script_without_yes_is_refused(named) -> None:
    data_dir, audit_id, session_id, note_id = named
    result = run(data_dir, "purge", audit_id, session_id, note_id, stdin="j\n")
    assert result.returncode == 2
    assert "--yes" in result.stderr and "terminal" in result.stderr
    assert NAME.encode() in disk(data_dir)


@pytest.mark.parametrize(
    ("which", "expected"),
    [("audit", "Audit 'ffff'"), ("session", "Sessie 'ffff'"), ("note", "Notitie 'ffff'")],
)
def test_unknown_audit_session_or_note_is_a_dutch_error(named, which, expected) -> None:
    data_dir, audit_id, session_id, note_id = named
    ids = {"audit": audit_id, "session": session_id, "note": note_id, which: "ffff"}
    result = run(data_dir, "purge", ids["audit"], ids["session"], ids["note"], "--yes")
    assert result.returncode == 2
    assert expected in result.stderr and "bestaat niet" in result.stderr
    assert "Traceback" not in result.stderr
    assert NAME.encode() in disk(data_dir)


def _on_a_terminal(data_dir: Path, args: list[str], answer: str) -> tuple[int, str]:
    """Run the CLI with a pseudo-terminal as stdin and stdout; type ``answer`` at the prompt."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "interview_assistant", *args, "--data-dir", str(data_dir)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        close_fds=True,
    )
    os.close(follower)
    output = b""
    deadline = time.monotonic() + 60
    while b"[j/N]" not in output and time.monotonic() < deadline:
        try:
            output += os.read(leader, 4096)
        except OSError:
            break
    os.write(leader, answer.encode() + b"\r")
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    return process.wait(timeout=60), output.decode("utf-8", "replace")


def test_on_a_terminal_purge_asks_first_and_no_keeps_the_note(named) -> None:
    data_dir, audit_id, session_id, note_id = named
    status, output = _on_a_terminal(data_dir, ["purge", audit_id, session_id, note_id], "n")
    assert "Weet u het zeker? [j/N]" in output and "niet ongedaan" in output
    assert NAME in output  # the note is shown before the question
    assert status == 1 and "Niets gewist." in output
    assert NAME.encode() in disk(data_dir)
    status, output = _on_a_terminal(data_dir, ["purge", audit_id, session_id, note_id], "j")
    assert status == 0 and "definitief gewist" in output
    assert NAME.encode() not in disk(data_dir)


def test_a_set_aside_copy_with_the_text_is_named_on_stderr(named) -> None:
    data_dir, audit_id, session_id, note_id = named
    session_file = data_dir / "audits" / audit_id / "sessions" / f"{session_id}.json"
    quarantine = session_file.parent.parent / "quarantine"
    quarantine.mkdir()
    copy = quarantine / f"{session_id}.json.20260101T000000000000"
    copy.write_bytes(session_file.read_bytes()[:-10])
    result = run(data_dir, "purge", audit_id, session_id, note_id, "--yes")
    assert result.returncode == 0
    assert str(copy) in result.stderr and "apart gezet" in result.stderr
    assert NAME.encode() in copy.read_bytes()
