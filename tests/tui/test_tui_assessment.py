"""Walking the norms on the assessment screen: focus, drafts, the verdict shown, warnings."""

from __future__ import annotations

from textual.widgets import OptionList, TextArea
from tui_support import build_demo_like_audit, settle

from interview_assistant.domain.assessment import Verdict
from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.assessment import AssessmentScreen
from interview_assistant.tui.screens.choice import ConfirmScreen
from interview_assistant.tui.screens.dashboard import DashboardScreen


async def open_assessment(pilot, norm_id: str) -> AssessmentScreen:
    norm_list = pilot.app.screen.query_one("#norm-list", OptionList)
    norm_list.highlighted = norm_list.get_option_index(norm_id)
    await pilot.press("b")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AssessmentScreen)
    return screen


def stored(data_dir, audit_id: str, norm_id: str):
    return AuditReview.open(AuditStore(data_dir), audit_id).assessment(norm_id)


def record_notices(app) -> list[str]:
    notices: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        notices.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return notices


async def test_walking_puts_the_keys_back_on_the_verdicts(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_assessment(pilot, "V2")
        finding = screen.query_one("#finding", TextArea)
        draft = finding.text
        finding.focus()
        await pilot.press("f3")  # the next norm: the verdicts have the keys again
        assert screen.norm_id == "V3"
        assert app.focused is screen.query_one("#verdict", OptionList)
        await pilot.press("down", "enter")  # meant for the verdict: '+'
        assert "\n\n" not in finding.text and finding.text == screen.review.finding_or_draft("V3")
        await pilot.press("f2")
        assert screen.norm_id == "V2" and finding.text == draft
    # the verdict chosen was stored on walking; the draft shown with it was not
    v3 = stored(data_dir, audit.id, "V3")
    assert v3.verdict is Verdict.VOLDOET and v3.finding == ""
    assert stored(data_dir, audit.id, "V2").finding == ""


async def test_a_typed_finding_is_kept_per_norm_and_stored_only_when_asked(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        notices = record_notices(app)
        screen = await open_assessment(pilot, "V2")
        finding = screen.query_one("#finding", TextArea)
        finding.load_text("Inwerken goed geregeld, maatje voor elke nieuwe collega.")
        await pilot.press("f3")
        assert any("bij V2 is niet opgeslagen" in n for n in notices)
        assert stored(data_dir, audit.id, "V2").finding == ""
        await pilot.press("f2")  # back on V2: the typed text is there, marked unsent
        assert finding.text == "Inwerken goed geregeld, maatje voor elke nieuwe collega."
        assert finding.border_title == "niet opgeslagen: Ctrl+S slaat op"
        await pilot.press("f3")
        await pilot.press("escape")  # leaving the screen asks
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "V2" in str(app.screen.query_one("#confirm-body").render())
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")  # drop it
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert stored(data_dir, audit.id, "V2").finding == ""


async def test_ctrl_s_stores_the_draft_as_shown(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_assessment(pilot, "V2")
        draft = screen.query_one("#finding", TextArea).text
        assert draft
        await pilot.press("ctrl+s")
        await pilot.press("escape")  # nothing unsent: no question
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert stored(data_dir, audit.id, "V2").finding == draft


async def test_each_norm_shows_its_own_verdict(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    AuditReview.open(store, audit.id).decide("V2", Verdict.VOLDOET_NIET)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_assessment(pilot, "V2")
        choices = screen.query_one("#verdict", OptionList)
        assert choices.highlighted == 3  # '-': none, '+', '+/-', '-'
        assert str(choices.get_option_at_index(3).prompt).startswith("● -")
        await pilot.press("f3")  # V3 has no verdict: the cursor is on 'nog geen oordeel'
        assert choices.highlighted == 0
        assert str(choices.get_option_at_index(0).prompt).startswith("● ")
        assert all(str(choices.get_option_at_index(i).prompt).startswith("○ ") for i in range(1, 6))


async def test_a_verdict_on_thin_evidence_is_warned_about_and_marked(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        notices = record_notices(app)
        screen = await open_assessment(pilot, "V3")  # one source, nothing factual
        warning = screen.query_one("#assess-warning")
        assert not warning.display
        await pilot.press("down", "enter")  # '+'
        assert any("1 van de 3 bronnen (onder de streefwaarde)" in n for n in notices)
        assert any("zonder feitelijke bron" in n for n in notices)
        assert warning.display and "onder de streefwaarde" in str(warning.render())
        await pilot.press("ctrl+s")  # a warning, not a refusal
        assert stored(data_dir, audit.id, "V3").verdict is Verdict.VOLDOET
        await pilot.press("down", "down", "down", "enter")  # 'nvt' needs no evidence
        assert not warning.display
        await pilot.press("up", "up", "up", "enter", "ctrl+s", "escape")  # '+' again
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        row = str(app.screen.query_one("#norm-list", OptionList).get_option("V3").prompt)
        assert "+ ⚠" in row


async def test_the_dashboard_shows_who_each_norm_is_for_and_marks_conflicts(
    store, data_dir
) -> None:
    audit, _ = build_demo_like_audit(store)
    review = AuditReview.open(store, audit.id)
    review.propose("V5", "Anna de Vries", Verdict.VOLDOET)
    review.propose("V5", "Bert Jansen", Verdict.VOLDOET_NIET)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        norm_list = screen.query_one("#norm-list", OptionList)
        header = str(screen.query_one("#norm-header").render())
        assert header.split()[:3] == ["Norm", "Wie", "Bronnen"]
        v1 = str(norm_list.get_option("V1").prompt)
        assert v1.startswith("V1   P, P&O ")  # the template's Wie, not the roles heard
        assert " conflict " in str(norm_list.get_option("V5").prompt)
        summary = str(screen.query_one("#summary").render())
        assert "1 norm met tegenstrijdige voorstellen" in summary
        norm_list.highlighted = norm_list.get_option_index("V5")
        await pilot.pause()
        detail = str(screen.query_one("#norm-detail-text").render())
        assert "Wie (normenkader): P, Mng" in detail
        assert "Tegenstrijdige voorstellen" in detail


async def test_quitting_offers_to_store_the_findings_typed_on_several_norms(
    store, data_dir
) -> None:
    from interview_assistant.tui.screens.choice import QuitScreen

    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_assessment(pilot, "V2")
        finding = screen.query_one("#finding", TextArea)
        finding.load_text("Inwerken geregeld.")
        await pilot.press("f3")
        finding.load_text("Signaleren gebeurt.")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        body = str(app.screen.query_one("Static").render())
        assert "V2: Inwerken geregeld." in body and "V3: Signaleren gebeurt." in body
        await pilot.click("#quit-save")
        await settle(pilot)
    assert stored(data_dir, audit.id, "V2").finding == "Inwerken geregeld."
    assert stored(data_dir, audit.id, "V3").finding == "Signaleren gebeurt."
