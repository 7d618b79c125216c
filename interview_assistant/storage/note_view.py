"""Read a session's notes in bulk without building a :class:`Note` for each.

The report reads every note of an audit once: its current text, norms, evidence and
kind. Building 20,000 ``Note`` objects (with every revision and timestamp parsed)
costs more than reading the files, so a log that has not built its notes yet is read
through :class:`NoteView`, which answers the same read-only questions from the stored
document. A log whose notes are already built (the TUI has them) is used as it is.
"""

from __future__ import annotations

from typing import Any

from interview_assistant.domain.ids import from_iso
from interview_assistant.domain.note import Note
from interview_assistant.domain.tags import Evidence, NoteKind
from interview_assistant.storage.repository import SessionLog

_EVIDENCE = {e.value: e for e in Evidence}
_KINDS = {k.value: k for k in NoteKind}
_EVIDENCE_WORDS = frozenset(_EVIDENCE)


class NoteView:
    """The current state of a stored note, with the read-only properties of :class:`Note`."""

    __slots__ = ("_current", "_doc", "session_id")

    def __init__(self, doc: dict[str, Any]) -> None:
        # revisions are in time order once loaded (the store sorts them)
        current = doc["revisions"][-1]
        if (
            current["kind"] not in _KINDS
            or not _EVIDENCE_WORDS.issuperset(current["evidence"])
            or not isinstance(current["text"], str)
        ):
            raise ValueError(f"notitie {doc['id']!r} heeft ongeldige velden")
        self._doc = doc
        self._current = current
        self.session_id: str = doc["session_id"]

    @property
    def id(self) -> str:
        return self._doc["id"]

    @property
    def text(self) -> str:
        return self._current["text"]

    @property
    def norms(self) -> tuple[str, ...]:
        return tuple(self._current["norms"])

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return tuple(_EVIDENCE[e] for e in self._current["evidence"])

    @property
    def kind(self) -> NoteKind:
        return _KINDS[self._current["kind"]]

    @property
    def factual(self) -> bool:
        return bool(self._current["evidence"])

    @property
    def deleted(self) -> bool:
        return self._doc["deleted_at"] is not None


def _in_time_order(views: list[NoteView]) -> None:
    """Sort as the store sorts built notes: by creation time, then id.

    Times are written in one fixed-width ISO format, so while they share a UTC offset
    (they do unless the clocks changed during the audit) the strings sort as the times.
    """
    stamps = [v._doc["created"] for v in views]
    if len({len(s) for s in stamps}) <= 1 and len({s[-6:] for s in stamps}) <= 1:
        views.sort(key=lambda v: (v._doc["created"], v._doc["id"]))
    else:
        views.sort(key=lambda v: (from_iso(v._doc["created"]), v._doc["id"]))


def log_notes(log: SessionLog) -> list[Note] | list[NoteView]:
    """Every note of the log, deleted ones included, in the order :attr:`SessionLog.notes`
    gives (time, then id); views unless the notes are built already."""
    docs = log.raw_notes()
    if docs is None:
        return log.notes
    try:
        views = [NoteView(doc) for doc in docs]
        _in_time_order(views)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return log.notes  # building the notes reports (and sets aside) the bad file
    return views
