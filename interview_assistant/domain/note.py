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

Purging is the one change that does not keep history: a purged note is a tombstone
(:meth:`Note.purge`) that keeps its id, session, creation time, a raised clock and who
purged it when, and no text, norms or revisions at all. A tombstone wins every merge
(see ``domain.merge``), so no copy of the note on another laptop can bring the text back.

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
    #: every kind of the note, the first first; never empty (``(bevinding,)`` by default)
    kinds: tuple[NoteKind, ...]
    clock: int = 0  # the note's logical clock when this revision was made

    @classmethod
    def from_parsed(cls, parsed: ParsedNote, at: datetime, clock: int) -> Revision:
        return cls(at, parsed.text, parsed.norms, parsed.evidence, parsed.kinds, clock)

    def order(self) -> tuple:
        """The total order of revisions: the clock first, the rest breaks ties."""
        return (self.clock, self.at, self.text, self.norms, self.evidence, self.kinds)

    @property
    def kind(self) -> NoteKind:
        """The first kind: what a reader of one kind shows."""
        return self.kinds[0]

    @property
    def factual(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class Purge:
    """Who removed a note's text and history for good, and when (wall clock)."""

    at: datetime
    by: str


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
    #: set on a tombstone: ``revisions`` is empty and the note counts nowhere
    purged: Purge | None = None

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
    def kinds(self) -> tuple[NoteKind, ...]:
        return self.current.kinds

    @property
    def factual(self) -> bool:
        return self.current.factual

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None or self.purged is not None

    @property
    def edited(self) -> bool:
        return len(self.revisions) > 1

    @property
    def clock(self) -> int:
        """The highest logical clock of any change this note has seen."""
        return max(self.state_clock, max((r.clock for r in self.revisions), default=0))

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

    def purge(self, at: datetime, by: str) -> Note:
        """The tombstone of this note: no text, no norms, no revisions; the clock raised."""
        return tombstone(self.id, self.session_id, self.created, Purge(at, by), self.clock + 1)


def tombstone(note_id: str, session_id: str, created: datetime, purge: Purge, clock: int) -> Note:
    """A purged note as it is stored: deleted at the purge, with nothing it said."""
    return Note(note_id, session_id, created, (), purge.at, purge.at, clock, purge)
