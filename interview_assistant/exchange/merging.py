"""Merge bundles, session logs and folders into an audit: all or nothing, any order, twice.

Every input is read and checked before anything is written; the merged files are
then staged and published together (:meth:`AuditStore.publish_merge`), so on any
error the audit is exactly as before. Notes, sessions, assessments, trend points and
texts are merged with the functions of :mod:`interview_assistant.domain.merge`,
which are commutative, associative and idempotent: merging the same input twice
changes nothing, the order of inputs does not matter, a note edited in two places
keeps every revision, and nothing is dropped.

Cost: an input identical to the stored file (byte for byte, which is what a bundle
re-merged into its own audit is) is recognised without checking or decoding a note;
a session new to the audit is checked and written as the exact bytes received; only
notes that differ from the stored copy are decoded and merged. Tables of the audit
file this version does not know are kept as they are locally and not taken from
inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from interview_assistant.bulk import gc_paused
from interview_assistant.domain.audit import Audit
from interview_assistant.domain.merge import (
    combine_incoming_metadata,
    merge_assessments,
    merge_audit_metadata,
    merge_latest,
    merge_notes,
    merge_sessions,
)
from interview_assistant.domain.session import Session
from interview_assistant.exchange.errors import ExchangeError
from interview_assistant.exchange.inputs import Inputs, collect_inputs
from interview_assistant.exchange.progress import Progress, ProgressCallback
from interview_assistant.exchange.validate import AuditFile, SessionFile, check_notes
from interview_assistant.messages import msg
from interview_assistant.storage import codec
from interview_assistant.storage.assessment_codec import (
    ASSESSMENTS_TABLE,
    TEXTS_TABLE,
    TREND_TABLE,
    assessment_to_doc,
    report_text_to_doc,
    trend_edit_to_doc,
)
from interview_assistant.storage.repository import (
    AUDIT_FORMAT,
    SCHEMA_VERSION,
    SESSION_FORMAT,
    AuditStore,
    StoreError,
)
from norm_catalogue import load_catalogue

# -- what a merge reports ----------------------------------------------------------------------


@dataclass
class Tally:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged

    def describe(self) -> str:
        return msg(
            "report.merge.tally",
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
        )


@dataclass
class AuditorTally:
    sessions: Tally = field(default_factory=Tally)
    notes: Tally = field(default_factory=Tally)


@dataclass
class MergeReport:
    """What a merge did, per auditor, for the CLI and the TUI to show."""

    audit_id: str
    organisation: str
    created: bool = False
    audit_updated: bool = False
    auditors: dict[str, AuditorTally] = field(default_factory=dict)
    assessments: Tally = field(default_factory=Tally)
    trend: Tally = field(default_factory=Tally)
    texts: Tally = field(default_factory=Tally)
    inputs: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    def auditor(self, name: str) -> AuditorTally:
        return self.auditors.setdefault(name, AuditorTally())

    @property
    def changed(self) -> bool:
        return (
            self.created
            or self.audit_updated
            or any(t.sessions.changed or t.notes.changed for t in self.auditors.values())
            or self.assessments.changed
            or self.trend.changed
            or self.texts.changed
        )

    def lines(self) -> list[str]:
        """The summary in Dutch, one line per auditor and per audit-level table."""
        lines = []
        if self.created:
            lines.append(msg("report.merge.created", audit=self.audit_id, org=self.organisation))
        for name in sorted(self.auditors):
            tally = self.auditors[name]
            lines.append(
                msg(
                    "report.merge.auditor",
                    auditor=name or "?",
                    sessions=tally.sessions.describe(),
                    notes=tally.notes.describe(),
                )
            )
        for key, counts in (
            ("report.merge.assessments", self.assessments),
            ("report.merge.trend", self.trend),
            ("report.merge.texts", self.texts),
        ):
            if counts.total:
                lines.append(msg(key, tally=counts.describe()))
        lines.extend(self.problems)
        if not self.changed:
            lines.append(msg("report.merge.nothing"))
        return lines

    def as_json(self) -> dict[str, Any]:
        def tally(t: Tally) -> dict[str, int]:
            return {"added": t.added, "updated": t.updated, "unchanged": t.unchanged}

        return {
            "audit": self.audit_id,
            "organisation": self.organisation,
            "created": self.created,
            "changed": self.changed,
            "auditors": {
                name: {"sessions": tally(t.sessions), "notes": tally(t.notes)}
                for name, t in sorted(self.auditors.items())
            },
            "assessments": tally(self.assessments),
            "trend": tally(self.trend),
            "texts": tally(self.texts),
            "inputs": list(self.inputs),
            "problems": list(self.problems),
        }


# -- the merge -------------------------------------------------------------------------------


def merge_inputs(
    store: AuditStore,
    paths: Iterable[str | Path],
    audit: str | None = None,
    progress: ProgressCallback | None = None,
) -> MergeReport:
    """Merge every input into its audit (``audit``: id or prefix to insist on one).

    Raises :class:`ExchangeError` (naming the input) or ``StoreError`` before anything
    is written. An audit not yet in the data folder is created from a bundle's
    audit file; that is how a second auditor joins the audit the lead set up.
    """
    input_paths = [Path(p) for p in paths]
    if not input_paths:
        raise ExchangeError("report.exchange.no_input")

    def tick(stage: str) -> Callable[[int, int, str], None] | None:
        if progress is None:
            return None
        return lambda done, total, item: progress(Progress(stage, done, total, item))

    with gc_paused():
        inputs = collect_inputs(input_paths, tick("read"))
        report = _merge(store, inputs, audit, progress)
        # Freed by reference counting while the collector still sleeps; left alive, its
        # first pass would walk every parsed note once more.
        del inputs
    return report


def _merge(
    store: AuditStore, inputs: Inputs, audit: str | None, progress: ProgressCallback | None
) -> MergeReport:
    target = _target_audit(store, audit, inputs)
    local_audit = store.load_audit(target) if target in store.audit_ids() else None
    incoming = _incoming_audit(inputs, target)
    if local_audit is None and incoming is None:
        raise ExchangeError(
            "report.exchange.no_audit_data",
            inputs.files[0] if inputs.files else "",
            audit=target,
            data_dir=str(store.data_dir),
        )
    base = local_audit or incoming
    assert base is not None
    _check_editions(inputs, target, base.edition)
    norm_ids = frozenset(load_catalogue(base.edition).norm_ids)
    checked: set[int] = set()

    def check(session_file: SessionFile) -> None:
        if id(session_file) not in checked:
            check_notes(session_file, norm_ids, base.edition)
            checked.add(id(session_file))

    sessions: dict[str, list[SessionFile]] = {}
    for session_file in inputs.sessions:
        sessions.setdefault(session_file.session.id, []).append(session_file)
    if local_audit is None:
        # A new audit: check everything before the lock creates its folder.
        for session_file in inputs.sessions:
            check(session_file)
    report = MergeReport(target, base.organisation, inputs=tuple(inputs.files))
    with store.locked(target):
        # Under the lock, an input identical to the stored file is left alone unchecked;
        # any other is checked before anything is written.
        plan = _Plan(store, target, report, check)
        for number, (session_id, files) in enumerate(sorted(sessions.items()), start=1):
            plan.merge_session(session_id, files)
            if progress:
                progress(Progress("check", number, len(sessions), session_id))
        auditors = {f.session.auditor for f in inputs.sessions if f.session.auditor}
        plan.merge_audit_file(local_audit, incoming, inputs.audits, auditors)
        if progress:
            progress(Progress("write", 0, 1, target))
        try:
            store.publish_merge(target, plan.audit_tables, plan.session_files)
        except OSError as exc:
            raise ExchangeError(
                "report.exchange.write_failed",
                target,
                path=store.audit_dir(target),
                reason=exc.strerror or exc,
            ) from exc
        if progress:
            progress(Progress("write", 1, 1, target))
    report.problems = tuple(p.message for p in store.take_problems())
    return report


def _target_audit(store: AuditStore, wanted: str | None, inputs: Inputs) -> str:
    """The one audit every input belongs to (``wanted`` if given); else an error naming the
    first input of another audit."""
    organisations = {d.audit_id: d.organisation for d in inputs.declared}
    organisations.update({f.audit.id: f.audit.organisation for f in inputs.audits})
    named: list[tuple[str, str, str]] = [
        (source, audit_id, organisations.get(audit_id, ""))
        for source, audit_id in (
            [(d.source, d.audit_id) for d in inputs.declared]
            + [(f.source, f.audit.id) for f in inputs.audits]
            + [(f.source, f.session.audit_id) for f in inputs.sessions]
        )
    ]
    if not named:
        raise ExchangeError("report.exchange.no_input")
    if wanted:
        ids = {audit_id for _, audit_id, _ in named}
        try:
            target = store.resolve_audit(wanted)
        except StoreError:
            if wanted not in ids:
                raise
            target = wanted
    else:
        distinct = sorted({audit_id for _, audit_id, _ in named})
        if len(distinct) > 1:
            raise ExchangeError("report.exchange.mixed_audits", audits=", ".join(distinct))
        target = distinct[0]
    for source, audit_id, organisation in named:
        if audit_id != target:
            raise ExchangeError(
                "report.exchange.other_audit",
                source,
                found=audit_id,
                organisation=organisation or "?",
                expected=target,
            )
    return target


def _incoming_audit(inputs: Inputs, target: str) -> Audit | None:
    incoming: Audit | None = None
    for audit_file in inputs.audits:
        if audit_file.audit.id == target:
            audit = audit_file.audit
            incoming = audit if incoming is None else combine_incoming_metadata(incoming, audit)
    return incoming


def _check_editions(inputs: Inputs, target: str, edition: str) -> None:
    for source, found in [(f.source, f.audit.edition) for f in inputs.audits] + [
        (d.source, d.edition) for d in inputs.declared
    ]:
        if found != edition:
            raise ExchangeError(
                "report.exchange.edition", source, found=found, audit=target, expected=edition
            )


def _union(into: dict, items: Mapping, merge: Callable[[Any, Any], Any]) -> None:
    for key, item in items.items():
        held = into.get(key)
        into[key] = item if held is None else merge(held, item)


class _Plan:
    """The files a merge will write, worked out under the audit's lock."""

    def __init__(
        self,
        store: AuditStore,
        audit_id: str,
        report: MergeReport,
        check: Callable[[SessionFile], None],
    ) -> None:
        self.store = store
        self.audit_id = audit_id
        self.report = report
        self.check = check
        self.session_files: dict[str, bytes | dict[str, dict[str, Any]]] = {}
        self.audit_tables: dict[str, dict[str, Any]] | None = None

    # -- session logs --------------------------------------------------------------------

    def merge_session(self, session_id: str, files: list[SessionFile]) -> None:
        distinct = list({f.raw: f for f in files}.values())
        stored = self.store.session_file_bytes(self.audit_id, session_id)
        if stored is not None and all(f.raw == stored for f in distinct):
            tally = self.report.auditor(distinct[0].session.auditor)
            tally.sessions.unchanged += 1
            tally.notes.unchanged += distinct[0].note_count()
            return
        for session_file in distinct:
            if session_file.raw != stored:
                self.check(session_file)  # the stored file changed since the first look
        local = self.store.read_session_tables(self.audit_id, session_id) if stored else None
        if local is None and len(distinct) == 1:
            only = distinct[0]
            self.session_files[session_id] = only.raw
            tally = self.report.auditor(only.session.auditor)
            tally.sessions.added += 1
            tally.notes.added += len(only.note_docs)
            return
        self._merge_tables(session_id, local, sorted(distinct, key=lambda f: f.raw))

    def _merge_tables(
        self,
        session_id: str,
        local: dict[str, dict[str, Any]] | None,
        files: list[SessionFile],
    ) -> None:
        local_notes: dict[str, Any] = dict(local.get("notes", {})) if local else {}
        local_session: Session | None = None
        if local:
            local_session = codec.session_from_doc(local["meta"]["1"]["session"])
        doc_id_of = {doc["id"]: doc_id for doc_id, doc in local_notes.items()}
        current: dict[str, Any] = {doc["id"]: doc for doc in local_notes.values()}
        touched: list[str] = []
        session = local_session
        for session_file in files:
            session = (
                session_file.session
                if session is None
                else merge_sessions(session, session_file.session)
            )
            for doc in session_file.note_docs.values():
                note_id = doc["id"]
                if note_id not in touched:
                    touched.append(note_id)
                held = current.get(note_id)
                if held is None:
                    current[note_id] = doc
                elif held != doc:
                    before = codec.note_from_doc(held)
                    merged = merge_notes(before, codec.note_from_doc(doc))
                    if merged != before:
                        current[note_id] = codec.note_to_doc(merged)
        assert session is not None
        tally = self.report.auditor((local_session or session).auditor)
        changed = session != local_session
        for note_id in touched:
            if note_id not in doc_id_of:
                tally.notes.added += 1
                changed = True
            elif current[note_id] is not local_notes[doc_id_of[note_id]]:
                tally.notes.updated += 1
                changed = True
            else:
                tally.notes.unchanged += 1
        if local is None:
            tally.sessions.added += 1
        elif changed:
            tally.sessions.updated += 1
        else:
            tally.sessions.unchanged += 1
            return
        notes_table = dict(local_notes)
        next_id = max((int(k) for k in notes_table), default=0) + 1
        for note_id in touched:
            if note_id in doc_id_of:
                notes_table[doc_id_of[note_id]] = current[note_id]
            else:
                notes_table[str(next_id)] = current[note_id]
                next_id += 1
        tables = dict(local or {})
        if session != local_session:
            tables["meta"] = {
                "1": {
                    "format": SESSION_FORMAT,
                    "schema": SCHEMA_VERSION,
                    "session": codec.session_to_doc(session),
                }
            }
        tables["notes"] = notes_table
        self.session_files[session_id] = tables

    # -- the audit file ------------------------------------------------------------------

    def merge_audit_file(
        self,
        local_audit: Audit | None,
        incoming: Audit | None,
        audit_files: list[AuditFile],
        auditors: set[str],
    ) -> None:
        base = local_audit or incoming
        assert base is not None
        joined = merge_audit_metadata(base, replace(base, team=tuple(sorted(auditors))))
        if local_audit is not None and incoming is not None:
            joined = merge_audit_metadata(joined, incoming)
        if local_audit is not None:
            local_tables = self.store.read_audit_tables(self.audit_id) or {}
            held: tuple[dict, dict, dict] = (
                self.store.load_assessments(self.audit_id),
                self.store.load_trend_edits(self.audit_id),
                self.store.load_report_texts(self.audit_id),
            )
        else:
            local_tables, held = {}, ({}, {}, {})
            self.report.created = True
        incoming_rows: tuple[dict, dict, dict] = ({}, {}, {})
        for audit_file in audit_files:
            _union(incoming_rows[0], audit_file.assessments, merge_assessments)
            _union(incoming_rows[1], audit_file.trend, merge_latest)
            _union(incoming_rows[2], audit_file.texts, merge_latest)
        tables = dict(local_tables)
        changed = joined != local_audit
        row_tables: list[tuple[str, str, Callable[[Any], Any], Callable[[Any, Any], Any], str]] = [
            (ASSESSMENTS_TABLE, "norm_id", assessment_to_doc, merge_assessments, "assessments"),
            (TREND_TABLE, "id", trend_edit_to_doc, merge_latest, "trend"),
            (TEXTS_TABLE, "key", report_text_to_doc, merge_latest, "texts"),
        ]
        for (name, key, encode, merge, tally), local_rows, new_rows in zip(
            row_tables, held, incoming_rows, strict=True
        ):
            counts: Tally = getattr(self.report, tally)
            updates = {}
            for row_key, item in new_rows.items():
                before = local_rows.get(row_key)
                merged = item if before is None else merge(before, item)
                if before is None:
                    counts.added += 1
                elif merged != before:
                    counts.updated += 1
                else:
                    counts.unchanged += 1
                    continue
                updates[str(row_key)] = encode(merged)
            if updates:
                changed = True
                tables[name] = _upsert(local_tables.get(name, {}), key, updates)
        if not changed:
            return
        self.report.audit_updated = local_audit is not None and joined != local_audit
        if joined != local_audit:
            tables["meta"] = {
                "1": {
                    "format": AUDIT_FORMAT,
                    "schema": SCHEMA_VERSION,
                    "audit": codec.audit_to_doc(joined),
                }
            }
        self.audit_tables = tables


def _upsert(table: dict[str, Any], key: str, rows: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``table`` with ``rows`` (by their ``key`` value) replaced in place or appended."""
    result = dict(table)
    pending = dict(rows)
    for doc_id, doc in table.items():
        value = doc.get(key) if isinstance(doc, dict) else None
        if value in pending:
            result[doc_id] = pending.pop(value)
    next_id = max((int(k) for k in result), default=0) + 1
    for offset, row in enumerate(pending.values()):
        result[str(next_id + offset)] = row
    return result
