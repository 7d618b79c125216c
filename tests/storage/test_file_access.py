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
