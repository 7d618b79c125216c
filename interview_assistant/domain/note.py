"""A note typed during a session, with every revision it ever had.

Edits never overwrite: each edit appends a revision, and the newest revision is what
the note says now. Deleting only marks the note, so it can be undone, and merging
notes from two laptops can keep every revision from both.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from interview_assistant.domain.tags import Evidence, NoteKind, ParsedNote


@dataclass(frozen=True)
class Revision:
    at: datetime
    text: str
    norms: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    kind: NoteKind

    @classmethod
    def from_parsed(cls, parsed: ParsedNote, at: datetime) -> Revision:
        return cls(at, parsed.text, parsed.norms, parsed.evidence, parsed.kind)

    @property
    def factual(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class Note:
    """``revisions`` are kept in time order; the last one is what the note says now."""

    id: str
    session_id: str
    created: datetime
    revisions: tuple[Revision, ...]
    deleted_at: datetime | None = None
    #: when the deleted/restored state last changed; the newest change wins a merge
    state_changed: datetime | None = None

    @property
    def current(self) -> Revision:
        return self.revisions[-1]

    @property
    def text(self) -> str:
        return self.current.text

    @property
    def norms(self) -> tuple[str, ...]:
        return self.current.norms

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return self.current.evidence

    @property
    def kind(self) -> NoteKind:
        return self.current.kind

    @property
    def factual(self) -> bool:
        return self.current.factual

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def edited(self) -> bool:
        return len(self.revisions) > 1

    @classmethod
    def create(cls, note_id: str, session_id: str, parsed: ParsedNote, at: datetime) -> Note:
        return cls(note_id, session_id, at, (Revision.from_parsed(parsed, at),))

    def edit(self, parsed: ParsedNote, at: datetime) -> Note:
        # ``at`` must sort after the current revision even if the clock went back.
        at = max(at, self.current.at)
        if at == self.current.at:
            at = at.replace(microsecond=(at.microsecond + 1) % 1_000_000)
        return replace(self, revisions=(*self.revisions, Revision.from_parsed(parsed, at)))

    def delete(self, at: datetime) -> Note:
        return replace(self, deleted_at=at, state_changed=at)

    def restore(self, at: datetime) -> Note:
        return replace(self, deleted_at=None, state_changed=at)
