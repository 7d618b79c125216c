"""The documents a data folder holds, as one typed schema, and their versions.

A session log is TinyDB's JSON layout: ``{"meta": {"1": {...}}, "notes": {"1": {...}}}``.
:class:`SessionFileDoc` describes it completely, and :func:`decode_session_file` decodes
and validates a file in one pass of msgspec (20,000 notes in a fraction of the time
parsing plus checking each field in Python took). The store's loader, the merge and the
bundle export all check a session log through it; what it accepts needs no other check.

Versions. Schema 1: the first release. Schema 2: every note change carries a logical
clock (``clock`` on a revision, ``state_clock`` on a note; see ``domain.note``); a note
without them is a schema-1 note and reads as clock 0, so schema-1 files are read as they
are and become schema 2 on their next write (:func:`stamp_schema`). A release that knows
only schema 1 sets a schema-2 file aside instead of dropping its clocks.

Schema 3 adds the tombstone of a purged note: a note document with ``purged`` (when and
by whom), no revisions and so no text. Only a session log that holds a tombstone is
written as schema 3 (:func:`schema_needed`); every other file stays schema 2, so a
colleague's older release reads it as before, and sets a file with a tombstone aside as
newer instead of reading the tombstone as a broken note.

Additions within schema 2 (optional fields an older schema-2 release ignores): a
revision's ``kinds`` when a note has more than one kind (``kind`` stays the first).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from itertools import pairwise
from typing import Annotated, Any

import msgspec

from interview_assistant.domain.note import Note, Purge, Revision, tombstone
from interview_assistant.domain.tags import Evidence, NoteKind
from interview_assistant.messages import msg

#: the newest schema this version reads (and writes where a file needs it)
SCHEMA_VERSION = 3
#: what a file without tombstones is written as
BASE_SCHEMA = 2
#: what a session log holding a tombstone is written as
PURGE_SCHEMA = 3
AUDIT_FORMAT = "interview-assistant/audit"
SESSION_FORMAT = "interview-assistant/session"
META_TABLE = "meta"
META_DOC_ID = 1

Aware = Annotated[datetime, msgspec.Meta(tz=True)]
Clock = Annotated[int, msgspec.Meta(ge=0)]


class RevisionDoc(msgspec.Struct, frozen=True):
    at: Aware
    text: str
    norms: list[str]
    evidence: list[Evidence]
    kind: NoteKind
    clock: Clock = 0
    #: every kind, written only when there is more than one (``kind`` is the first), so a
    #: note of one kind is stored as before and a release without it still reads the file
    kinds: list[NoteKind] = []

    @property
    def all_kinds(self) -> tuple[NoteKind, ...]:
        return tuple(self.kinds) if self.kinds else (self.kind,)

    def order(self) -> tuple:
        """As :meth:`Revision.order` (the clock first)."""
        return (
            self.clock,
            self.at,
            self.text,
            tuple(self.norms),
            tuple(self.evidence),
            self.all_kinds,
        )


class PurgeDoc(msgspec.Struct, frozen=True):
    """A tombstone's mark: when the note was purged and by which auditor."""

    at: Aware
    by: str


class NoteDoc(msgspec.Struct, frozen=True):
    """A note, or with ``purged`` set the tombstone of one (no revisions, so no text)."""

    id: Annotated[str, msgspec.Meta(min_length=1)]
    session_id: str
    created: Aware
    revisions: list[RevisionDoc]
    deleted_at: Aware | None = None
    state_changed: Aware | None = None
    state_clock: Clock = 0
    purged: PurgeDoc | None = None
    #: the interviewee who said it (place in the session's list); absent/None = the group
    speaker: Annotated[int, msgspec.Meta(ge=0)] | None = None

    @property
    def current(self) -> RevisionDoc:
        """The revision the note shows (revisions are kept in clock order)."""
        return self.revisions[-1]


class MetaDoc(msgspec.Struct, frozen=True):
    """The file's header: what it is and which schema wrote it. ``session`` and ``audit``
    stay plain documents, decoded by ``storage.codec`` (small, one per file)."""

    format: str
    schema: int
    session: dict[str, Any] | None = None
    audit: dict[str, Any] | None = None


class SessionFileDoc(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    meta: dict[str, MetaDoc]
    notes: dict[str, NoteDoc] = {}

    @property
    def header(self) -> MetaDoc:
        return self.meta[str(META_DOC_ID)]


class _Head(msgspec.Struct):
    meta: dict[str, Any] = {}


class FileFormatError(ValueError):
    """A file that is not a session log this version can read: ``kind`` is ``corrupt``,
    ``foreign`` or ``newer``; the message says in Dutch what is wrong and where."""

    def __init__(self, kind: str, reason: str = "", found: int = 0) -> None:
        super().__init__(reason or kind)
        self.kind = kind
        self.reason = reason
        self.found = found


_HEAD = msgspec.json.Decoder(_Head)
_SESSION = msgspec.json.Decoder(SessionFileDoc)
_PATH = re.compile(r" - at `(.*)`$")


def header_of(tables: Any) -> dict[str, Any] | None:
    """The ``meta`` document of a store file's parsed tables; None if it has none."""
    meta_table = tables.get(META_TABLE) if isinstance(tables, dict) else None
    meta = meta_table.get(str(META_DOC_ID)) if isinstance(meta_table, dict) else None
    return meta if isinstance(meta, dict) else None


def bad_table(tables: dict[str, Any]) -> str | None:
    """The name of a table that is not TinyDB's (an object keyed by document ids)."""
    for name, table in tables.items():
        if not isinstance(table, dict) or not all(map(str.isdigit, table)):
            return name
    return None


# Only a note document has the key "session_id" (a value followed by ':' is not JSON).
_NOTE_KEY = re.compile(rb'"session_id"\s*:')


def count_notes(raw: bytes) -> int:
    """How many notes a session log holds, without decoding it."""
    return len(_NOTE_KEY.findall(raw))


_META_PREFIX = b'{"meta":'
_JSON = json.JSONDecoder()


def peek_header(raw: bytes) -> dict[str, Any] | None:
    """The ``meta`` document of a store file read from its first bytes (the store writes
    the meta table first); None if the file does not start that way."""
    if not raw.startswith(_META_PREFIX):
        return None
    try:
        meta_table, _ = _JSON.raw_decode(raw.decode("utf-8"), len(_META_PREFIX))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return header_of({META_TABLE: meta_table})


def file_header(raw: bytes, expected: str) -> dict[str, Any]:
    """The ``meta`` document of a store file, checked to be ``expected`` and not newer."""
    try:
        head = _HEAD.decode(raw)
    except msgspec.DecodeError as exc:
        raise FileFormatError("corrupt", _reason(exc, raw)) from exc
    meta = head.meta.get(str(META_DOC_ID))
    if not isinstance(meta, dict) or meta.get("format") != expected:
        raise FileFormatError("foreign")
    schema = meta.get("schema")
    if type(schema) is not int:
        raise FileFormatError("corrupt", msg("report.reason.no_schema"))
    if schema > SCHEMA_VERSION:
        raise FileFormatError("newer", found=schema)
    return meta


def decode_session_file(raw: bytes) -> SessionFileDoc:
    """A session log decoded and validated completely (every note, every field)."""
    file_header(raw, SESSION_FORMAT)
    try:
        doc = _SESSION.decode(raw)
    except msgspec.DecodeError as exc:
        raise FileFormatError("corrupt", _reason(exc, raw)) from exc
    if doc.header.session is None:
        raise FileFormatError("corrupt", msg("report.reason.bad_fields") + " (meta)")
    for name, table in (("meta", doc.meta), ("notes", doc.notes)):
        if not all(map(str.isdigit, table)):  # TinyDB's document ids
            raise FileFormatError("corrupt", msg("report.reason.bad_table", table=name))
    for key, note in doc.notes.items():
        if (note.purged is None) == (not note.revisions):  # a note has text, a tombstone none
            raise FileFormatError(
                "corrupt", msg("report.reason.bad_fields") + f" ($.notes['{key}'].revisions)"
            )
    unordered = {
        key: note
        for key, note in doc.notes.items()
        if len(note.revisions) > 1
        and any(a.order() > b.order() for a, b in pairwise(note.revisions))
    }
    if unordered:  # written by hand or another tool: put the current revision last
        notes = dict(doc.notes)
        for key, note in unordered.items():
            revisions = sorted(note.revisions, key=RevisionDoc.order)
            notes[key] = msgspec.structs.replace(note, revisions=revisions)
        doc = msgspec.structs.replace(doc, notes=notes)
    return doc


def _reason(exc: msgspec.DecodeError, raw: bytes) -> str:
    text = str(exc)
    if not raw.strip():
        return "leeg bestand"
    if not isinstance(exc, msgspec.ValidationError):
        return f"geen geldige JSON: {text}"
    found = _PATH.search(text)
    where = f" ({found.group(1)})" if found else ""
    if "timezone" in text:
        return msg("report.reason.naive_time") + where
    return msg("report.reason.bad_fields") + where + f": {_PATH.sub('', text)}"


def note_from_doc(doc: NoteDoc) -> Note:
    """The domain note of a checked document (revisions in clock order)."""
    if doc.purged is not None:
        purge = Purge(doc.purged.at, doc.purged.by)
        return tombstone(doc.id, doc.session_id, doc.created, purge, doc.state_clock)
    revisions = tuple(
        Revision(r.at, r.text, tuple(r.norms), tuple(r.evidence), r.all_kinds, r.clock)
        for r in doc.revisions
    )
    if len(revisions) > 1:
        revisions = tuple(sorted(revisions, key=Revision.order))
    return Note(
        doc.id,
        doc.session_id,
        doc.created,
        revisions,
        doc.deleted_at,
        doc.state_changed,
        doc.state_clock,
        speaker=doc.speaker,
    )


def note_from_table_row(row: Any) -> Note:
    """The domain note of a row of a session log's notes table as TinyDB holds it."""
    try:
        doc = msgspec.convert(row, NoteDoc)
    except msgspec.ValidationError as exc:
        raise ValueError(str(exc)) from exc
    if (doc.purged is None) == (not doc.revisions):
        raise ValueError(msg("report.reason.bad_fields") + " (revisions)")
    return note_from_doc(doc)


def is_tombstone(row: Any) -> bool:
    """A row of a notes table (as TinyDB holds it) is a purged note's tombstone."""
    return isinstance(row, dict) and row.get("purged") is not None


def schema_needed(tables: dict[str, dict[str, Any]]) -> int:
    """The schema a file needs: 3 for a session log with a tombstone, else 2."""
    notes = tables.get("notes")
    if isinstance(notes, dict) and any(map(is_tombstone, notes.values())):
        return PURGE_SCHEMA
    return BASE_SCHEMA


def stamp_schema(tables: dict[str, dict[str, Any]]) -> None:
    """Mark a file about to be written with the schema it needs (a schema-1 file is
    migrated; a file gets schema 3 only once it holds a tombstone)."""
    meta = tables.get(META_TABLE, {}).get(str(META_DOC_ID))
    needed = schema_needed(tables)
    if isinstance(meta, dict) and meta.get("schema") != needed:
        meta["schema"] = needed
