"""User text as a Textual widget shows it: as typed, never as markup or a control code.

Names, functions, notes and paths may hold ``[/]`` or ``[jeugd]`` (which Textual would
read as markup: a crash, or text that disappears) and control characters from a
teammate's bundle (which would reach the terminal). Widgets that take a string parse
markup, so user text goes in as :class:`Content`, which does not.
"""

from __future__ import annotations

from textual.content import Content

from interview_assistant.domain.safe_text import for_terminal


def shown(text: str) -> str:
    """``text`` with every control character but the newline made visible and inert."""
    return for_terminal(text, keep="\n")


def plain(text: str) -> Content:
    """``text`` as content that is neither markup nor a control code."""
    return Content(shown(text))
