"""Read a session's notes in bulk without building a :class:`Note` for each.

The report reads every note of an audit once: its current text, norms, evidence and
kind. Building 20,000 ``Note`` objects (with every revision and timestamp parsed)
costs more than reading the files, so a log that has not built its notes yet is read
through :class:`NoteView`, which answers the same read-only questions from the stored
document. A log whose notes are already built (the TUI has them) is used as it is.
"""

from __future__ import annotations

import operator
from itertools import chain
from typing import Any

from interview_assistant.domain.ids import from_iso
from interview_assistant.domain.note import Note
from interview_assistant.domain.tags import Evidence, NoteKind
from interview_assistant.storage.repository import SessionLog

_EVIDENCE = {e.value: e for e in Evidence}
_KINDS = {k.value: k for k in NoteKind}
_EVIDENCE_WORDS = frozenset(_EVIDENCE)
_KIND_WORDS = frozenset(_KINDS)


class NoteView:
    """The current state of a stored note, with the read-only properties of :class:`Note`.

    What every reader asks of every note (id, norms, deleted, factual) is set once as a
    plain attribute; text, evidence and kind are read from the document when asked.
    """

    __slots__ = ("_current", "deleted", "factual", "id", "norms", "session_id")

    def __init__(self, doc: dict[str, Any], current: dict[str, Any]) -> None:
        self._current = current  # the last revision: the store keeps them in time order
        self.id: str = doc["id"]
        self.session_id: str = doc["session_id"]
        self.norms: list[str] = current["norms"]
        self.deleted: bool = doc["deleted_at"] is not None
        self.factual: bool = bool(current["evidence"])

    @property
    def text(self) -> str:
        return self._current["text"]

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return tuple(_EVIDENCE[e] for e in self._current["evidence"])

    @property
    def kind(self) -> NoteKind:
        return _KINDS[self._current["kind"]]


def _in_time_order(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sorted as the store sorts built notes: by creation time, then id.

    Times are written in one fixed-width ISO format, so while they share a UTC offset
    (they do unless the clocks changed during the audit) the strings sort as the times;
    a log written in order (the usual case) is only checked.
    """
    keys = [(doc["created"], doc["id"]) for doc in docs]
    if len({len(k[0]) for k in keys}) <= 1 and len({k[0][-6:] for k in keys}) <= 1:
        if all(map(operator.le, keys, keys[1:])):
            return docs
        order = sorted(range(len(docs)), key=keys.__getitem__)
    else:
        order = sorted(range(len(docs)), key=lambda i: (from_iso(keys[i][0]), keys[i][1]))
    return [docs[i] for i in order]


def log_notes(log: SessionLog) -> list[Note] | list[NoteView]:
    """Every note of the log, deleted ones included, in the order :attr:`SessionLog.notes`
    gives (time, then id); views unless the notes are built already."""
    docs = log.raw_notes()
    if docs is None:
        return log.notes
    try:
        docs = _in_time_order(docs)
        currents = [doc["revisions"][-1] for doc in docs]
        valid = (
            {c["kind"] for c in currents} <= _KIND_WORDS
            and set(chain.from_iterable(c["evidence"] for c in currents)) <= _EVIDENCE_WORDS
            and all(type(c["text"]) is str for c in currents)
        )
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        valid = False
    if not valid:
        return log.notes  # building the notes reports (and sets aside) the bad file
    return [NoteView(doc, current) for doc, current in zip(docs, currents, strict=True)]
