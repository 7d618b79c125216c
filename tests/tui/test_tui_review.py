"""The lead auditor's screens: assess a norm, preview and export the report, merge logs."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import OptionList, TextArea
from tui_support import MONDAY, build_demo_like_audit, build_notes, build_session, settle

from interview_assistant.domain.assessment import Verdict
from interview_assistant.exchange import export_bundle
from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.assessment import AssessmentScreen
from interview_assistant.tui.screens.dashboard import DashboardScreen
from interview_assistant.tui.screens.merge import MergeScreen
from interview_assistant.tui.screens.preview import PreviewScreen


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def open_assessment_of(pilot, norm_id: str) -> AssessmentScreen:
    norm_list = pilot.app.screen.query_one("#norm-list", OptionList)
    norm_list.highlighted = norm_list.get_option_index(norm_id)
    await pilot.press("b")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AssessmentScreen)
    return screen


async def test_assess_a_norm_from_the_dashboard(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_assessment_of(pilot, "V2")
        notes = text_of(screen, "#assess-notes-text")
        # every note on the norm, grouped by source, with evidence chips
        assert "maatschappelijk werker (P) · interview · Anna de Vries" in notes
        assert "teamcoach (Mng); stagiaire (S) · interview · Bert Jansen" in notes
        assert "Inwerkprogramma van zes weken" in notes and " voorbeeld " in notes
        assert "2 van 3 bronnen" in notes
        # the finding starts as a draft built from the notes
        finding = screen.query_one("#finding", TextArea)
        assert "Inwerkprogramma van zes weken met maatje" in finding.text
        assert finding.border_title == "concept uit de notities: pas aan"
        # choose '+/-' with the keyboard (the verdicts have focus) and store
        await pilot.press("down", "down", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = AuditReview.open(AuditStore(data_dir), audit.id).assessment("V2")
        assert stored.verdict is Verdict.VERBETERPUNT
        assert "Inwerkprogramma" in stored.finding
        assert "1 van de 49 normen heeft een oordeel" in text_of(screen, "#assess-status")
        # walk to the next norm without a verdict, write a finding, leave: it is kept
        await pilot.press("f4")
        assert screen.norm_id == "V3"
        finding.focus()
        finding.load_text("")
        finding.insert("Signaleren gebeurt, maar niet vastgelegd.")
        await pilot.press("escape")  # a finding typed and not stored: asked, j stores it
        await pilot.pause()
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        review = AuditReview.open(AuditStore(data_dir), audit.id)
        assert review.assessment("V3").finding == "Signaleren gebeurt, maar niet vastgelegd."
        assert review.assessment("V3").verdict is None
        row = str(app.screen.query_one("#norm-list", OptionList).get_option("V2").prompt)
        assert "+/-" in row


async def test_conflicting_proposals_are_shown_until_the_lead_decides(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    review = AuditReview.open(store, audit.id)
    review.propose("V1", "Anna de Vries", Verdict.VOLDOET, "Competenties aangetoond.")
    review.propose("V1", "Bert Jansen", Verdict.VERBETERPUNT)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        row = str(app.screen.query_one("#norm-list", OptionList).get_option("V1").prompt)
        assert " conflict " in row
        screen = await open_assessment_of(pilot, "V1")
        proposals = text_of(screen, "#assess-proposals")
        assert "Tegenstrijdige voorstellen" in proposals
        assert "Anna de Vries: +" in proposals and "Bert Jansen: +/-" in proposals
        await pilot.press("down", "enter")  # the first verdict: '+'
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Tegenstrijdige" not in text_of(screen, "#assess-proposals")
    assert AuditReview.open(AuditStore(data_dir), audit.id).conflicts() == []


async def test_report_preview_and_export(store, data_dir, tmp_path: Path) -> None:
    audit, _ = build_demo_like_audit(store)
    AuditReview.open(store, audit.id).decide("V1", Verdict.VOLDOET, "Aangetoond.")
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        assert screen.model is not None
        markdown = screen.query_one("#preview-markdown")
        assert "Stichting Welzijn Noord" in markdown.source
        path_input = screen.query_one("#export-path")
        path_input.value = str(tmp_path / "rapport")
        await pilot.click("#export-md")
        await settle(pilot)
        await pilot.click("#export-html")
        await settle(pilot)
    assert "Aangetoond." in (tmp_path / "rapport.md").read_text(encoding="utf-8")
    assert (tmp_path / "rapport.html").read_text(encoding="utf-8").lstrip().startswith("<!")


async def test_every_export_choice_fits_an_80_by_24_terminal(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        for selector in ("#export-path", "#export-version", "#export-part", "#export-md",
                         "#export-html", "#export-docx", "#export-json"):  # fmt: skip
            region = screen.query_one(selector).region
            assert region.width > 0 and region.right <= 80, (selector, region)


async def test_merge_a_colleagues_bundle_with_progress(store, data_dir, tmp_path: Path) -> None:
    audit, _ = build_demo_like_audit(store)
    # a colleague's laptop: the same audit plus an interview of their own
    laptop = AuditStore(tmp_path / "laptop")
    build_demo_like_audit(laptop)
    theirs = build_session(
        laptop,
        audit.id,
        "5e5510000099",
        "Chris Smit",
        (("vrijwilliger", ("BV",)),),
        MONDAY + timedelta(days=1),
    )
    build_notes(laptop, theirs, ["Vrijwilligers krijgen een training #O11 @doc"])
    bundle = tmp_path / "chris.zip"
    export_bundle(laptop, audit.id, bundle)

    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, MergeScreen)
        app.screen.query_one("#merge-paths", TextArea).insert(str(bundle))
        await pilot.press("ctrl+s")
        await settle(pilot)
        result = text_of(app.screen, "#merge-result")
        assert "Chris Smit" in result
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "4 gesprekken" in text_of(app.screen, "#summary")
    assert theirs.id in AuditStore(data_dir).session_ids(audit.id)


# -- the report's editors: texts, trend points, the advice, plans, core data -----------------


async def test_texts_and_trend_points_edited_with_the_preview_following(
    store, data_dir, tmp_path: Path
) -> None:
    from textual.widgets import Markdown

    from interview_assistant.domain.assessment import TextKey
    from interview_assistant.tui.screens.report_texts import SAVE_DELAY, ReportTextsScreen

    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReportTextsScreen)
        explanation = screen.query_one("#text-toelichting", TextArea)
        assert app.focused is explanation
        await pilot.press(*"Brede organisatie")
        await pilot.pause(SAVE_DELAY + 0.3)
        await settle(pilot)
        # stored while typing, and the preview shows what is stored
        stored = AuditReview.open(AuditStore(data_dir), audit.id)
        assert stored.text(TextKey.EXPLANATION) == "Brede organisatie"
        assert "Brede organisatie" in screen.query_one("#texts-markdown", Markdown).source

        # the compliment from the notes is a strong point: reword it, then hide it
        points = screen.query_one("#trend-list", OptionList)
        assert "Klanttevredenheid wordt jaarlijks gemeten" in str(
            points.get_option_at_index(0).prompt
        )
        area = screen.query_one("#trend-text", TextArea)
        assert area.text == "Klanttevredenheid wordt jaarlijks gemeten"
        area.load_text("Klanttevredenheid stelselmatig gemeten")
        await pilot.pause(SAVE_DELAY + 0.3)
        await settle(pilot)
        assert (
            "Klanttevredenheid stelselmatig gemeten"
            in screen.query_one("#texts-markdown", Markdown).source
        )
        await pilot.click("#trend-hide")
        await settle(pilot)
        assert "(verborgen)" in str(points.get_option_at_index(0).prompt)
        assert "stelselmatig" not in screen.query_one("#texts-markdown", Markdown).source
        await pilot.click("#trend-add-zorg")
        await settle(pilot)
        await pilot.press(*"Dossiers onvolledig")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
    review = AuditReview.open(AuditStore(data_dir), audit.id)
    points = review.trend_points(include_hidden=True)
    assert [(p.text, p.hidden) for p in points] == [
        ("Klanttevredenheid stelselmatig gemeten", True),
        ("Dossiers onvolledig", False),
    ]
    assert review.trend_point(points[0].id).note_id is not None  # the note itself untouched


async def test_an_advice_against_the_label_rule_is_refused_on_screen(store, data_dir) -> None:
    from interview_assistant.domain.assessment import AdviceDecision
    from interview_assistant.tui.screens.report_texts import ReportTextsScreen

    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        review = app.review_for(app.screen.workspace)
        await app.push_screen(ReportTextsScreen(review))
        await settle(pilot)
        screen = app.screen
        screen.query_one("#advice-decision").value = "positief"
        screen.query_one("#advice-date").value = "10-4-2026"
        screen.query_one("#advice-record").press()
        await settle(pilot)
        status = text_of(screen, "#advice-status")
        assert "Dit advies kan niet worden vastgelegd" in status
        assert "nog geen oordeel van de teamleider bij V1, V2" in status
        for norm_id in review.catalogue.norm_ids:
            review.decide(norm_id, Verdict.VOLDOET)
        screen.query_one("#advice-record").press()
        await settle(pilot)
        assert "Vastgelegd advies: positief" in text_of(screen, "#advice-status")
    advice = AuditReview.open(AuditStore(data_dir), audit.id).advice()
    assert advice is not None and advice.decision is AdviceDecision.POSITIEF
    assert str(advice.date) == "2026-04-10"


async def test_plan_of_action_dates_on_the_assessment_screen(store, data_dir) -> None:
    from textual.widgets import Input

    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_assessment_of(pilot, "V5")
        assert not screen.query_one("#plan-row").display  # no verdict yet: no plan
        await pilot.press("down", "down", "enter")  # '+/-'
        assert screen.query_one("#plan-row").display
        screen.query_one("#plan-received", Input).value = "1-4-2026"
        screen.query_one("#plan-approved", Input).value = "31-4-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # 31 April does not exist: the verdict is stored, the plan is not (a notification says why)
        held = AuditReview.open(AuditStore(data_dir), audit.id).assessment("V5")
        assert held.verdict is Verdict.VERBETERPUNT and held.plan is None
        screen.query_one("#plan-approved", Input).value = "8 april 2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = AuditReview.open(AuditStore(data_dir), audit.id).assessment("V5").plan
    assert plan is not None and (str(plan.received), str(plan.approved)) == (
        "2026-04-01",
        "2026-04-08",
    )


async def test_core_data_form_lists_choices_dates_and_the_sessions(store, data_dir) -> None:
    from textual.widgets import Input, Select

    from interview_assistant.tui.screens.audit_form import AuditFormScreen

    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AuditFormScreen)
        screen.query_one("#core-scope", TextArea).load_text("Opbouwwerk\nJongerenwerk")
        screen.query_one("#core-audit_form", Select).value = "alleen CI op het label"
        screen.query_one("#core-certification", Select).value = "hercertificering"
        screen.query_one("#from-sessions").press()
        await pilot.pause()
        assert screen.query_one("#core-visit_dates", Input).value == "4 maart 2024"
        screen.query_one("#core-report_final", Input).value = "morgen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = text_of(screen, "#form-error")
        assert "Datum verslag definitief" in error and "'morgen' is geen datum" in error
        assert app.screen is screen  # nothing stored, the form stays
        screen.query_one("#core-report_final", Input).value = "12-4-2026"
        await pilot.press("ctrl+s")
        await settle(pilot)
    core = AuditReview.open(AuditStore(data_dir), audit.id).audit.core
    assert core.scope == "Opbouwwerk\nJongerenwerk"
    assert (core.audit_form, core.certification) == ("alleen CI op het label", "hercertificering")
    assert core.visit_dates == "2024-03-04" and core.report_final == "2026-04-12"


async def test_preview_exports_the_final_part_a_once_the_review_is_complete(
    store, data_dir, tmp_path: Path
) -> None:
    from datetime import date

    from textual.widgets import Select

    from interview_assistant.domain.assessment import AdviceDecision

    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        screen.query_one("#export-path").value = str(tmp_path / "definitief")
        screen.query_one("#export-version", Select).value = "final"
        screen.query_one("#export-part", Select).value = "A"
        screen.query_one("#export-md").press()
        await settle(pilot)
        assert not (tmp_path / "definitief.md").exists()  # refused: norms open, no advice
        review = screen.review
        for norm_id in review.catalogue.norm_ids:
            review.decide(norm_id, Verdict.VOLDOET)
        review.record_advice(AdviceDecision.POSITIEF, date(2026, 4, 10), "Anna de Vries")
        screen.query_one("#export-md").press()
        await settle(pilot)
    text = (tmp_path / "definitief.md").read_text(encoding="utf-8")
    assert "CONCEPT" not in text and "B. Bevindingen" not in text
    assert "Positief: de organisatie voldoet aan alle beoordeelde normen." in text
