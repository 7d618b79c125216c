"""Identifiers and timestamps.

Ids are random rather than sequential because sessions are created on several
laptops at once and must never collide when the lead auditor merges them.
"""

from __future__ import annotations

import secrets
from datetime import datetime


def new_id(nbytes: int = 6) -> str:
    """A random lowercase hex id (12 characters by default)."""
    return secrets.token_hex(nbytes)


def new_note_id() -> str:
    return secrets.token_hex(8)


def now() -> datetime:
    """The current local time, timezone-aware, to the microsecond (orders revisions)."""
    return datetime.now().astimezone()


def to_iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)
