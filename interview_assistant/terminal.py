"""Standard output and error as the command line writes them: never a raw control code.

Every subcommand prints through ``sys.stdout``/``sys.stderr``; :func:`safe_streams`
puts a neutralising layer there for the whole run (see :mod:`domain.safe_text`), so no
print can forget it. JSON stays exact, as a neutralised character is written as its
JSON escape. A screen application (Textual, prompt-toolkit) writes its own control codes
and renders user text itself; it runs inside :func:`raw_streams`.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from interview_assistant.domain.safe_text import for_terminal


class SafeStream(io.TextIOBase):
    """A text stream that writes to ``raw`` with control and bidi characters neutralised."""

    def __init__(self, raw: TextIO) -> None:
        super().__init__()
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(for_terminal(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        """The wrapped stream is not ours to close (nor to flush when this one goes)."""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.raw, "encoding", None) or "utf-8"


@contextmanager
def safe_streams() -> Iterator[None]:
    """Neutralise everything written to stdout and stderr until the block ends."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    wrapped_out, wrapped_err = sys.stdout, sys.stderr
    try:
        yield
    finally:
        # a handler may have replaced a stream (``| head`` went away): leave its choice
        if sys.stdout is wrapped_out:
            sys.stdout = out
        if sys.stderr is wrapped_err:
            sys.stderr = err


@contextmanager
def raw_streams() -> Iterator[None]:
    """The streams as they were before :func:`safe_streams`, for a screen application."""
    out, err = sys.stdout, sys.stderr
    if isinstance(out, SafeStream):
        sys.stdout = out.raw
    if isinstance(err, SafeStream):
        sys.stderr = err.raw
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
