"""Publish several files of one audit together, and write exported files.

A merge touches the audit file and many session logs. Writing them one after the
other would leave half a merge behind when the disk fills up halfway. So every file
is first staged in full (temp file beside its target, fsync'd) and only then are they
all renamed into place: a failure while staging leaves the audit exactly as it was.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from interview_assistant.storage.durable import fsync_dir, stage_file, write_atomic

#: Files staged at once. An fsync waits on the disk, not the CPU, so flushing several
#: files together halves a 100-file merge; each is still flushed before any rename.
STAGING_THREADS = 8


def publish_files(files: list[tuple[Path, bytes]]) -> None:
    """Write every ``(path, data)`` durably and owner-only; all are staged before any lands."""
    if len(files) <= 2:
        results: list[Path | BaseException] = []
        for path, data in files:
            try:
                results.append(stage_file(path, data))
            except BaseException as exc:
                results.append(exc)
                break
    else:
        with ThreadPoolExecutor(min(STAGING_THREADS, len(files))) as pool:
            futures = [pool.submit(stage_file, path, data) for path, data in files]
        results = [f.exception() or f.result() for f in futures]
    failures = [r for r in results if isinstance(r, BaseException)]
    staged = [r for r in results if isinstance(r, Path)]
    if failures:
        for tmp in staged:
            tmp.unlink(missing_ok=True)
        raise failures[0]
    for tmp, (path, _) in zip(staged, files, strict=True):
        os.replace(tmp, path)
    for folder in {path.parent for path, _ in files}:
        fsync_dir(folder)


def write_export(path: Path, data: bytes) -> Path:
    """Write a bundle or report the user asked for, atomically and owner-only."""
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise FileNotFoundError(path.parent)
    write_atomic(path, data)
    return path


def read_input(path: Path, max_bytes: int) -> bytes:
    """Read a file given to merge, refusing more than ``max_bytes`` (it may grow meanwhile)."""
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise OverflowError(max_bytes)
    return data


def list_input_files(folder: Path, suffix: str | tuple[str, ...], max_files: int) -> list[Path]:
    """Regular files ending in ``suffix`` under ``folder``, in name order, hidden ones skipped."""
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or not name.endswith(suffix):
                continue
            candidate = Path(root) / name
            if candidate.is_symlink() or not candidate.is_file():
                continue
            found.append(candidate)
            if len(found) > max_files:
                raise OverflowError(max_files)
    return found
