"""A report or export that is interrupted leaves no hidden temp file beside its output."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from interview_assistant.storage import durable
from interview_assistant.storage.batch import STALE_EXPORT_SECONDS, write_export


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_sigterm_during_the_write_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsync = os.fsync

    def terminated(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGTERM)  # the user's `kill` arrives mid-write
        fsync(fd)

    monkeypatch.setattr(durable.os, "fsync", terminated)
    with pytest.raises(SystemExit):
        write_export(tmp_path / "rapport.md", b"# Rapport\n" * 1000)
    monkeypatch.undo()
    assert leftovers(tmp_path) == [] and not (tmp_path / "rapport.md").exists()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # put back after the write


def test_a_write_error_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, data) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(durable.os, "write", full)
    with pytest.raises(OSError):
        write_export(tmp_path / "bundel.zip", b"PK" * 1000)
    monkeypatch.undo()
    assert leftovers(tmp_path) == []


def test_the_leftover_of_a_killed_writer_is_swept_by_the_next_write(tmp_path: Path) -> None:
    old = tmp_path / ".rapport.md.0badc0de.tmp"
    old.write_bytes(b"half")
    stamp = time.time() - STALE_EXPORT_SECONDS - 60
    os.utime(old, (stamp, stamp))
    recent = tmp_path / ".rapport.md.12345678.tmp"  # may be another write in progress
    recent.write_bytes(b"busy")
    unrelated = tmp_path / ".ander.md.0badc0de.tmp"
    unrelated.write_bytes(b"niet van ons")
    os.utime(unrelated, (stamp, stamp))
    write_export(tmp_path / "rapport.md", b"# Rapport\n")
    assert leftovers(tmp_path) == [unrelated.name, recent.name]
    assert (tmp_path / "rapport.md").read_bytes() == b"# Rapport\n"
