"""Check a session log or audit file that comes from another laptop, before it is merged.

The store trusts its own files; a file handed in by someone else is checked in full
first, because a merge must be all or nothing: one bad note found halfway would
otherwise leave half a merge behind. The note check works on the parsed JSON
directly (no domain objects) because a large merge checks 20,000 notes and must stay
close to the cost of reading them.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from interview_assistant.domain.assessment import Assessment, ReportText, TextKey, TrendEdit
from interview_assistant.domain.audit import Audit
from interview_assistant.domain.merge import merge_assessments, merge_latest
from interview_assistant.domain.session import Session
from interview_assistant.exchange.errors import ExchangeError
from interview_assistant.messages import msg
from interview_assistant.storage import codec
from interview_assistant.storage.assessment_codec import decode_audit_tables
from interview_assistant.storage.repository import PRIVACY_TABLE, newer_mark, privacy_mark
from interview_assistant.storage.schema import (
    AUDIT_FORMAT,
    SCHEMA_VERSION,
    SESSION_FORMAT,
    FileFormatError,
    NoteDoc,
    SessionFileDoc,
    bad_table,
    count_notes,
    decode_session_file,
    header_of,
    peek_header,
)
from interview_assistant.storage.tinydb_storage import decode_tables
from norm_catalogue import CatalogueError, load_catalogue

BUNDLE_FORMAT = "interview-assistant/bundle"

#: Audit and session ids become folder and file names, so nothing else may pass.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


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
    bundle = isinstance(data, dict) and data.get("format") == BUNDLE_FORMAT
    meta = data if bundle else header_of(data)
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
    if not bundle:
        table = bad_table(data)
        if table is not None:
            raise ExchangeError(
                "report.exchange.corrupt",
                source,
                reason=msg("report.reason.bad_table", table=table),
            )
    return meta["format"]


def check_id(value: Any, source: str) -> str:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise ExchangeError("report.exchange.bad_id", source, id=str(value)[:80])
    return value


class SessionFile:
    """A session log handed in for merging: its exact bytes, its session, its notes.

    The notes are decoded on first use: an input identical to the stored file (a bundle
    merged again) is recognised by its bytes and never needs them.
    """

    def __init__(
        self,
        source: str,
        raw: bytes,
        session: Session,
        doc: SessionFileDoc | None = None,
        digest: str = "",
    ) -> None:
        self.source = source
        self.raw = raw
        self.session = session
        self._doc = doc
        self._digest = digest

    @property
    def digest(self) -> str:
        """The SHA-256 of the bytes (given when already known, as a bundle's manifest has it)."""
        if not self._digest:
            self._digest = hashlib.sha256(self.raw).hexdigest()
        return self._digest

    @property
    def doc(self) -> SessionFileDoc:
        """The whole file, decoded and checked against the schema."""
        if self._doc is None:
            doc = _decode_session(self.raw, self.source)
            if _session_of(doc.header.session, self.source) != self.session:
                raise ExchangeError(
                    "report.exchange.corrupt",
                    self.source,
                    reason=msg("report.reason.session_twice"),
                )
            self._doc = doc
        return self._doc

    @property
    def notes(self) -> list[NoteDoc]:
        return list(self.doc.notes.values())

    def note_count(self) -> int:
        """How many notes the file holds, without decoding them if it was not decoded yet."""
        if self._doc is not None:
            return len(self._doc.notes)
        return count_notes(self.raw)


def _decode_session(raw: bytes, source: str) -> SessionFileDoc:
    try:
        return decode_session_file(raw)
    except FileFormatError as exc:
        if exc.kind == "foreign":
            raise ExchangeError("report.exchange.foreign", source) from exc
        if exc.kind == "newer":
            raise ExchangeError(
                "report.exchange.newer", source, found=exc.found, supported=SCHEMA_VERSION
            ) from exc
        raise ExchangeError("report.exchange.corrupt", source, reason=exc.reason) from exc


def peek_session_file(raw: bytes, source: str, digest: str = "") -> SessionFile | None:
    """The session of a session log as the store writes it (meta table first), read from
    its first bytes; None if the file does not start that way (then parse it whole)."""
    meta = peek_header(raw)
    if meta is None or meta.get("format") != SESSION_FORMAT:
        return None
    file_format({"meta": {"1": meta}}, source)  # refuses a newer schema
    session = _session_of(meta.get("session"), source)
    return SessionFile(source, raw, session, digest=digest)


def _session_of(doc: Any, source: str) -> Session:
    try:
        session = codec.session_from_doc(doc)
    except (KeyError, TypeError, ValueError) as exc:
        raise ExchangeError("report.exchange.corrupt", source, reason=repr(exc)) from exc
    check_id(session.id, source)
    check_id(session.audit_id, source)
    return session


def read_session_file(raw: bytes, source: str, digest: str = "") -> SessionFile:
    """A session log decoded and checked against the schema; the notes' norms and ids are
    checked by :func:`check_notes`."""
    doc = _decode_session(raw, source)
    return SessionFile(source, raw, _session_of(doc.header.session, source), doc, digest)


def check_notes(session_file: SessionFile, norm_ids: frozenset[str], edition: str) -> None:
    """Every note of this session, once, and naming only norms of ``edition``.

    The shape of every field (times with a time zone, clocks, kinds) is checked by the
    schema when the file is decoded.
    """
    source = session_file.source
    session_id = session_file.session.id
    seen: set[str] = set()
    norms_known = norm_ids.issuperset
    for doc in session_file.notes:
        problem = None
        if doc.id in seen:
            problem = msg("report.reason.note_id")
        elif doc.session_id != session_id:
            problem = msg("report.reason.other_session", session=repr(doc.session_id[:80]))
        if problem:
            reason = msg("report.reason.in_note", note=repr(doc.id[:40]), reason=problem)
            raise ExchangeError("report.exchange.corrupt", source, reason=reason)
        seen.add(doc.id)
        for revision in doc.revisions:
            if not norms_known(revision.norms):
                unknown = next(n for n in revision.norms if n not in norm_ids)
                raise ExchangeError(
                    "report.exchange.unknown_norm",
                    source,
                    note=doc.id,
                    norm=str(unknown)[:20],
                    edition=edition,
                )


@dataclass
class AuditFile:
    """An audit file handed in for merging: metadata and the lead's review tables."""

    source: str
    audit: Audit
    assessments: dict[str, Assessment] = field(default_factory=dict)
    trend: dict[str, TrendEdit] = field(default_factory=dict)
    texts: dict[TextKey, ReportText] = field(default_factory=dict)
    #: findings of the guard for personal data the lead marked as fine, by their key
    privacy_marks: dict[str, dict[str, Any]] = field(default_factory=dict)


def read_audit_file(tables: dict[str, Any], source: str) -> AuditFile:
    """Decode and check an audit file completely (it is small)."""
    try:
        audit, assessments, trend, texts = decode_audit_tables(tables)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
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
        for assessment in assessments:
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
        for edit in trend:
            _aware(edit.at)
            _aware(edit.created)
            _add(found.trend, edit.id, edit, merge_latest)
        for text in texts:
            _aware(text.at)
            _add(found.texts, text.key, text, merge_latest)
        for row in tables.get(PRIVACY_TABLE, {}).values():
            mark = privacy_mark(row)
            _add(found.privacy_marks, mark["key"], mark, newer_mark)
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
