"""An opened audit: the service every front end (TUI, line mode, CLI) works through.

It owns the rules that hold whichever way a note comes in: parse the tags against the
audit's catalogue, store durably first, and only then update the in-memory state and
the live coverage. If storing fails, nothing in memory changes and the caller keeps
the user's text.

Threads. A workspace is shared by the thread that shows it (the TUI's UI thread) and
workers (loading, a norm's notes, the report, reading other processes' changes). The
rule: **everything in a workspace and its store is read and changed under
``workspace.lock``** (re-entrant). The methods take it themselves; a worker that reads
several things in a row, or the plain attributes (``audit``, ``logs``, ``coverage``),
holds it across them. Only the owning thread changes the attributes, so it may read
them without the lock. Changes other processes make are read on a worker into new
objects (:meth:`AuditWorkspace.read_changes`) and swapped in by the owner
(:meth:`AuditWorkspace.apply`); a local change made in between makes ``apply`` refuse
the stale read and ask for another (``Refreshed.retry``), so no note is lost from view.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from interview_assistant.domain.audit import Audit, CoreData
from interview_assistant.domain.coverage import Coverage, NormCoverage
from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.ids import new_id, new_note_id, now, to_iso
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import (
    HeardPerson,
    Interviewee,
    PersonLink,
    Session,
    SessionKind,
    heard_people,
)
from interview_assistant.domain.tags import ParsedNote, parse_note
from interview_assistant.storage.repository import AuditStore, FileProblem, SessionLog, StoreError
from norm_catalogue import Catalogue, Norm, load_catalogue


def create_audit(
    store: AuditStore,
    organisation: str,
    edition: str | None = None,
    target: int | None = None,
    core: CoreData | None = None,
    team: Iterable[str] = (),
) -> Audit:
    """Create and store a new audit; the catalogue edition must exist."""
    if not organisation.strip():
        raise DomainError("audit.blank_organisation")
    catalogue = load_catalogue(edition)
    if target is not None and target < 1:
        raise DomainError("audit.bad_target")
    existing = set(store.audit_ids())
    audit_id = new_id()
    while audit_id in existing:
        audit_id = new_id()
    audit = Audit(
        id=audit_id,
        organisation=organisation.strip(),
        edition=catalogue.edition,
        created=now(),
        target=target or catalogue.target,
        team=tuple(team),
        core=core or CoreData(),
    )
    store.create_audit(audit)
    return audit


@dataclass(frozen=True)
class Refreshed:
    """What a refresh brought in from disk; false when nothing changed."""

    #: sessions added, changed or removed by another process
    sessions: frozenset[str] = frozenset()
    #: the audit's metadata: organisation, core data, team, target
    audit: bool = False
    #: assessments (verdicts, proposals), trend points or report texts
    review: bool = False
    #: a change was made here while reading: the read was dropped, read again
    retry: bool = False

    def __bool__(self) -> bool:
        return bool(self.sessions or self.audit or self.review)


@dataclass(frozen=True)
class WorkspaceUpdate:
    """Another process's changes, read into new objects, waiting for :meth:`apply`."""

    version: int
    audit: Audit | None
    logs: dict[str, SessionLog] | None
    #: sessions removed (reversibly) by the auditor, read with ``logs``
    removed: dict[str, SessionLog] | None
    coverage: Coverage | None
    sessions: frozenset[str]
    #: session files read from disk for this update
    reread: frozenset[str]


class AuditWorkspace:
    def __init__(self, store: AuditStore, audit_id: str) -> None:
        self.store = store
        #: guards this workspace, its review and its store (see the module docstring)
        self.lock = threading.RLock()
        #: bumped by every change made through this workspace
        self._version = 0
        #: sessions whose file must be read again whatever its signature says
        self._stale: set[str] = set()
        self.audit: Audit = store.load_audit(audit_id)
        self.catalogue: Catalogue = load_catalogue(self.audit.edition)
        store.sweep_stale_temp_files(audit_id)
        # ordered for error messages, hashed for lookups
        self._norm_ids = dict.fromkeys(self.catalogue.norm_ids)
        #: the sessions that count: coverage, lists and the report are built from these
        self.logs: dict[str, SessionLog] = {}
        #: sessions the auditor removed while they had notes: hidden, restorable
        self.removed_logs: dict[str, SessionLog] = {}
        self.coverage = Coverage(self.catalogue.norm_ids, self.audit.target)
        self.reload()
        store.tighten_permissions(audit_id)  # after reading: what was set aside is not told twice

    @classmethod
    def open(cls, store: AuditStore, audit_prefix: str) -> AuditWorkspace:
        return cls(store, store.resolve_audit(audit_prefix))

    @property
    def version(self) -> int:
        """Bumped by every change made here or picked up from disk: a reader that keeps
        something built from the notes (the note search's index) rebuilds when it moved."""
        return self._version

    def take_problems(self) -> list[FileProblem]:
        """Files set aside since the last call (corrupt, foreign), for the UI to report once."""
        with self.lock:
            return self.store.take_problems()

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """Hold the lock for a change; a stale read of other processes' changes is dropped."""
        with self.lock:
            yield
            self._version += 1

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read every session log from disk and rebuild coverage."""
        with self._changing():
            logs = {log.session.id: log for log in self.store.load_session_logs(self.audit.id)}
            self.logs, self.removed_logs = _split_removed(logs)
            self.coverage = self._coverage_of(self.logs, self.audit.target)

    def refresh(self) -> Refreshed:
        """Pick up changes another process made (notes, sessions, the audit's metadata).

        For a single-threaded caller (the line mode, the CLI); the TUI reads on a worker
        with :meth:`read_changes` and applies on its UI thread.
        """
        return self.apply(self.read_changes())

    def read_changes(self, audit_file: bool = True) -> WorkspaceUpdate:
        """Read what other processes changed into new objects (any thread); see :meth:`apply`.

        Session files are read only when they differ from what is in memory (our own
        writes are recognised); ``audit_file=False`` skips the audit's metadata.
        """
        with self.lock:
            audit_id = self.audit.id
            audit = None
            if audit_file:
                fresh = self.store.load_audit(audit_id)
                audit = fresh if fresh != self.audit else None
            on_disk = set(self.store.session_ids(audit_id))
            read: dict[str, SessionLog] = {}
            known = {**self.logs, **self.removed_logs}
            gone = {sid for sid in known if sid not in on_disk}
            for session_id in on_disk:
                if (
                    session_id in known
                    and session_id not in self._stale
                    and not self.store.session_changed_on_disk(audit_id, session_id)
                ):
                    continue
                log = self.store.load_session_log(audit_id, session_id)
                if log is not None:
                    read[session_id] = log
                elif session_id in known:
                    gone.add(session_id)  # unreadable now: set aside and reported
            target = (audit or self.audit).target
            logs = removed = coverage = None
            if read or gone or target != self.coverage.target:
                every = {sid: log for sid, log in known.items() if sid not in gone}
                every.update(read)
                logs, removed = _split_removed(every)
                coverage = self._coverage_of(logs, target)
            return WorkspaceUpdate(
                self._version,
                audit,
                logs,
                removed,
                coverage,
                frozenset(read) | frozenset(gone),
                frozenset(read),
            )

    def apply(self, update: WorkspaceUpdate) -> Refreshed:
        """Swap in what :meth:`read_changes` read, on the thread that owns the workspace."""
        with self.lock:
            if update.version != self._version:
                # changed here meanwhile: the read may lack it; read those files again
                self._stale |= update.reread
                return Refreshed(retry=True)
            if update.audit is not None:
                self.audit = update.audit
            if update.logs is not None and update.coverage is not None:
                self.logs = update.logs
                self.removed_logs = update.removed or {}
                self.coverage = update.coverage
            self._stale -= update.sessions
            if update.audit is not None or update.logs is not None:
                self._version += 1
            return Refreshed(update.sessions, update.audit is not None)

    def _coverage_of(self, logs: dict[str, SessionLog], target: int) -> Coverage:
        coverage = Coverage(self.catalogue.norm_ids, target)
        for log in logs.values():
            coverage.add_session(log.session)
            coverage.add_tally(log.session.id, log.norm_tally(), log.speaker_tally())
        return coverage

    # -- queries ---------------------------------------------------------------------------

    @property
    def sessions(self) -> list[Session]:
        return sorted((log.session for log in self.logs.values()), key=lambda s: (s.started, s.id))

    def session(self, session_prefix: str) -> Session:
        if session_prefix in self.logs:
            return self.logs[session_prefix].session
        matches = [sid for sid in self.logs if sid.startswith(session_prefix)]
        if len(matches) == 1:
            return self.logs[matches[0]].session
        if len(matches) > 1:
            raise StoreError(
                "store.session_ambiguous", session=session_prefix, matches=", ".join(matches)
            )
        removed = [sid for sid in self.removed_logs if sid.startswith(session_prefix)]
        if len(removed) == 1:  # removed by the auditor: say so, and how to bring it back
            raise StoreError("session.is_removed", session=removed[0], audit=self.audit.id)
        raise StoreError("store.session_missing", session=session_prefix, audit=self.audit.id)

    def notes(self, session_id: str, include_deleted: bool = False) -> list[Note]:
        with self.lock:  # the first read builds the notes
            notes = self.logs[session_id].notes
            return list(notes) if include_deleted else [n for n in notes if not n.deleted]

    def note(self, session_id: str, note_id: str) -> Note:
        with self.lock:
            for note in self.logs[session_id].notes:
                if note.id == note_id:
                    return note
        raise StoreError("store.note_missing", note=note_id, session=session_id)

    def note_count(self, session_id: str) -> int:
        """Live notes in a session, without loading them all."""
        with self.lock:
            return self.logs[session_id].live_count()

    def notes_on_norm(self, norm_id: str) -> list[tuple[Session, Note]]:
        """Every live note on ``norm_id``, grouped by session in session order."""
        found = []
        with self.lock:
            logs = self.logs
            for session_id in self.coverage.sessions_for(norm_id):
                session = logs[session_id].session
                for note in logs[session_id].notes:
                    if not note.deleted and norm_id in note.norms:
                        found.append((session, note))
        found.sort(key=lambda pair: (pair[0].started, pair[0].id, pair[1].created))
        return found

    def norm_coverage(self, norm_id: str) -> NormCoverage:
        return self.coverage.norm(norm_id)

    def norms_for_session(self, session_id: str) -> tuple[Norm, ...]:
        """The norms this session's interviewees are asked about: the template's Wie norms
        first, then the norms they can speak to as a second source (all norms if none)."""
        norms = self.catalogue.walk_for_roles(self.logs[session_id].session.roles)
        return norms or self.catalogue.norms

    def next_gap(self, session_id: str, exclude: str | None = None) -> str | None:
        """The norm for this session's roles with the least coverage; a norm asked in this
        session without an answer is not offered again here."""
        skipped = set(self.logs[session_id].session.no_answer)
        candidates = [
            n.id
            for n in self.norms_for_session(session_id)
            if n.id != exclude and n.id not in skipped
        ]
        return self.coverage.least_covered(candidates)

    def no_answer_sessions(self, norm_id: str) -> list[Session]:
        """The sessions in which ``norm_id`` was asked and got no answer, in session order."""
        return [s for s in self.sessions if norm_id in s.no_answer]

    # -- changes ---------------------------------------------------------------------------

    def update_audit(self, **changes) -> Audit:
        """Change audit fields (``core={...}`` for core data) on the latest copy on disk."""
        core_changes = changes.pop("core", None)
        if changes.get("target", 1) < 1:
            raise DomainError("audit.bad_target")

        def change(audit: Audit) -> Audit:
            audit = replace(audit, **changes)
            if core_changes:
                audit = replace(audit, core=replace(audit.core, **core_changes))
            return audit

        with self._changing():
            self.audit = self.store.modify_audit(self.audit.id, change)
            self.coverage.target = self.audit.target
            return self.audit

    def add_to_team(self, auditor: str) -> None:
        if auditor and auditor not in self.audit.team:
            with self._changing():
                self.audit = self.store.modify_audit(
                    self.audit.id,
                    lambda a: a if auditor in a.team else replace(a, team=(*a.team, auditor)),
                )

    @property
    def heard_people(self) -> tuple[HeardPerson, ...]:
        """The people heard in this audit's interviews, each once, that a new session's
        partner can be "the same person as" (so the report counts them once)."""
        return heard_people(self.sessions)

    def person_link(self, reference: str) -> PersonLink:
        """``SESSIE`` or ``SESSIE:N``: the N-th partner (from 1; the first if left out)
        of an earlier interview, the session given by its id or a unique beginning."""
        prefix, _, number = reference.strip().partition(":")
        if not prefix or (number and not number.isdigit()):
            raise DomainError("session.same_as_bad", reference=reference)
        session = self.session(prefix)  # a clear error if unknown or ambiguous
        link = PersonLink(session.id, int(number) - 1 if number else 0)
        self._check_link(link)
        return link

    def _check_link(self, link: PersonLink) -> None:
        log = self.logs.get(link.session_id)
        session = log.session if log else None
        if (
            session is None
            or session.kind is not SessionKind.INTERVIEW
            or not 0 <= link.index < len(session.interviewees)
        ):
            reference = f"{link.session_id}:{link.index + 1}"
            raise DomainError("session.same_as_unknown", reference=reference)

    def start_session(
        self,
        auditor: str,
        interviewees: Iterable[Interviewee],
        kind: SessionKind = SessionKind.INTERVIEW,
        location: str = "",
    ) -> Session:
        interviewees = tuple(interviewees)
        self.check_header(auditor, kind, interviewees)
        session_id = new_id()
        while session_id in self.logs:
            session_id = new_id()
        session = Session(
            id=session_id,
            audit_id=self.audit.id,
            auditor=auditor.strip(),
            kind=kind,
            interviewees=interviewees,
            location=location.strip(),
            started=now(),
        )
        with self._changing():
            self.store.save_session(session)
            try:
                self.add_to_team(session.auditor)
            except BaseException:
                self.store.discard_new_session(self.audit.id, session.id)  # nothing half-done
                raise
            self.logs[session.id] = SessionLog(session, [])
            self.coverage.add_session(session)
        return session

    def check_header(
        self, auditor: str, kind: SessionKind, interviewees: tuple[Interviewee, ...]
    ) -> None:
        """The rules a session's header keeps, when started and when corrected."""
        if not auditor.strip():
            raise DomainError("session.blank_auditor")
        if any(not i.function.strip() for i in interviewees):
            raise DomainError("session.blank_function")
        for interviewee in interviewees:
            for role in interviewee.roles:
                if role not in self.catalogue.roles:
                    raise DomainError(
                        "session.unknown_role", role=role, valid=", ".join(self.catalogue.roles)
                    )
        if kind is SessionKind.INTERVIEW and not any(i.roles for i in interviewees):
            raise DomainError("session.no_roles")
        for interviewee in interviewees:
            if interviewee.same_as is not None:
                self._check_link(interviewee.same_as)

    # -- correcting and removing sessions (see services.session_edit for the rules) ------------

    def edit_session(
        self,
        session_id: str,
        *,
        auditor: str | None = None,
        kind: SessionKind | None = None,
        location: str | None = None,
        interviewees: Sequence[Interviewee] | None = None,
        removed: Iterable[int] = (),
    ) -> Session:
        """Correct a session's header; coverage follows at once. See
        :func:`interview_assistant.services.session_edit.corrected_header`."""
        from interview_assistant.services.session_edit import corrected_header

        with self._changing(), self.store.locked(self.audit.id):
            log = self._fresh_log(session_id)
            new = corrected_header(
                self, log.session, auditor, kind, location, interviewees, tuple(removed)
            )
            if new is None:
                return log.session  # nothing changed: nothing written
            session = self.store.modify_session(
                self.audit.id,
                session_id,
                lambda on_disk: on_disk.corrected(
                    new.auditor, new.kind, new.interviewees, new.location
                ),
            )
            self.add_to_team(session.auditor)
            log.session = session
            self.coverage = self._coverage_of(self.logs, self.audit.target)
            return session

    def delete_session(self, session_id: str) -> bool:
        """Remove a session: one without notes for good (True), one with notes reversibly
        (False: hidden from coverage, lists and the report until :meth:`restore_session`)."""
        with self._changing(), self.store.locked(self.audit.id):
            log = self._fresh_log(session_id)
            if not log.notes and self.store.remove_empty_session(self.audit.id, session_id):
                del self.logs[session_id]
                gone = True
            else:
                log.session = self.store.modify_session(
                    self.audit.id, session_id, lambda on_disk: on_disk.removed(True)
                )
                self.removed_logs[session_id] = self.logs.pop(session_id)
                gone = False
            self.coverage = self._coverage_of(self.logs, self.audit.target)
            return gone

    def restore_session(self, session_id: str) -> Session:
        """Bring back a session removed with its notes."""
        with self._changing(), self.store.locked(self.audit.id):
            if self.store.session_changed_on_disk(self.audit.id, session_id):
                self.refresh()
            log = self.removed_logs.get(session_id)
            if log is None:
                raise StoreError("session.not_removed", session=session_id)
            log.session = self.store.modify_session(
                self.audit.id, session_id, lambda on_disk: on_disk.removed(False)
            )
            self.logs[session_id] = self.removed_logs.pop(session_id)
            self.coverage = self._coverage_of(self.logs, self.audit.target)
            return log.session

    def removed_session(self, session_prefix: str) -> Session:
        """A removed session by its id or a unique beginning of it."""
        matches = [sid for sid in self.removed_logs if sid.startswith(session_prefix)]
        if session_prefix in self.removed_logs:
            matches = [session_prefix]
        if len(matches) == 1:
            return self.removed_logs[matches[0]].session
        if len(matches) > 1:
            raise StoreError(
                "store.session_ambiguous", session=session_prefix, matches=", ".join(matches)
            )
        if any(sid.startswith(session_prefix) for sid in self.logs):
            raise StoreError("session.not_removed", session=session_prefix)
        raise StoreError("store.session_missing", session=session_prefix, audit=self.audit.id)

    @property
    def removed_sessions(self) -> list[Session]:
        return sorted(
            (log.session for log in self.removed_logs.values()), key=lambda s: (s.started, s.id)
        )

    def _fresh_log(self, session_id: str) -> SessionLog:
        """The live session's log with what other processes stored read in (call holding
        both locks)."""
        if self.store.session_changed_on_disk(self.audit.id, session_id):
            self.refresh()
        log = self.logs.get(session_id)
        if log is None:
            self.session(session_id)  # removed, or not there at all: said as such
            raise StoreError("store.session_missing", session=session_id, audit=self.audit.id)
        return log

    def end_session(self, session_id: str) -> Session:
        log = self.logs[session_id]
        if not log.session.is_open:
            return log.session
        ended = log.session.end(now())
        with self._changing():
            self.store.save_session(ended)
            log.session = ended
        return ended

    def save_current_norm(self, session_id: str, norm_id: str) -> bool:
        """Keep in the session log the norm the auditor is on, so a resume returns to it.

        Written under the audit lock from the session as it is on disk (another process may
        have ended it meanwhile); True if that meant reading changes made elsewhere.
        """
        # the workspace's lock before the audit's file lock, as every other change takes them
        with self._changing(), self.store.locked(self.audit.id):
            outside = self.store.session_changed_on_disk(self.audit.id, session_id)
            if outside:
                self.refresh()
            log = self.logs.get(session_id)
            if log is None:
                raise StoreError("store.session_missing", session=session_id, audit=self.audit.id)
            if log.session.current_norm != norm_id:
                session = replace(
                    log.session, current_norm=norm_id, walk_clock=log.session.walk_clock + 1
                )
                self.store.save_session(session)
                log.session = session
        return outside

    def mark_no_answer(self, session_id: str, norm_id: str, asked: bool = True) -> Session:
        """Mark ``norm_id`` as asked in this session without an answer (``asked=False``:
        take the mark away). Not a source: coverage does not change. Stored under the audit
        lock on the session as it is on disk, like the walk's position."""
        if not self.catalogue.has_norm(norm_id):  # refused before anything is stored
            raise DomainError("noanswer.unknown_norm", norm=norm_id)
        with self._changing(), self.store.locked(self.audit.id):
            if self.store.session_changed_on_disk(self.audit.id, session_id):
                self.refresh()
            log = self.logs.get(session_id)
            if log is None:
                raise StoreError("store.session_missing", session=session_id, audit=self.audit.id)
            session = log.session.with_no_answer(norm_id, asked)
            if session is not log.session:
                self.store.save_session(session)
                log.session = session
            return session

    def parse(self, text: str, default_norm: str | None = None) -> ParsedNote:
        return parse_note(text, self._norm_ids, default_norm)

    def add_note(
        self,
        session_id: str,
        text: str,
        default_norm: str | None = None,
        speaker: int | None = None,
    ) -> Note:
        """Parse and durably store a note; raises before anything is stored if a tag is bad
        or ``speaker`` (the place of the interviewee who said it; None: the group) is not
        one of the session's interviewees."""
        log = self.logs[session_id]
        self.check_speaker(session_id, speaker)
        parsed = self.parse(text, default_norm)
        note = Note.create(new_note_id(), session_id, parsed, now(), speaker=speaker)
        return self._store(log, None, note)

    def add_parsed_notes(
        self, session_id: str, parsed: Sequence[ParsedNote], speaker: int | None = None
    ) -> list[Note]:
        """Store several checked notes (from :meth:`parse`) in one durable write: all or
        none. For an import, which would be quadratic with one rewrite per note."""
        log = self.logs[session_id]
        self.check_speaker(session_id, speaker)
        notes = [Note.create(new_note_id(), session_id, p, now(), speaker) for p in parsed]
        with self._changing():
            stored = self.store.save_notes(self.audit.id, session_id, notes)
            for note in stored:
                log.notes.append(note)
                self.coverage.apply(None, note)
        return stored

    def check_speaker(self, session_id: str, speaker: int | None) -> None:
        """Refuse a speaker (0-based place) that is none of the session's interviewees."""
        count = len(self.logs[session_id].session.interviewees)
        if speaker is not None and not 0 <= speaker < count:
            raise DomainError("roles.speaker_unknown", number=speaker + 1, count=count)

    def edit_note(
        self, session_id: str, note_id: str, text: str, default_norm: str | None = None
    ) -> Note:
        before = self.note(session_id, note_id)
        parsed = self.parse(text, default_norm or (before.norms[0] if before.norms else None))
        return self._store(self.logs[session_id], before, before.edit(parsed, now()))

    def delete_note(self, session_id: str, note_id: str) -> Note:
        before = self.note(session_id, note_id)
        return self._store(self.logs[session_id], before, before.delete(now()))

    def restore_note(self, session_id: str, note_id: str) -> Note:
        before = self.note(session_id, note_id)
        return self._store(self.logs[session_id], before, before.restore(now()))

    def _store(self, log: SessionLog, before: Note | None, after: Note) -> Note:
        with self._changing():
            stored = self.store.save_note(self.audit.id, after)  # raises → nothing below happens
            if stored.purged is not None:  # purged elsewhere meanwhile: the purge wins
                if before is not None:
                    log.notes.remove(before)
                    self.coverage.apply(before, None)
                raise StoreError("purge.purged_elsewhere", note=stored.id)
            if before is None:
                log.notes.append(stored)
            else:
                log.notes[log.notes.index(before)] = stored
            self.coverage.apply(before, stored)
        return stored

    def purge_note(self, session_id: str, note_id: str, by: str | None = None) -> Note:
        """Remove a note's text and every earlier version of it from disk for good (not
        undoable), leaving a tombstone that wins every merge; returns the tombstone.

        ``by``: the auditor who purges (default: the one set for this computer with
        ``ik-ben``, else the session's). The lead's privacy marks
        of texts that stood only in this note, and a trend point's wording taken from it,
        go too (see :mod:`interview_assistant.services.purge`).
        """
        from interview_assistant.services.identity import current_auditor
        from interview_assistant.services.purge import forget_traces

        session = self.session(session_id)
        by = (by or "").strip() or current_auditor() or session.auditor
        log = self.logs[session.id]
        with self._changing():
            before, stone = self.store.purge_note(self.audit.id, session.id, note_id, now(), by)
            held = next((n for n in log.notes if n.id == note_id), None)
            if held is not None:
                log.notes.remove(held)
                self.coverage.apply(held, None)
            if before.purged is None:  # not purged before (by another process, say)
                forget_traces(self, before)
        return stone


def _split_removed(
    logs: dict[str, SessionLog],
) -> tuple[dict[str, SessionLog], dict[str, SessionLog]]:
    """The sessions that count, and those the auditor removed (kept, hidden)."""
    live = {sid: log for sid, log in logs.items() if not log.session.deleted}
    return live, {sid: log for sid, log in logs.items() if log.session.deleted}


def timestamp_label(note: Note) -> str:
    return to_iso(note.created)[11:16]
