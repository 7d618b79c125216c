"""The interview screen reads the note: proposals under the log, ^t adds one."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList
from tui_support import MONDAY, build_demo_like_audit, settle, type_text, wait_until

from interview_assistant.domain.note import Note
from interview_assistant.domain.tags import parse_note
from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.assessment import AssessmentScreen
from interview_assistant.tui.widgets.notes_log import NotesLog
from interview_assistant.tui.widgets.suggestion_bar import SuggestionBar
from norm_catalogue import load_catalogue

NORM_IDS = load_catalogue().norm_ids


async def test_a_stored_note_gets_a_proposal_and_ctrl_t_adds_it_as_an_undoable_edit(
    store, data_dir
) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)  # resumed on V1
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        bar = screen.query_one(SuggestionBar)
        assert not bar.display
        await type_text(pilot, "Maandelijks intervisie met het hele team")
        await pilot.press("enter")
        await wait_until(pilot, lambda: bar.note_id is not None)
        assert bar.display and bar.proposals[0].norm_id == "V13"
        assert "Ook V13 (intervisie" in str(bar.render())
        await pilot.press("ctrl+t")
        await pilot.pause()
        log = AuditStore(data_dir).load_session_log(audit.id, sessions[2].id)
        (added,) = [n for n in log.notes if n.text.startswith("Maandelijks")]
        assert added.norms == ("V1", "V13")
        said = [str(o.prompt) for o in screen.query_one(NotesLog).options if o.disabled]
        assert said[-1].startswith("» V13 toegevoegd aan de notitie van")
        await pilot.press("ctrl+z")
        await pilot.pause()
    log = AuditStore(data_dir).load_session_log(audit.id, sessions[2].id)
    (added,) = [n for n in log.notes if n.text.startswith("Maandelijks")]
    assert added.norms == ("V1",) and added.text == "Maandelijks intervisie met het hele team"


async def test_a_note_taken_back_loses_its_offer(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(SuggestionBar)
        await type_text(pilot, "Maandelijks intervisie met het hele team")
        await pilot.press("enter")
        await wait_until(pilot, lambda: bar.note_id is not None)
        await pilot.press("ctrl+z")  # the note is deleted again: nothing left to tag
        await pilot.pause()
        assert bar.note_id is None and not bar.display


async def test_a_pause_in_typing_proposes_for_the_draft_and_ctrl_t_tags_it(store, data_dir):
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)  # resumed on V1
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        bar = screen.query_one(SuggestionBar)
        await type_text(pilot, "De RI&E is van 2019")
        await wait_until(pilot, lambda: bar.proposals)
        assert bar.note_id is None and bar.proposals[0].norm_id == "O16"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.composer.value == "De RI&E is van 2019 #V1 #O16 "
        await pilot.press("enter")
        await pilot.pause()
    log = AuditStore(data_dir).load_session_log(audit.id, sessions[2].id)
    assert log.notes[-1].norms == ("V1", "O16")


async def test_ctrl_t_with_nothing_proposed_changes_nothing(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Het regende")
        await pilot.pause(0.5)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen.composer.value == "Het regende"
    (note,) = AuditStore(data_dir).load_session_log(audit.id, sessions[2].id).notes
    assert note.norms == ("V1",)


async def test_the_assessment_proposes_norms_for_notes_without_a_tag_of_their_own(
    store, data_dir
) -> None:
    audit, sessions = build_demo_like_audit(store)
    # typed without a tag while the walk was on V2, as the interview stores it
    parsed = parse_note("Maandelijks intervisie met het hele team", NORM_IDS, default_norm="V2")
    note = Note.create("5e551000000199", sessions[0].id, parsed, MONDAY + timedelta(hours=2))
    store.save_notes(audit.id, sessions[0].id, [note])
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        norm_list = app.screen.query_one("#norm-list", OptionList)
        norm_list.highlighted = norm_list.get_option_index("V2")
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        await wait_until(
            pilot, lambda: "» ook" in str(screen.query_one("#assess-notes-text").render())
        )
        text = str(screen.query_one("#assess-notes-text").render())
    assert "» ook V13 (intervisie)" in text and "(notitie zonder eigen #norm)" in text
    assert text.count("» ook") == 1  # the tagged notes on V2 get none


async def test_a_name_in_a_stored_note_is_marked_and_ctrl_n_replaces_it(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        log_view = screen.query_one(NotesLog)
        await type_text(pilot, "Gesprek met dhr. P. de Vries over de wachtlijst")
        await pilot.press("enter")
        await pilot.pause()
        stored = AuditStore(data_dir).load_session_log(audit.id, sessions[2].id).notes
        assert stored[-1].text == "Gesprek met dhr. P. de Vries over de wachtlijst"

        def warned() -> bool:
            return any("persoonsgegevens" in str(o.prompt) for o in log_view.options)

        # the first reading waits for deduce to load (minutes on a fresh installation)
        await wait_until(pilot, warned, timeout=600)
        said = [str(o.prompt) for o in log_view.options if o.disabled]
        assert "“dhr. P. de Vries” (naam)" in said[-1] and "^n" in said[-1]
        await pilot.press("ctrl+n")
        await pilot.pause()
        note = AuditStore(data_dir).load_session_log(audit.id, sessions[2].id).notes[-1]
        assert note.text == "Gesprek met [naam] over de wachtlijst" and note.norms == ("V1",)
        await pilot.press("ctrl+z")
        await pilot.pause()
    note = AuditStore(data_dir).load_session_log(audit.id, sessions[2].id).notes[-1]
    assert note.text == "Gesprek met dhr. P. de Vries over de wachtlijst"


async def test_leaving_while_the_first_ask_builds_the_index_is_no_error(
    store, data_dir, monkeypatch
) -> None:
    """On a busy laptop the first ask builds the index for seconds; the screen may be
    gone when the answer arrives, and that must not end the app with an error."""
    import threading

    import interview_assistant.tui.screens.interview as interview_screen

    asked, answer = threading.Event(), threading.Event()
    real = interview_screen.suggester_for

    def slow_suggester_for(edition: str):
        asked.set()
        answer.wait(10)
        return real(edition)

    monkeypatch.setattr(interview_screen, "suggester_for", slow_suggester_for)
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "half getypt over intervisie")
        await wait_until(pilot, asked.is_set)
        await app.screen.query_one(SuggestionBar).remove()  # as when the screen is torn down
        answer.set()
        await pilot.pause(0.3)
    assert app.return_code in (0, None)
