"""Errors the domain raises; each carries a message key so every front end words it alike."""

from __future__ import annotations

import errno
from typing import Any

from interview_assistant.messages import DUTCH, msg


class DomainError(ValueError):
    """Something the user asked for cannot be done; ``str()`` is the Dutch explanation."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(msg(key, **params))


def describe_os_error(exc: OSError, *, with_path: bool = True) -> str:
    """Why the system refused, in Dutch, with the file it was about: for one sentence
    that says what could not be done (a full disk, a file-size limit, no access...)."""
    key = f"os_error.{errno.errorcode.get(exc.errno or 0, '')}"
    reason = msg(key) if key in DUTCH else msg("os_error.other", detail=exc.strerror or exc)
    if exc.filename and with_path:
        return msg("os_error.with_path", reason=reason, path=exc.filename)
    return reason
