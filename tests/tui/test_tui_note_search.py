"""The note search screen, driven with a Pilot: from the dashboard and from an interview."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static
from tui_support import build_demo_like_audit, build_notes, settle, type_text, wait_until

from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.dashboard import DashboardScreen
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.screens.note_search import NoteSearchScreen
from interview_assistant.tui.screens.session_view import SessionViewScreen
from interview_assistant.tui.widgets.notes_log import NotesLog


def results(screen) -> list[str]:
    listing = screen.query_one("#search-results", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def status(screen) -> str:
    return str(screen.query_one("#search-status", Static).render())


async def test_search_from_the_dashboard_opens_the_interview_of_a_result(data_dir: Path) -> None:
    audit, sessions = build_demo_like_audit(AuditStore(data_dir))
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("z")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NoteSearchScreen)
        assert screen.query_one("#search-input", Input).has_focus

        await type_text(pilot, "inwerk")  # two notes, in two interviews
        await wait_until(pilot, lambda: len(results(screen)) == 2)
        assert "2 notities gevonden." in status(screen)
        assert any("stagiaire" in r and "Bert Jansen" in r for r in results(screen))

        await type_text(pilot, " #V2 @vb")  # the typed filters narrow as you type
        await wait_until(pilot, lambda: len(results(screen)) == 1)
        assert "Inwerkprogramma van zes weken" in results(screen)[0]
        assert "maatschappelijk werker (Anna de Vries)" in results(screen)[0]

        await pilot.press("enter")  # to the results
        await settle(pilot)
        assert screen.query_one("#search-results", OptionList).has_focus
        await pilot.press("enter")  # the interview it comes from, read-only
        await settle(pilot)
        notes_screen = app.screen
        assert isinstance(notes_screen, SessionViewScreen)
        log = notes_screen.query_one(NotesLog)
        assert len(log.note_ids()) == 5
        assert log.selected_note_id == f"{sessions[0].id}0001"

        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_a_typo_and_an_unknown_tag_are_handled_and_user_text_is_not_markup(
    data_dir: Path,
) -> None:
    store = AuditStore(data_dir)
    audit, sessions = build_demo_like_audit(store)

    build_notes(store, sessions[2], ["[bold]Kwaliteitshandboek[/] en [red #V2"])
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("alt+z")  # as in an interview
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NoteSearchScreen)
        await type_text(pilot, "kwaliteitshandbok #V99")
        await wait_until(pilot, lambda: len(results(screen)) == 1)
        assert "[bold]Kwaliteitshandboek[/] en [red" in results(screen)[0]
        assert "#V99" in status(screen) and "genegeerd" in status(screen)
        await pilot.press("ctrl+u")  # the line emptied: back to the hint, no results
        await wait_until(pilot, lambda: "Typ woorden" in status(screen))
        await type_text(pilot, "olifant")
        await wait_until(pilot, lambda: "Geen notities gevonden." in status(screen))
        assert results(screen) == []


async def test_search_from_an_interview_and_back_to_the_note_being_typed(data_dir: Path) -> None:
    audit, sessions = build_demo_like_audit(AuditStore(data_dir))
    app = make_app(data_dir, audit.id, sessions[1].id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        interview = app.screen
        assert isinstance(interview, InterviewScreen)
        await type_text(pilot, "Half getypt")
        await pilot.press("alt+z")  # in an interview ^g purges a note; search is Alt+Z there
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NoteSearchScreen)
        await type_text(pilot, "!knelpunt")
        await wait_until(pilot, lambda: len(results(screen)) == 1)
        assert "Te weinig tijd voor intervisie" in results(screen)[0]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is interview
        assert interview.query_one("#note-input", Input).value == "Half getypt"


async def test_the_palette_offers_notities_zoeken_on_both_screens(data_dir: Path) -> None:
    audit, sessions = build_demo_like_audit(AuditStore(data_dir))
    app = make_app(data_dir, audit.id, sessions[1].id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(2):  # the interview, then the dashboard under it
            await pilot.press("ctrl+p")
            await settle(pilot)
            await type_text(pilot, "Notities zoeken")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, NoteSearchScreen)
            await pilot.press("escape")
            await settle(pilot)
            if isinstance(app.screen, InterviewScreen):
                await pilot.press("ctrl+y", "enter")  # leave the interview: later
                await settle(pilot)
            assert isinstance(app.screen, DashboardScreen) or _ == 0
