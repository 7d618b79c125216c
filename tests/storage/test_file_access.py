"""A file we may not read is a permission problem, not corruption: it stays where it is."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from interview_assistant.services.data_folder import DataFolder
from interview_assistant.storage.repository import StoreError


def refuse_reading(monkeypatch: pytest.MonkeyPatch, target: Path, code: int) -> None:
    """Reading ``target`` fails as for a file owned by root after one ``sudo`` (the tests
    may run as root, who can read anything, so the refusal is injected)."""
    read_bytes = Path.read_bytes

    def guarded(self: Path) -> bytes:
        if self == target:
            raise OSError(code, "refused", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)


@pytest.fixture
def folder(tmp_path: Path) -> tuple[DataFolder, str, str]:
    folder = DataFolder(tmp_path / "data")
    audit = folder.create_audit("Stichting Proef")
    workspace = folder.open_audit(audit.id)
    session = workspace.start_session("Anna", [], kind=_documentstudy())
    workspace.add_note(session.id, "Beleidsplan gelezen #V1 @doc")
    return folder, audit.id, session.id


def _documentstudy():
    from interview_assistant.domain.session import SessionKind

    return SessionKind.DOCUMENTSTUDIE


def test_an_unreadable_session_is_reported_and_left_in_place(folder, monkeypatch) -> None:
    data, audit_id, session_id = folder
    path = data.path / "audits" / audit_id / "sessions" / f"{session_id}.json"
    before = path.read_bytes()
    refuse_reading(monkeypatch, path, errno.EACCES)
    fresh = DataFolder(data.path)
    workspace = fresh.open_audit(audit_id)
    (problem,) = workspace.take_problems()
    assert problem.message.startswith(f"Geen toegang tot {path}")
    assert "blijft staan" in problem.message
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not (data.path / "audits" / audit_id / "quarantine").exists()
    assert [s.id for s in DataFolder(data.path).open_audit(audit_id).sessions] == [session_id]


def test_an_unreadable_audit_file_is_not_quarantined(folder, monkeypatch) -> None:
    data, audit_id, _ = folder
    path = data.path / "audits" / audit_id / "audit.json"
    refuse_reading(monkeypatch, path, errno.EACCES)
    with pytest.raises(StoreError, match="Geen toegang tot"):
        DataFolder(data.path).open_audit(audit_id)
    monkeypatch.undo()
    assert path.exists() and not (path.parent / "quarantine").exists()
    assert [a.id for a in DataFolder(data.path).audits()] == [audit_id]


def test_a_disk_read_error_is_not_taken_for_corruption(folder, monkeypatch) -> None:
    data, audit_id, session_id = folder
    path = data.path / "audits" / audit_id / "sessions" / f"{session_id}.json"
    refuse_reading(monkeypatch, path, errno.EIO)
    workspace = DataFolder(data.path).open_audit(audit_id)
    (problem,) = workspace.take_problems()
    assert (
        "kan nu niet worden gelezen" in problem.message
        and "lees- of schrijffout" in problem.message
    )
    monkeypatch.undo()
    assert path.exists() and not (path.parent.parent / "quarantine").exists()


def test_loose_permissions_are_tightened_and_said_once(folder) -> None:
    data, audit_id, session_id = folder
    audit_dir = data.path / "audits" / audit_id
    session_file = audit_dir / "sessions" / f"{session_id}.json"
    audit_dir.chmod(0o755)
    session_file.chmod(0o644)
    workspace = DataFolder(data.path).open_audit(audit_id)
    messages = [p.message for p in workspace.take_problems()]
    assert len(messages) == 2 and all("rechten 0" in m for m in messages)
    assert {m.split(" was ")[0] for m in messages} == {str(audit_dir), str(session_file)}
    assert (audit_dir.stat().st_mode & 0o777, session_file.stat().st_mode & 0o777) == (
        0o700,
        0o600,
    )
    assert DataFolder(data.path).open_audit(audit_id).take_problems() == []  # said once
