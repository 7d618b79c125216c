"""The line mode without prompt-toolkit: plain lines in, plain lines out.

For scripts (notes piped in, the session ended at the end of input) and for screen
readers, which follow ordinary line input better than any redrawn prompt. On a
terminal it uses Python's ``input()``, which brings readline's history and editing.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from typing import TextIO

from interview_assistant.domain.errors import DomainError
from interview_assistant.line.loop import run_chat
from interview_assistant.line.setup import Question, Write
from interview_assistant.line.wrapping import wrap_line
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace


def run_plain_chat(
    workspace: AuditWorkspace,
    session_prefix: str | None = None,
    *,
    stdin: TextIO | None = None,
    write: Write | None = None,
    interactive: bool = False,
) -> int:
    """Converse over plain lines; ``interactive`` shows prompts and uses ``input()``."""
    source = stdin or sys.stdin
    # lines are decoded here, so a line that is not UTF-8 is named instead of crashing
    binary = getattr(source, "buffer", None) if not interactive else None
    number = 0
    if write is None:

        def write(line: str) -> None:
            if interactive:
                line = wrap_line(line, shutil.get_terminal_size().columns - 1)
            print(line, flush=True)

    def read(prompt: str, prefill: str) -> str:
        if interactive:
            try:
                return input(prompt)
            except (KeyboardInterrupt, EOFError):
                print(flush=True)  # input() leaves the cursor after the prompt
                raise
        nonlocal number
        raw = binary.readline() if binary is not None else source.readline()
        if not raw:
            raise EOFError
        number += 1
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as exc:  # e.g. a Windows-1252 file piped in
                raise DomainError(
                    "cli.note_line_error",
                    line=number,
                    message=msg("cli.line_not_utf8", position=exc.start + 1),
                ) from None
        return raw.rstrip("\r\n")

    def ask(question: Question) -> str:
        return read(question.prompt, "")

    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (gives input() history and line editing)
    return run_chat(
        workspace,
        session_prefix,
        ask=ask,
        read=read,
        write=write,
        keeps_text=False,
        interactive=interactive,
    )
