"""One source of evidence: an interview, a document review or an observation round.

Interviewees are recorded by function and role codes only; their names are never
stored, so nothing confidential about a person can leak into a report.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum


class SessionKind(StrEnum):
    INTERVIEW = "interview"
    DOCUMENTSTUDIE = "documentstudie"
    OBSERVATIE = "observatie"


@dataclass(frozen=True)
class Interviewee:
    function: str
    roles: tuple[str, ...]

    def label(self) -> str:
        return f"{self.function} ({', '.join(self.roles)})" if self.roles else self.function


@dataclass(frozen=True)
class Session:
    id: str
    audit_id: str
    auditor: str
    kind: SessionKind
    interviewees: tuple[Interviewee, ...]
    location: str
    started: datetime
    ended: datetime | None = None
    #: the norm the auditor was on when they last moved; None in logs written before it was kept
    current_norm: str | None = None
    #: how many times the walk moved: the copy that moved most holds the latest position,
    #: whatever the laptops' clocks say (a merge keeps its ``current_norm``)
    walk_clock: int = 0

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role code of every interviewee, first occurrence first."""
        seen: list[str] = []
        for interviewee in self.interviewees:
            seen.extend(r for r in interviewee.roles if r not in seen)
        return tuple(seen)

    @property
    def functions(self) -> str:
        return ", ".join(i.function for i in self.interviewees)

    @property
    def is_open(self) -> bool:
        return self.ended is None

    def end(self, at: datetime) -> Session:
        return replace(self, ended=at)
