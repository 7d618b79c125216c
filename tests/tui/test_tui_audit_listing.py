"""The start screen lists an audit whose file cannot be read, with the reason, and
does not offer to open it; the readable audits open as before."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_support import build_audit, settle

from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.dashboard import DashboardScreen


def refuse_reading(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Reading ``target`` fails as for a file owned by root after one ``sudo`` (the tests
    may run as root, who can read anything, so the refusal is injected)."""
    read_bytes = Path.read_bytes

    def guarded(self: Path) -> bytes:
        if self == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)


async def test_an_unreadable_audit_is_listed_with_its_problem(
    store: AuditStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_audit(store, "a1b2c3d4e5f6", "Stichting Oost")
    build_audit(store, "f6e5d4c3b2a1", "Stichting [West]")
    closed = data_dir / "audits" / "a1b2c3d4e5f6" / "audit.json"
    refuse_reading(monkeypatch, closed)
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        audit_list = app.screen.query_one("#audit-list", OptionList)
        options = list(audit_list.options)
        shown = [str(o.prompt) for o in options]
        assert "Stichting [West]" in shown[0] and not options[0].disabled
        (listed,) = [o for o in options if "a1b2c3d4e5f6" in str(o.prompt)]
        assert listed.disabled
        assert "kan niet worden geopend" in str(listed.prompt)
        assert f"Geen toegang tot {closed}" in str(listed.prompt)
        # the readable audit still opens
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.workspace.audit.id == "f6e5d4c3b2a1"
    assert closed.exists() and not (closed.parent / "quarantine").exists()
