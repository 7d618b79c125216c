"""The lead's review of personal data: a list of every finding of the audit, reached from
the dashboard (p, or "Persoonsgegevens nakijken" in the palette), where a finding is marked
as fine or opened where it stands; and ^o on the assessment screen for a saved finding."""

from __future__ import annotations

from textual.widgets import OptionList, Static, TextArea
from tui_support import MONDAY, build_audit, build_notes, build_session, settle, wait_until

from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.privacy import PrivacyMarks, privacy_guard
from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.screens.privacy_review import PrivacyReviewScreen
from interview_assistant.tui.widgets.notes_log import NotesLog


def build(store):
    audit = build_audit(store)
    session = build_session(
        store, audit.id, "5e5510000007", "Anna", (("teamcoach", ("Mng",)),), MONDAY
    )
    notes = build_notes(
        store,
        session,
        [
            "Het jaarplan ligt ter inzage #V5",
            "Mevrouw Jansen liet de inwerkmap zien #V2",
            "Het wijkteam in Utrecht werkt samen met de huisarts #D9",
        ],
    )
    return audit, session, notes


def said(app) -> str:
    """The assistant's lines in the interview's log."""
    log = app.screen.query_one(NotesLog)
    return "\n".join(str(o.prompt) for o in log.options if o.disabled)


def stored_note(data_dir, audit_id: str, session_id: str, index: int) -> str:
    return AuditStore(data_dir).load_session_log(audit_id, session_id).notes[index].text


def rows(app) -> list[str]:
    listing = app.screen.query_one("#privacy-list", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def status(app) -> str:
    return str(app.screen.query_one("#privacy-status", Static).render())


async def open_review(pilot) -> None:
    await settle(pilot)
    await pilot.press("p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PrivacyReviewScreen))
    await wait_until(pilot, lambda: pilot.app.screen.findings is not None, timeout=60)


async def test_p_lists_every_finding_with_where_it_stands_and_ctrl_o_marks_it_fine(
    store, data_dir
) -> None:
    privacy_guard().check("")  # deduce loaded: the timeouts below are about the screen
    audit, session, notes = build(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        listed = rows(app)
        assert f"notitie {session.id}/{notes[1].id}: “Mevrouw Jansen” (naam)" in listed
        utrecht = listed.index(f"notitie {session.id}/{notes[2].id}: “Utrecht” (adres of plaats)")
        assert "2 mogelijke persoonsgegevens: 2 nog na te kijken, 0 in orde" in status(app)
        app.screen.query_one("#privacy-list", OptionList).highlighted = utrecht
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert rows(app)[utrecht].endswith("“Utrecht” (adres of plaats) [in orde]")
        assert "1 nog na te kijken, 1 in orde" in status(app)
        workspace = AuditWorkspace(AuditStore(data_dir), audit.id)
        assert PrivacyMarks(workspace).fine() == {"utrecht": "Utrecht"}  # stored
        refusals = " ".join(r.text() for r in AuditReview(workspace).final_refusals())
        assert "Mevrouw Jansen" in refusals and "Utrecht" not in refusals
        await pilot.press("ctrl+o")  # and back: no longer fine
        await pilot.pause()
        assert not rows(app)[utrecht].endswith("[in orde]")
    assert PrivacyMarks(AuditWorkspace(AuditStore(data_dir), audit.id)).fine() == {}


async def test_enter_opens_the_note_in_its_interview_and_the_list_is_read_again_after(
    store, data_dir
) -> None:
    privacy_guard().check("")
    audit, session, notes = build(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        listing = app.screen.query_one("#privacy-list", OptionList)
        listing.highlighted = next(i for i, r in enumerate(rows(app)) if "Jansen" in r)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        assert app.screen.session_id == session.id
        assert app.screen.log_view.selected_note_id == notes[1].id
        await wait_until(pilot, lambda: "persoonsgegevens" in said(app))
        await pilot.press("ctrl+f")  # the interview's own key: the name becomes the function
        await pilot.pause()
        assert (
            stored_note(data_dir, audit.id, session.id, 1) == "teamcoach liet de inwerkmap zien #V2"
        )
        await pilot.press("ctrl+y", "enter")  # leave the interview: later
        await wait_until(pilot, lambda: isinstance(app.screen, PrivacyReviewScreen))
        await wait_until(pilot, lambda: not any("Jansen" in r for r in rows(app)), timeout=60)
        assert len(rows(app)) == 1


async def test_the_palette_offers_persoonsgegevens_nakijken_on_the_dashboard(
    store, data_dir
) -> None:
    audit, _, _ = build(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Persoonsgegevens nakijken")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PrivacyReviewScreen))


async def test_ctrl_o_on_the_assessment_screen_marks_a_place_in_the_saved_finding_fine(
    store, data_dir
) -> None:
    privacy_guard().check("")
    audit, _, _ = build(store)
    app = make_app(data_dir, audit.id)
    shown: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (shown.append(str(message)), notify(message, **kw))[1]  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        norm_list = app.screen.query_one("#norm-list", OptionList)
        norm_list.highlighted = norm_list.get_option_index("D9")
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("ctrl+o")  # nothing warned about yet
        assert shown[-1].startswith("Geen persoonsgegevens gemeld in deze bevinding")
        finding = app.screen.query_one("#finding", TextArea)
        finding.load_text("In Utrecht werkt het wijkteam samen met de huisartsen.")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: any("persoonsgegevens" in t for t in shown))
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert shown[-1] == "In orde gemarkeerd voor deze audit: “Utrecht”."
    workspace = AuditWorkspace(AuditStore(data_dir), audit.id)
    assert PrivacyMarks(workspace).fine() == {"utrecht": "Utrecht"}


async def test_the_final_export_waits_until_every_finding_is_marked_or_replaced(
    store, data_dir, tmp_path
) -> None:
    from datetime import date

    from textual.widgets import Select

    from interview_assistant.domain.assessment import AdviceDecision, Verdict
    from interview_assistant.tui.screens.preview import PreviewScreen

    privacy_guard().check("")
    audit, _, _ = build(store)
    review = AuditReview(AuditWorkspace(AuditStore(data_dir), audit.id))
    for norm_id in review.catalogue.norm_ids:
        review.decide(norm_id, Verdict.VOLDOET)
    review.record_advice(AdviceDecision.POSITIEF, date(2026, 4, 10), "Anna de Vries")
    app = make_app(data_dir, audit.id)
    shown: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (shown.append(str(message)), notify(message, **kw))[1]  # type: ignore[method-assign]
    target = tmp_path / "definitief"
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        screen.query_one("#export-path").value = str(target)
        screen.query_one("#export-version", Select).value = "final"
        screen.query_one("#export-md").press()
        await wait_until(pilot, lambda: any("Persoonsgegevens in" in t for t in shown), 60)
        refusal = next(t for t in shown if "Persoonsgegevens in" in t)
        assert "“Mevrouw Jansen” (naam)" in refusal and "“Utrecht”" in refusal
        assert not target.with_suffix(".md").exists()
        PrivacyMarks(screen.review.workspace).mark(["Mevrouw Jansen", "Utrecht"])
        screen.query_one("#export-md").press()
        await wait_until(pilot, lambda: target.with_suffix(".md").exists(), 60)
    assert "CONCEPT" not in target.with_suffix(".md").read_text(encoding="utf-8")
