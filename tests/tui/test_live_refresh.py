"""Open screens follow what another process writes, without losing what the user has here.

"Another process" is a second ``DataFolder`` on the same folder (its own store and lock
object), as the line mode, the CLI or a second TUI would be. Each test waits, with a
generous timeout, until the screen shows the change: behaviour, not timing.
"""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

from textual.widgets import DataTable, OptionList, Static, TextArea
from tui_support import (
    MONDAY,
    build_audit,
    build_demo_like_audit,
    build_notes,
    build_session,
    settle,
    type_text,
    wait_until,
)

from interview_assistant.domain.assessment import TextKey, Verdict
from interview_assistant.services.data_folder import DataFolder
from interview_assistant.services.review import AuditReview
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.assessment import AssessmentScreen
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.screens.preview import PreviewScreen
from interview_assistant.tui.widgets.coverage_strip import CoverageStrip
from interview_assistant.tui.widgets.notes_log import NotesLog


def other_process(data_dir: Path, audit_id: str) -> AuditReview:
    return DataFolder(data_dir).open_review(audit_id)


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def norm_row(screen, norm_id: str) -> str:
    return str(screen.query_one("#norm-list", OptionList).get_option(norm_id).prompt)


def notes_in_table(screen, session_id: str) -> str:
    table = screen.query_one("#session-table", DataTable)
    return str(table.get_cell(session_id, "notes"))


async def test_the_dashboard_shows_verdicts_notes_and_core_data_from_elsewhere(
    store, data_dir
) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        norm_list = screen.query_one("#norm-list", OptionList)
        norm_list.highlighted = norm_list.get_option_index("V5")
        await pilot.pause()
        assert " conflict " not in norm_row(screen, "V3")
        other = other_process(data_dir, audit.id)

        # two auditors disagree about V3: the lead sees the conflict
        other.propose("V3", "Anna de Vries", Verdict.VOLDOET)
        other.propose("V3", "Bert Jansen", Verdict.VERBETERPUNT)
        await wait_until(pilot, lambda: " conflict " in norm_row(screen, "V3"))

        # a colleague's note in another session: coverage and the session's count
        assert notes_in_table(screen, sessions[2].id) == "1"
        other.workspace.add_note(sessions[2].id, "Verbetercyclus jaarlijks besproken #D5 @doc")
        await wait_until(pilot, lambda: notes_in_table(screen, sessions[2].id) == "2")
        assert norm_row(screen, "D5")[17:25].strip() == "1/3"  # sources after Wie

        # core data: the organisation's name and the target
        other.workspace.update_audit(organisation="Welzijn Noord-Oost", target=4)
        await wait_until(pilot, lambda: "Welzijn Noord-Oost" in text_of(screen, "#summary"))
        assert norm_row(screen, "V1")[17:25].strip() == "3/4"

        # the auditor's place in the list stayed where it was
        assert norm_list.highlighted_option is not None
        assert norm_list.highlighted_option.id == "V5"


async def test_the_assessment_screen_shows_proposals_notes_and_a_decision(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        norm_list = app.screen.query_one("#norm-list", OptionList)
        norm_list.highlighted = norm_list.get_option_index("V2")
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen) and screen.norm_id == "V2"
        assert not screen.query_one("#assess-proposals", Static).display
        other = other_process(data_dir, audit.id)

        other.propose("V2", "Anna de Vries", Verdict.VOLDOET, "Inwerken geregeld.")
        other.propose("V2", "Bert Jansen", Verdict.VERBETERPUNT)
        await wait_until(
            pilot, lambda: "1 met tegenstrijdige voorstellen" in text_of(screen, "#assess-status")
        )
        proposals = text_of(screen, "#assess-proposals")
        assert "Tegenstrijdige voorstellen" in proposals and "Bert Jansen: +/-" in proposals

        other.workspace.add_note(sessions[2].id, "Inwerkmap ook voor vrijwilligers #V2 @doc")
        notes = "#assess-notes-text"
        await wait_until(pilot, lambda: "voor vrijwilligers" in text_of(screen, notes))
        assert "3 van 3 bronnen" in text_of(screen, "#assess-notes-text")

        # nothing typed here yet: another process's decision shows as it is stored
        other.decide("V2", Verdict.VOLDOET, "Inwerken is op orde.")
        finding = screen.query_one("#finding", TextArea)
        await wait_until(pilot, lambda: finding.text == "Inwerken is op orde.")
        assert "● +" in str(screen.query_one("#verdict", OptionList).get_option_at_index(1).prompt)
        assert "0 met tegenstrijdige voorstellen" in text_of(screen, "#assess-status")


async def test_a_finding_being_typed_survives_another_process_changing_it(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")  # the first norm, V1
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen) and screen.norm_id == "V1"
        finding = screen.query_one("#finding", TextArea)
        finding.focus()
        finding.load_text("")
        await type_text(pilot, "Mijn eigen bevinding, nog niet bewaard.")
        other = other_process(data_dir, audit.id)
        other.decide("V1", Verdict.VERBETERPUNT, "Bevinding van elders.")
        status = "#assess-status"
        await wait_until(
            pilot, lambda: "1 van de 49 normen heeft een oordeel" in text_of(screen, status)
        )
        assert finding.text == "Mijn eigen bevinding, nog niet bewaard."
        await pilot.press("ctrl+s")
        await pilot.pause()
    stored = other_process(data_dir, audit.id).assessment("V1")
    assert stored.finding == "Mijn eigen bevinding, nog niet bewaard."
    assert stored.verdict is Verdict.VERBETERPUNT  # theirs, shown here, not overwritten


async def test_the_report_preview_is_built_again_with_texts_and_core_data(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        markdown = screen.query_one("#preview-markdown")
        assert "Leg de intervisie vast." not in markdown.source
        other = other_process(data_dir, audit.id)
        other.set_text(TextKey.ADVICE, "Leg de intervisie vast.")
        other.workspace.update_audit(core={"scope": "Jongerenwerk en buurtwerk"})
        await wait_until(
            pilot,
            lambda: (
                "Leg de intervisie vast." in markdown.source
                and "Jongerenwerk en buurtwerk" in markdown.source
            ),
        )


async def test_the_interview_keeps_unsent_text_and_selection_through_changes(
    store, data_dir
) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        log = screen.query_one(NotesLog)
        # our own note: saved here, and seen by the watcher like any write
        await type_text(pilot, "Eigen notitie over intervisie #V6")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("up", "up")
        selected = log.selected_note_id
        assert selected is not None and selected != log.note_ids()[-1]
        await type_text(pilot, "half getypt")
        # then a colleague writes in another session; it arrives after our own write
        other = other_process(data_dir, audit.id)
        other.workspace.add_note(sessions[1].id, "Van elders #V6 @doc")
        strip = screen.query_one(CoverageStrip)
        assert "V6:1" in str(strip.render())
        await wait_until(pilot, lambda: "V6:2" in str(strip.render()))
        assert screen.composer.value == "half getypt"
        assert log.selected_note_id == selected
        assert len(log.note_ids()) == 6


async def test_a_burst_of_changes_ends_with_the_screen_showing_the_last(
    store, data_dir, monkeypatch
) -> None:
    """Changes reported while the previous ones are still being read are not dropped.

    Reading is slowed down (as on a large audit) so that reports arrive mid-read.
    """
    read_changes = AuditReview.read_changes

    def slow_read(self, audit_file: bool = True):
        time.sleep(0.15)
        return read_changes(self, audit_file)

    monkeypatch.setattr(AuditReview, "read_changes", slow_read)
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        other = other_process(data_dir, audit.id)
        for index in range(12):
            other.workspace.add_note(sessions[index % 3].id, f"Reeks {index} #O{index + 1}")
            if index % 4 == 3:
                other.propose(f"D{index}", "Anna de Vries", Verdict.VOLDOET)
                other.propose(f"D{index}", "Bert Jansen", Verdict.VOLDOET_NIET)
            await asyncio.sleep(0.06)
        expected = {s.id: str(other.workspace.note_count(s.id)) for s in sessions}
        await wait_until(
            pilot,
            lambda: (
                all(notes_in_table(screen, sid) == n for sid, n in expected.items())
                and all(" conflict " in norm_row(screen, f"D{i}") for i in (3, 7, 11))
            ),
        )


async def test_after_opening_another_audit_the_screen_follows_that_one(store, data_dir) -> None:
    first, _ = build_demo_like_audit(store)
    second = build_audit(store, "b2c3d4e5f6a7", "Buurtwerk Zuid")
    session = build_session(
        store, second.id, "5e5520000001", "Bert Jansen", (("opbouwwerker", ("P",)),), MONDAY
    )
    build_notes(store, session, ["Bewonersavond elk kwartaal #V3"])
    app = make_app(data_dir, first.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # to the list of audits
        await settle(pilot)
        app.open_audit(second.id)
        await settle(pilot)
        screen = app.screen
        assert app.workspace is not None and app.workspace.audit.id == second.id
        other_process(data_dir, first.id).propose("V3", "Anna de Vries", Verdict.VOLDOET)
        other_process(data_dir, second.id).workspace.add_note(session.id, "Nieuw #V3")
        await wait_until(pilot, lambda: notes_in_table(screen, session.id) == "2")
        assert "Buurtwerk Zuid" in text_of(screen, "#summary")
        assert norm_row(screen, "V3")[35:44].strip() == ""  # the first audit's proposal
        assert [t.name for t in threading.enumerate() if t.name.startswith("watch-audit")] == [
            f"watch-audit-{second.id}"
        ]
