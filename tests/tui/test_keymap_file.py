"""Keys remapped from keymap.toml in the config folder: the footer, F1 and the palette follow."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Markdown
from tui_support import build_demo_like_audit, settle

from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.widgets.guide_panel import GuidePanel
from interview_assistant.tui.widgets.key_bar import BarKey, KeyBar


def keymap(text: str) -> Path:
    """Write the keymap into the config folder the tests use (never the user's)."""
    folder = Path(os.environ["INTERVIEW_ASSISTANT_CONFIG"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "keymap.toml").write_text(text, encoding="utf-8")
    return folder / "keymap.toml"


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_remapped_key_works_and_is_shown_everywhere(store, data_dir) -> None:
    keymap('[interview]\nnext_norm = "alt+v"\n')
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        guide = screen.query_one(GuidePanel)
        assert guide.border_title == "Norm V6"
        await pilot.press("ctrl+l")  # the default key no longer walks
        assert guide.border_title == "Norm V6"
        await pilot.press("alt+v")
        assert guide.border_title == "Norm V7"
        bar = {k.description: k.key_display for k in screen.query_one(KeyBar).query(BarKey)}
        assert bar["Volgende"] == "alt+v"
        await pilot.press("f1")
        await pilot.pause()
        source = app.screen.query_one(Markdown).source
        assert "| `alt+v` | Volgende norm |" in source
        assert "**alt+v** lopen door de normen" in source
        await pilot.press("escape")
        assert notices(app) == []


async def test_a_bad_keymap_file_gives_a_notice_with_its_line(store, data_dir) -> None:
    path = keymap('[interview]\nnext_norm = "alt+v"\nvliegen = "ctrl+v"\nedit = "stuur+e"\n')
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        told = notices(app)
        assert any(f"{path}, regel 3" in n and "interview.vliegen" in n for n in told), told
        assert any(f"{path}, regel 4" in n and "stuur+e" in n for n in told), told
        await pilot.press("alt+v")  # the good entry still applies
        assert app.screen.query_one(GuidePanel).border_title == "Norm V7"
        await pilot.press("ctrl+r")  # the bad one left the default key
        assert isinstance(app.screen, InterviewScreen) and app.screen.composer.editing


async def test_a_file_that_is_no_toml_keeps_the_default_keys(store, data_dir) -> None:
    keymap("[interview\n")
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any("regel 1: geen geldige TOML" in n for n in notices(app))
        await pilot.press("ctrl+l")
        assert app.screen.query_one(GuidePanel).border_title == "Norm V7"


async def test_a_key_taken_from_another_action_is_reported(store, data_dir) -> None:
    keymap('[interview]\nnext_norm = "ctrl+r"\n')
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen.query_one(GuidePanel).border_title == "Norm V7"
        told = notices(app)
        assert any("ctrl+r" in n and "“interview.edit”" in n for n in told), told
