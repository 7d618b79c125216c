"""Typing quickly into a form that has just opened: every key lands where it was meant to.

The keys are posted to the app in one burst, as the terminal driver does when the auditor
types faster than the screens are built (a Pilot's ``press`` waits after every key, which
hides the problem).
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.widgets import Input
from tui_support import build_demo_like_audit, settle

from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.audit_form import AuditFormScreen
from interview_assistant.tui.screens.new_session import NewSessionScreen

NAMES = {"\t": "tab", " ": "space"}


def burst(app: App, keys: list[str]) -> None:
    """Post the keys at once; a string of one character is typed, longer ones are key names."""
    for key in keys:
        if len(key) == 1 or key in NAMES:
            app.post_message(events.Key(NAMES.get(key, key), key if key.isprintable() else None))
        else:
            app.post_message(events.Key(key, None))


def typed(text: str) -> list[str]:
    return list(text)


async def test_typing_right_after_n_fills_the_new_session_form(data_dir):
    audit, _ = build_demo_like_audit(AuditStore(data_dir))
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # n opens the form; the auditor's name replaces the one proposed, two Tabs pass the
        # kind of session, and the function goes into its own field
        burst(app, ["n", *typed("Piet Bakker"), "\t", "\t", *typed("teamleider")])
        await settle(pilot)
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)
        assert screen.query_one("#auditor", Input).value == "Piet Bakker"
        assert screen.query_one("#function", Input).value == "teamleider"
        assert app.focused is screen.query_one("#function", Input)


async def test_typing_right_after_n_fills_the_new_audit_form(data_dir):
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, ["n", *typed("Stichting Kompas"), "\t", "4", "\t", *typed("Dorpsstraat 1")])
        await settle(pilot)
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, AuditFormScreen)
        assert screen.query_one("#organisation", Input).value == "Stichting Kompas"
        assert screen.query_one("#target", Input).value == "4"
        assert app.focused is not None and app.focused.id != "organisation"


async def test_a_tab_typed_quickly_moves_on_before_the_next_letters(data_dir):
    audit, _ = build_demo_like_audit(AuditStore(data_dir))
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)
        auditor = screen.query_one("#auditor", Input).value
        await pilot.press("tab", "tab")  # to the function
        await pilot.pause()
        burst(app, [*typed("coach"), "\t", "\t", "\t", *typed("Noord")])
        await settle(pilot)
        await pilot.pause(0.2)
        assert screen.query_one("#function", Input).value == "coach"
        assert screen.query_one("#auditor", Input).value == auditor
