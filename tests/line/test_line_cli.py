"""``interview-assistant chat`` as a user runs it: piped (scripts) and on a real terminal."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def cli(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "interview_assistant", *args, "--data-dir", str(data_dir)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def audit(tmp_path: Path) -> tuple[Path, str]:
    data_dir = tmp_path / "cli"
    audit_id = cli(data_dir, "audit", "new", "Stichting Welzijn Oost").stdout.strip()
    return data_dir, audit_id


def shown(data_dir: Path, audit_id: str, session_id: str) -> dict:
    result = cli(data_dir, "session", "show", audit_id, session_id, "--json")
    return json.loads(result.stdout)


def test_piped_lines_start_a_session_and_store_the_notes(audit) -> None:
    data_dir, audit_id = audit
    script = "Anna\n\nbuurtwerker\nP\nEerste notitie\nTweede #D2 @obs\n/volgende\nDerde\n"
    result = cli(data_dir, "chat", audit_id[:5], stdin=script)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "no terminal warnings from prompt-toolkit"
    assert "\x1b" not in result.stdout, "plain text, no terminal codes"
    out = result.stdout.splitlines()
    started = next(line for line in out if line.startswith("Gesprek gestart (sessie "))
    session_id = started.removeprefix("Gesprek gestart (sessie ").removesuffix(").")
    assert [line for line in out if line.startswith("Opgeslagen ")][1].endswith(
        "— D2: 1 van 3 bronnen, 1 feitelijk."
    )
    assert out[-1] == f"Gesprek beëindigd: 3 notities opgeslagen in sessie {session_id}."

    session = shown(data_dir, audit_id, session_id)
    assert session["interviewees"] == [{"function": "buurtwerker", "roles": ["P"]}]
    assert session["ended"] is not None, "the end of input ends the session"
    assert [(n["text"], n["norms"]) for n in session["notes"]] == [
        ("Eerste notitie", ["V1"]),
        ("Tweede #D2 @obs", ["D2"]),
        ("Derde", ["V2"]),
    ]


def test_piped_into_an_existing_session_with_a_bad_tag(audit) -> None:
    data_dir, audit_id = audit
    session_id = cli(
        data_dir,
        "session",
        "start",
        audit_id,
        "--auditor",
        "Bert",
        "--function",
        "coach",
        "--role",
        "Mng",
    ).stdout.strip()
    result = cli(
        data_dir,
        "chat",
        audit_id,
        "--session",
        session_id[:4],
        stdin="Goed #V99\nGoed #O1 @doc\n/stop\nna de stop\n",
    )
    assert result.returncode == 2, "a rejected note makes the script fail"
    assert "Niet opgeslagen: Onbekende norm '#V99'" in result.stdout
    notes = shown(data_dir, audit_id, session_id)["notes"]
    assert [n["text"] for n in notes] == ["Goed #O1 @doc"], "nothing after /stop is read"


def test_a_wrong_setup_answer_from_a_script_stops_before_storing(audit) -> None:
    data_dir, audit_id = audit
    result = cli(data_dir, "chat", audit_id, stdin="Anna\ninterview\ncoach\nZZ\nnotitie\n")
    assert result.returncode == 2
    assert "Onbekende rol 'ZZ'" in result.stderr
    listed = json.loads(cli(data_dir, "audit", "show", audit_id, "--json").stdout)
    assert listed["sessions"] == []


def test_unknown_audit_or_session(audit) -> None:
    data_dir, audit_id = audit
    result = cli(data_dir, "chat", "ffff", stdin="")
    assert result.returncode == 1 and "Audit 'ffff' bestaat niet" in result.stderr
    result = cli(data_dir, "chat", audit_id, "--session", "0000", stdin="")
    assert result.returncode == 1 and "Sessie '0000' bestaat niet" in result.stderr


class Terminal:
    """The parent side of a pseudo-terminal, read as the user would watch it."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.seen = bytearray()
        self.mark = 0

    def type(self, keys: str) -> None:
        self.mark = len(self.seen)
        os.write(self.fd, keys.encode())

    def wait_for(self, wanted: str, timeout: float = 30.0) -> str:
        """Read until ``wanted`` appears after the last typed keys or the last text waited for.

        Answers the terminal's cursor-position queries as a real terminal would.
        """
        deadline = time.monotonic() + timeout
        while (found := self.seen.find(wanted.encode(), self.mark)) < 0:
            if time.monotonic() > deadline:
                shown = self.seen.decode(errors="replace")
                raise AssertionError(f"never saw {wanted!r}:\n{shown}")
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                raise AssertionError(f"the chat closed the terminal before {wanted!r}")
            if b"\x1b[6n" in chunk:
                os.write(self.fd, b"\x1b[1;1R")
            self.seen.extend(chunk)
        self.mark = found + len(wanted.encode())
        return self.seen.decode(errors="replace")


def wait_or_kill(pid: int, timeout: float = 10.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]


def test_on_a_real_terminal(audit) -> None:
    data_dir, audit_id = audit
    session_id = cli(
        data_dir,
        "session",
        "start",
        audit_id,
        "--auditor",
        "Anna",
        "--function",
        "coach",
        "--role",
        "P",
    ).stdout.strip()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the chat on the terminal
        os.environ["TERM"] = "xterm"
        os.execv(
            sys.executable,
            [
                sys.executable,
                "-m",
                "interview_assistant",
                "chat",
                audit_id,
                "--session",
                session_id,
                "--data-dir",
                str(data_dir),
            ],
        )
    terminal = Terminal(fd)
    try:
        terminal.wait_for("V1>")
        terminal.type("Gesprek over het profiel @d")
        terminal.wait_for("document")  # the completion menu
        terminal.type("oc\r")
        terminal.wait_for("Opgeslagen")
        terminal.wait_for("V1>")  # the next prompt, after the reply
        # (keys typed before it would reach a terminal in line mode, where Ctrl-D is no key)
        terminal.type("\x04")
        screen = terminal.wait_for("Gesprek beëindigd")
    finally:
        status = wait_or_kill(pid)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    assert "V1: 1 van 3 bronnen, 1 feitelijk." in screen
    (note,) = shown(data_dir, audit_id, session_id)["notes"]
    assert note["text"] == "Gesprek over het profiel @doc" and note["evidence"] == ["document"]
