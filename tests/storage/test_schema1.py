"""Audits written by the first release (schema 1, no logical clocks) open as they were
and become schema 2 on their next write. The fixture is the demo as that release
shipped it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from interview_assistant.exchange import merge_inputs
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.storage.repository import AuditStore

SCHEMA1 = Path(__file__).parent / "fixtures" / "schema1"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(SCHEMA1, tmp_path / "data")
    for path in [tmp_path / "data", *(tmp_path / "data").rglob("*")]:  # owner-only, as written
        path.chmod(0o700 if path.is_dir() else 0o600)
    return tmp_path / "data"


def _session_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("audits/*/sessions/*.json"))


def _schema(path: Path) -> int:
    return json.loads(path.read_bytes())["meta"]["1"]["schema"]


def test_a_schema1_audit_opens_with_its_notes_in_their_time_order(folder: Path) -> None:
    store = AuditStore(folder)
    (audit_id,) = store.audit_ids()
    workspace = AuditWorkspace(store, audit_id)
    assert store.take_problems() == []
    edited = 0
    for path in _session_files(folder):
        assert _schema(path) == 1
        docs = json.loads(path.read_bytes())["notes"].values()
        for doc in docs:
            note = workspace.note(doc["session_id"], doc["id"])
            by_time = sorted(doc["revisions"], key=lambda r: r["at"])
            assert [r.text for r in note.revisions] == [r["text"] for r in by_time]
            assert note.text == by_time[-1]["text"]
            edited += note.edited
    assert edited > 0  # the fixture does hold edited notes


def test_the_next_write_migrates_the_file_and_new_changes_come_after_old_ones(folder) -> None:
    store = AuditStore(folder)
    (audit_id,) = store.audit_ids()
    workspace = AuditWorkspace(store, audit_id)
    old = next(n for s in workspace.sessions for n in workspace.notes(s.id) if n.edited)
    session_id = old.session_id
    path = next(p for p in _session_files(folder) if p.stem == session_id)
    workspace.edit_note(session_id, old.id, "Nieuwe tekst #V1")
    assert _schema(path) == 2
    assert all(_schema(p) == 1 for p in _session_files(folder) if p != path)  # untouched

    reopened = AuditWorkspace(AuditStore(folder), audit_id)
    note = reopened.note(session_id, old.id)
    assert note.text == "Nieuwe tekst #V1"
    assert note.revisions[:-1] == old.revisions  # the schema-1 history, unchanged
    assert reopened.delete_note(session_id, old.id).deleted
    assert AuditWorkspace(AuditStore(folder), audit_id).note(session_id, old.id).deleted


def test_schema1_logs_merge_into_a_schema2_audit_and_back(folder: Path, tmp_path: Path) -> None:
    store = AuditStore(folder)
    (audit_id,) = store.audit_ids()
    audit_dir = store.audit_dir(audit_id)
    # a team member still on schema 1 sends their files; the lead has migrated already
    lead = tmp_path / "lead"
    shutil.copytree(folder, lead)
    lead_store = AuditStore(lead)
    workspace = AuditWorkspace(lead_store, audit_id)
    for session in workspace.sessions:
        for note in workspace.notes(session.id)[:1]:
            workspace.edit_note(session.id, note.id, f"{note.text} (aangevuld)")
    report = merge_inputs(AuditStore(lead), [audit_dir])
    assert not report.changed  # nothing of the old files is new to the lead
    merged = AuditWorkspace(AuditStore(lead), audit_id)
    assert all(
        n.text.endswith("(aangevuld)") for s in merged.sessions for n in merged.notes(s.id)[:1]
    )
    # and the lead's schema-2 files merge into the schema-1 folder
    report = merge_inputs(AuditStore(folder), [lead_store.audit_dir(audit_id)])
    assert report.changed
    back = AuditWorkspace(AuditStore(folder), audit_id)
    assert [n.text for s in back.sessions for n in back.notes(s.id)] == [
        n.text for s in merged.sessions for n in merged.notes(s.id)
    ]


def test_notes_written_before_speakers_existed_are_the_groups(folder: Path) -> None:
    store = AuditStore(folder)
    (audit_id,) = store.audit_ids()
    workspace = AuditWorkspace(store, audit_id)
    notes = [n for s in workspace.sessions for n in workspace.notes(s.id, include_deleted=True)]
    assert notes and all(n.speaker is None for n in notes)
    # roles heard are the session's roles, as before speakers existed
    heard = {r for s in workspace.sessions for r in s.roles if workspace.notes(s.id)}
    assert {
        r for n in workspace.catalogue.norm_ids for r in workspace.norm_coverage(n).roles
    } == heard
