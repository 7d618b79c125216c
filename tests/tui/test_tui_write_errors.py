"""A note the disk refuses keeps its text in the composer, with the reason in Dutch, and
nothing is stored: the auditor can retry once there is room."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from tui_support import build_demo_like_audit, settle, type_text

from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.widgets.note_composer import NoteComposer


async def test_a_note_the_disk_refuses_stays_in_the_input(
    store: AuditStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    audit, sessions = build_demo_like_audit(store)
    session_id = sessions[0].id
    before = len(AuditWorkspace(AuditStore(data_dir), audit.id).notes(session_id))
    app = make_app(data_dir, audit.id, session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        composer = app.screen.query_one(NoteComposer)
        composer.input.focus()
        text = "Inwerkmap besproken met de teamleider #V2"
        await type_text(pilot, text)
        real_write = os.write

        def full_disk(fd: int, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "write", full_disk)
        await pilot.press("enter")
        await pilot.pause()
        monkeypatch.setattr(os, "write", real_write)
        assert composer.value == text
        assert "de schijf is vol" in str(composer.error_line.render())
        assert len(AuditWorkspace(AuditStore(data_dir), audit.id).notes(session_id)) == before
        await pilot.press("enter")  # room again: the same text is stored
        await settle(pilot)
        assert composer.value == ""
    notes = AuditWorkspace(AuditStore(data_dir), audit.id).notes(session_id)
    assert len(notes) == before + 1 and notes[-1].text.startswith("Inwerkmap besproken")
