"""The store keeps every note, owner-only, and sets aside files it cannot trust."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from interview_assistant.domain.session import Interviewee
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.storage.durable import write_atomic
from interview_assistant.storage.repository import AuditStore, StoreError


@pytest.fixture
def workspace(store: AuditStore) -> AuditWorkspace:
    audit = create_audit(store, "Welzijn Noord")
    return AuditWorkspace(store, audit.id)


def start(ws: AuditWorkspace, *roles: str, function: str = "sociaal werker") -> str:
    return ws.start_session("Anna", [Interviewee(function, roles or ("P",))]).id


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_notes_survive_reopening(store: AuditStore, workspace: AuditWorkspace) -> None:
    sid = start(workspace)
    workspace.add_note(sid, "Inwerkmap gezien #V2 @doc")
    workspace.add_note(sid, "Geen tag, hoort bij de gids", default_norm="V3")
    reopened = AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id)
    assert [n.text for n in reopened.notes(sid)] == [
        "Inwerkmap gezien #V2 @doc",
        "Geen tag, hoort bij de gids",
    ]
    assert reopened.coverage.norm("V3").sources == 1


def test_files_and_folders_are_owner_only(store: AuditStore, workspace: AuditWorkspace) -> None:
    sid = start(workspace)
    workspace.add_note(sid, "#V1 x")
    audit_dir = store.audit_dir(workspace.audit.id)
    for path in [store.data_dir / "audits", audit_dir, audit_dir / "sessions"]:
        assert mode(path) == 0o700, path
    for path in [
        audit_dir / "audit.json",
        audit_dir / ".lock",
        audit_dir / "sessions" / f"{sid}.json",
    ]:
        assert mode(path) == 0o600, path


def test_every_file_carries_format_and_schema(store: AuditStore, workspace: AuditWorkspace) -> None:
    sid = start(workspace)
    audit_dir = store.audit_dir(workspace.audit.id)
    for path, fmt in [
        (audit_dir / "audit.json", "interview-assistant/audit"),
        (audit_dir / "sessions" / f"{sid}.json", "interview-assistant/session"),
    ]:
        meta = json.loads(path.read_text())["meta"]["1"]
        assert meta["format"] == fmt and meta["schema"] == 2


def test_bad_tag_stores_nothing(store: AuditStore, workspace: AuditWorkspace) -> None:
    sid = start(workspace)
    with pytest.raises(ValueError, match="#V99"):
        workspace.add_note(sid, "over #V99")
    assert AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id).notes(sid) == []


def test_edit_and_delete_keep_history_on_disk(store: AuditStore, workspace: AuditWorkspace) -> None:
    sid = start(workspace)
    note = workspace.add_note(sid, "eerst #V1")
    workspace.edit_note(sid, note.id, "daarna #V2 @doc")
    workspace.delete_note(sid, note.id)
    reopened = AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id)
    assert reopened.notes(sid) == []
    kept = reopened.notes(sid, include_deleted=True)[0]
    assert [r.text for r in kept.revisions] == ["eerst #V1", "daarna #V2 @doc"]
    reopened.restore_note(sid, note.id)
    assert reopened.notes(sid)[0].text == "daarna #V2 @doc"
    assert reopened.coverage.norm("V2").sources == 1


def test_two_processes_views_do_not_lose_each_others_notes(store: AuditStore) -> None:
    audit = create_audit(store, "Org")
    tui = AuditWorkspace(AuditStore(store.data_dir), audit.id)
    line = AuditWorkspace(AuditStore(store.data_dir), audit.id)
    sid = tui.start_session("Anna", [Interviewee("teamcoach", ("Mng",))]).id
    assert line.refresh()
    a = tui.add_note(sid, "van de TUI #O1")
    b = line.add_note(sid, "van de regelmodus #O2")
    assert line.refresh()  # the line mode refreshes before each prompt
    line.edit_note(sid, a.id, "aangevuld in regelmodus #O1 @doc")
    tui.edit_note(sid, a.id, "aangevuld in TUI #O1 @reg")
    final = AuditWorkspace(AuditStore(store.data_dir), audit.id)
    texts = {n.id: n for n in final.notes(sid)}
    assert set(texts) == {a.id, b.id}
    revisions = [r.text for r in texts[a.id].revisions]
    assert (
        "aangevuld in regelmodus #O1 @doc" in revisions and "aangevuld in TUI #O1 @reg" in revisions
    )
    assert texts[a.id].text == "aangevuld in TUI #O1 @reg"
    assert tui.refresh() and {n.id for n in tui.notes(sid)} == {a.id, b.id}


def test_team_updates_from_two_views_are_not_lost(store: AuditStore) -> None:
    audit = create_audit(store, "Org")
    one = AuditWorkspace(AuditStore(store.data_dir), audit.id)
    two = AuditWorkspace(AuditStore(store.data_dir), audit.id)
    one.start_session("Anna", [Interviewee("x", ("P",))])
    two.start_session("Bram", [Interviewee("y", ("P",))])
    assert AuditStore(store.data_dir).load_audit(audit.id).team == ("Anna", "Bram")


def test_a_writer_rereads_a_file_whose_inode_size_and_mtime_did_not_change(
    store: AuditStore,
) -> None:
    """Under the lock the cached copy is checked byte for byte: another writer's change
    that leaves (inode, size, mtime) as they were (same size, same clock tick) survives."""
    audit = create_audit(store, "Org", team=["Anna"])
    mine = AuditWorkspace(store, audit.id)
    mine.update_audit(core={"scope": "Jeugd"})  # the store now caches audit.json
    path = store.audit_dir(audit.id) / "audit.json"
    before = os.stat(path)
    data = path.read_bytes()
    assert b'"scope":"Jeugd"' in data
    with open(path, "r+b") as handle:  # written in place: same inode, same size
        handle.write(data.replace(b'"scope":"Jeugd"', b'"scope":"Ouder"'))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # within one clock tick
    assert (os.stat(path).st_ino, os.stat(path).st_size) == (before.st_ino, before.st_size)

    mine.update_audit(core={"address": "Kerkstraat 1"})
    stored = AuditStore(store.data_dir).load_audit(audit.id)
    assert (stored.core.scope, stored.core.address) == ("Ouder", "Kerkstraat 1")


# -- damaged files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"meta": {"1": {"format": "interview-assistant/session", "sch', "beschadigd"),
        (b"", "leeg bestand"),
        (b'{"users": {"1": {"name": "x"}}}', "geen bestand van interview-assistant"),
        (
            b'{"meta": {"1": {"format": "interview-assistant/session", "schema": 99}}}',
            "nieuwere versie",
        ),
        (b"[1, 2, 3]", "beschadigd"),
    ],
    ids=["truncated", "empty", "foreign", "newer", "not-tables"],
)
def test_damaged_session_file_is_quarantined_and_the_rest_stays_usable(
    store: AuditStore, workspace: AuditWorkspace, content: bytes, expected: str
) -> None:
    good = start(workspace)
    workspace.add_note(good, "blijft #V1")
    bad = start(workspace, function="teamcoach")
    bad_path = store.audit_dir(workspace.audit.id) / "sessions" / f"{bad}.json"
    bad_path.write_bytes(content)

    fresh = AuditStore(store.data_dir)
    reopened = AuditWorkspace(fresh, workspace.audit.id)
    problems = fresh.take_problems()
    assert len(problems) == 1
    assert expected in problems[0].message and str(bad_path) in problems[0].message
    assert problems[0].quarantined_to.read_bytes() == content  # untouched
    assert not bad_path.exists()
    assert [n.text for n in reopened.notes(good)] == ["blijft #V1"]
    reopened.add_note(good, "nog een #V2")  # still writable
    assert fresh.take_problems() == []


def test_session_file_of_another_audit_is_quarantined(
    store: AuditStore, workspace: AuditWorkspace
) -> None:
    other = AuditWorkspace(store, create_audit(store, "Ander").id)
    sid = start(other)
    source = store.audit_dir(other.audit.id) / "sessions" / f"{sid}.json"
    target = store.audit_dir(workspace.audit.id) / "sessions" / f"{sid}.json"
    target.write_bytes(source.read_bytes())
    fresh = AuditStore(store.data_dir)
    AuditWorkspace(fresh, workspace.audit.id)
    assert "hoort bij audit" in fresh.take_problems()[0].message


def test_corrupt_audit_file_gives_a_clear_error_and_is_kept(
    store: AuditStore, workspace: AuditWorkspace
) -> None:
    path = store.audit_dir(workspace.audit.id) / "audit.json"
    path.write_bytes(b"{nonsense")
    fresh = AuditStore(store.data_dir)
    with pytest.raises(StoreError, match="niet bruikbaar") as info:
        AuditWorkspace(fresh, workspace.audit.id)
    assert "audit.json" in str(info.value)
    quarantined = list((store.audit_dir(workspace.audit.id) / "quarantine").iterdir())
    assert [p.read_bytes() for p in quarantined] == [b"{nonsense"]


def test_prefix_resolution(store: AuditStore, workspace: AuditWorkspace) -> None:
    assert store.resolve_audit(workspace.audit.id[:4]) == workspace.audit.id
    with pytest.raises(StoreError, match="bestaat niet"):
        store.resolve_audit("zzzz")


def test_write_atomic_leaves_no_temp_files_and_is_private(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(tmp_path) == ["f.json"]
    assert mode(target) == 0o600


def test_temp_files_left_by_a_crash_are_swept(store: AuditStore, workspace: AuditWorkspace) -> None:
    sid = start(workspace)
    sessions = store.audit_dir(workspace.audit.id) / "sessions"
    leftover = sessions / f".{sid}.json.dead.tmp"
    leftover.write_bytes(b'{"half": ')
    AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id)
    assert not leftover.exists()
    assert (sessions / f"{sid}.json").exists()


def test_audit_of_an_unknown_catalogue_edition_is_a_clear_error(
    store: AuditStore, workspace: AuditWorkspace
) -> None:
    path = store.audit_dir(workspace.audit.id) / "audit.json"
    data = json.loads(path.read_text())
    data["meta"]["1"]["audit"]["edition"] = "1999"
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="Onbekende catalogus-editie '1999'"):
        AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id)
    assert path.exists()  # the user's file is left alone
