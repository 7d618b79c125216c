"""A note the disk refuses: the line mode says why in Dutch and keeps the text to retry."""

from __future__ import annotations

import errno
import os

import pytest
from line_driver import reopened

from interview_assistant.line.chat import LineChat


def test_a_full_disk_keeps_the_note_for_a_retry(
    workspace, session_id, isolated_data_dir, audit_id, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = LineChat(workspace, session_id)

    def full(fd: int, data) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    (error,) = chat.handle("Inwerkmap gezien #V2 @doc")
    monkeypatch.undo()
    assert error.startswith("Niet opgeslagen: Opslaan is mislukt (de schijf is vol)")
    assert "No space" not in error
    assert reopened(isolated_data_dir, audit_id).notes(session_id) == []
    assert chat.prefill() == "Inwerkmap gezien #V2 @doc"
    assert chat.handle("Inwerkmap gezien #V2 @doc")[0].startswith("Opgeslagen")
    assert len(reopened(isolated_data_dir, audit_id).notes(session_id)) == 1
