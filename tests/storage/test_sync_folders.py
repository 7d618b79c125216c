"""A data folder a sync engine shares: said once, and nothing of others moved or deleted."""

from __future__ import annotations

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
