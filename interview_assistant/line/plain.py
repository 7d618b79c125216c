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

from interview_assistant.line.loop import run_chat
from interview_assistant.line.setup import Question, Write
from interview_assistant.line.wrapping import wrap_line
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
        line = source.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")

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
