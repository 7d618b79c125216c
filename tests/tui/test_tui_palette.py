"""The lead's report and review actions reached from the command palette alone (Ctrl+P)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui_support import build_demo_like_audit, settle, type_text

from interview_assistant.domain.assessment import Verdict
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.assessment import AssessmentScreen
from interview_assistant.tui.screens.audit_form import AuditFormScreen
from interview_assistant.tui.screens.dashboard import DashboardScreen
from interview_assistant.tui.screens.preview import PreviewScreen
from interview_assistant.tui.screens.report_texts import ReportTextsScreen


async def palette(pilot, words: str) -> None:
    """Open the palette, type ``words`` and take the best match."""
    await pilot.press("ctrl+p")
    await type_text(pilot, words)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_assessment_preview_editors_and_export_from_the_palette(
    store, data_dir, tmp_path: Path
) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await palette(pilot, "beoordelen")
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        assert screen.norm_id == "V1"
        screen.review.decide("V2", Verdict.VOLDOET, "Aangetoond.")
        await palette(pilot, "zonder oordeel")  # otherwise only F4 reaches it
        assert screen.norm_id == "V3", "the next norm without a verdict, V2 skipped"
        await pilot.press("escape")
        await settle(pilot)

        await palette(pilot, "kerngegevens")
        assert isinstance(app.screen, AuditFormScreen)
        await pilot.press("escape")
        await settle(pilot)

        await palette(pilot, "rapport")
        preview = app.screen
        assert isinstance(preview, PreviewScreen) and preview.model is not None
        await palette(pilot, "teksten en advies")
        assert isinstance(app.screen, ReportTextsScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is preview
        preview.query_one("#export-path", Input).value = str(tmp_path / "rapport")
        await palette(pilot, "exporteren als markdown")
    assert "CONCEPT" in (tmp_path / "rapport.md").read_text(encoding="utf-8")
