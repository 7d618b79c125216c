"""The bundle: a zip with a manifest, the audit file and session logs, to send to the lead.

The entries are the store's own files, byte for byte, so a bundle merged into the
audit it came from is recognised as identical without decoding a single note. The
manifest names the audit and its catalogue edition and lists every entry with its
size and SHA-256, so a damaged or tampered bundle is refused as a whole. A bundle is
read entirely in memory and never extracted, with limits on every size on the way.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from interview_assistant.domain.errors import describe_os_error
from interview_assistant.domain.ids import now, to_iso
from interview_assistant.exchange import limits
from interview_assistant.exchange.errors import ExchangeError
from interview_assistant.exchange.progress import Progress, ProgressCallback
from interview_assistant.exchange.validate import (
    BUNDLE_FORMAT,
    SessionFile,
    check_id,
    check_notes,
    file_format,
    parse_json,
)
from interview_assistant.messages import msg
from interview_assistant.storage.batch import write_export
from interview_assistant.storage.repository import AuditStore, StoreError
from interview_assistant.storage.schema import BASE_SCHEMA, PURGE_SCHEMA
from norm_catalogue import load_catalogue

MANIFEST = "manifest.json"
AUDIT_ENTRY = "audit.json"
SESSION_DIR = "sessions/"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_S_IFMT, _S_IFLNK = 0o170000, 0o120000


def session_entry(session_id: str) -> str:
    return f"{SESSION_DIR}{session_id}.json"


# -- export ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportedSession:
    id: str
    auditor: str
    notes: int


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    audit_id: str
    organisation: str
    sessions: tuple[ExportedSession, ...]
    size: int


def _file_entry(path: str, kind: str, data: bytes, **extra: Any) -> dict[str, Any]:
    return {
        "path": path,
        "kind": kind,
        **extra,
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def export_bundle(
    store: AuditStore,
    audit_id: str,
    path: Path,
    session_ids: Iterable[str] | None = None,
    progress: ProgressCallback | None = None,
    at: datetime | None = None,
) -> ExportSummary:
    """Write a bundle of the audit file and the given (default: all) session logs.

    Every file is checked as a merge would check it, so a bundle that leaves here
    will be accepted by the lead. ``progress`` gets a :class:`Progress` per session,
    for a UI worker.
    """
    audit = store.load_audit(audit_id)
    catalogue = load_catalogue(audit.edition)
    norm_ids = frozenset(catalogue.norm_ids)
    at = at or now()
    with store.locked(audit_id):
        wanted = list(dict.fromkeys(session_ids)) if session_ids else store.session_ids(audit_id)
        audit_raw = store.audit_file_bytes(audit_id)
        if audit_raw is None:
            raise StoreError("store.audit_unreadable", audit=audit_id, reason=AUDIT_ENTRY)
        files = [(AUDIT_ENTRY, audit_raw, _file_entry(AUDIT_ENTRY, "audit", audit_raw))]
        exported = []
        # a purged note's tombstone (never its text) travels; only then is the bundle schema 3
        bundle_schema = BASE_SCHEMA
        for done, session_id in enumerate(wanted, start=1):
            stored = store.stored_session(audit_id, session_id)
            if stored is None:
                problems = store.take_problems()
                reason = problems[-1].message if problems else session_id
                raise ExchangeError("report.exchange.session_unreadable", session_id, reason=reason)
            raw = stored.raw
            checked = SessionFile(session_id, raw, stored.session, stored.doc)
            check_notes(checked, norm_ids, audit.edition)
            stones = sum(1 for doc in stored.doc.notes.values() if doc.purged is not None)
            if stones:
                bundle_schema = PURGE_SCHEMA
            entry = session_entry(session_id)
            notes = checked.note_count() - stones
            files.append(
                (
                    entry,
                    raw,
                    _file_entry(
                        entry,
                        "session",
                        raw,
                        session=session_id,
                        auditor=checked.session.auditor,
                        notes=notes,
                    ),
                )
            )
            exported.append(ExportedSession(session_id, checked.session.auditor, notes))
            if progress:
                progress(Progress("export", done, len(wanted), session_id))
    _check_exportable(path, files)
    manifest = {
        "format": BUNDLE_FORMAT,
        "schema": bundle_schema,
        "created": to_iso(at),
        "audit": {"id": audit.id, "organisation": audit.organisation, "edition": audit.edition},
        "files": [entry for _, _, entry in files],
    }
    data = _zip(
        [(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))]
        + [(name, raw) for name, raw, _ in files],
        at,
    )
    try:
        written = write_export(path, data)
    except OSError as exc:
        raise ExchangeError(
            "report.exchange.write_failed",
            str(path),
            path=str(path),
            reason=describe_os_error(exc, with_path=False),
        ) from exc
    return ExportSummary(written, audit.id, audit.organisation, tuple(exported), len(data))


def _check_exportable(path: Path, files: list[tuple[str, bytes, dict]]) -> None:
    """Refuse a bundle the lead's merge would refuse (the same limits), before writing it."""
    if len(files) + 1 > limits.MAX_ENTRIES:
        raise ExchangeError(
            "exchange.export_too_many", str(path), count=len(files), limit=limits.MAX_ENTRIES
        )
    total = 0
    for name, raw, _ in files:
        if len(raw) > limits.MAX_JSON_BYTES:
            raise ExchangeError(
                "exchange.export_too_large", name, size=len(raw), limit=limits.MAX_JSON_BYTES
            )
        total += len(raw)
    limit = min(limits.MAX_BUNDLE_UNCOMPRESSED, limits.MAX_MERGE_UNCOMPRESSED)
    if total > limit:
        raise ExchangeError("exchange.export_too_large", str(path), size=total, limit=limit)


def _zip(entries: list[tuple[str, bytes]], at: datetime) -> bytes:
    buffer = io.BytesIO()
    stamp = at.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=max(stamp, (1980, 1, 1, 0, 0, 0)))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


# -- reading a bundle ------------------------------------------------------------------------


@dataclass(frozen=True)
class BundleEntry:
    source: str  # "bundle.zip:sessions/x.json", for messages
    kind: str  # "audit" or "session"
    data: bytes
    sha256: str = ""  # as the manifest lists it (and, when checked, as the data has it)


@dataclass(frozen=True)
class Bundle:
    source: str
    audit_id: str
    organisation: str
    edition: str
    entries: tuple[BundleEntry, ...]


def _unsafe_name(name: str) -> str | None:
    """Why an entry name could point outside the bundle, or None if it is safe."""
    if not name:
        return msg("report.reason.empty_name")
    if "\x00" in name:
        return msg("report.reason.nul")
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return msg("report.reason.absolute")
    if "\\" in name:
        return msg("report.reason.backslash")
    if ".." in name.split("/"):
        return msg("report.reason.dotdot")
    return None


def read_bundle(
    data: bytes,
    source: str,
    progress: Callable[[str], None] | None = None,
    budget: int = limits.MAX_BUNDLE_UNCOMPRESSED,
    checksums: bool = True,
) -> Bundle:
    """Check a bundle's structure, sizes, manifest and checksums; return its entries.

    ``checksums=False`` leaves out the entries' SHA-256 (not their sizes): only for the
    very bytes of a bundle checked in full before (a merge reads each input twice)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ExchangeError(
            "report.exchange.corrupt", source, reason=msg("report.reason.not_zip")
        ) from exc
    if len(infos) > limits.MAX_ENTRIES:
        raise ExchangeError(
            "report.exchange.too_many", source, count=len(infos), limit=limits.MAX_ENTRIES
        )
    files: dict[str, zipfile.ZipInfo] = {}
    declared_total = 0
    for info in infos:
        for name in {info.filename, info.orig_filename}:
            reason = _unsafe_name(name)
            if reason:
                raise ExchangeError(
                    "report.exchange.unsafe_entry", source, entry=name[:200], reason=reason
                )
        name = info.filename
        if (info.external_attr >> 16) & _S_IFMT == _S_IFLNK:
            raise ExchangeError(
                "report.exchange.unsafe_entry",
                source,
                entry=name,
                reason=msg("report.reason.symlink"),
            )
        if info.is_dir():
            continue
        if name in files:
            raise ExchangeError(
                "report.exchange.corrupt",
                source,
                reason=msg("report.reason.duplicate_entry", entry=name),
            )
        if info.flag_bits & 0x1:
            raise ExchangeError(
                "report.exchange.corrupt", source, reason=msg("report.reason.encrypted", entry=name)
            )
        if info.file_size > limits.MAX_JSON_BYTES:
            raise ExchangeError(
                "report.exchange.too_large",
                f"{source}:{name}",
                size=info.file_size,
                limit=limits.MAX_JSON_BYTES,
            )
        declared_total += info.file_size
        if declared_total > min(limits.MAX_BUNDLE_UNCOMPRESSED, budget):
            raise ExchangeError(
                "report.exchange.too_large",
                source,
                size=declared_total,
                limit=min(limits.MAX_BUNDLE_UNCOMPRESSED, budget),
            )
        if (
            info.file_size > limits.RATIO_FLOOR_BYTES
            and info.file_size > limits.MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        ):
            raise ExchangeError(
                "report.exchange.zip_bomb",
                source,
                entry=name,
                reason=msg("report.reason.ratio", packed=info.compress_size, size=info.file_size),
            )
        files[name] = info
    if MANIFEST not in files:
        raise ExchangeError("report.exchange.foreign", source)
    manifest_source = f"{source}:{MANIFEST}"
    manifest = parse_json(_read_entry(archive, files[MANIFEST], source), manifest_source)
    listed = _check_manifest(manifest, manifest_source)
    present = set(files) - {MANIFEST}
    for name in sorted(present - set(listed)):
        raise ExchangeError(
            "report.exchange.manifest",
            source,
            reason=msg("report.reason.unknown_entry", entry=name),
        )
    for name in sorted(set(listed) - present):
        raise ExchangeError(
            "report.exchange.manifest",
            source,
            reason=msg("report.reason.missing_entry", entry=name),
        )
    entries = []
    for name, spec in listed.items():
        content = _read_entry(archive, files[name], source)
        if len(content) != spec["size"] or (
            checksums and hashlib.sha256(content).hexdigest() != spec["sha256"]
        ):
            raise ExchangeError(
                "report.exchange.manifest", source, reason=msg("report.reason.checksum", entry=name)
            )
        entries.append(BundleEntry(f"{source}:{name}", spec["kind"], content, spec["sha256"]))
        if progress:
            progress(f"{source}:{name}")
    audit = manifest["audit"]
    return Bundle(source, audit["id"], audit["organisation"], audit["edition"], tuple(entries))


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    """The entry's bytes, never more than declared; a mismatch is a bomb or damage."""
    try:
        with archive.open(info) as handle:
            content = handle.read(info.file_size + 1)
            extra = handle.read(1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise ExchangeError(
            "report.exchange.zip_bomb",
            source,
            entry=info.filename,
            reason=msg("report.reason.size_mismatch", error=exc),
        ) from exc
    if len(content) != info.file_size or extra:
        raise ExchangeError(
            "report.exchange.zip_bomb",
            source,
            entry=info.filename,
            reason=msg("report.reason.size_read", read=len(content), size=info.file_size),
        )
    return content


def _check_manifest(manifest: Any, source: str) -> dict[str, dict[str, Any]]:
    """The files the manifest lists, by entry name; every field checked."""
    if file_format(manifest, source) != BUNDLE_FORMAT:
        raise ExchangeError("report.exchange.foreign", source)
    try:
        audit = manifest["audit"]
        check_id(audit["id"], source)
        if not isinstance(audit["edition"], str) or not isinstance(audit["organisation"], str):
            raise ValueError(msg("report.reason.manifest_audit"))
        listed: dict[str, dict[str, Any]] = {}
        for spec in manifest["files"]:
            name, kind = spec["path"], spec["kind"]
            valid = (
                isinstance(name, str)
                and _unsafe_name(name) is None
                and name != MANIFEST
                and name not in listed
                and (
                    (kind == "audit" and name == AUDIT_ENTRY)
                    or (kind == "session" and name.startswith(SESSION_DIR))
                )
                and type(spec["size"]) is int
                and isinstance(spec["sha256"], str)
                and _SHA256.fullmatch(spec["sha256"])
            )
            if not valid:
                raise ValueError(msg("report.reason.manifest_line", entry=repr(str(name)[:200])))
            listed[name] = spec
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ExchangeError):
            raise
        raise ExchangeError("report.exchange.manifest", source, reason=str(exc)) from exc
    return listed
