"""Crash-safe file publication and owner-only file creation.

A note the UI has shown as saved must survive a power cut. So a file is never
rewritten in place: the new bytes go to a temporary file in the same folder, are
flushed and fsync'd, atomically renamed over the old file, and then the folder itself
is fsync'd so the rename is durable too. A crash leaves either the old or the new file.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents owner-only, durably.

    Folders that already exist are left as they are: the user may have pointed
    ``--data-dir`` at a folder whose permissions are theirs to choose. Each new folder's
    parent is fsync'd, or after a power cut a first note's folder could vanish although
    the note's own file was fsync'd.
    """
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        folder.mkdir(mode=DIR_MODE, exist_ok=True)
        folder.chmod(DIR_MODE)  # mkdir's mode is filtered by the umask
        fsync_dir(folder.parent)
    return path


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def stage_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new owner-only temp file beside ``path``, fsync'd; returns it.

    The caller publishes it with ``os.replace`` (and fsyncs the folder) or removes it.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp


def write_atomic(path: Path, data: bytes) -> None:
    """Publish ``data`` as ``path`` atomically and durably, owner-only."""
    tmp = stage_file(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
