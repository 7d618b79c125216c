"""The conversation loop both front ends share: read a line, let the chat answer, repeat.

Reading is a callable so the same loop runs on prompt-toolkit (completion, history,
a pre-filled line) and on plain stdin (scripts, screen readers). Ctrl-C clears the
line, Ctrl-D ends the session; every note is stored before the next read, so leaving
at any moment loses nothing.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from interview_assistant.domain.safe_text import for_terminal
from interview_assistant.line.chat import LineChat
from interview_assistant.line.setup import Ask, Write, ask_new_session
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.privacy import privacy_guard

#: reads one line after showing ``prompt``, with ``prefill`` already typed if it can;
#: raises KeyboardInterrupt (Ctrl-C) or EOFError (Ctrl-D, end of input)
ReadLine = Callable[[str, str], str]


def store_problems(workspace: AuditWorkspace) -> list[str]:
    return [msg("line.problem", message=p.message) for p in workspace.take_problems()]


def run_chat(
    workspace: AuditWorkspace,
    session_prefix: str | None,
    *,
    ask: Ask,
    read: ReadLine,
    write: Write,
    keeps_text: bool,
    interactive: bool = True,
    on_session: Callable[[LineChat], None] | None = None,
) -> int:
    """Start or resume a session and converse until /stop or Ctrl-D; the exit status.

    ``keeps_text``: the reader puts a rejected note back on the line to be fixed.
    ``interactive``: a person answers; otherwise (a script) a wrong setup answer stops
    at once and a rejected note makes the exit status 2.
    """

    write = _neutralising(write)

    def emit(lines: Iterable[str]) -> None:
        for line in lines:
            write(line)

    emit(store_problems(workspace))
    if session_prefix is None:
        try:
            session_id = ask_new_session(workspace, ask, write, ask_again=interactive).id
        except (EOFError, KeyboardInterrupt):
            write(msg("line.setup_aborted"))
            return 1
    else:
        session_id = workspace.session(session_prefix).id
    chat = LineChat(workspace, session_id, privacy=privacy_guard())
    if on_session is not None:
        on_session(chat)
    emit(chat.opening())
    while not chat.finished:
        with interrupts_deferred():
            emit(chat.refresh())
        if chat.finished:
            return 1
        try:
            line = read(chat.prompt(), chat.prefill())
        except KeyboardInterrupt:
            if interactive:
                emit(chat.cancel())
                continue
            line = None  # a script interrupted: end as at the end of its input
        except EOFError:
            line = None
        with interrupts_deferred():
            # the TUI may have stored notes while this line was typed: answer with them counted
            emit(chat.refresh())
            if chat.finished:
                return 1
            if line is None:
                emit(chat.stop())
                break
            emit(chat.handle(line))
        if chat.retry_text and keeps_text:
            write(msg("line.kept_for_retry"))
    return 2 if chat.rejected and not interactive else 0


def _neutralising(write: Write) -> Write:
    """``write`` with control and bidi characters in the text made inert (notes, names
    and functions may come from a teammate's bundle); the line mode writes one line at a
    time, so a newline inside a line is shown as an escape too."""

    def safe_write(line: str) -> None:
        write(for_terminal(line, keep="\t"))

    return safe_write


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Let a Ctrl-C typed while a note is being stored wait until it is stored.

    Between prompts the terminal turns Ctrl-C into SIGINT; without this it could cut a
    save short after the file was written but before the auditor was told.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda signum, frame: None)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
