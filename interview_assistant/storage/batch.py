"""Publish several files of one audit together, and write exported files.

A merge touches the audit file and many session logs. Writing them one after the
other would leave half a merge behind when the disk fills up or the process is killed
halfway. So every file is first staged in full (temp file beside its target, fsync'd),
one journal naming them all is published as the commit point, and only then are they
renamed into place: the audit holds either the whole merge or none of it.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import glob
import os
import signal
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson

from interview_assistant.storage.durable import fsync_dir, stage_file, write_atomic


@functools.cache
def writer_id() -> str:
    """Who writes a merge journal: this computer and user, so that in a data folder a sync
    engine shares, a journal that arrived from another laptop is not finished here."""
    try:
        machine = Path("/etc/machine-id").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        machine = f"{uuid.getnode():012x}"
    user = os.getuid() if hasattr(os, "getuid") else 0
    return f"{socket.gethostname()}:{machine}:{user}"


#: Files staged at once. An fsync waits on the disk, not the CPU, so flushing several
#: files together halves a 100-file merge; each is still flushed before any rename.
STAGING_THREADS = 8


def publish_files(files: list[tuple[Path, bytes]], journal: Path) -> None:
    """Write every ``(path, data)`` durably and owner-only, all or nothing even if killed.

    Every file is staged first (temp file beside its target, fsync'd). Then ``journal``
    is published atomically, listing each staged temp file and its target: that is the
    commit point. Only then are the temp files renamed into place and the journal
    removed. A process killed before the journal landed leaves only temp files (the
    audit is as before: :func:`roll_forward` finds no journal and the temp sweep removes
    them); killed after it, :func:`roll_forward` finishes the renames. ``journal`` sits
    in the folder that holds every target or one of its parents.
    """
    results: list[Path | BaseException] = []
    if len(files) <= 2:
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
    temps = [r for r in results if isinstance(r, Path)]
    failures = [r for r in results if isinstance(r, BaseException)]
    if failures:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
        raise failures[0]
    staged = [(tmp, path) for tmp, (path, _) in zip(temps, files, strict=True)]
    if len(staged) > 1:
        root = journal.parent
        entries = [[str(t.relative_to(root)), str(p.relative_to(root))] for t, p in staged]
        try:
            write_atomic(journal, orjson.dumps({"writer": writer_id(), "files": entries}))
        except BaseException:
            for tmp, _ in staged:
                tmp.unlink(missing_ok=True)
            raise
    _finish(staged, journal if len(staged) > 1 else None)


def _finish(staged: list[tuple[Path, Path]], journal: Path | None) -> None:
    for tmp, path in staged:
        if tmp.exists() or journal is None:
            os.replace(tmp, path)
    for folder in {path.parent for _, path in staged}:
        fsync_dir(folder)
    if journal is not None:
        journal.unlink(missing_ok=True)
        fsync_dir(journal.parent)


def roll_forward(journal: Path, only_writer: str | None = None) -> bool:
    """Finish a publish whose journal landed before its writer died; True if there was one.

    Call it holding the lock of the folder. A journal names only temp files and targets
    inside its own folder; one that does not is left alone and reported by raising.
    With ``only_writer``, a journal another writer left (another laptop's, arrived
    through a sync engine) is left alone too: its files are not ours to move.
    """
    try:
        raw = journal.read_bytes()
    except FileNotFoundError:
        return False
    root = journal.parent
    data = orjson.loads(raw)
    writer = data.get("writer") if isinstance(data, dict) else None  # a list: older versions
    entries = (data.get("files") or []) if isinstance(data, dict) else data
    if only_writer is not None and writer != only_writer:
        return False
    staged = []
    for tmp_name, target_name in entries:
        tmp, target = root / tmp_name, root / target_name
        inside = all(root.resolve() in p.resolve().parents for p in (tmp, target))
        if not inside or not tmp.name.endswith(".tmp") or tmp.parent != target.parent:
            raise ValueError(f"{journal}: {tmp_name} -> {target_name}")
        staged.append((tmp, target))
    _finish(staged, journal)
    return True


#: a temp file beside an export older than this was left by a writer that was killed
STALE_EXPORT_SECONDS = 600


def write_export(path: Path, data: bytes) -> Path:
    """Write a bundle or report the user asked for, atomically and owner-only.

    The temp file beside it is removed on any error, and on SIGTERM or SIGHUP (turned
    into an exit for the duration of the write); one a killed writer left behind
    (SIGKILL, a power cut) is swept by the next write to the same path.
    """
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path.parent))
    _sweep_stale_exports(path)
    with _signals_exit():
        write_atomic(path, data)
    return path


def export_target_state(path: Path) -> str:
    """What is at ``path`` before an export is written there: "free", "file" (an existing
    file: ask before replacing it), "folder" (a folder: no file can go there),
    "no_folder" (the folder it goes in does not exist) or "parent_file" (that is a file)."""
    path = Path(path).expanduser()
    if path.is_dir():
        return "folder"
    if path.exists() or path.is_symlink():
        return "file"
    if path.parent.is_dir():
        return "free"
    return "parent_file" if path.parent.exists() else "no_folder"


def _sweep_stale_exports(path: Path) -> None:
    cutoff = time.time() - STALE_EXPORT_SECONDS
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                leftover.unlink()


@contextlib.contextmanager
def _signals_exit() -> Iterator[None]:
    """Let SIGTERM and SIGHUP end the process through an exception, so cleanup runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def leave(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    caught = [s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.signal(s, leave) for s in caught}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


#: what :func:`read_input` reads at a time beyond the size the file had when opened
READ_CHUNK = 1024 * 1024


def read_input(path: Path, max_bytes: int) -> bytes:
    """Read a file given to merge, refusing more than ``max_bytes`` (it may grow meanwhile).

    Reads the size the file has, not the limit: ``read(limit)`` would set aside a buffer
    of the whole limit (256 MiB for a bundle) for every input, however small."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise OverflowError(max_bytes)
        parts = [handle.read(size)]
        total = len(parts[0])
        while chunk := handle.read(min(READ_CHUNK, max_bytes + 1 - total)):  # it grew
            parts.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise OverflowError(max_bytes)
    return parts[0] if len(parts) == 1 else b"".join(parts)


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
