"""Write errors and bad bytes: one Dutch sentence, a clear exit status, nothing half-done.

Faults are injected the way a user meets them: a file-size limit (RLIMIT_FSIZE) in a
subprocess, a full disk or a failing disk by making ``os.write``/``os.replace`` refuse,
and bytes that are not UTF-8 under a strict UTF-8 locale.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from interview_assistant.cli import main


def call(*args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(list(args))
    finally:
        sys.stdin = old_stdin
    return status, out.getvalue(), err.getvalue()


def run(data: Path, *args: str, stdin: bytes = b"", env=None, preexec_fn=None):
    return subprocess.run(
        [sys.executable, "-m", "interview_assistant", *args, "--data-dir", str(data)],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        preexec_fn=preexec_fn,
    )


@pytest.fixture
def audit(tmp_path: Path) -> tuple[str, str, str]:
    data = str(tmp_path / "data")
    _, audit_id, _ = call("audit", "new", "Stichting Proef", "--data-dir", data)
    _, session_id, _ = call(
        "session", "start", audit_id.strip(), "--auditor", "Anna", "--function", "werker",
        "--role", "P", "--data-dir", data,
    )  # fmt: skip
    return data, audit_id.strip(), session_id.strip()


def failing(monkeypatch: pytest.MonkeyPatch, name: str, code: int) -> None:
    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, name, refuse)


def one_dutch_sentence(err: str, *words: str) -> None:
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert err.startswith("Fout: ") and all(word in err for word in words), err


FAULTS = [
    ("write", errno.ENOSPC, "de schijf is vol"),
    ("write", errno.EFBIG, "groter worden dan het systeem toestaat"),
    ("write", errno.EIO, "lees- of schrijffout"),
    ("replace", errno.EPERM, "staat dit niet toe"),
    ("replace", errno.EROFS, "alleen-lezen"),
    ("replace", errno.EXDEV, "andere schijf"),
]


@pytest.mark.parametrize(("call_name", "code", "reason"), FAULTS)
def test_every_saving_command_says_what_was_not_saved_and_why(
    audit, monkeypatch: pytest.MonkeyPatch, call_name: str, code: int, reason: str
) -> None:
    data, audit_id, session_id = audit
    before = sorted(
        str(p.relative_to(data)) for p in Path(data).rglob("*") if ".lock" not in p.name
    )
    attempts = {
        "De notitie": ("note", audit_id, session_id, "Inwerkmap gezien #V2"),
        "De nieuwe sessie": (
            "session", "start", audit_id, "--auditor", "Bram", "--function", "coach", "--role", "P",
        ),
        "Het oordeel": ("verdict", audit_id, "V1", "voldoet", "--finding", "Op orde."),
        "Het trendpunt": ("trend", "add", audit_id, "sterk", "Goede inwerkmap"),
        "De nieuwe audit": ("audit", "new", "Stichting Twee"),
    }  # fmt: skip
    failing(monkeypatch, call_name, code)
    for what, args in attempts.items():
        status, out, err = call(*args, "--data-dir", data)
        assert (status, out) == (1, ""), (args, err)
        one_dutch_sentence(err, what, "niet opgeslagen", reason)
    monkeypatch.undo()
    after = sorted(str(p.relative_to(data)) for p in Path(data).rglob("*") if ".lock" not in p.name)
    assert after == before  # no new audit folder, no session, no stray temp file
    shown = json.loads(call("audit", "show", audit_id, "--json", "--data-dir", data)[1])
    assert [s["id"] for s in shown["sessions"]] == [session_id]
    assert shown["team"] == ["Anna"] and shown["sessions"][0]["notes"] == 0


def stored_ids(data: str, audit_id: str, session_id: str) -> list[str]:
    _, out, _ = call("session", "show", audit_id, session_id, "--json", "--data-dir", data)
    return [note["id"] for note in json.loads(out)["notes"]]


def limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_note_lines_stop_where_the_file_size_limit_is_hit(audit) -> None:
    data, audit_id, session_id = audit
    size = Path(data, "audits", audit_id, "sessions", f"{session_id}.json").stat().st_size
    lines = "".join(f"Notitie {i} over de inwerkmap #V{i % 15 + 1}\n" for i in range(3000))
    result = run(
        Path(data), "note", audit_id, session_id, "-",
        stdin=lines.encode(), preexec_fn=limit_file_size(size + 200_000),
    )  # fmt: skip
    err = result.stderr.decode()
    assert result.returncode == 1, err
    one_dutch_sentence(
        err, "niet opgeslagen", "groter worden dan het systeem toestaat", "vanaf regel"
    )
    printed = result.stdout.decode().split()
    assert 0 < len(printed) < 3000
    assert printed == stored_ids(data, audit_id, session_id)  # exactly the stored lines
    first_missing = int(err.split("vanaf regel ")[1].split()[0])
    assert first_missing == len(printed) + 1


def test_note_lines_with_bytes_that_are_not_utf8_stop_at_that_line(audit) -> None:
    data, audit_id, session_id = audit
    text = "Eerste regel #V1\nTweede regel #V2\nDerde r\xe9gel #V3\nVierde #V4\n"
    result = run(
        Path(data), "note", audit_id, session_id, "-",
        stdin=text.encode("cp1252"), env={"LC_ALL": "C.UTF-8", "PYTHONUTF8": "0"},
    )  # fmt: skip
    err = result.stderr.decode()
    assert result.returncode == 2 and "regel 3:" in err and "UTF-8" in err, err
    assert "Traceback" not in err
    assert result.stdout.decode().split() == stored_ids(data, audit_id, session_id)
    assert len(stored_ids(data, audit_id, session_id)) == 2


def test_line_mode_names_a_line_that_is_not_utf8(audit) -> None:
    data, audit_id, session_id = audit
    text = "Eerste regel #V1\nDerde r\xe9gel #V3\n"
    result = run(
        Path(data), "chat", audit_id, "--session", session_id, "--plain",
        stdin=text.encode("cp1252"), env={"LC_ALL": "C.UTF-8", "PYTHONUTF8": "0"},
    )  # fmt: skip
    err = result.stderr.decode()
    assert result.returncode == 2 and "regel 2:" in err and "UTF-8" in err, err
    assert "Traceback" not in err
    assert len(stored_ids(data, audit_id, session_id)) == 1


def test_an_argument_that_is_not_utf8_is_refused_before_anything_is_stored(audit) -> None:
    data, _, _ = audit
    bad = os.fsdecode(b"Stichting W\xe9lzijn")
    result = run(Path(data), "audit", "new", bad, env={"LC_ALL": "C.UTF-8"})
    assert result.returncode == 2
    one_dutch_sentence(result.stderr.decode(), "ORGANISATIE", "UTF-8")
    assert len(list(Path(data, "audits").iterdir())) == 1
