"""Check a session log or audit file that comes from another laptop, before it is merged.

The store trusts its own files; a file handed in by someone else is checked in full
first, because a merge must be all or nothing: one bad note found halfway would
otherwise leave half a merge behind. The note check works on the parsed JSON
directly (no domain objects) because a large merge checks 20,000 notes and must stay
close to the cost of reading them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from interview_assistant.domain.assessment import Assessment, ReportText, TextKey, TrendEdit
from interview_assistant.domain.audit import Audit
from interview_assistant.domain.merge import merge_assessments, merge_latest
from interview_assistant.domain.session import Session
from interview_assistant.domain.tags import Evidence, NoteKind
from interview_assistant.exchange.errors import ExchangeError
from interview_assistant.messages import msg
from interview_assistant.storage import codec
from interview_assistant.storage.assessment_codec import (
    ASSESSMENTS_TABLE,
    TEXTS_TABLE,
    TREND_TABLE,
    assessment_from_doc,
    report_text_from_doc,
    trend_edit_from_doc,
)
from interview_assistant.storage.repository import AUDIT_FORMAT, SCHEMA_VERSION, SESSION_FORMAT
from interview_assistant.storage.tinydb_storage import decode_tables
from norm_catalogue import CatalogueError, load_catalogue

BUNDLE_FORMAT = "interview-assistant/bundle"

#: Audit and session ids become folder and file names, so nothing else may pass.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")

_EVIDENCE = frozenset(e.value for e in Evidence)
_KINDS = frozenset(k.value for k in NoteKind)
_from_iso = datetime.fromisoformat


def parse_json(raw: bytes, source: str) -> Any:
    try:
        return decode_tables(raw)  # orjson: its errors subclass json.JSONDecodeError
    except UnicodeDecodeError as exc:
        raise ExchangeError(
            "report.exchange.bad_json", source, reason=msg("report.reason.not_utf8")
        ) from exc
    except json.JSONDecodeError as exc:
        raise ExchangeError("report.exchange.bad_json", source, reason=str(exc)) from exc
    except RecursionError as exc:
        raise ExchangeError(
            "report.exchange.bad_json", source, reason=msg("report.reason.too_deep")
        ) from exc


def file_format(data: Any, source: str) -> str:
    """The ``format`` a parsed file declares (store file or bundle manifest), checked."""
    if isinstance(data, dict) and data.get("format") == BUNDLE_FORMAT:
        meta: Any = data
    else:
        tables = data if isinstance(data, dict) else {}
        meta_table = tables.get("meta")
        meta = meta_table.get("1") if isinstance(meta_table, dict) else None
    if not isinstance(meta, dict) or meta.get("format") not in (
        SESSION_FORMAT,
        AUDIT_FORMAT,
        BUNDLE_FORMAT,
    ):
        raise ExchangeError("report.exchange.foreign", source)
    schema = meta.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise ExchangeError(
            "report.exchange.corrupt", source, reason=msg("report.reason.no_schema")
        )
    if schema > SCHEMA_VERSION:
        raise ExchangeError("report.exchange.newer", source, found=schema, supported=SCHEMA_VERSION)
    if meta["format"] != BUNDLE_FORMAT:
        for name, table in tables.items():
            if not isinstance(table, dict) or not all(map(str.isdigit, table)):
                raise ExchangeError(
                    "report.exchange.corrupt",
                    source,
                    reason=msg("report.reason.bad_table", table=name),
                )
    return meta["format"]


def check_id(value: Any, source: str) -> str:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise ExchangeError("report.exchange.bad_id", source, id=str(value)[:80])
    return value


class SessionFile:
    """A session log handed in for merging: its exact bytes, its session, its tables.

    The tables are parsed on first use: an input identical to the stored file (a bundle
    merged again) is recognised by its bytes and never needs them.
    """

    def __init__(
        self,
        source: str,
        raw: bytes,
        session: Session,
        tables: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        self.source = source
        self.raw = raw
        self.session = session
        self._tables = tables

    @property
    def tables(self) -> dict[str, dict[str, Any]]:
        if self._tables is None:
            data = parse_json(self.raw, self.source)
            if file_format(data, self.source) != SESSION_FORMAT:
                raise ExchangeError("report.exchange.foreign", self.source)
            if read_session_file(self.raw, data, self.source).session != self.session:
                raise ExchangeError(
                    "report.exchange.corrupt",
                    self.source,
                    reason=msg("report.reason.session_twice"),
                )
            self._tables = data
        return self._tables

    @property
    def note_docs(self) -> dict[str, Any]:
        return self.tables.get("notes", {})

    def note_count(self) -> int:
        """How many notes the file holds, without parsing them if it was not parsed yet."""
        if self._tables is not None:
            return len(self.note_docs)
        return len(_NOTE_KEY.findall(self.raw))


# Only a note document has the key "session_id" (a value followed by ':' is not JSON).
_NOTE_KEY = re.compile(rb'"session_id"\s*:')
_META_PREFIX = b'{"meta":'
_DECODER = json.JSONDecoder()


def peek_session_file(raw: bytes, source: str) -> SessionFile | None:
    """The session of a session log as the store writes it (meta table first), read from
    its first bytes; None if the file does not start that way (then parse it whole)."""
    if not raw.startswith(_META_PREFIX):
        return None
    try:
        meta_table, _ = _DECODER.raw_decode(raw.decode("utf-8"), len(_META_PREFIX))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    meta = meta_table.get("1") if isinstance(meta_table, dict) else None
    if not isinstance(meta, dict) or meta.get("format") != SESSION_FORMAT:
        return None
    file_format({"meta": {"1": meta}}, source)  # refuses a newer schema
    session = _session_of(meta, source)
    return SessionFile(source, raw, session)


def _session_of(meta: Any, source: str) -> Session:
    try:
        session = codec.session_from_doc(meta["session"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ExchangeError("report.exchange.corrupt", source, reason=repr(exc)) from exc
    check_id(session.id, source)
    check_id(session.audit_id, source)
    return session


def read_session_file(raw: bytes, tables: dict[str, Any], source: str) -> SessionFile:
    """The session metadata, checked; the notes are checked by :func:`check_notes`."""
    session = _session_of(tables["meta"]["1"], source)
    unknown = set(tables) - {"meta", "notes"}
    if unknown:
        reason = msg("report.reason.unknown_table", table=repr(sorted(unknown)[0]))
        raise ExchangeError("report.exchange.corrupt", source, reason=reason)
    return SessionFile(source, raw, session, tables)


def check_notes(session_file: SessionFile, norm_ids: frozenset[str], edition: str) -> None:
    """Every note well-formed, of this session, and naming only norms of ``edition``.

    Missing fields surface as ``KeyError``, wrong types as ``TypeError``; times must
    parse and carry a time zone (naive and aware times cannot be ordered together).
    """
    source = session_file.source
    session_id = session_file.session.id
    seen: set[str] = set()
    kinds = _KINDS
    evidence_known = _EVIDENCE.issuperset
    norms_known = norm_ids.issuperset
    from_iso = _from_iso
    note_id: Any = None
    try:
        for doc in session_file.note_docs.values():
            note_id = doc["id"]
            if type(note_id) is not str or not note_id or note_id in seen:
                raise ValueError(msg("report.reason.note_id"))
            seen.add(note_id)
            if doc["session_id"] != session_id:
                raise ValueError(
                    msg("report.reason.other_session", session=repr(str(doc["session_id"])[:80]))
                )
            if from_iso(doc["created"]).tzinfo is None:
                raise ValueError(msg("report.reason.naive_time"))
            for moment in (doc["deleted_at"], doc["state_changed"]):
                if moment is not None and from_iso(moment).tzinfo is None:
                    raise ValueError(msg("report.reason.naive_time"))
            clock = doc.get("state_clock", 0)
            if type(clock) is not int or clock < 0:
                raise ValueError(msg("report.reason.bad_fields"))
            revisions = doc["revisions"]
            if type(revisions) is not list or not revisions:
                raise ValueError(msg("report.reason.no_text"))
            for revision in revisions:
                norms = revision["norms"]
                evidence = revision["evidence"]
                clock = revision.get("clock", 0)
                if (
                    type(clock) is not int
                    or clock < 0
                    or from_iso(revision["at"]).tzinfo is None
                    or type(revision["text"]) is not str
                    or type(norms) is not list
                    or type(evidence) is not list
                    or revision["kind"] not in kinds
                    or not evidence_known(evidence)
                ):
                    raise ValueError(msg("report.reason.bad_fields"))
                if not norms_known(norms):
                    unknown = next(n for n in norms if n not in norm_ids)
                    raise ExchangeError(
                        "report.exchange.unknown_norm",
                        source,
                        note=note_id,
                        norm=str(unknown)[:20],
                        edition=edition,
                    )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, ExchangeError):
            raise
        reason = (
            msg("report.reason.in_note", note=repr(str(note_id)[:40]), reason=exc)
            if note_id
            else repr(exc)
        )
        raise ExchangeError("report.exchange.corrupt", source, reason=reason) from exc


@dataclass
class AuditFile:
    """An audit file handed in for merging: metadata and the lead's review tables."""

    source: str
    audit: Audit
    assessments: dict[str, Assessment] = field(default_factory=dict)
    trend: dict[str, TrendEdit] = field(default_factory=dict)
    texts: dict[TextKey, ReportText] = field(default_factory=dict)


def read_audit_file(tables: dict[str, Any], source: str) -> AuditFile:
    """Decode and check an audit file completely (it is small)."""
    try:
        audit = codec.audit_from_doc(tables["meta"]["1"]["audit"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ExchangeError("report.exchange.corrupt", source, reason=repr(exc)) from exc
    check_id(audit.id, source)
    try:
        catalogue = load_catalogue(audit.edition)
    except CatalogueError as exc:
        raise ExchangeError(
            "report.exchange.unknown_edition", source, edition=audit.edition
        ) from exc
    found = AuditFile(source, audit)
    try:
        _aware(audit.created)
        for doc in tables.get(ASSESSMENTS_TABLE, {}).values():
            assessment = assessment_from_doc(doc)
            if not catalogue.has_norm(assessment.norm_id):
                raise ExchangeError(
                    "report.exchange.unknown_norm",
                    source,
                    note="-",
                    norm=assessment.norm_id[:20],
                    edition=audit.edition,
                )
            for entry in assessment.decisions:
                _aware(entry.at)
            for proposal in assessment.proposals:
                _aware(proposal.at)
            _add(found.assessments, assessment.norm_id, assessment, merge_assessments)
        for doc in tables.get(TREND_TABLE, {}).values():
            edit = trend_edit_from_doc(doc)
            _aware(edit.at)
            _aware(edit.created)
            _add(found.trend, edit.id, edit, merge_latest)
        for doc in tables.get(TEXTS_TABLE, {}).values():
            text = report_text_from_doc(doc)
            _aware(text.at)
            _add(found.texts, text.key, text, merge_latest)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, ExchangeError):
            raise
        raise ExchangeError("report.exchange.corrupt", source, reason=repr(exc)) from exc
    return found


def _aware(moment: datetime) -> None:
    if moment.utcoffset() is None:
        raise ValueError(msg("report.reason.naive_time"))


def _add(into: dict, key: Any, item: Any, merge: Any) -> None:
    held = into.get(key)
    into[key] = item if held is None else merge(held, item)
