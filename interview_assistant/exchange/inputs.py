"""Turn the paths given to ``merge`` (bundles, session logs, audit files, folders) into
checked inputs, reading every byte under a size limit and writing nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

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
from interview_assistant.storage.repository import AUDIT_FORMAT, SESSION_FORMAT

ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class DeclaredAudit:
    """The audit a bundle (or a loose bundle manifest) says it belongs to."""

    source: str
    audit_id: str
    organisation: str
    edition: str


@dataclass
class Inputs:
    sessions: list[SessionFile] = field(default_factory=list)
    audits: list[AuditFile] = field(default_factory=list)
    declared: list[DeclaredAudit] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


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
    """Read and check the structure of every input; raise on the first bad one."""
    files = expand_paths(paths)
    inputs = Inputs()
    budget = limits.MAX_MERGE_UNCOMPRESSED  # for the whole call, not per input
    for done, path in enumerate(files, start=1):
        source = str(path)
        inputs.files.append(source)
        limit = limits.MAX_BUNDLE_BYTES if path.suffix.lower() != ".json" else limits.MAX_JSON_BYTES
        try:
            size = path.stat().st_size
            if size > limit:
                raise ExchangeError("report.exchange.too_large", source, size=size, limit=limit)
            raw = read_input(path, limit)
        except OverflowError as exc:
            raise ExchangeError("report.exchange.too_large", source, size=">", limit=limit) from exc
        except OSError as exc:
            raise ExchangeError("report.exchange.unreadable", source, reason=exc) from exc
        is_zip = raw.startswith(ZIP_MAGIC)
        if not is_zip and len(raw) > limits.MAX_JSON_BYTES:
            raise ExchangeError(
                "report.exchange.too_large", source, size=len(raw), limit=limits.MAX_JSON_BYTES
            )
        if is_zip:
            bundle = read_bundle(raw, source, budget=budget)
            budget -= sum(len(entry.data) for entry in bundle.entries)
            _add_bundle(inputs, bundle)
        else:
            budget -= len(raw)
            if budget < 0:
                raise ExchangeError(
                    "exchange.merge_too_large", source, limit=limits.MAX_MERGE_UNCOMPRESSED
                )
            _add_json(inputs, raw, source)
        if progress:
            progress(done, len(files), source)
    return inputs


def _add_bundle(inputs: Inputs, bundle: Bundle) -> None:
    inputs.declared.append(
        DeclaredAudit(bundle.source, bundle.audit_id, bundle.organisation, bundle.edition)
    )
    for entry in bundle.entries:
        kind = _add_json(inputs, entry.data, entry.source)
        if kind != {"audit": AUDIT_FORMAT, "session": SESSION_FORMAT}[entry.kind]:
            raise ExchangeError("report.exchange.manifest", bundle.source, reason=entry.source)


def _add_json(inputs: Inputs, raw: bytes, source: str) -> str:
    peeked = peek_session_file(raw, source)
    if peeked is not None:
        inputs.sessions.append(peeked)
        return SESSION_FORMAT
    data = parse_json(raw, source)
    kind = file_format(data, source)
    if kind == SESSION_FORMAT:
        inputs.sessions.append(read_session_file(raw, source))
    elif kind == AUDIT_FORMAT:
        inputs.audits.append(read_audit_file(data, source))
    else:
        # A bundle's manifest beside its unzipped files: it names the audit they belong to.
        audit = data.get("audit") if isinstance(data, dict) else None
        if not isinstance(audit, dict):
            raise ExchangeError(
                "report.exchange.manifest", source, reason=msg("report.reason.no_audit")
            )
        inputs.declared.append(
            DeclaredAudit(
                source,
                check_id(audit.get("id"), source),
                str(audit.get("organisation", "")),
                str(audit.get("edition", "")),
            )
        )
    return kind
