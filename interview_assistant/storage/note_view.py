"""Read a session's notes in bulk without building a :class:`Note` for each.

The report reads every note of an audit once: its current text, norms, evidence and
kind. Building 20,000 ``Note`` objects costs more than reading the files, so a log that
has not built its notes yet is read through :class:`NoteView`, which answers the same
read-only questions from the checked document (:class:`~storage.schema.NoteDoc`). A log
whose notes are already built (the TUI has them) is used as it is.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise

from interview_assistant.domain.note import Note
from interview_assistant.domain.tags import Evidence, NoteKind
from interview_assistant.storage.repository import SessionLog
from interview_assistant.storage.schema import NoteDoc, RevisionDoc


class NoteView:
    """The current state of a stored note, with the read-only properties of :class:`Note`.

    What every reader asks of every note (id, norms, deleted, factual) is set once as a
    plain attribute; text, evidence and kind are read from the document when asked.
    """

    __slots__ = ("_current", "created", "deleted", "factual", "id", "norms", "session_id")

    def __init__(self, doc: NoteDoc) -> None:
        current = doc.revisions[-1]  # revisions are kept in clock order
        self._current: RevisionDoc = current
        self.id: str = doc.id
        self.session_id: str = doc.session_id
        self.created: datetime = doc.created
        self.norms: list[str] = current.norms
        self.deleted: bool = doc.deleted_at is not None
        self.factual: bool = bool(current.evidence)

    @property
    def text(self) -> str:
        return self._current.text

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return tuple(self._current.evidence)

    @property
    def kind(self) -> NoteKind:
        return self._current.kind

    @property
    def kinds(self) -> tuple[NoteKind, ...]:
        return self._current.all_kinds


def log_notes(log: SessionLog) -> list[Note] | list[NoteView]:
    """Every note of the log, deleted ones included, in the order :attr:`SessionLog.notes`
    gives (time, then id); views unless the notes are built already."""
    docs = log.note_docs()  # a loaded log holds no tombstones (see AuditStore)
    if docs is None:
        return log.notes
    keys = [(doc.created, doc.id) for doc in docs]
    if any(a > b for a, b in pairwise(keys)):
        docs = [docs[i] for i in sorted(range(len(docs)), key=keys.__getitem__)]
    return [NoteView(doc) for doc in docs]
