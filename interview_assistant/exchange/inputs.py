"""Turn the paths given to ``merge`` (bundles, session logs, audit files, folders) into
checked inputs, reading every byte under a size limit and writing nothing.

Inputs are read one at a time, so a merge's memory is one input plus the merged result
whatever the number of inputs (four bundles once took 3.9 GB because all were held at
once). :func:`collect_inputs` reads and checks every input's structure and keeps only
what is small: which audit each belongs to, the sessions it carries (no bytes), the
audit files folded into one per audit, and a digest of each file. The merge then reads
each input again with :func:`reread_inputs`, under the audit's lock, and folds it in;
a file that changed in between is refused, so what was checked is what is merged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interview_assistant.domain.merge import (
    combine_incoming_metadata,
    merge_assessments,
    merge_latest,
)
from interview_assistant.domain.session import Session
from interview_assistant.exchange import limits
from interview_assistant.exchange.bundle import Bundle, read_bundle
from interview_assistant.exchange.errors import ExchangeError
from interview_assistant.exchange.validate import (
    AuditFile,
    SessionFile,
    check_id,
    file_format,
    parse_json,
    peek_session_file,
    read_audit_file,
    read_session_file,
)
from interview_assistant.messages import msg
from interview_assistant.storage.batch import list_input_files, read_input
from interview_assistant.storage.repository import AUDIT_FORMAT, SESSION_FORMAT, newer_mark

ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class DeclaredAudit:
    """The audit a bundle (or a loose bundle manifest, or an audit file) says it belongs to."""

    source: str
    audit_id: str
    organisation: str
    edition: str


@dataclass(frozen=True)
class SessionSeen:
    """A session log found in an input: where, and its session (not its bytes)."""

    source: str
    session: Session


@dataclass
class Input:
    """One input file as read: its session logs with their bytes, its audit files."""

    path: Path
    sessions: list[SessionFile] = field(default_factory=list)
    audits: list[AuditFile] = field(default_factory=list)
    declared: list[DeclaredAudit] = field(default_factory=list)
    #: bytes of JSON read (bundle entries uncompressed), against the whole call's budget
    size: int = 0


@dataclass
class Inputs:
    """What reading every input once learned; small, whatever the inputs' size."""

    sessions: list[SessionSeen] = field(default_factory=list)
    #: the audit files, folded into one per audit (combined as the merge combines them)
    audits: list[AuditFile] = field(default_factory=list)
    #: every audit file read, by where it came from (for messages naming the input)
    audit_sources: list[DeclaredAudit] = field(default_factory=list)
    declared: list[DeclaredAudit] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    #: each input file and the SHA-256 of its bytes as checked
    digests: list[tuple[Path, str]] = field(default_factory=list)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Each path, or for a folder the ``.json`` and ``.zip`` files in it, in name order."""
    found: list[Path] = []
    for path in paths:
        source = str(path)
        if path.is_dir():
            try:
                listed = list_input_files(path, (".json", ".zip"), limits.MAX_FOLDER_FILES)
            except OverflowError as exc:
                raise ExchangeError(
                    "report.exchange.too_many", source, count=">", limit=limits.MAX_FOLDER_FILES
                ) from exc
            except OSError as exc:
                raise ExchangeError("report.exchange.unreadable", source, reason=exc) from exc
            if not listed:
                raise ExchangeError("report.exchange.empty_folder", source)
            found.extend(listed)
        elif path.is_file():
            found.append(path)
        else:
            raise ExchangeError("report.exchange.missing", source)
    return found


def collect_inputs(
    paths: Iterable[Path], progress: Callable[[int, int, str], None] | None = None
) -> Inputs:
    """Read and check the structure of every input, one at a time; raise on the first bad
    one. Keeps no session bytes: the merge reads each input again (:func:`reread_inputs`)."""
    files = expand_paths(paths)
    inputs = Inputs()
    folded: dict[str, AuditFile] = {}
    budget = limits.MAX_MERGE_UNCOMPRESSED  # for the whole call, not per input
    for done, path in enumerate(files, start=1):
        raw = _read_file(path)
        digest = hashlib.sha256(raw).hexdigest()
        inputs.files.append(str(path))
        inputs.digests.append((path, digest))
        one = _parse(path, raw, digest, budget)
        del raw
        budget -= one.size
        inputs.sessions.extend(SessionSeen(f.source, f.session) for f in one.sessions)
        inputs.declared.extend(one.declared)
        for audit_file in one.audits:
            audit = audit_file.audit
            inputs.audit_sources.append(
                DeclaredAudit(audit_file.source, audit.id, audit.organisation, audit.edition)
            )
            held = folded.get(audit.id)
            folded[audit.id] = audit_file if held is None else fold_audit_files(held, audit_file)
        del one  # let go before the next input is read
        if progress:
            progress(done, len(files), str(path))
    inputs.audits = list(folded.values())
    return inputs


def reread_inputs(inputs: Inputs) -> Iterator[Input]:
    """Each input again, in order, with its session logs' bytes: one at a time, and only
    if its bytes are still the ones :func:`collect_inputs` checked."""
    for path, digest in inputs.digests:
        raw = _read_file(path)
        if hashlib.sha256(raw).hexdigest() != digest:
            raise ExchangeError("exchange.input_changed", str(path))
        # the very bytes checked before: against the budget, and a bundle's checksums
        yield _parse(path, raw, digest, limits.MAX_MERGE_UNCOMPRESSED, checked=True)


def fold_audit_files(a: AuditFile, b: AuditFile) -> AuditFile:
    """Two incoming copies of one audit file as one, whatever their order: metadata,
    review tables and privacy marks combined as the merge combines its inputs."""
    folded = AuditFile(a.source, combine_incoming_metadata(a.audit, b.audit))
    for name, merge in (
        ("assessments", merge_assessments),
        ("trend", merge_latest),
        ("texts", merge_latest),
        ("privacy_marks", newer_mark),
    ):
        into: dict[Any, Any] = dict(getattr(a, name))
        for key, item in getattr(b, name).items():
            held = into.get(key)
            into[key] = item if held is None else merge(held, item)
        setattr(folded, name, into)
    return folded


def _read_file(path: Path) -> bytes:
    source = str(path)
    limit = limits.MAX_BUNDLE_BYTES if path.suffix.lower() != ".json" else limits.MAX_JSON_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise ExchangeError("report.exchange.too_large", source, size=size, limit=limit)
        return read_input(path, limit)
    except OverflowError as exc:
        raise ExchangeError("report.exchange.too_large", source, size=">", limit=limit) from exc
    except OSError as exc:
        raise ExchangeError("report.exchange.unreadable", source, reason=exc) from exc


def _parse(path: Path, raw: bytes, digest: str, budget: int, checked: bool = False) -> Input:
    """One input file's bytes (``digest``: their SHA-256), checked: a bundle (within
    ``budget``) or a JSON file."""
    source = str(path)
    one = Input(path)
    is_zip = raw.startswith(ZIP_MAGIC)
    if not is_zip and len(raw) > limits.MAX_JSON_BYTES:
        raise ExchangeError(
            "report.exchange.too_large", source, size=len(raw), limit=limits.MAX_JSON_BYTES
        )
    if is_zip:
        bundle = read_bundle(raw, source, budget=budget, checksums=not checked)
        one.size = sum(len(entry.data) for entry in bundle.entries)
        _add_bundle(one, bundle)
    else:
        one.size = len(raw)
        if one.size > budget:
            raise ExchangeError(
                "exchange.merge_too_large", source, limit=limits.MAX_MERGE_UNCOMPRESSED
            )
        _add_json(one, raw, source, digest)
    return one


def _add_bundle(one: Input, bundle: Bundle) -> None:
    one.declared.append(
        DeclaredAudit(bundle.source, bundle.audit_id, bundle.organisation, bundle.edition)
    )
    for entry in bundle.entries:
        kind = _add_json(one, entry.data, entry.source, entry.sha256)
        if kind != {"audit": AUDIT_FORMAT, "session": SESSION_FORMAT}[entry.kind]:
            raise ExchangeError("report.exchange.manifest", bundle.source, reason=entry.source)


def _add_json(one: Input, raw: bytes, source: str, digest: str) -> str:
    peeked = peek_session_file(raw, source, digest)
    if peeked is not None:
        one.sessions.append(peeked)
        return SESSION_FORMAT
    data = parse_json(raw, source)
    kind = file_format(data, source)
    if kind == SESSION_FORMAT:
        one.sessions.append(read_session_file(raw, source, digest))
    elif kind == AUDIT_FORMAT:
        one.audits.append(read_audit_file(data, source))
    else:
        # A bundle's manifest beside its unzipped files: it names the audit they belong to.
        audit = data.get("audit") if isinstance(data, dict) else None
        if not isinstance(audit, dict):
            raise ExchangeError(
                "report.exchange.manifest", source, reason=msg("report.reason.no_audit")
            )
        one.declared.append(
            DeclaredAudit(
                source,
                check_id(audit.get("id"), source),
                str(audit.get("organisation", "")),
                str(audit.get("edition", "")),
            )
        )
    return kind
