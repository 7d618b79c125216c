"""Laptops with wrong dates: the order of changes to a note follows what each auditor
saw, not the date their laptop shows (a year ahead or a year behind)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from laptops import Laptop

from interview_assistant.domain.ids import now
from interview_assistant.exchange import export_bundle, merge_inputs
from interview_assistant.services import audit as audit_service

YEAR = timedelta(days=365)


@contextmanager
def clock_off_by(monkeypatch: pytest.MonkeyPatch, offset: timedelta) -> Iterator[None]:
    """The laptop's clock runs ``offset`` off while the block runs."""
    with monkeypatch.context() as patch:
        patch.setattr(audit_service, "now", lambda: now() + offset)
        yield


def _joined(lead: Laptop, member: Laptop, audit_id: str, tmp_path: Path) -> tuple[str, str]:
    export_bundle(lead.store, audit_id, tmp_path / "lead.zip")
    merge_inputs(member.store, [tmp_path / "lead.zip"])
    workspace = lead.workspace(audit_id)
    session_id = workspace.sessions[0].id
    return session_id, workspace.notes(session_id)[0].id


@pytest.mark.parametrize("offset", [YEAR, -YEAR], ids=["ahead", "behind"])
def test_the_lead_can_undo_a_delete_made_on_a_laptop_with_a_wrong_date(
    lead, bram, audit_id, tmp_path, monkeypatch, offset
) -> None:
    session_id, note_id = _joined(lead, bram, audit_id, tmp_path)
    with clock_off_by(monkeypatch, offset):
        bram.workspace(audit_id).delete_note(session_id, note_id)
        export_bundle(bram.fresh_store(), audit_id, tmp_path / "bram.zip")
    merge_inputs(lead.fresh_store(), [tmp_path / "bram.zip"])
    assert lead.workspace(audit_id).note(session_id, note_id).deleted

    restored = lead.workspace(audit_id).restore_note(session_id, note_id)
    assert not restored.deleted  # what the lead is told ("Hersteld") ...
    assert not lead.workspace(audit_id).note(session_id, note_id).deleted  # ... is on disk
    merge_inputs(lead.fresh_store(), [tmp_path / "bram.zip"])  # the old bundle again
    assert not lead.workspace(audit_id).note(session_id, note_id).deleted


@pytest.mark.parametrize("offset", [YEAR, -YEAR], ids=["ahead", "behind"])
def test_an_edit_made_after_seeing_another_shows_whatever_the_dates(
    lead, bram, audit_id, tmp_path, monkeypatch, offset
) -> None:
    session_id, note_id = _joined(lead, bram, audit_id, tmp_path)
    with clock_off_by(monkeypatch, offset):
        bram.workspace(audit_id).edit_note(session_id, note_id, "Bram vult aan #O2 @doc")
        export_bundle(bram.fresh_store(), audit_id, tmp_path / "bram.zip")
    merge_inputs(lead.fresh_store(), [tmp_path / "bram.zip"])
    assert lead.workspace(audit_id).note(session_id, note_id).text == "Bram vult aan #O2 @doc"

    lead.workspace(audit_id).edit_note(session_id, note_id, "Anna corrigeert #O2 @doc")
    export_bundle(lead.fresh_store(), audit_id, tmp_path / "lead2.zip")
    merge_inputs(bram.fresh_store(), [tmp_path / "lead2.zip"])
    for laptop in (lead, bram):
        note = laptop.workspace(audit_id).note(session_id, note_id)
        assert note.text == "Anna corrigeert #O2 @doc"
        assert [r.text for r in note.revisions][-2:] == [
            "Bram vult aan #O2 @doc",
            "Anna corrigeert #O2 @doc",
        ]
