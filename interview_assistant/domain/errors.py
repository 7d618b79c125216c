"""Errors the domain raises; each carries a message key so every front end words it alike."""

from __future__ import annotations

from typing import Any

from interview_assistant.messages import msg


class DomainError(ValueError):
    """Something the user asked for cannot be done; ``str()`` is the Dutch explanation."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(msg(key, **params))
