"""Snapshots of the main screens on fixed data (ids and times), at 120x40 and 80x24.

Update with ``pytest tests/tui --snapshot-update`` only after looking at the report.
"""

from __future__ import annotations

from datetime import timedelta

from textual.pilot import Pilot
from textual.widgets import Input
from tui_support import MONDAY, build_audit, build_demo_like_audit, settle

from interview_assistant.tui.app import make_app


async def steady(pilot: Pilot) -> None:
    await settle(pilot)
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def test_start_screen_lists_audits(snap_compare, store, data_dir) -> None:
    build_demo_like_audit(store)
    build_audit(store, "0f0e0d0c0b0a", "Buurtwerk Zuid", created=MONDAY - timedelta(days=30))
    assert snap_compare(make_app(data_dir), terminal_size=(120, 40), run_before=steady)


def test_start_screen_without_audits(snap_compare, data_dir) -> None:
    assert snap_compare(make_app(data_dir), terminal_size=(80, 24), run_before=steady)


def test_dashboard(snap_compare, store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    assert snap_compare(make_app(data_dir, audit.id), terminal_size=(120, 40), run_before=steady)


def test_dashboard_at_80_by_24(snap_compare, store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    assert snap_compare(make_app(data_dir, audit.id), terminal_size=(80, 24), run_before=steady)


def test_interview_screen(snap_compare, store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    assert snap_compare(app, terminal_size=(120, 40), run_before=steady)


def test_interview_screen_at_80_by_24(snap_compare, store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    assert snap_compare(app, terminal_size=(80, 24), run_before=steady)
