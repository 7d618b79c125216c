"""The one error a merge or export raises: it names the input and says what is wrong."""

from __future__ import annotations

from typing import Any

from interview_assistant.domain.errors import DomainError


class ExchangeError(DomainError):
    """An input cannot be merged (or an audit exported); nothing was written.

    ``source`` is the input as the user knows it: a path, or ``bundle.zip:entry``.
    """

    def __init__(self, key: str, /, source: str = "", **params: Any) -> None:
        self.source = source
        super().__init__(key, source=source, **params)
