"""Markup and control characters in user text are shown as typed, in every field."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static, TextArea
from tui_support import build_audit, settle, type_text

from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.dashboard import DashboardScreen
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.screens.merge import MergeScreen
from interview_assistant.tui.screens.new_session import NewSessionScreen
from interview_assistant.tui.widgets.notes_log import NotesLog

MARKUP_FUNCTION = "Medewerker [/]"
MARKUP_AUDITOR = "[bold]Anna[/bold] [jeugd]"
NOTE = "Team [jeugd] werkt met \x1b]0;titel\x07 een inwerkplan #V2"


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_markup_in_the_new_session_form_and_the_notes_is_shown_as_typed(
    store: AuditStore, data_dir: Path
) -> None:
    audit = build_audit(store, organisation="Stichting [b]Noord[/b]")
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)
        screen.query_one("#auditor", Input).value = MARKUP_AUDITOR
        screen.query_one("#function", Input).value = MARKUP_FUNCTION
        screen.query_one("#function", Input).focus()
        await pilot.press("tab", "space")  # role P
        screen.query_one("#add-interviewee").press()
        await settle(pilot)
        assert "Medewerker [/] (P)" in text_of(screen, "#interviewees")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        await type_text(pilot, NOTE)
        await pilot.press("enter")
        await settle(pilot)
        log = app.screen.query_one(NotesLog)
        shown = "\n".join(str(log.get_option_at_index(i).prompt) for i in range(log.option_count))
        assert "Team [jeugd] werkt met \\u001b]0;titel\\u0007 een inwerkplan" in shown
        assert "\x1b" not in shown
        await pilot.press("ctrl+y", "enter")  # leave: later
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        table = app.screen.query_one("#session-table", DataTable)
        row = [str(cell) for cell in table.get_row_at(0)]
        assert MARKUP_AUDITOR in row and "Medewerker [/] (P)" in row


async def test_a_bracketed_path_in_the_merge_screen_gets_its_answer(
    store: AuditStore, data_dir: Path, tmp_path: Path
) -> None:
    audit = build_audit(store)
    missing = tmp_path / "[red]collega[/].zip"
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, MergeScreen)
        app.screen.query_one("#merge-paths", TextArea).insert(str(missing))
        await pilot.press("ctrl+s")
        await settle(pilot)
        result = text_of(app.screen, "#merge-result")
        assert "[red]collega[/].zip" in result and "Bezig" not in result
