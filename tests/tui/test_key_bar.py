"""The key bar: every key of the screen visible, and a click on one acts like the key."""

from __future__ import annotations

import re
from pathlib import Path

from textual.command import CommandPalette
from tui_support import build_demo_like_audit, settle

import interview_assistant
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.widgets.guide_panel import GuidePanel
from interview_assistant.tui.widgets.key_bar import BarKey, KeyBar, grid_columns


def test_grid_takes_the_most_columns_that_fit() -> None:
    assert grid_columns([10, 10, 10], 30) == [10, 10, 10]
    assert grid_columns([10, 12, 10, 8], 25) == [10, 12]
    assert grid_columns([40], 20) == [40], "one column even when a key is wider"
    assert grid_columns([], 80) == []


async def test_clicking_a_key_does_what_the_key_does(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        guide = screen.query_one(GuidePanel)
        before = guide.border_title
        (next_key,) = [k for k in screen.query_one(KeyBar).query(BarKey) if k.key == "ctrl+l"]
        assert next_key.description == "Volgende"
        await pilot.click(next_key)
        await pilot.pause()
        assert guide.border_title != before, "clicking 'Volgende' walks to the next norm"
        (palette_key,) = screen.query_one(KeyBar).query(".-command-palette")
        await pilot.click(palette_key)
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_bar_follows_the_screen_and_its_width(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        assert bar.region.height == 1, "at 120 columns every key fits on one row"
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await pilot.pause()
        assert bar.region.height == 2, "at 80 columns the keys wrap onto a second row"
        assert all(k.region.right <= 80 for k in bar.query(BarKey))


def test_the_tui_uses_no_private_textual_module_or_handler() -> None:
    package = Path(interview_assistant.__file__).parent
    private = re.compile(r"textual[\w.]*\._\w|\b_on_key\b|_bindings_ready|FooterKey")
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if private.search(line)
    ]
    assert offenders == []
