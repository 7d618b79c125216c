"""Merge bundles, session logs and folders into an audit: all or nothing, any order, twice.

Every input is read and checked before anything is written. Under the audit's lock the
stored audit is read as it is on disk then, and :func:`~interview_assistant.domain.merge.merge_all`
(the function the property tests prove commutative, associative and idempotent) merges
every input into it; the files that changes are staged and published at one commit
point (:meth:`AuditStore.publish_merge`), so on any error, or a kill at any moment, the
audit holds either the whole merge or none of it. Merging the same input twice changes
nothing, the order of inputs does not matter, a note edited in two places keeps every
revision, and nothing is dropped.

Cost: an input identical to the stored file (byte for byte, which is what a bundle
re-merged into its own audit is) is recognised without checking or decoding a note;
a session new to the audit is checked and written as the exact bytes received; only
notes that differ from the stored copy are decoded and merged. Tables of the audit
file this version does not know are kept as they are locally and not taken from
inputs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import reduce
from pathlib import Path
from typing import Any

from interview_assistant.bulk import gc_paused
from interview_assistant.domain.audit import Audit
from interview_assistant.domain.merge import (
    AuditSnapshot,
    NoteKey,
    combine_incoming_metadata,
    combine_snapshots,
    merge_all,
)
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Session
from interview_assistant.exchange.errors import ExchangeError
from interview_assistant.exchange.inputs import Inputs, collect_inputs, reread_inputs
from interview_assistant.exchange.progress import Progress, ProgressCallback
from interview_assistant.exchange.validate import AuditFile, SessionFile, check_notes
from interview_assistant.messages import msg
from interview_assistant.storage.repository import (
    AuditStore,
    StoredAudit,
    StoreError,
    newer_mark,
)
from interview_assistant.storage.schema import NoteDoc, note_from_doc
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
        for key, table in (
            ("report.merge.assessments", self.assessments),
            ("report.merge.trend", self.trend),
            ("report.merge.texts", self.texts),
        ):
            if table.total:
                lines.append(msg(key, tally=table.describe()))
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
    files = [Path(p) for p in paths]
    if not files:
        raise ExchangeError("report.exchange.no_input")

    def tick(stage: str) -> Callable[[int, int, str], None] | None:
        if progress is None:
            return None
        return lambda done, total, item: progress(Progress(stage, done, total, item))

    with gc_paused():
        inputs = collect_inputs(files, tick("read"))
        report = _merge(store, inputs, audit, progress)
        # Freed by reference counting while the collector still sleeps; left alive, its
        # first pass would walk every parsed note once more.
        del inputs
    return report


def _merge(
    store: AuditStore, inputs: Inputs, audit: str | None, progress: ProgressCallback | None
) -> MergeReport:
    target = _target_audit(store, audit, inputs)
    audit_files = [f for f in inputs.audits if f.audit.id == target]
    audits = [f.audit for f in audit_files]
    incoming = reduce(combine_incoming_metadata, audits) if audits else None
    norm_ids: dict[str, frozenset[str]] = {}

    def check(session_file: SessionFile, edition: str) -> None:
        if edition not in norm_ids:
            norm_ids[edition] = frozenset(load_catalogue(edition).norm_ids)
        check_notes(session_file, norm_ids[edition], edition)

    no_audit = ExchangeError(
        "report.exchange.no_audit_data",
        inputs.files[0] if inputs.files else "",
        audit=target,
        data_dir=str(store.data_dir),
    )
    new_audit = target not in store.audit_ids()
    if new_audit:
        if incoming is None:
            raise no_audit
        _check_editions(inputs, target, incoming.edition)
    folder_existed = store.audit_dir(target).exists()
    try:
        with store.locked(target):
            report = _merge_locked(store, target, inputs, incoming, check, audit_files, progress)
    except BaseException:
        if new_audit and not folder_existed:
            # the lock made the audit's folder; a merge refused leaves no trace of it
            store.discard_unpublished_audit(target)
        raise
    report.problems = tuple(p.message for p in store.take_problems())
    return report


def _merge_locked(
    store: AuditStore,
    target: str,
    inputs: Inputs,
    incoming: Audit | None,
    check: Callable[[SessionFile, str], None],
    audit_files: list[AuditFile],
    progress: ProgressCallback | None,
) -> MergeReport:
    """Under the audit's lock: read each input again, one at a time, fold it in, publish."""
    # Everything that is rewritten is read here, under the lock, as it is on disk now.
    local = store.stored_audit(target)
    base = local.audit if local else incoming
    if base is None:  # removed while the merge waited for the lock
        raise ExchangeError(
            "report.exchange.no_audit_data",
            inputs.files[0] if inputs.files else "",
            audit=target,
            data_dir=str(store.data_dir),
        )
    _check_editions(inputs, target, base.edition)
    report = MergeReport(target, base.organisation, inputs=tuple(inputs.files))
    plan = _Plan(store, target, report, lambda f: check(f, base.edition), local)
    for file in audit_files:
        plan.add_audit_file(file)
    total = len(inputs.digests)
    for number, one in enumerate(reread_inputs(inputs), start=1):
        while one.sessions:  # each let go once folded in, before the next input is read
            plan.add_session_file(one.sessions.pop(0))
        if progress:
            progress(Progress("check", number, total, inputs.files[number - 1]))
    if progress:
        progress(Progress("write", 0, 1, target))
    audit_file, session_files = plan.files()
    try:
        store.publish_merge(target, audit_file, session_files)
    except OSError as exc:
        raise ExchangeError(
            "report.exchange.write_failed",
            target,
            path=store.audit_dir(target),
            reason=exc.strerror or exc,
        ) from exc
    if progress:
        progress(Progress("write", 1, 1, target))
    return report


def _target_audit(store: AuditStore, wanted: str | None, inputs: Inputs) -> str:
    """The one audit every input belongs to (``wanted`` if given); else an error naming the
    first input of another audit."""
    organisations = {d.audit_id: d.organisation for d in inputs.declared}
    organisations.update({a.audit_id: a.organisation for a in inputs.audit_sources})
    named: list[tuple[str, str, str]] = [
        (source, audit_id, organisations.get(audit_id, ""))
        for source, audit_id in (
            [(d.source, d.audit_id) for d in inputs.declared]
            + [(a.source, a.audit_id) for a in inputs.audit_sources]
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


def _check_editions(inputs: Inputs, target: str, edition: str) -> None:
    for source, found in [(a.source, a.edition) for a in inputs.audit_sources] + [
        (d.source, d.edition) for d in inputs.declared
    ]:
        if found != edition:
            raise ExchangeError(
                "report.exchange.edition", source, found=found, audit=target, expected=edition
            )


@dataclass
class _SessionFold:
    """One session as its logs arrive, one input at a time.

    ``mode`` is what the logs so far allow: ``identical`` (every one is the stored file,
    nothing to do), ``new`` (one log, new to the audit: written as the bytes received) or
    ``merging`` (their notes that differ from the stored ones are decoded and folded in).
    """

    stored: str | None  # digest of the stored log, None if the audit has none
    auditor: str = ""
    mode: str = ""
    digests: set[str] = field(default_factory=set)  # logs folded in already
    first: SessionFile | None = None  # the one log of a session new to the audit
    notes: int = 0  # its notes (identical or new), for the tally
    stored_docs: dict[str, NoteDoc] = field(default_factory=dict)


class _Plan:
    """A merge worked out under the audit's lock: :func:`merge_all` of the stored audit
    and every input, and the files that makes change.

    Inputs are folded in one at a time (:meth:`add_session_file`), so the plan holds the
    merged result, never every input. The snapshots hold only what may change: a session
    log identical to the stored one is left out (merging a snapshot into itself changes
    nothing), one new to the audit is written as the exact bytes received (merging into
    nothing gives the input), and of the others only the notes whose documents differ
    from the stored ones are decoded.
    """

    def __init__(
        self,
        store: AuditStore,
        audit_id: str,
        report: MergeReport,
        check: Callable[[SessionFile], None],
        local: StoredAudit | None,
    ) -> None:
        self.store = store
        self.audit_id = audit_id
        self.report = report
        self.check = check
        self.stored = local
        self.report.created = local is None
        self.local = AuditSnapshot(
            local.audit if local else None,
            assessments=local.assessments if local else {},
            trend=local.trend if local else {},
            texts=local.texts if local else {},
        )
        #: the lead's marks on personal-data findings: stored, and as the inputs have them
        self.local_marks = store.load_privacy_marks(audit_id) if local else {}
        self.marks: dict[str, dict[str, Any]] = {}
        self.local_sessions: dict[str, Session] = {}
        self.local_notes: dict[NoteKey, Note] = {}
        #: every input folded in so far, as :func:`merge_all` combines its inputs
        self.incoming = AuditSnapshot(None)
        self.sessions: dict[str, _SessionFold] = {}
        self.seen: dict[str, set[str]] = {}  # session id -> note ids the inputs carry
        self.stored_ids: dict[str, set[str]] = {}  # session id -> note ids stored

    def _fold(self, snapshot: AuditSnapshot) -> None:
        self.incoming = combine_snapshots(self.incoming, snapshot)

    def add_audit_file(self, audit_file: AuditFile) -> None:
        for key, mark in audit_file.privacy_marks.items():
            held = self.marks.get(key)
            self.marks[key] = mark if held is None else newer_mark(held, mark)
        self._fold(
            AuditSnapshot(
                audit_file.audit,
                assessments=audit_file.assessments,
                trend=audit_file.trend,
                texts=audit_file.texts,
            )
        )

    def add_session_file(self, session_file: SessionFile) -> None:
        """Fold one session log in; the same log twice (by its bytes) counts once."""
        session_id = session_file.session.id
        fold = self.sessions.get(session_id)
        if fold is None:
            stored_raw = self.store.session_file_bytes(self.audit_id, session_id)
            fold = self.sessions[session_id] = _SessionFold(
                None if stored_raw is None else _digest(stored_raw),
                session_file.session.auditor,
            )
        digest = session_file.digest
        if digest in fold.digests:
            return
        fold.digests.add(digest)
        self._fold(AuditSnapshot(None, sessions={session_id: session_file.session}))
        if digest == fold.stored:  # the stored log itself
            if not fold.mode:
                fold.mode, fold.notes = "identical", session_file.note_count()
            elif fold.mode == "merging":
                self.seen[session_id].update(fold.stored_docs)
            return
        self.check(session_file)
        if fold.stored is None and not fold.mode:
            # kept as bytes only (the notes the check decoded are let go): written as received
            fold.mode, fold.notes = "new", session_file.note_count()
            first = SessionFile(session_file.source, session_file.raw, session_file.session)
            fold.first = first
            return
        if fold.mode != "merging":
            self._start_merging(session_id, fold)
        self._fold_notes(session_id, fold, session_file)

    def _start_merging(self, session_id: str, fold: _SessionFold) -> None:
        """A second version of a session: from now on its notes are decoded and merged."""
        before, first = fold.mode, fold.first
        fold.mode, fold.first = "merging", None
        stored = self.store.stored_session(self.audit_id, session_id) if fold.stored else None
        fold.stored_docs = stored.note_docs if stored else {}
        self.stored_ids[session_id] = set(fold.stored_docs)
        if stored is not None:
            self.local_sessions[session_id] = stored.session
        self.seen[session_id] = set()
        if before == "identical":
            self.seen[session_id].update(fold.stored_docs)
        elif before == "new" and first is not None:
            self._fold_notes(session_id, fold, first)

    def _fold_notes(self, session_id: str, fold: _SessionFold, session_file: SessionFile) -> None:
        seen = self.seen[session_id]
        notes: dict[NoteKey, Note] = {}
        for doc in session_file.notes:
            note_id = doc.id
            seen.add(note_id)
            held = fold.stored_docs.get(note_id)
            if held == doc:
                continue  # the stored note itself
            notes[(session_id, note_id)] = note_from_doc(doc)
            if held is not None and (session_id, note_id) not in self.local_notes:
                self.local_notes[(session_id, note_id)] = note_from_doc(held)
        self._fold(AuditSnapshot(None, notes=notes))

    def files(self) -> tuple[bytes | None, dict[str, bytes]]:
        """Run the merge; count what it changed; the audit file and session logs to write."""
        local = replace(self.local, sessions=self.local_sessions, notes=self.local_notes)
        merged = merge_all(local, [self.incoming])
        assert merged.audit is not None
        session_files: dict[str, bytes] = {}
        for session_id, fold in sorted(self.sessions.items()):
            if fold.mode == "merging":
                continue
            tally = self.report.auditor(fold.auditor)
            if fold.mode == "identical":
                tally.sessions.unchanged += 1
                tally.notes.unchanged += fold.notes
            elif fold.first is not None:  # new to the audit: the bytes received
                session_files[session_id] = fold.first.raw
                tally.sessions.added += 1
                tally.notes.added += fold.notes
        for session_id, session in sorted(merged.sessions.items()):
            if session_id not in self.seen:
                continue  # identical to the stored log or new to the audit: counted above
            before = self.local_sessions.get(session_id)
            tally = self.report.auditor((before or session).auditor)
            changed = [
                note
                for key, note in sorted(merged.notes.items())
                if key[0] == session_id and note != self.local_notes.get(key)
            ]
            added = sum(1 for n in changed if n.id not in self.stored_ids[session_id])
            tally.notes.added += added
            tally.notes.updated += len(changed) - added
            tally.notes.unchanged += len(self.seen[session_id]) - len(changed)
            if before is None:
                tally.sessions.added += 1
            elif changed or session != before:
                tally.sessions.updated += 1
            else:
                tally.sessions.unchanged += 1
                continue
            session_files[session_id] = self.store.session_file_data(
                self.audit_id, session, changed
            )
        return self._audit_file(merged), session_files

    def _audit_file(self, merged: AuditSnapshot) -> bytes | None:
        assert merged.audit is not None
        changed: dict[str, list] = {}
        for name, local_rows, merged_rows in (
            ("assessments", self.local.assessments, merged.assessments),
            ("trend", self.local.trend, merged.trend),
            ("texts", self.local.texts, merged.texts),
        ):
            counts: Tally = getattr(self.report, name)
            rows = changed.setdefault(name, [])
            for key in sorted(getattr(self.incoming, name)):
                before, after = local_rows.get(key), merged_rows[key]
                if before is None:
                    counts.added += 1
                elif after != before:
                    counts.updated += 1
                else:
                    counts.unchanged += 1
                    continue
                rows.append(after)
        marks = []
        for key, mark in sorted(self.marks.items()):
            held = self.local_marks.get(key)
            if held is None or newer_mark(held, mark) != held:
                marks.append(mark)
        audit_changed = merged.audit != self.local.audit
        self.report.audit_updated = self.stored is not None and (audit_changed or bool(marks))
        if not audit_changed and not any(changed.values()) and not marks:
            return None
        return self.store.audit_file_data(
            merged.audit, changed["assessments"], changed["trend"], changed["texts"], marks
        )


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()
