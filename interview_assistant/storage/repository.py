"""The one interface between the program and the files of a data folder.

Layout of a data folder (all owner-only)::

    audits/<audit-id>/audit.json               audit metadata and assessments (TinyDB)
    audits/<audit-id>/sessions/<session>.json  one session log each (TinyDB)
    audits/<audit-id>/quarantine/              files that could not be read, untouched
    audits/<audit-id>/.lock                    cross-process lock for read-modify-write
    audits/<audit-id>/.merge-journal.json      a merge being published (see storage.batch)

Every file carries ``format`` and ``schema`` in its ``meta`` table. A file that is
corrupt, truncated, foreign or from a newer version is moved aside, never rewritten,
and reported as a :class:`FileProblem`; the rest of the audit stays usable.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from interview_assistant.bulk import gc_paused
from interview_assistant.domain.audit import Audit
from interview_assistant.domain.errors import DomainError, describe_os_error
from interview_assistant.domain.ids import from_iso, now
from interview_assistant.domain.merge import merge_assessments, merge_latest, merge_notes
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Session
from interview_assistant.messages import msg
from interview_assistant.storage import codec, schema
from interview_assistant.storage.batch import publish_files, roll_forward, writer_id
from interview_assistant.storage.durable import DIR_MODE, FILE_MODE, ensure_private_dir, fsync_dir
from interview_assistant.storage.schema import (
    AUDIT_FORMAT,
    BASE_SCHEMA,
    META_DOC_ID,
    SCHEMA_VERSION,
    SESSION_FORMAT,
    NoteDoc,
    SessionFileDoc,
)
from interview_assistant.storage.sync_folders import synced_folder
from interview_assistant.storage.tinydb_storage import (
    Database,
    UnreadableFile,
    decode_tables,
    encode_tables,
    file_signature,
)

if TYPE_CHECKING:
    from filelock import FileLock

    from interview_assistant.domain.assessment import Assessment, ReportText, TextKey, TrendEdit


def _review_codec():
    """The codec of the review tables, imported on first use (keeps start-up light)."""
    from interview_assistant.storage import assessment_codec

    return assessment_codec


JOURNAL = ".merge-journal.json"
#: bytes read of a session log to see its header without its notes
HEADER_PEEK = 1 << 14

#: the lead's marks on findings of the guard for personal data ("this place name is fine")
PRIVACY_TABLE = "privacy_marks"


def privacy_mark(row: Any) -> dict[str, Any]:
    """A mark row, checked (``ValueError``/``KeyError``/``TypeError`` when it is not one)."""
    mark = {"key": row["key"], "text": row["text"], "ok": row["ok"], "at": row["at"]}
    if not all(isinstance(mark[k], str) for k in ("key", "text", "at")):
        raise TypeError("tekst verwacht")
    if not isinstance(mark["ok"], bool):
        raise TypeError("ja of nee verwacht")
    if from_iso(mark["at"]).utcoffset() is None:
        raise ValueError("tijdstip zonder tijdzone")
    return mark


def newer_mark(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """The newer of two marks of one finding (ties by content, whatever the order)."""
    return max(a, b, key=lambda m: (from_iso(m["at"]), m["ok"], m["text"]))


class StoreError(DomainError):
    """A requested audit, session or note cannot be found or read."""


@dataclass(frozen=True)
class FileProblem:
    """A file that was set aside; ``message`` says in Dutch what was wrong and where it went."""

    path: Path
    quarantined_to: Path
    message: str


@dataclass(frozen=True)
class ListedAudit:
    """An audit folder as the audit list shows it: the audit, or why it cannot be opened."""

    id: str
    audit: Audit | None
    problem: str = ""


class SessionLog:
    """One session and its notes (deleted ones included).

    Notes are kept as the checked documents read from disk and turned into :class:`Note`
    objects only when someone asks for them: an audit has 20,000 notes and the
    dashboard needs only their counts and coverage, which :meth:`norm_tally` gives cheaply.
    """

    def __init__(
        self,
        session: Session,
        notes: list[Note] | None = None,
        docs: list[NoteDoc] | None = None,
    ) -> None:
        self.session = session
        self._notes = notes if notes is not None or docs is not None else []
        self._docs = docs

    @property
    def notes(self) -> list[Note]:
        if self._notes is None:
            assert self._docs is not None
            notes = [schema.note_from_doc(doc) for doc in self._docs]
            notes.sort(key=lambda n: (n.created, n.id))
            self._notes, self._docs = notes, None
        return self._notes

    @property
    def materialised(self) -> bool:
        return self._notes is not None

    def note_docs(self) -> list[NoteDoc] | None:
        """The note documents as read, while :attr:`notes` has not built them, else None.

        For bulk readers such as the report (see ``storage.note_view``).
        """
        return self._docs if self._notes is None else None

    def norm_tally(self) -> dict[str, list[int]]:
        """Per norm: [live notes, live notes with evidence], without building Note objects."""
        tally: dict[str, list[int]] = {}
        if self._notes is not None:
            for note in self._notes:
                if not note.deleted:
                    for norm_id in note.norms:
                        counts = tally.setdefault(norm_id, [0, 0])
                        counts[0] += 1
                        counts[1] += note.factual
            return tally
        for doc in self._docs or ():
            if doc.deleted_at is None:
                current = doc.revisions[-1]
                factual = 1 if current.evidence else 0
                for norm_id in current.norms:
                    held = tally.get(norm_id)
                    if held is None:
                        tally[norm_id] = [1, factual]
                    else:
                        held[0] += 1
                        held[1] += factual
        return tally

    def speaker_tally(self) -> dict[str, dict[int, int]]:
        """Per norm: live notes attributed to each interviewee (by place), for the roles
        heard; notes of the group (no speaker) are not in it."""
        tally: dict[str, dict[int, int]] = {}
        found: Iterable[tuple[int | None, Iterable[str]]]
        if self._notes is not None:
            found = ((n.speaker, n.norms) for n in self._notes if not n.deleted)
        else:
            found = (
                (d.speaker, d.revisions[-1].norms) for d in self._docs or () if d.deleted_at is None
            )
        for speaker, norms in found:
            if speaker is not None:
                for norm_id in norms:
                    by_speaker = tally.setdefault(norm_id, {})
                    by_speaker[speaker] = by_speaker.get(speaker, 0) + 1
        return tally

    def live_count(self) -> int:
        if self._notes is not None:
            return sum(1 for n in self._notes if not n.deleted)
        return sum(1 for d in self._docs or () if d.deleted_at is None)


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


@dataclass(frozen=True)
class StoredSession:
    """A session log as on disk: its exact bytes, its session and its checked notes."""

    raw: bytes
    session: Session
    doc: SessionFileDoc

    @property
    def note_docs(self) -> dict[str, NoteDoc]:
        """The note documents by note id."""
        return {doc.id: doc for doc in self.doc.notes.values()}


@dataclass(frozen=True)
class StoredAudit:
    """The audit file as on disk: metadata and the review tables."""

    audit: Audit
    assessments: dict[str, Assessment]
    trend: dict[str, TrendEdit]
    texts: dict[TextKey, ReportText]


def _session_meta(session: Session) -> dict[str, Any]:
    doc = codec.session_to_doc(session)
    return {"format": SESSION_FORMAT, "schema": BASE_SCHEMA, "session": doc}


def _audit_meta(audit: Audit) -> dict[str, Any]:
    return {"format": AUDIT_FORMAT, "schema": BASE_SCHEMA, "audit": codec.audit_to_doc(audit)}


class AuditStore:
    """Audits and session logs in one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.audits_dir = self.data_dir / "audits"
        self.problems: list[FileProblem] = []
        self._dbs: dict[Path, Database] = {}
        self._locks: dict[str, FileLock] = {}
        self._held: dict[str, int] = {}  # audit id -> lock depth held by this store
        # session file -> the file state the caller's in-memory log reflects
        self._loaded: dict[Path, tuple[int, int, int] | None] = {}
        #: a sync engine shares the folder: say so once, move and delete nothing of others
        self.synced = synced_folder(self.data_dir)
        if self.synced is not None:
            message = msg(
                "store.synced_folder",
                path=str(self.data_dir),
                engine=self.synced.engine,
                root=str(self.synced.root),
            )
            self.problems.append(FileProblem(self.data_dir, self.data_dir, message))

    # -- paths and locking -------------------------------------------------------------

    def audit_dir(self, audit_id: str) -> Path:
        return self.audits_dir / audit_id

    def _audit_file(self, audit_id: str) -> Path:
        return self.audit_dir(audit_id) / "audit.json"

    def _sessions_dir(self, audit_id: str) -> Path:
        return self.audit_dir(audit_id) / "sessions"

    def _session_file(self, audit_id: str, session_id: str) -> Path:
        return self._sessions_dir(audit_id) / f"{session_id}.json"

    @contextmanager
    def locked(self, audit_id: str) -> Iterator[None]:
        """Hold the audit's cross-process lock (re-entrant within this process).

        Taking it first finishes a merge whose writer died after its commit point, so
        whoever holds the lock sees the audit whole.
        """
        lock = self._locks.get(audit_id)
        if lock is None:
            ensure_private_dir(self.audit_dir(audit_id))
            from filelock import FileLock  # first lock only: keeps start-up light

            path = self.lock_path(audit_id)
            if path.is_symlink():  # never followed (O_NOFOLLOW); named instead of ELOOP
                raise StoreError("store.lock_symlink", path=str(path))
            lock = FileLock(path, mode=FILE_MODE)
            self._locks[audit_id] = lock
        with lock:
            depth = self._held.get(audit_id, 0)
            self._held[audit_id] = depth + 1
            try:
                if depth == 0:
                    # in a synced folder, only a merge this laptop began is finished here
                    writer = writer_id() if self.synced is not None else None
                    roll_forward(self.audit_dir(audit_id) / JOURNAL, only_writer=writer)
                yield
            finally:
                self._held[audit_id] = depth

    def lock_path(self, audit_id: str) -> Path:
        """The audit's lock file: beside it, or, when a sync engine shares the data folder,
        in this laptop's cache folder (keyed by the audit folder's path), since a lock file
        in the shared folder would be created and rewritten on every laptop."""
        if self.synced is None:
            return self.audit_dir(audit_id) / ".lock"
        import hashlib

        from platformdirs import user_cache_path

        key = hashlib.sha256(str(self.audit_dir(audit_id).resolve()).encode()).hexdigest()
        locks = ensure_private_dir(user_cache_path("interview-assistant") / "locks")
        return locks / f"{key[:32]}.lock"

    def _settle(self, audit_id: str) -> None:
        """Before reading without the lock: finish a merge a killed writer committed."""
        if (self.audit_dir(audit_id) / JOURNAL).exists():
            with self.locked(audit_id):
                pass

    def _db(self, path: Path) -> Database:
        db = self._dbs.get(path)
        # Under the lock, what is about to be rewritten is re-read, not trusted.
        held = self._held.get(path.relative_to(self.audits_dir).parts[0])
        if db is not None:
            durable = db.batched.durable
            if not durable.changed_on_disk() and not (held and not durable.matches_disk()):
                return db
        db = self._dbs[path] = Database(path)
        return db

    # -- reading and quarantine -----------------------------------------------------------

    def _quarantine(self, audit_id: str, path: Path, key: str, **params: Any) -> FileProblem:
        if self.synced is not None:  # moving it would move it on every laptop too
            self._dbs.pop(path, None)
            why = params.get("reason") or msg(f"{key}_short")
            left = FileProblem(path, path, msg("store.bad_file_left", path=str(path), why=why))
            if left not in self.problems:
                self.problems.append(left)
            return left
        target_dir = self.audit_dir(audit_id) / "quarantine"
        if target_dir.exists() and not target_dir.is_dir():
            raise StoreError("store.not_a_folder", path=str(target_dir))
        ensure_private_dir(target_dir)
        stamp = now().strftime("%Y%m%dT%H%M%S%f")
        target = target_dir / f"{path.name}.{stamp}"
        os.replace(path, target)
        self._dbs.pop(path, None)
        problem = FileProblem(
            path, target, msg(key, path=str(path), quarantine=str(target), **params)
        )
        self.problems.append(problem)
        return problem

    def _cannot_read(self, path: Path, exc: OSError) -> FileProblem:
        """A file we may not (or cannot now) read is not corrupt: it stays where it is, and
        the problem is reported so the user can fix the permissions (or the disk)."""
        self._dbs.pop(path, None)
        key = "store.no_access" if isinstance(exc, PermissionError) else "store.read_failed"
        problem = FileProblem(
            path, path, msg(key, path=str(path), reason=describe_os_error(exc, with_path=False))
        )
        if problem not in self.problems:
            self.problems.append(problem)
        return problem

    def _open_checked(
        self, audit_id: str, path: Path, expected: str
    ) -> tuple[Database, Any] | None:
        """The database and its meta document, or None if absent or set aside."""
        if not path.exists():
            return None
        try:
            db = self._db(path)
            meta = db.table("meta").get(doc_id=META_DOC_ID)
        except UnreadableFile as exc:
            self._quarantine(audit_id, path, "store.corrupt", reason=str(exc))
            return None
        except OSError as exc:
            self._cannot_read(path, exc)
            return None
        if not isinstance(meta, dict) or meta.get("format") != expected:
            self._quarantine(audit_id, path, "store.foreign")
            return None
        schema = meta.get("schema")
        if not isinstance(schema, int):
            self._quarantine(audit_id, path, "store.corrupt", reason="geen schemaversie")
            return None
        if schema > SCHEMA_VERSION:
            self._quarantine(audit_id, path, "store.newer", found=schema, supported=SCHEMA_VERSION)
            return None
        return db, meta

    def sweep_stale_temp_files(self, audit_id: str) -> int:
        """Remove temp files a crashed writer left behind; returns how many.

        Every write happens under the audit lock, so while we hold it no temp file can
        belong to a write in progress. The published files are never touched.
        """
        folder = self.audit_dir(audit_id)
        if not folder.is_dir() or self.synced is not None:
            return 0  # in a synced folder a temp file may be another laptop's write
        removed = 0
        with self.locked(audit_id):
            for pattern in (".*.tmp", "sessions/.*.tmp"):
                for leftover in folder.glob(pattern):
                    leftover.unlink(missing_ok=True)
                    removed += 1
        return removed

    def tighten_permissions(self, audit_id: str) -> None:
        """Make the audit's folders and files owner-only where they are not (copied in,
        unpacked, made under another umask), and say so once; warn where they are not
        ours to change. The data folder itself is the user's to choose and left alone."""
        folder = self.audit_dir(audit_id)
        sessions = self._sessions_dir(audit_id)
        paths = [self.audits_dir, folder, sessions, folder / "quarantine", folder / "audit.json"]
        paths.append(folder / ".lock")
        if sessions.is_dir():
            paths += sorted(sessions.glob("*.json"))
        for path in paths:
            try:
                info = path.lstat()
            except OSError:
                continue
            if stat.S_ISLNK(info.st_mode) or not info.st_mode & 0o077:
                continue
            mode = f"{stat.S_IMODE(info.st_mode):04o}"
            wanted = DIR_MODE if stat.S_ISDIR(info.st_mode) else FILE_MODE
            try:
                if info.st_uid != os.getuid():
                    raise PermissionError
                path.chmod(wanted)
            except OSError:
                message = msg("store.loose_not_ours", path=str(path), mode=mode)
            else:
                message = msg("store.loose_tightened", path=str(path), mode=mode)
            self.problems.append(FileProblem(path, path, message))

    def take_problems(self) -> list[FileProblem]:
        """The problems found since the last call, for the UI to report once."""
        problems, self.problems = self.problems, []
        return problems

    # -- audits ----------------------------------------------------------------------------

    def audit_ids(self) -> list[str]:
        if not self.audits_dir.is_dir():
            return []
        return sorted(p.name for p in self.audits_dir.iterdir() if (p / "audit.json").is_file())

    def resolve_audit(self, prefix: str) -> str:
        ids = self.audit_ids()
        if prefix in ids:
            return prefix
        matches = [i for i in ids if i.startswith(prefix)] if prefix else []
        if not matches:
            raise StoreError("store.audit_missing", audit=prefix, data_dir=str(self.data_dir))
        if len(matches) > 1:
            raise StoreError("store.audit_ambiguous", audit=prefix, matches=", ".join(matches))
        return matches[0]

    def list_audits(self) -> list[Audit]:
        audits = []
        for audit_id in self.audit_ids():
            try:
                audits.append(self.load_audit(audit_id))
            except StoreError:
                continue
        return sorted(audits, key=lambda a: a.created, reverse=True)

    def audit_listing(self) -> list[ListedAudit]:
        """Every audit folder: readable audits newest first, then those that cannot be
        opened, each with its problem (no access, a read error, a file set aside just now
        or before), so an audit never drops out of the list without a word. The problem
        is said by the listing, not reported again."""
        readable: list[ListedAudit] = []
        broken: list[ListedAudit] = []
        if not self.audits_dir.is_dir():
            return []
        for folder in sorted(self.audits_dir.iterdir(), key=lambda p: p.name):
            if not folder.is_dir():
                continue
            try:
                (folder / "audit.json").stat()
            except PermissionError as exc:  # the folder itself is closed to us
                closed = self._cannot_read(folder, exc)
                self.problems.remove(closed)
                broken.append(ListedAudit(folder.name, None, closed.message))
                continue
            except OSError:
                pass
            if not (folder / "audit.json").is_file():
                set_aside = sorted((folder / "quarantine").glob("audit.json.*"))
                if set_aside:
                    why = msg("store.audit_set_aside", path=str(set_aside[-1]))
                    broken.append(ListedAudit(folder.name, None, why))
                continue
            before = len(self.problems)
            try:
                readable.append(ListedAudit(folder.name, self.load_audit(folder.name)))
            except StoreError as exc:
                found = self.problems[before:]
                del self.problems[before:]
                why = found[-1].message if found else str(exc)
                broken.append(ListedAudit(folder.name, None, why))
        readable.sort(key=lambda e: e.audit.created if e.audit else now(), reverse=True)
        return readable + broken

    def load_audit(self, audit_id: str) -> Audit:
        self._settle(audit_id)
        path = self._audit_file(audit_id)
        opened = self._open_checked(audit_id, path, AUDIT_FORMAT)
        if opened is None:
            reason = self.problems[-1].message if self.problems else "bestand ontbreekt"
            raise StoreError("store.audit_unreadable", audit=audit_id, reason=reason)
        _, meta = opened
        try:
            return codec.audit_from_doc(meta["audit"])
        except (KeyError, TypeError, ValueError) as exc:
            problem = self._quarantine(audit_id, path, "store.corrupt", reason=str(exc))
            raise StoreError(
                "store.audit_unreadable", audit=audit_id, reason=problem.message
            ) from exc

    def create_audit(self, audit: Audit) -> None:
        """Store a new audit; if that fails (a full disk, no access) no trace of it is
        left, not even an empty folder that would list as a broken audit."""
        folder = self.audit_dir(audit.id)
        existed = folder.exists()
        try:
            self.save_audit(audit)
        except BaseException:
            if not existed:
                self._locks.pop(audit.id, None)
                for path in [p for p in self._dbs if folder in p.parents]:
                    self._dbs.pop(path, None)
                shutil.rmtree(folder, ignore_errors=True)
            raise

    def discard_unpublished_audit(self, audit_id: str) -> None:
        """Remove the folder of an audit a refused merge would have created (its lock made
        it), unless an audit file was published there after all."""
        folder = self.audit_dir(audit_id)
        if (folder / "audit.json").exists():
            return
        self._locks.pop(audit_id, None)
        for path in [p for p in self._dbs if folder in p.parents]:
            self._dbs.pop(path, None)
        shutil.rmtree(folder, ignore_errors=True)

    def discard_new_session(self, audit_id: str, session_id: str) -> None:
        """Remove a session file just created, when the rest of starting it failed."""
        path = self._session_file(audit_id, session_id)
        with self.locked(audit_id):
            self._dbs.pop(path, None)
            self._loaded.pop(path, None)
            path.unlink(missing_ok=True)

    def save_audit(self, audit: Audit) -> None:
        """Create or replace the audit's metadata."""
        ensure_private_dir(self._sessions_dir(audit.id))
        with self.locked(audit.id):
            self._write_audit(audit)

    def modify_audit(self, audit_id: str, change: Callable[[Audit], Audit]) -> Audit:
        """Apply ``change`` to the audit as it is on disk now, under the lock (no lost updates)."""
        with self.locked(audit_id):
            audit = change(self.load_audit(audit_id))
            self._write_audit(audit)
        return audit

    def _write_audit(self, audit: Audit) -> None:
        self._put_meta(self._db(self._audit_file(audit.id)), _audit_meta(audit))

    @staticmethod
    def _put_meta(db: Database, doc: dict[str, Any]) -> None:
        table = db.table("meta")
        if table.contains(doc_id=META_DOC_ID):
            table.update(doc, doc_ids=[META_DOC_ID])
        else:
            table.insert(Document(doc, doc_id=META_DOC_ID))

    # -- audit-level tables (assessments and the like) ---------------------------------------

    def read_audit_table(self, audit_id: str, table: str) -> list[dict[str, Any]]:
        opened = self._open_checked(audit_id, self._audit_file(audit_id), AUDIT_FORMAT)
        if opened is None:
            return []
        db, _ = opened
        return [dict(d) for d in db.table(table).all()]

    def upsert_audit_rows(
        self, audit_id: str, table: str, key: str, rows: list[dict[str, Any]]
    ) -> None:
        """Insert or replace rows of an audit-level table, matched on ``key``, in one write."""
        with self.locked(audit_id):
            db = self._db(self._audit_file(audit_id))
            _merge_into_table(db, table, key, {r[key]: r for r in rows}, dict)

    # -- assessments, trend points and report texts (tables of audit.json) -----------------

    def load_assessments(self, audit_id: str) -> dict[str, Assessment]:
        """Every norm's assessment as stored, keyed by norm id."""
        rc = _review_codec()
        return self._load_merged_rows(
            audit_id,
            rc.ASSESSMENTS_TABLE,
            rc.assessment_from_doc,
            lambda a: a.norm_id,
            merge_assessments,
        )

    def save_assessments(
        self, audit_id: str, assessments: Iterable[Assessment]
    ) -> dict[str, Assessment]:
        """Merge assessments into the audit file in one write; returns them as stored."""
        rc = _review_codec()
        return self._merge_rows(
            audit_id,
            rc.ASSESSMENTS_TABLE,
            "norm_id",
            {a.norm_id: a for a in assessments},
            rc.assessment_from_doc,
            rc.assessment_to_doc,
            merge_assessments,
        )

    def load_trend_edits(self, audit_id: str) -> dict[str, TrendEdit]:
        rc = _review_codec()
        return self._load_merged_rows(
            audit_id, rc.TREND_TABLE, rc.trend_edit_from_doc, lambda e: e.id, merge_latest
        )

    def save_trend_edits(self, audit_id: str, edits: Iterable[TrendEdit]) -> dict[str, TrendEdit]:
        rc = _review_codec()
        return self._merge_rows(
            audit_id,
            rc.TREND_TABLE,
            "id",
            {e.id: e for e in edits},
            rc.trend_edit_from_doc,
            rc.trend_edit_to_doc,
            merge_latest,
        )

    def load_report_texts(self, audit_id: str) -> dict[TextKey, ReportText]:
        rc = _review_codec()
        return self._load_merged_rows(
            audit_id, rc.TEXTS_TABLE, rc.report_text_from_doc, lambda t: t.key, merge_latest
        )

    def save_report_texts(
        self, audit_id: str, texts: Iterable[ReportText]
    ) -> dict[TextKey, ReportText]:
        rc = _review_codec()
        return self._merge_rows(
            audit_id,
            rc.TEXTS_TABLE,
            "key",
            {t.key.value: t for t in texts},
            rc.report_text_from_doc,
            rc.report_text_to_doc,
            merge_latest,
        )

    # -- findings of the privacy guard the lead marked as fine (a table of audit.json) -----

    def load_privacy_marks(self, audit_id: str) -> dict[str, dict[str, Any]]:
        """The lead's marks on personal-data findings, by their key (the newest of each)."""
        return self._load_merged_rows(
            audit_id, PRIVACY_TABLE, privacy_mark, lambda row: row["key"], newer_mark
        )

    def save_privacy_marks(
        self, audit_id: str, marks: Iterable[dict[str, Any]]
    ) -> dict[str, dict[str, Any]]:
        """Merge marks (``key``, ``text``, ``ok``, ``at``) into the audit file in one write;
        the newer of two marks of one key wins. Returns them as stored."""
        return self._merge_rows(
            audit_id,
            PRIVACY_TABLE,
            "key",
            {m["key"]: privacy_mark(m) for m in marks},
            privacy_mark,
            dict,
            newer_mark,
        )

    def forget_privacy_marks(self, audit_id: str, keys: Iterable[str]) -> None:
        """Remove the marks of ``keys`` (every row of each) from the audit file in one
        write: a purged note took the only text they were about."""
        wanted = set(keys)
        with self.locked(audit_id):
            if self._open_checked(audit_id, self._audit_file(audit_id), AUDIT_FORMAT) is None:
                raise StoreError("store.audit_unreadable", audit=audit_id, reason="audit.json")
            table = self._db(self._audit_file(audit_id)).table(PRIVACY_TABLE)
            doc_ids = [row.doc_id for row in table.all() if row.get("key") in wanted]
            if doc_ids:
                table.remove(doc_ids=doc_ids)

    def _load_merged_rows(self, audit_id, table, decode, key, merge) -> dict:
        """Decode a table; a row that does not decode is reported once and left on disk."""
        found: dict = {}
        for doc in self.read_audit_table(audit_id, table):
            try:
                item = decode(doc)
            except (KeyError, TypeError, ValueError) as exc:
                path = self._audit_file(audit_id)
                message = msg("report.store.bad_row", path=str(path), table=table, reason=exc)
                self.problems.append(FileProblem(path, path, message))
                continue
            held = found.get(key(item))
            found[key(item)] = item if held is None else merge(held, item)
        return found

    def _merge_rows(self, audit_id, table, key, items: dict, decode, encode, merge) -> dict:
        """Merge ``items`` (keyed by their ``key`` column) into ``table`` under the lock."""
        with self.locked(audit_id):
            if self._open_checked(audit_id, self._audit_file(audit_id), AUDIT_FORMAT) is None:
                raise StoreError("store.audit_unreadable", audit=audit_id, reason="audit.json")
            db = self._db(self._audit_file(audit_id))

            def merged(row: Any, item: Any) -> Any:
                try:
                    return merge(decode(row), item)
                except (KeyError, TypeError, ValueError):
                    return item  # an unreadable row was reported when it was loaded

            return _merge_into_table(db, table, key, items, encode, merged)

    # -- raw files for export and merge ----------------------------------------------------

    def audit_file_bytes(self, audit_id: str) -> bytes | None:
        """The audit file exactly as on disk (for a bundle); None if absent."""
        return _read_bytes(self._audit_file(audit_id))

    def session_file_bytes(self, audit_id: str, session_id: str) -> bytes | None:
        """A session log exactly as on disk (for a bundle, or to spot an identical input)."""
        return _read_bytes(self._session_file(audit_id, session_id))

    def _session_tables(self, audit_id: str, session_id: str) -> dict[str, dict[str, Any]] | None:
        """All tables of a session file as TinyDB holds them; do not mutate."""
        path = self._session_file(audit_id, session_id)
        opened = self._open_checked(audit_id, path, SESSION_FORMAT)
        return None if opened is None else dict(opened[0].storage.read() or {})

    # -- a merge: read under the lock, staged, published at one commit point -----------------

    def stored_session(self, audit_id: str, session_id: str) -> StoredSession | None:
        """A session log as it is on disk now, read afresh under the lock; None if absent
        or set aside (a bad file is quarantined and reported)."""
        with self.locked(audit_id):
            return self._read_session(audit_id, session_id)

    def stored_audit(self, audit_id: str) -> StoredAudit | None:
        """The audit with its review tables as on disk now, read afresh under the lock;
        None if there is no audit file."""
        with self.locked(audit_id):
            if not self._audit_file(audit_id).exists():
                return None
            return StoredAudit(
                self.load_audit(audit_id),
                self.load_assessments(audit_id),
                self.load_trend_edits(audit_id),
                self.load_report_texts(audit_id),
            )

    def session_file_data(self, audit_id: str, session: Session, notes: Iterable[Note]) -> bytes:
        """The session log as stored now with ``session`` as its metadata and ``notes`` put
        in (each replacing the stored note of its id, else added), encoded; for
        :meth:`publish_merge`. Call it holding the lock."""
        db = _in_memory(_read_bytes(self._session_file(audit_id, session.id)))
        self._put_meta(db, _session_meta(session))
        _merge_into_table(db, "notes", "id", {n.id: n for n in notes}, codec.note_to_doc)
        return _encoded(db)

    def audit_file_data(
        self,
        audit: Audit,
        assessments: Iterable[Assessment] = (),
        trend: Iterable[TrendEdit] = (),
        texts: Iterable[ReportText] = (),
        privacy_marks: Iterable[dict[str, Any]] = (),
    ) -> bytes:
        """The audit file as stored now with ``audit`` as its metadata and the given review
        rows put in (each replacing the stored row of its key), encoded; for
        :meth:`publish_merge`. Tables this version does not know are kept. Call it
        holding the lock."""
        rc = _review_codec()
        db = _in_memory(_read_bytes(self._audit_file(audit.id)))
        self._put_meta(db, _audit_meta(audit))
        _merge_into_table(
            db,
            rc.ASSESSMENTS_TABLE,
            "norm_id",
            {a.norm_id: a for a in assessments},
            rc.assessment_to_doc,
        )
        _merge_into_table(db, rc.TREND_TABLE, "id", {e.id: e for e in trend}, rc.trend_edit_to_doc)
        _merge_into_table(
            db, rc.TEXTS_TABLE, "key", {t.key.value: t for t in texts}, rc.report_text_to_doc
        )
        _merge_into_table(db, PRIVACY_TABLE, "key", {m["key"]: m for m in privacy_marks}, dict)
        return _encoded(db)

    def publish_merge(
        self, audit_id: str, audit_file: bytes | None, session_files: dict[str, bytes]
    ) -> None:
        """Publish a merged audit file and session logs, all or nothing even if killed.

        Every file is staged and fsync'd beside its target; a journal naming them all is
        the commit point; then they are renamed into place (:func:`publish_files`). A
        failure while staging (disk full, permissions) leaves the audit as it was; a
        process killed after the commit point is finished by the next lock holder.
        """
        files: list[tuple[Path, bytes]] = []
        if audit_file is not None:
            files.append((self._audit_file(audit_id), audit_file))
        for session_id, data in session_files.items():
            files.append((self._session_file(audit_id, session_id), data))
        if not files:
            return
        with self.locked(audit_id):
            ensure_private_dir(self._sessions_dir(audit_id))
            publish_files(files, self.audit_dir(audit_id) / JOURNAL)

    # -- sessions and notes ----------------------------------------------------------------

    def session_ids(self, audit_id: str) -> list[str]:
        folder = self._sessions_dir(audit_id)
        if not folder.is_dir():
            if folder.exists():  # not "no sessions": something else stands in their place
                raise StoreError("store.not_a_folder", path=str(folder))
            return []
        return sorted(p.stem for p in folder.glob("*.json") if not p.name.startswith("."))

    def live_session_count(self, audit_id: str) -> int:
        """Sessions not removed by the auditor, from each file's first bytes (the header
        is written first): the list of audits needs no notes. A file whose header does
        not read that way counts, as it would show until set aside."""
        count = 0
        for session_id in self.session_ids(audit_id):
            try:
                with self._session_file(audit_id, session_id).open("rb") as file:
                    head = file.read(HEADER_PEEK)
            except OSError:
                count += 1
                continue
            # a prefix may end inside a character: only that character is dropped
            meta = schema.peek_header(head.decode("utf-8", "ignore").encode("utf-8"))
            session = meta.get("session") if meta else None
            count += not (isinstance(session, dict) and session.get("deleted") is True)
        return count

    def resolve_session(self, audit_id: str, prefix: str) -> str:
        ids = self.session_ids(audit_id)
        if prefix in ids:
            return prefix
        matches = [i for i in ids if i.startswith(prefix)] if prefix else []
        if not matches:
            raise StoreError("store.session_missing", session=prefix, audit=audit_id)
        if len(matches) > 1:
            raise StoreError("store.session_ambiguous", session=prefix, matches=", ".join(matches))
        return matches[0]

    def load_session_log(self, audit_id: str, session_id: str) -> SessionLog | None:
        """One session with all its notes (deleted ones included), or None if set aside."""
        path = self._session_file(audit_id, session_id)
        signature = file_signature(path)
        stored = self._read_session(audit_id, session_id)
        if stored is None:
            return None
        self._loaded[path] = signature
        # a purged note's tombstone is for merging only: nothing that reads notes sees it
        docs = [doc for doc in stored.doc.notes.values() if doc.purged is None]
        return SessionLog(stored.session, docs=docs)

    def _read_session(self, audit_id: str, session_id: str) -> StoredSession | None:
        """A session log read and checked completely (:mod:`storage.schema`); None if
        absent, else quarantined and reported if it does not pass."""
        path = self._session_file(audit_id, session_id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._cannot_read(path, exc)
            return None
        try:
            doc = schema.decode_session_file(raw)
            session = codec.session_from_doc(doc.header.session or {})
            if session.audit_id != audit_id or session.id != session_id:
                raise ValueError(f"hoort bij audit {session.audit_id}, sessie {session.id}")
        except schema.FileFormatError as exc:
            if exc.kind == "foreign":
                self._quarantine(audit_id, path, "store.foreign")
            elif exc.kind == "newer":
                self._quarantine(
                    audit_id, path, "store.newer", found=exc.found, supported=SCHEMA_VERSION
                )
            else:
                self._quarantine(audit_id, path, "store.corrupt", reason=exc.reason)
            return None
        except (KeyError, TypeError, ValueError) as exc:
            self._quarantine(audit_id, path, "store.corrupt", reason=str(exc))
            return None
        return StoredSession(raw, session, doc)

    def load_session_logs(self, audit_id: str) -> list[SessionLog]:
        self._settle(audit_id)
        logs = []
        with gc_paused():  # parsed JSON holds no cycles; see interview_assistant.bulk
            for session_id in self.session_ids(audit_id):
                log = self.load_session_log(audit_id, session_id)
                if log is not None:
                    logs.append(log)
        logs.sort(key=lambda log: (log.session.started, log.session.id))
        return logs

    def session_changed_on_disk(self, audit_id: str, session_id: str) -> bool:
        """True when the file holds changes the last loaded log does not (another process)."""
        path = self._session_file(audit_id, session_id)
        return path not in self._loaded or self._loaded[path] != file_signature(path)

    @staticmethod
    def watched_file(relative: PurePath) -> str | None:
        """What a changed file in an audit's folder holds, for a file watcher.

        ``relative`` is the path inside the audit's folder. Returns ``"audit"`` for the
        audit file, ``"session:<id>"`` for a session log, None for anything else (the
        lock, temp files, the quarantine).
        """
        parts = relative.parts
        if parts == ("audit.json",):
            return "audit"
        if len(parts) == 2 and parts[0] == "sessions":
            name = parts[1]
            if name.endswith(".json") and not name.startswith("."):
                return "session:" + name.removesuffix(".json")
        return None

    @contextmanager
    def _tracked_write(self, path: Path) -> Iterator[None]:
        """Keep the loaded view current across our own write, unless others wrote first."""
        before = file_signature(path)
        in_sync = before is None or (path in self._loaded and self._loaded[path] == before)
        yield
        if in_sync:
            self._loaded[path] = file_signature(path)

    def save_session(self, session: Session) -> None:
        """Create or update a session's metadata."""
        ensure_private_dir(self._sessions_dir(session.audit_id))
        path = self._session_file(session.audit_id, session.id)
        with self.locked(session.audit_id), self._tracked_write(path):
            self._put_meta(self._db(path), _session_meta(session))

    def modify_session(
        self, audit_id: str, session_id: str, change: Callable[[Session], Session]
    ) -> Session:
        """Apply ``change`` to the session as it is on disk now, under the lock (a walk or
        an end stored meanwhile by another process is kept); the notes stay as they are."""
        path = self._session_file(audit_id, session_id)
        with self.locked(audit_id):
            stored = self._read_session(audit_id, session_id)
            if stored is None:
                raise StoreError("store.session_missing", session=session_id, audit=audit_id)
            session = change(stored.session)
            with self._tracked_write(path):
                self._put_meta(self._db(path), _session_meta(session))
        return session

    def remove_empty_session(self, audit_id: str, session_id: str) -> bool:
        """Remove a session's file for good if it holds no note (checked under the lock:
        another process may just have stored one); False, and nothing done, if it does."""
        path = self._session_file(audit_id, session_id)
        with self.locked(audit_id):
            stored = self._read_session(audit_id, session_id)
            if stored is None:
                raise StoreError("store.session_missing", session=session_id, audit=audit_id)
            if stored.doc.notes:
                return False
            self._dbs.pop(path, None)
            self._loaded.pop(path, None)
            path.unlink()
            fsync_dir(path.parent)
        return True

    def save_note(self, audit_id: str, note: Note) -> Note:
        """Store one note (merged with any copy on disk); durable when this returns."""
        return self.save_notes(audit_id, note.session_id, [note])[0]

    def save_notes(self, audit_id: str, session_id: str, notes: list[Note]) -> list[Note]:
        """Insert or merge notes of one session in a single durable write.

        A note already on disk (say, edited meanwhile by the line mode) is merged with the
        new copy rather than overwritten, so no revision is ever lost. Returns the notes
        as stored, in the order given.
        """
        path = self._session_file(audit_id, session_id)
        stored: dict[str, Note] = {n.id: n for n in notes}
        with self.locked(audit_id):
            if not path.exists():
                raise StoreError("store.session_missing", session=session_id, audit=audit_id)
            with self._tracked_write(path):
                self._merge_notes_into(path, stored)
        return [stored[n.id] for n in notes]

    def purge_note(
        self, audit_id: str, session_id: str, note_id: str, at: datetime, by: str
    ) -> tuple[Note, Note]:
        """Replace a note, with every revision it had, by its tombstone in one durable
        write under the audit's lock; returns the note as it was on disk and the tombstone.

        The row is removed and the tombstone inserted in its place, so nothing of the
        note's document survives in the new file (not even a key this version does not
        know). A note purged already is returned as it is (both times the tombstone).
        """
        path = self._session_file(audit_id, session_id)
        with self.locked(audit_id):
            if not path.exists():
                raise StoreError("store.session_missing", session=session_id, audit=audit_id)
            with self._tracked_write(path):
                db = self._db(path)
                table = db.table("notes")
                rows = [doc for doc in table.all() if doc.get("id") == note_id]
                if not rows:
                    raise StoreError("store.note_missing", note=note_id, session=session_id)
                before = reduce(merge_notes, map(schema.note_from_table_row, rows))
                if before.purged is not None:
                    return before, before
                stone = before.purge(at, by)
                with db.batched.batch():
                    table.remove(doc_ids=[row.doc_id for row in rows])
                    table.insert(Document(codec.note_to_doc(stone), doc_id=rows[0].doc_id))
        return before, stone

    def set_aside_with(self, audit_id: str, texts: Iterable[str]) -> list[Path]:
        """Files in the audit's quarantine that hold any of ``texts`` (as typed or as
        JSON writes them): copies a purge cannot clean, since they are kept untouched."""
        folder = self.audit_dir(audit_id) / "quarantine"
        wanted = {form for text in texts if text for form in _stored_forms(text)}
        if not wanted or not folder.is_dir():
            return []
        found = []
        for path in sorted(folder.iterdir()):
            try:
                raw = path.read_bytes() if path.is_file() else b""
            except OSError:
                continue
            if any(form in raw for form in wanted):
                found.append(path)
        return found

    def _merge_notes_into(self, path: Path, stored: dict[str, Note]) -> None:
        def merged(row: Any, note: Note) -> Note:
            return merge_notes(schema.note_from_table_row(row), note)

        stored.update(
            _merge_into_table(self._db(path), "notes", "id", stored, codec.note_to_doc, merged)
        )


def _stored_forms(text: str) -> set[bytes]:
    """``text`` as bytes the way a file may hold it: plain UTF-8, and escaped by JSON."""
    import orjson

    forms = {text.encode("utf-8", "surrogatepass")}
    with suppress(orjson.JSONEncodeError):  # not storable as JSON: in no file as JSON
        forms.add(orjson.dumps(text)[1:-1])
    return forms


def _encoded(db: Database) -> bytes:
    """An in-memory store file, stamped with the schema it needs, as bytes to publish."""
    tables = db.batched.read() or {}
    schema.stamp_schema(tables)
    return encode_tables(tables)


def _in_memory(raw: bytes | None) -> Database:
    """A store file (or a new one) in memory, to change through TinyDB and encode."""
    return Database(tables=decode_tables(raw) if raw else {})


def _merge_into_table(
    db: Database,
    name: str,
    key: str,
    items: dict[Any, Any],
    encode: Callable[[Any], dict[str, Any]],
    merge: Callable[[Any, Any], Any] | None = None,
) -> dict[Any, Any]:
    """Put ``items`` (by the value of their ``key`` column) into a table in one write: a
    stored row is replaced by ``merge(row, item)`` (default: the item), the others are
    added. Returns the items as stored."""
    table = db.table(name)
    stored = dict(items)
    with db.batched.batch():
        held: dict[Any, int] = {}
        for doc in table.all():
            held.setdefault(doc.get(key), doc.doc_id)
        added = []
        for item_key, item in items.items():
            doc_id = held.get(item_key)
            if doc_id is None:
                added.append(encode(item))
                continue
            if merge is not None:
                item = stored[item_key] = merge(table.get(doc_id=doc_id), item)
            table.update(encode(item), doc_ids=[doc_id])
        if added:
            table.insert_multiple(added)
    return stored
