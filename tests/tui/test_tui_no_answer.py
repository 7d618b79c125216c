"""'Gevraagd, geen antwoord' in the TUI: a key and a palette entry on the interview screen,
shown in the guide and, for the norm, on the dashboard."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList
from tui_support import build_demo_like_audit, settle, type_text

from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.dashboard import DashboardScreen
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.widgets.guide_panel import GuidePanel
from interview_assistant.tui.widgets.notes_log import NotesLog


def guide_text(screen) -> str:
    return str(screen.query_one(GuidePanel).query_one("#guide-text").render())


def said(screen) -> list[str]:
    return [str(o.prompt) for o in screen.query_one(NotesLog).options if o.disabled]


async def test_mark_from_key_and_palette_shown_in_guide_and_dashboard(data_dir: Path) -> None:
    audit, sessions = build_demo_like_audit(AuditStore(data_dir))
    interview_id = sessions[1].id  # Bert's interview with a team coach and an intern
    app = make_app(data_dir, audit.id, interview_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        norm_id = screen.interview.current
        assert "gevraagd, geen antwoord" not in guide_text(screen)

        await pilot.press("alt+a")
        await settle(pilot)
        assert "gevraagd, geen antwoord" in guide_text(screen)
        assert any(f"{norm_id}: gevraagd, geen antwoord" in line for line in said(screen))
        stored = AuditWorkspace(AuditStore(data_dir), audit.id).session(interview_id)
        assert stored.no_answer == (norm_id,)

        await pilot.press("ctrl+p")  # the palette takes the mark away again
        await settle(pilot)
        await type_text(pilot, "Gevraagd, geen antwoord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "gevraagd, geen antwoord" not in guide_text(screen)
        stored = AuditWorkspace(AuditStore(data_dir), audit.id).session(interview_id)
        assert stored.no_answer == ()

        await pilot.press("alt+a")  # marked again, then seen from the dashboard
        await settle(pilot)
        await pilot.press("ctrl+y", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        norm_list = app.screen.query_one("#norm-list", OptionList)
        norm_list.highlighted = norm_list.get_option_index(norm_id)
        await settle(pilot)
        detail = str(app.screen.query_one("#norm-detail-text").render())
        assert "Gevraagd, geen antwoord in: teamcoach (Mng); stagiaire (S)" in detail
