"""Combine two copies of the same note or session without losing anything.

Two laptops (or the TUI and the line mode) may both have changed a note. Merging keeps
the union of their revisions, so the newest text shows and every earlier one stays in
the history, and takes the deleted/restored state that was set last. The functions are
commutative, associative and idempotent, which is what makes merging bundles in any
order, any number of times, give the same audit.
"""

from __future__ import annotations

from dataclasses import replace

from interview_assistant.domain.note import Note, Revision
from interview_assistant.domain.session import Session


def _revision_key(revision: Revision) -> tuple:
    return (revision.at, revision.text, revision.norms, revision.evidence, revision.kind)


def merge_notes(a: Note, b: Note) -> Note:
    """The note that holds every revision of ``a`` and ``b``; the same id is assumed."""
    if a == b:
        return a
    revisions = {_revision_key(r): r for r in (*a.revisions, *b.revisions)}
    ordered = tuple(revisions[k] for k in sorted(revisions))
    state = max((a, b), key=_state_key)
    return replace(
        a,
        created=min(a.created, b.created),
        revisions=ordered,
        deleted_at=state.deleted_at,
        state_changed=state.state_changed,
    )


def _state_key(note: Note) -> tuple:
    # Never-changed loses to changed; on equal times, deleted wins (deterministic).
    return (
        note.state_changed is not None,
        note.state_changed.timestamp() if note.state_changed else 0.0,
        note.deleted_at is not None,
        note.deleted_at.timestamp() if note.deleted_at else 0.0,
    )


def merge_sessions(a: Session, b: Session) -> Session:
    """Session metadata from two copies: an ended copy beats an open one."""
    if a == b:
        return a
    ended_times = [s.ended for s in (a, b) if s.ended is not None]
    base = max((a, b), key=lambda s: (s.ended is not None, repr(s)))
    return replace(base, ended=max(ended_times) if ended_times else None)
