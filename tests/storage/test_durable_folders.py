"""A new folder survives a power cut: its parent is fsync'd after each mkdir, or a first
note's folder could vanish although the note's own file was fsync'd."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_assistant.domain.session import SessionKind
from interview_assistant.services.data_folder import DataFolder
from interview_assistant.storage import durable


def test_every_new_folder_has_its_parent_fsynced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[tuple[Path, set[Path]]] = []  # each folder fsync'd, with its folders then
    real = durable.fsync_dir

    def recording(path: Path) -> None:
        synced.append((Path(path), {p for p in Path(path).iterdir() if p.is_dir()}))
        real(path)

    monkeypatch.setattr(durable, "fsync_dir", recording)
    data = tmp_path / "nieuw" / "data"
    folder = DataFolder(data)
    audit = folder.create_audit("Stichting Proef")
    workspace = folder.open_audit(audit.id)
    workspace.start_session("Anna", [], kind=SessionKind.DOCUMENTSTUDIE)
    audit_dir = data / "audits" / audit.id
    made = [tmp_path / "nieuw", data, data / "audits", audit_dir, audit_dir / "sessions"]
    assert all(path.is_dir() for path in made)
    for path in made:
        # the parent fsync'd once the folder was in it: its entry is what must be durable
        assert any(parent == path.parent and path in held for parent, held in synced), path
