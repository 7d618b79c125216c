"""Control codes, bidi overrides and markup in user text never reach a terminal raw.

Notes, names and findings travel in teammates' bundles, so any of them may hold an
escape sequence that clears the screen, sets the window title or plants a link.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from interview_assistant.cli import main
from interview_assistant.domain.safe_text import for_terminal, without_bidi_controls

#: what a terminal acts on: C0 but newline and tab, DEL, C1, bidi controls, surrogates
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

CLEAR_SCREEN = "\x1b[2J\x1b[H"
SET_TITLE = "\x1b]0;pwned\x07"
LINK = "\x1b]8;;https://evil.example/\x1b\\klik\x1b]8;;\x1b\\"
C1_CSI = "\x9b31m"
BIDI = "\u202egnirts\u202c \u2066x\u2069"
HOSTILE = f"Jeugd{CLEAR_SCREEN}{SET_TITLE}{LINK}{C1_CSI}{BIDI}\r[b]vet[/b] [/]"


def test_escape_sequences_are_shown_not_obeyed() -> None:
    shown = for_terminal(HOSTILE)
    assert not RAW_CONTROL.search(shown)
    assert "\\u001b[2J" in shown and "\\u202e" in shown and "[b]vet[/b]" in shown


def test_newline_and_tab_kept_only_where_the_field_allows_them() -> None:
    assert for_terminal("a\nb\tc") == "a\nb\tc"
    assert for_terminal("a\nb\tc", keep="") == "a\\u000ab\\u0009c"


def test_reports_lose_bidi_overrides_but_keep_ordinary_text() -> None:
    assert without_bidi_controls("Stichting \u202eXYZ\u202c") == "Stichting \\u202eXYZ\\u202c"
    assert without_bidi_controls("Stichting Welzijn Oost") == "Stichting Welzijn Oost"


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "interview_assistant", *args, "--data-dir", str(data_dir)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
    )


def test_every_command_that_prints_neutralises_hostile_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    audit = run(data, "audit", "new", HOSTILE).stdout.strip()
    started = run(
        data, "session", "start", audit, "--auditor", HOSTILE, "--function", HOSTILE,
        "--role", "P", "--location", HOSTILE,
    )  # fmt: skip
    session = started.stdout.strip()
    assert started.returncode == 0, started.stderr
    assert run(data, "note", audit, session, HOSTILE + " #V1").returncode == 0
    assert run(data, "verdict", audit, "V1", "voldoet", "--finding", HOSTILE).returncode == 0
    assert run(data, "trend", "add", audit, "sterk", HOSTILE).returncode == 0
    commands = [
        ("audit", "list"),
        ("audit", "show", audit),
        ("session", "show", audit, session),
        ("verdicts", audit),
        ("trend", "list", audit),
        ("coverage", audit),
        ("report", audit, "--format", "md", "-o", "-"),
        ("note", audit, session, HOSTILE + " #Q99"),  # refused: the error quotes the text
        ("audit", "show", HOSTILE),  # not found: the error names what was asked
    ]
    for command in commands:
        result = run(data, *command)
        for stream in (result.stdout, result.stderr):
            assert not RAW_CONTROL.search(stream), (command, stream)
    shown = run(data, "session", "show", audit, session).stdout
    assert "Locatie: Jeugd\\u001b[2J" in shown
    notes_part = shown.split("\n\n", 1)[0]  # the interview summary follows a blank line
    assert len(notes_part.splitlines()) == 6  # the carriage return did not fake a line either


def test_json_output_keeps_the_text_exact(tmp_path: Path) -> None:
    data = tmp_path / "data"
    audit = run(data, "audit", "new", HOSTILE).stdout.strip()
    result = run(data, "audit", "show", audit, "--json")
    assert not RAW_CONTROL.search(result.stdout)
    assert json.loads(result.stdout)["organisation"] == HOSTILE.strip()


def call(*args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(list(args))
    finally:
        sys.stdin = old_stdin
    return status, out.getvalue(), err.getvalue()


def new_audit() -> tuple[str, str, str]:
    data = tempfile.mkdtemp(prefix="terminal-safety-")
    _, audit, _ = call("audit", "new", "Stichting Proef", "--data-dir", data)
    audit = audit.strip()
    _, session, _ = call(
        "session", "start", audit, "--auditor", "Anna", "--function", "werker", "--role", "P",
        "--data-dir", data,
    )  # fmt: skip
    return data, audit, session.strip()


ANY_TEXT = st.one_of(
    st.text(max_size=200),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=100),  # surrogates too
    st.text(st.sampled_from(list("\x1b\x9b\x9d\x07\r\n\t[]/\u202e\u2066ab #V1@-")), max_size=60),
    st.integers(min_value=90_000, max_value=100_000).map(lambda n: ("\x1b[2J[b]" * n)[:n]),
)


@settings(max_examples=20, deadline=None)
@given(text=ANY_TEXT)
def test_arbitrary_text_never_crashes_and_never_reaches_the_terminal_raw(text: str) -> None:
    data, audit, session = new_audit()
    try:
        runs = [
            call("note", audit, session, "--data-dir", data, "--", text),
            call("note", audit, session, "-", "--data-dir", data, stdin=text),
            call("verdict", audit, "V1", "voldoet", f"--finding={text}", "--data-dir", data),
            call("trend", "add", audit, "zorg", "--data-dir", data, "--", text),
            call("session", "show", audit, session, "--data-dir", data),
            call("trend", "list", audit, "--data-dir", data),
            call("verdicts", audit, "--data-dir", data),
            call("report", audit, "--format", "md", "-o", "-", "--data-dir", data),
            call("report", audit, "--format", "html", "-o", "-", "--data-dir", data),
        ]
    finally:
        shutil.rmtree(data)
    for status, out, err in runs:
        assert status in (0, 1, 2)
        assert not RAW_CONTROL.search(out) and not RAW_CONTROL.search(err)


def test_reports_carry_no_bidi_override_and_json_keeps_the_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    organisation = "Stichting \u202eNOORD\u202c Welzijn"
    audit = run(data, "audit", "new", organisation).stdout.strip()
    run(data, "verdict", audit, "V1", "voldoet", "--finding", "Zie \u2066map\u2069.")
    for fmt in ("md", "html", "json"):
        output = tmp_path / f"rapport.{fmt}"
        assert run(data, "report", audit, "--format", fmt, "-o", str(output)).returncode == 0
        text = output.read_text(encoding="utf-8")
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", text), fmt
    summary = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))
    assert organisation in json.dumps(summary, ensure_ascii=False)
