"""A data folder a sync engine shares: said once, and nothing of others moved or deleted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interview_assistant.services.data_folder import DataFolder
from interview_assistant.storage.sync_folders import synced_folder


@pytest.mark.parametrize(
    ("layout", "engine"),
    [
        ("Sync/.stfolder", "Syncthing"),
        ("Dropbox/", "Dropbox"),
        ("Dropbox (Stichting)/", "Dropbox"),
        ("OneDrive - Stichting Welzijn/", "OneDrive"),
        ("Nextcloud/", "Nextcloud"),
        ("werk/.sync_4f2a.db", "Nextcloud"),
        ("Google Drive/", "Google Drive"),
        ("Library/Mobile Documents/", "iCloud"),
    ],
)
def test_sync_engine_roots_are_recognised(tmp_path: Path, layout: str, engine: str) -> None:
    marker = tmp_path / layout
    if layout.endswith("/"):
        marker.mkdir(parents=True)
        root = marker
    else:
        marker.parent.mkdir(parents=True)
        marker.touch()
        root = marker.parent
    found = synced_folder(root / "audits-data" / "sub")
    assert found is not None and (found.engine, found.root) == (engine, root)


def test_an_ordinary_folder_is_not_taken_for_a_synced_one(tmp_path: Path) -> None:
    assert synced_folder(tmp_path / "data") is None


def test_in_a_synced_folder_a_bad_file_and_temp_files_stay_where_they_are(tmp_path: Path) -> None:
    (tmp_path / "Sync").mkdir()
    (tmp_path / "Sync" / ".stfolder").mkdir()
    data = tmp_path / "Sync" / "audits-data"
    folder = DataFolder(data)
    (notice,) = folder.take_problems()
    assert "Syncthing" in notice.message and "export en merge" in notice.message
    audit = folder.create_audit("Stichting Proef")
    workspace = folder.open_audit(audit.id)
    session = workspace.start_session("Anna", [], kind=_study())
    broken = data / "audits" / audit.id / "sessions" / f"{session.id}.json"
    broken.write_bytes(b"kapot")
    temp = data / "audits" / audit.id / ".audit.json.0badc0de.tmp"
    temp.write_bytes(b"van een andere laptop?")
    again = DataFolder(data)
    again.take_problems()
    reopened = again.open_audit(audit.id)
    (problem,) = reopened.take_problems()
    assert "blijft staan" in problem.message and str(broken) in problem.message
    assert broken.read_bytes() == b"kapot" and temp.exists()
    assert not (data / "audits" / audit.id / "quarantine").exists()


def _study():
    from interview_assistant.domain.session import SessionKind

    return SessionKind.DOCUMENTSTUDIE


def _synced_audit(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "Sync" / ".stfolder").mkdir(parents=True)
    data = tmp_path / "Sync" / "audits-data"
    folder = DataFolder(data)
    audit = folder.create_audit("Stichting Proef")
    workspace = folder.open_audit(audit.id)
    session = workspace.start_session("Anna", [], kind=_study())
    workspace.add_note(session.id, "Beleidsplan gelezen #V1 @doc")
    return data, audit.id


def test_in_a_synced_folder_the_lock_lives_outside_it(tmp_path: Path) -> None:
    """A lock file in the shared folder would be created and rewritten on every laptop;
    the lock is kept in this laptop's own cache folder instead, and still excludes."""
    data, audit_id = _synced_audit(tmp_path)
    assert not [p for p in data.rglob("*") if p.name.endswith(".lock")]
    store = DataFolder(data).store
    with store.locked(audit_id):
        lock = store.lock_path(audit_id)
        assert data not in lock.parents and lock.exists()
        assert tmp_path / "xdg-cache" in lock.parents  # the user's cache (here the test's)
        assert lock.parent.stat().st_mode & 0o777 == 0o700
        other = subprocess.run(
            [sys.executable, "-c", TRY_LOCK, str(lock)], capture_output=True, text=True
        )
        assert other.stdout.strip() == "held", other.stderr
    other = subprocess.run(
        [sys.executable, "-c", TRY_LOCK, str(lock)], capture_output=True, text=True
    )
    assert other.stdout.strip() == "free", other.stderr
    assert not [p for p in data.rglob("*") if p.name.endswith(".lock")]


TRY_LOCK = """
import sys
from filelock import FileLock, Timeout
try:
    FileLock(sys.argv[1]).acquire(timeout=0.2)
except Timeout:
    print("held")
else:
    print("free")
"""


def test_an_ordinary_folder_keeps_its_lock_beside_the_audit(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    audit = folder.create_audit("Stichting Proef")
    assert folder.store.lock_path(audit.id) == tmp_path / "data" / "audits" / audit.id / ".lock"


def test_in_a_synced_folder_a_merge_journal_of_another_laptop_is_left_alone(
    tmp_path: Path,
) -> None:
    """A merge journal names temp files to rename into place; one that arrived from
    another laptop (its writer still busy there) must not be finished here."""
    data, audit_id = _synced_audit(tmp_path)
    audit_dir = data / "audits" / audit_id
    session_file = next((audit_dir / "sessions").glob("*.json"))
    before = session_file.read_bytes()
    temp = session_file.with_name(f".{session_file.name}.0badc0de.tmp")
    temp.write_bytes(b"half of another laptop's merge")
    journal = audit_dir / ".merge-journal.json"
    files = [[str(temp.relative_to(audit_dir)), str(session_file.relative_to(audit_dir))]]
    journal.write_bytes(json.dumps({"writer": "laptop-van-bram", "files": files}).encode())
    DataFolder(data).open_audit(audit_id)
    assert session_file.read_bytes() == before
    assert temp.exists() and journal.exists()
