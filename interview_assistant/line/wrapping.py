"""Long Dutch sentences broken between words to fit the terminal.

A terminal breaks a long line wherever the width ends, often mid-word; a screen reader
then reads the two halves as separate words. So the front ends on a terminal wrap each
line themselves, continuing a list item under its text. Scripts get unwrapped lines.
"""

from __future__ import annotations

import re
import textwrap

BULLET = re.compile(r"(\s*)(- )?")
#: continuation lines of ordinary text are indented this much, so paragraphs stand out
CONTINUATION = "  "


def wrap_line(line: str, width: int) -> str:
    """``line`` folded to ``width`` columns; a ``  - item`` continues under its text."""
    if width < 20 or len(line) <= width:
        return line
    match = BULLET.match(line)
    lead = match.group(1) if match else ""
    bullet = match.group(2) if match else None
    indent = " " * (len(lead) + len(bullet)) if bullet else lead + CONTINUATION
    return textwrap.fill(
        line,
        width=width,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
