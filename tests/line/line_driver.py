"""Typing into the real line-mode prompt from a test, and reading the audit back from disk."""

from __future__ import annotations

import io
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from interview_assistant.line.prompt import run_prompt_chat
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.storage.repository import AuditStore

ENTER = "\r"
TAB = "\t"
CTRL_C = "\x03"
CTRL_D = "\x04"
CTRL_U = "\x15"  # erase the line before the cursor
UP = "\x1b[A"
BACKSPACE = "\x7f"

#: a test that waits longer than this for the chat has left it waiting for input; generous,
#: as a busy CI machine also loads deduce for the privacy guard in the background
PATIENCE = 60.0


def reopened(data_dir: Path, audit_id: str) -> AuditWorkspace:
    """The audit as a second process would read it from disk."""
    return AuditWorkspace(AuditStore(data_dir), audit_id)


@dataclass
class Run:
    status: int
    lines: list[str] = field(default_factory=list)
    screen: str = ""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class Screen(io.StringIO):
    """What prompt-toolkit draws, readable from another thread."""

    encoding = "utf-8"

    def plain(self) -> str:
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r", "", self.getvalue())


def type_into_chat(
    workspace: AuditWorkspace,
    keys: str,
    session_id: str | None = None,
) -> Run:
    """Run the prompt-toolkit chat on a pipe with every key sent up front.

    prompt-toolkit hands keys left over after one prompt to the next (typeahead), so a
    whole interview can be typed in one go, as a fast typist would.
    """
    lines: list[str] = []
    ran_out = threading.Event()
    with create_pipe_input() as pipe:
        pipe.send_text(keys)

        def give_up() -> None:
            ran_out.set()
            pipe.close()

        watchdog = threading.Timer(PATIENCE, give_up)
        watchdog.start()
        try:
            status = run_prompt_chat(
                workspace, session_id, input=pipe, output=DummyOutput(), write=lines.append
            )
        finally:
            watchdog.cancel()
    assert not ran_out.is_set(), "the chat was still waiting for input:\n" + "\n".join(lines)
    return Run(status, lines)


def type_step_by_step(
    workspace: AuditWorkspace,
    steps: Sequence[tuple[str | Callable[[], object], str | None]],
    session_id: str | None = None,
) -> Run:
    """Send each step's keys, then wait until its text is drawn once more than before.

    For what happens asynchronously inside one prompt (the completion menu, Tab), where
    keys sent at once would be handled before the completion arrives. prompt-toolkit
    draws only what changed, so wait for short texts: a prompt, a menu entry.
    """
    lines: list[str] = []
    screen = Screen()
    output = Vt100_Output(screen, lambda: Size(rows=30, columns=100), enable_cpr=False)
    failure: list[str] = []
    with create_pipe_input() as pipe:

        def feed() -> None:
            for keys, wait_for in steps:
                seen = screen.plain().count(wait_for) if wait_for else 0
                if callable(keys):
                    keys()  # something another process does meanwhile
                    continue
                pipe.send_text(keys)
                if wait_for is None:
                    continue
                deadline = time.monotonic() + PATIENCE
                while screen.plain().count(wait_for) <= seen:
                    if time.monotonic() > deadline:
                        failure.append(f"never saw {wait_for!r} on the screen")
                        pipe.close()
                        return
                    time.sleep(0.02)

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        status = run_prompt_chat(
            workspace, session_id, input=pipe, output=output, write=lines.append
        )
        feeder.join(PATIENCE)
    assert not failure, failure[0] + "\n" + screen.plain()[-2000:]
    return Run(status, lines, screen.plain())
