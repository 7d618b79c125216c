"""Shared fixtures: no test ever touches the real user data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_assistant.storage.repository import AuditStore


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("INTERVIEW_ASSISTANT_DATA", str(data_dir))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))  # locks of synced folders
    # settings such as "ik ben ..." (services.identity) and the keymap: never the user's own
    # config folder (a keymap.toml there would change the keys under test)
    monkeypatch.setenv("INTERVIEW_ASSISTANT_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    # the default export folder (platformdirs' documents folder): never the user's own
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "documents"))
    return data_dir


@pytest.fixture
def store(isolated_data_dir: Path) -> AuditStore:
    return AuditStore(isolated_data_dir)
