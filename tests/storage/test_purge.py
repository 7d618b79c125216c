"""Purging a note takes its text and every revision off the disk and leaves a tombstone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_assistant.domain.session import Interviewee
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.privacy import PrivacyMarks
from interview_assistant.services.purge import set_aside_copies
from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore, StoreError
from interview_assistant.storage.schema import decode_session_file

NAME = "Pietje Puk"


@pytest.fixture
def workspace(store: AuditStore) -> AuditWorkspace:
    audit = create_audit(store, "Welzijn Noord")
    return AuditWorkspace(store, audit.id)


def start(ws: AuditWorkspace) -> str:
    return ws.start_session("Anna", [Interviewee("sociaal werker", ("P",))]).id


def every_byte(root: Path) -> bytes:
    """Every file under the data folder, concatenated: what a grep of the disk would see."""
    return b"".join(p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file())


def session_file(store: AuditStore, ws: AuditWorkspace, sid: str) -> Path:
    return store.audit_dir(ws.audit.id) / "sessions" / f"{sid}.json"


def test_purge_removes_text_and_every_revision_from_the_files(
    store: AuditStore, workspace: AuditWorkspace
) -> None:
    sid = start(workspace)
    kept = workspace.add_note(sid, "Inwerkmap gezien #V2 @doc")
    note = workspace.add_note(sid, f"{NAME} vertelde over de map #V1")
    workspace.edit_note(sid, note.id, f"Mevrouw {NAME.upper()} over de map #V1")
    workspace.edit_note(sid, note.id, "Medewerker vertelde over de map #V1")
    workspace.delete_note(sid, note.id)
    assert NAME.encode() in every_byte(store.data_dir)  # the revisions kept it until now

    stone = workspace.purge_note(sid, note.id)

    raw = every_byte(store.data_dir)
    for word in (NAME, NAME.upper(), "Medewerker vertelde"):
        assert word.encode() not in raw
    assert b"Inwerkmap gezien" in raw
    assert stone.purged is not None and stone.purged.by == "Anna" and stone.revisions == ()
    assert stone.state_clock > note.clock
    doc = json.loads(session_file(store, workspace, sid).read_bytes())
    row = next(r for r in doc["notes"].values() if r["id"] == note.id)
    assert row["revisions"] == [] and row["purged"]["by"] == "Anna"
    assert doc["meta"]["1"]["schema"] == 3
    reopened = AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id)
    assert [n.id for n in reopened.notes(sid, include_deleted=True)] == [kept.id]


def test_a_purged_note_no_longer_counts_for_coverage(
    store: AuditStore, workspace: AuditWorkspace
) -> None:
    sid = start(workspace)
    note = workspace.add_note(sid, "Alleen hier over V7 #V7")
    assert workspace.norm_coverage("V7").sources == 1
    workspace.purge_note(sid, note.id)
    assert workspace.norm_coverage("V7").sources == 0
    assert workspace.note_count(sid) == 0
    reopened = AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id)
    assert reopened.norm_coverage("V7").sources == 0
    assert reopened.note_count(sid) == 0


def test_a_file_without_tombstones_stays_schema_2(
    store: AuditStore, workspace: AuditWorkspace
) -> None:
    """A colleague's older release reads every file until a purge needs schema 3."""
    sid = start(workspace)
    workspace.add_note(sid, "Gewone notitie #V1")
    doc = json.loads(session_file(store, workspace, sid).read_bytes())
    assert doc["meta"]["1"]["schema"] == 2
    assert "purged" not in json.dumps(doc)


def test_an_edit_made_from_a_stale_copy_cannot_undo_a_purge(
    store: AuditStore, workspace: AuditWorkspace
) -> None:
    """The TUI still shows the note while the line mode purges it: its edit is refused,
    and the text stays off the disk."""
    sid = start(workspace)
    note = workspace.add_note(sid, f"{NAME} #V1")
    other = AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id)
    other.purge_note(sid, note.id)
    with pytest.raises(StoreError, match="definitief gewist"):
        workspace.edit_note(sid, note.id, f"{NAME} en meer #V1")
    assert NAME.encode() not in every_byte(store.data_dir)
    assert workspace.notes(sid, include_deleted=True) == []
    assert workspace.norm_coverage("V1").sources == 0


def test_purging_an_unknown_note_is_a_clear_error(workspace: AuditWorkspace) -> None:
    sid = start(workspace)
    with pytest.raises(StoreError, match="bestaat niet"):
        workspace.purge_note(sid, "0123456789abcdef")


def test_a_tombstone_with_text_or_a_note_without_is_refused(
    store: AuditStore, workspace: AuditWorkspace
) -> None:
    sid = start(workspace)
    note = workspace.add_note(sid, "Tekst #V1")
    workspace.purge_note(sid, note.id)
    path = session_file(store, workspace, sid)
    doc = json.loads(path.read_bytes())
    row = next(iter(doc["notes"].values()))
    decode_session_file(path.read_bytes())  # as written: fine
    row["revisions"] = [{"at": row["created"], "text": "terug", "norms": [], "evidence": []}]
    row["revisions"][0]["kind"] = "waarneming"
    with pytest.raises(ValueError, match="revisions"):
        decode_session_file(json.dumps(doc).encode())
    del row["purged"]
    row["revisions"] = []
    with pytest.raises(ValueError, match="revisions"):
        decode_session_file(json.dumps(doc).encode())


def test_purge_forgets_marks_and_trend_wording_of_that_note_only(
    store: AuditStore, workspace: AuditWorkspace
) -> None:
    sid = start(workspace)
    note = workspace.add_note(sid, f"{NAME} in Zwolle geeft complimenten !compliment #V1")
    workspace.add_note(sid, "Ook in Zwolle #V2")
    PrivacyMarks(workspace).mark([NAME, "Zwolle"])
    review = AuditReview(workspace)
    review.edit_trend_point(note.id, text=f"{NAME} is tevreden")
    workspace.purge_note(sid, note.id)

    marks = store.load_privacy_marks(workspace.audit.id)
    assert list(marks) == ["zwolle"]  # still stands in another note
    assert NAME.encode() not in every_byte(store.data_dir)
    edit = store.load_trend_edits(workspace.audit.id)[note.id]
    assert edit.text == "" and edit.hidden
    assert AuditReview(workspace).trend_points(include_hidden=True) == []


def test_a_set_aside_copy_holding_the_text_is_pointed_out_and_left_alone(
    store: AuditStore, workspace: AuditWorkspace
) -> None:
    sid = start(workspace)
    note = workspace.add_note(sid, f"{NAME} \u201cvertelde\u201d #V1")
    workspace.add_note(sid, "Iets anders #V2")
    quarantine = store.audit_dir(workspace.audit.id) / "quarantine"
    quarantine.mkdir()
    held = quarantine / f"{sid}.json.20260101T000000000000"
    held.write_bytes(session_file(store, workspace, sid).read_bytes()[:-40])  # cut short
    other = quarantine / "audit.json.20260101T000000000000"
    other.write_bytes(b"{}")
    workspace.purge_note(sid, note.id)
    assert set_aside_copies(workspace, note) == [str(held)]
    assert NAME.encode() in held.read_bytes()  # kept untouched: the user decides


def test_the_tombstone_names_the_auditor_of_this_computer(
    store: AuditStore, workspace: AuditWorkspace
) -> None:
    from interview_assistant.services.identity import set_current_auditor

    sid = start(workspace)  # Anna's interview
    first = workspace.add_note(sid, "een #V1")
    second = workspace.add_note(sid, "twee #V1")
    assert workspace.purge_note(sid, first.id).purged.by == "Anna"  # nobody set: the session's
    set_current_auditor("Bram de Wit")
    assert workspace.purge_note(sid, second.id).purged.by == "Bram de Wit"
