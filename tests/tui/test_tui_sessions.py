"""Sessions in the TUI: corrected with the session form, removed and restored from the
dashboard, viewed read-only, summarised when an interview ends, and the auditor of this
computer as the form's default."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select, SelectionList, Static
from tui_support import build_demo_like_audit, settle, type_text, wait_until

from interview_assistant.domain.session import Interviewee, PersonLink
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.identity import current_auditor, set_current_auditor
from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.choice import ConfirmDeleteScreen
from interview_assistant.tui.screens.dashboard import DashboardScreen
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.screens.new_session import NewSessionScreen
from interview_assistant.tui.screens.session_dialogs import RestoreScreen, SummaryScreen
from interview_assistant.tui.screens.session_view import SessionViewScreen
from interview_assistant.tui.widgets.notes_log import NotesLog


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def notes_of(screen) -> list[str]:
    """The read-only view's notes as shown: chips on the first line, the text below."""
    return [str(option.prompt) for option in screen.query_one("#view-notes", NotesLog).options]


def reread(data_dir, audit_id: str) -> AuditWorkspace:
    return AuditWorkspace(AuditStore(data_dir), audit_id)


async def open_sessions_tab(pilot, row: int = 0) -> DashboardScreen:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DashboardScreen)
    await pilot.press("g")
    table = screen.query_one("#session-table", DataTable)
    table.move_cursor(row=row)
    await pilot.pause()
    return screen


async def test_a_session_is_corrected_from_the_dashboard_and_coverage_follows(store, data_dir):
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        dashboard = await open_sessions_tab(pilot, row=0)
        await pilot.press("w")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, NewSessionScreen) and form.title == "Gesprek wijzigen"
        assert form.query_one("#auditor", Input).value == "Anna de Vries"
        assert form.query_one("#function", Input).value == "maatschappelijk werker"
        assert form.query_one("#roles", SelectionList).selected == ["P"]
        assert form.query_one("#location", Input).value == "Hoofdkantoor"
        form.query_one("#function", Input).value = "jongerenwerker"
        roles = form.query_one("#roles", SelectionList)
        roles.deselect_all()
        roles.select("Mng")
        form.query_one("#location", Input).value = "Buurthuis"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dashboard
        table = dashboard.query_one("#session-table", DataTable)
        assert "jongerenwerker (Mng)" in str(table.get_row_at(0)[-1])
        assert "P" not in dashboard.workspace.norm_coverage("V3").roles
    stored = reread(data_dir, audit.id).session(sessions[0].id)
    assert (stored.functions, stored.roles, stored.location) == (
        "jongerenwerker",
        ("Mng",),
        "Buurthuis",
    )
    assert reread(data_dir, audit.id).norm_coverage("V3").roles == ("Mng",)


async def test_a_partner_is_taken_out_of_a_group_unless_another_interview_links_to_them(
    store, data_dir
):
    audit, sessions = build_demo_like_audit(store)
    group = sessions[1]  # teamcoach (Mng) and stagiaire (S)
    workspace = reread(data_dir, audit.id)
    workspace.start_session("Bert", [Interviewee("teamcoach", ("Mng",), PersonLink(group.id, 0))])
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 50)) as pilot:
        await open_sessions_tab(pilot, row=1)
        await pilot.press("w")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        assert "1. teamcoach (Mng); 2. stagiaire (S)" in text_of(form, "#interviewees")
        form.query_one("#remove-interviewee").press()  # the teamcoach: linked
        await settle(pilot)
        assert "noemt teamcoach (Mng) 'dezelfde persoon'" in text_of(form, "#form-error")
        form.query_one("#partner-choice", Select).value = 1
        await settle(pilot)
        assert form.query_one("#function", Input).value == "stagiaire"
        await pilot.press("ctrl+r")  # Partner verwijderen
        await settle(pilot)
        assert text_of(form, "#interviewees") == "1. teamcoach (Mng)"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert reread(data_dir, audit.id).session(group.id).functions == "teamcoach"


async def test_a_session_is_removed_with_confirmation_and_restored(store, data_dir):
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        dashboard = await open_sessions_tab(pilot, row=2)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDeleteScreen)
        assert "Gesprek met 1 notitie verwijderen?" in text_of(app.screen, "#delete-body")
        await pilot.press("escape")  # no: nothing happens
        await settle(pilot)
        assert len(reread(data_dir, audit.id).sessions) == 3
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#delete-yes").press()
        await settle(pilot)
        assert app.screen is dashboard
        assert dashboard.query_one("#session-table", DataTable).row_count == 2
        assert "BKC" not in dashboard.workspace.norm_coverage("V1").roles
        assert [s.id for s in reread(data_dir, audit.id).removed_sessions] == [sessions[2].id]

        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, RestoreScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dashboard
        assert dashboard.query_one("#session-table", DataTable).row_count == 3
        assert "BKC" in dashboard.workspace.norm_coverage("V1").roles
    assert len(reread(data_dir, audit.id).sessions) == 3


async def test_the_read_only_view_lists_the_notes_with_edits_and_deletions(store, data_dir):
    audit, sessions = build_demo_like_audit(store)
    workspace = reread(data_dir, audit.id)
    first = sessions[0].id
    notes = workspace.notes(first)
    workspace.edit_note(first, notes[0].id, "POP gezien, met [b]doelen[/b] #V1 @doc")
    workspace.delete_note(first, notes[1].id)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_sessions_tab(pilot, row=0)
        await pilot.press("v")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, SessionViewScreen)
        header = text_of(view, "#view-header")
        assert header.startswith(
            "Interview door Anna de Vries, 2024-03-04 10:00 (beëindigd 2024-03-04 11:00)"
        )
        assert "1. maatschappelijk werker (P)" in header
        body = notes_of(view)
        assert len(body) == 5
        assert "POP gezien, met [b]doelen[/b]" in body[0] and "bewerkt" in body[0]
        assert "V1" in body[0] and "document" in body[0]
        assert "verwijderd" in body[1].splitlines()[0]
        assert "knelpunt" in body[4]
        assert not view.query(Input)  # nothing to type into
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_the_interview_is_corrected_in_place_and_summarised_when_it_ends(store, data_dir):
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert "kwaliteitsmedewerker" in screen.title
        await pilot.press("alt+w")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        form.query_one("#function", Input).value = "beleidsmedewerker"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert "beleidsmedewerker (BKC)" in screen.title
        await pilot.press("ctrl+p")  # the same from the palette
        await type_text(pilot, "gesprek wijzigen")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, NewSessionScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("f10")
        await settle(pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        lines = text_of(summary, "#summary-text").splitlines()
        assert lines[0] == "Samenvatting: 1 notitie in dit gesprek."
        assert lines[1] == "Gehoord: V1."
        assert lines[2] == "Streefwaarde (3) gehaald dankzij dit gesprek: V1."
        assert lines[3].startswith("Nog ") and " voor de rollen BKC: " in lines[3]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert reread(data_dir, audit.id).session(sessions[2].id).functions == "beleidsmedewerker"


async def test_the_first_new_session_asks_who_audits_here_and_remembers_it(store, data_dir):
    audit, _ = build_demo_like_audit(store)  # the last interview's auditor is Anna
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        assert form.query_one("#auditor", Input).value == ""  # never the last interview's
        assert "Wie auditeert op deze computer?" in text_of(form, ".form-intro")
        form.query_one("#auditor", Input).value = "Bert Jansen"
        form.query_one("#function", Input).value = "sociaal werker"
        form.query_one("#roles", SelectionList).select("P")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
    assert current_auditor() == "Bert Jansen"
    set_current_auditor("Carla")
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i")  # Auditor instellen
        await settle(pilot)
        assert app.screen.query_one("#identity-name", Input).value == "Carla"
        app.screen.query_one("#identity-name", Input).value = "Dirk"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.query_one("#auditor", Input).value == "Dirk"
        assert not app.screen.query(".form-intro")


async def test_the_session_actions_are_in_the_dashboards_palette(store, data_dir):
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_sessions_tab(pilot, row=1)
        for words, screen_type in (
            ("gesprek wijzigen", NewSessionScreen),
            ("gesprek bekijken", SessionViewScreen),
            ("gesprek verwijderen", ConfirmDeleteScreen),
        ):
            await pilot.press("ctrl+p")
            await settle(pilot)
            await type_text(pilot, words)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, screen_type), words
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "auditor instellen")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#identity-name", Input).value == ""


async def test_a_removal_and_a_correction_made_elsewhere_show_at_once(store, data_dir):
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[1].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        interview = app.screen
        assert isinstance(interview, InterviewScreen)
        other = reread(data_dir, audit.id)  # the line mode or the CLI, say
        other.edit_session(sessions[1].id, location="Elders", auditor="Carla")
        await wait_until(pilot, lambda: "Carla" in interview.sub_title)
        other.delete_session(sessions[1].id)
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        table = app.screen.query_one("#session-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 2)
        other.restore_session(sessions[1].id)
        await wait_until(pilot, lambda: table.row_count == 3)


async def test_the_read_only_view_names_who_said_a_note_in_a_group(store, data_dir):
    audit, sessions = build_demo_like_audit(store)
    reread(data_dir, audit.id).add_note(sessions[1].id, "Ik had een maatje #V2", speaker=1)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_sessions_tab(pilot, row=1)
        await pilot.press("v")
        await settle(pilot)
        body = notes_of(app.screen)
        assert "stagiaire" in body[-1].splitlines()[0]
        assert "Ik had een maatje #V2" in body[-1]
        assert "groep" in body[0].splitlines()[0]  # the group's notes name no one


async def test_switching_tabs_puts_the_keys_on_the_new_tab(store, data_dir):
    """After 'g' the arrows move in the sessions table at once, and back on the norm list."""
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_sessions_tab(pilot)
        await settle(pilot)
        table = screen.query_one("#session-table", DataTable)
        assert app.focused is table
        await pilot.press("down")
        assert table.cursor_row == 1
        await pilot.press("g")
        await settle(pilot)
        assert app.focused is screen.query_one("#norm-list")
