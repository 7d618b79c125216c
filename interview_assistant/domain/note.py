"""A note typed during a session, with every revision it ever had.

Edits never overwrite: each edit appends a revision, and the newest revision is what
the note says now. Deleting only marks the note, so it can be undone, and merging
notes from two laptops can keep every revision from both.

"Newest" is decided by a logical clock per note (a Lamport counter), not by the
laptop's wall clock: every change (an edit, a delete, a restore) takes a counter one
higher than any the note has seen, so a change made after seeing another always wins
over it, whatever date either laptop thinks it is. Changes made without seeing each
other (two laptops, same counter) are ordered by their wall-clock time, then their
content: arbitrary but the same everywhere. Notes written before the clock existed
(schema 1) carry counter 0 and keep their wall-clock order.

In a group interview a note may be attributed to one interviewee (``speaker``: their
place in the session's list, so by function, never by name) or to the group (None).
It is set when the note is typed and kept through edits, deletes and merges; notes
written before it existed are the group's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from interview_assistant.domain.tags import Evidence, NoteKind, ParsedNote


@dataclass(frozen=True)
class Revision:
    at: datetime  # wall-clock time, shown to the user; orders only equal clocks
    text: str
    norms: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    kind: NoteKind
    clock: int = 0  # the note's logical clock when this revision was made

    @classmethod
    def from_parsed(cls, parsed: ParsedNote, at: datetime, clock: int) -> Revision:
        return cls(at, parsed.text, parsed.norms, parsed.evidence, parsed.kind, clock)

    def order(self) -> tuple:
        """The total order of revisions: the clock first, the rest breaks ties."""
        return (self.clock, self.at, self.text, self.norms, self.evidence, self.kind)

    @property
    def factual(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class Note:
    """``revisions`` are kept in :meth:`Revision.order`; the last is what the note says now."""

    id: str
    session_id: str
    created: datetime
    revisions: tuple[Revision, ...]
    deleted_at: datetime | None = None
    #: when the deleted/restored state last changed (wall clock, breaks ties only)
    state_changed: datetime | None = None
    #: the logical clock of the last delete or restore; the highest wins a merge
    state_clock: int = 0
    #: who said it: the 0-based place of an interviewee of the session; None = the group
    speaker: int | None = None

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

    @property
    def clock(self) -> int:
        """The highest logical clock of any change this note has seen."""
        return max(self.state_clock, max(r.clock for r in self.revisions))

    @classmethod
    def create(
        cls,
        note_id: str,
        session_id: str,
        parsed: ParsedNote,
        at: datetime,
        speaker: int | None = None,
    ) -> Note:
        revision = Revision.from_parsed(parsed, at, 1)
        return cls(note_id, session_id, at, (revision,), speaker=speaker)

    def edit(self, parsed: ParsedNote, at: datetime) -> Note:
        """The note with a new current text; ``at`` is only recorded (any clock will do)."""
        revision = Revision.from_parsed(parsed, at, self.clock + 1)
        return replace(self, revisions=(*self.revisions, revision))

    def delete(self, at: datetime) -> Note:
        return replace(self, deleted_at=at, state_changed=at, state_clock=self.clock + 1)

    def restore(self, at: datetime) -> Note:
        return replace(self, deleted_at=None, state_changed=at, state_clock=self.clock + 1)
