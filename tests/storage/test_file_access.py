"""A file we may not read is a permission problem, not corruption: it stays where it is."""

from __future__ import annotations

import errno
import subprocess
import sys
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


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interview_assistant", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def _loosen(root: Path) -> None:
    """The tree as copied in under a 022 umask: folders 0755, files 0644."""
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("command", ["audit list", "session show", "audit show"])
def test_the_first_command_on_a_loose_tree_says_so_once(folder, command: str) -> None:
    data, audit_id, session_id = folder
    args = {
        "audit list": ["audit", "list"],
        "session show": ["session", "show", audit_id, session_id],
        "audit show": ["audit", "show", audit_id],
    }[command]
    audits = data.path / "audits"
    audit_json = audits / audit_id / "audit.json"
    _loosen(audits)
    first = _cli(data.path, *args)
    assert first.returncode == 0, first.stderr
    notices = [line for line in first.stderr.splitlines() if "ook voor anderen" in line]
    # what the command read is tightened, and each path is named once
    said = "\n".join(notices)
    assert f"{audits} was ook voor anderen toegankelijk (rechten 0755)" in said
    assert f"{audit_json} was ook voor anderen toegankelijk (rechten 0644)" in said
    assert len(notices) == len(set(notices))
    assert audit_json.stat().st_mode & 0o777 == 0o600
    assert (audits / audit_id).stat().st_mode & 0o777 == 0o700
    second = _cli(data.path, *args)
    assert second.returncode == 0 and "ook voor anderen" not in second.stderr, second.stderr
