"""The notes log against the notes on disk while notes are edited, deleted and restored:
every note shown once, a deleted note struck through, never a text the disk lacks."""

from __future__ import annotations

from pathlib import Path

from tui_support import (
    MONDAY,
    build_audit,
    build_demo_like_audit,
    build_session,
    settle,
    type_text,
    wait_until,
)

from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.privacy import privacy_guard
from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.choice import PurgeConfirmScreen
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.widgets.note_composer import NoteComposer
from interview_assistant.tui.widgets.notes_log import NotesLog
from interview_assistant.tui.widgets.suggestion_bar import SuggestionBar


async def test_deleting_the_note_being_edited_keeps_the_edit_until_the_note_is_back(
    store: AuditStore, data_dir: Path
) -> None:
    audit, sessions = build_demo_like_audit(store)
    session_id = sessions[2].id  # one note: "Kwaliteitshandboek is actueel #V1 @doc"
    app = make_app(data_dir, audit.id, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        log = screen.query_one(NotesLog)
        composer = screen.query_one(NoteComposer)
        (note_id,) = log.note_ids()
        await pilot.press("ctrl+r", "end")
        await type_text(pilot, " maar verouderd")
        await pilot.pause()
        await pilot.press("tab")  # to the notes: the note being edited is the chosen one
        await pilot.pause()
        assert log.has_focus and log.selected_note_id == note_id
        await pilot.press("backspace")
        await pilot.pause()
        composer.input.focus()
        await pilot.press("enter")
        await pilot.pause()

        (stored,) = AuditStore(data_dir).load_session_log(audit.id, session_id).notes
        assert stored.deleted and stored.text == "Kwaliteitshandboek is actueel #V1 @doc", (
            "the new text is not stored on a deleted note"
        )
        prompt = str(log.get_option(f"note-{note_id}").prompt)
        assert "verwijderd" in prompt and "maar verouderd" not in prompt
        assert "intussen verwijderd" in str(composer.error_line.render())
        assert composer.editing == note_id
        assert composer.value == "Kwaliteitshandboek is actueel #V1 @doc maar verouderd"

        await pilot.press("ctrl+z")  # the note comes back; Enter now stores the edit
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert composer.editing is None and composer.value == ""
        assert log.note_ids() == [note_id]
        prompt = str(log.get_option(f"note-{note_id}").prompt)
        assert "maar verouderd" in prompt and "verwijderd" not in prompt
    (stored,) = AuditStore(data_dir).load_session_log(audit.id, session_id).notes
    assert not stored.deleted
    assert stored.text == "Kwaliteitshandboek is actueel #V1 @doc maar verouderd"


def visible_text(log: NotesLog) -> str:
    return "\n".join(log.render_line(y).text for y in range(log.size.height))


async def test_tab_to_the_notes_shows_the_chosen_note_that_backspace_would_delete(
    store: AuditStore, data_dir: Path
) -> None:
    """After an edit of an older note the assistant's reply scrolls the log to its end;
    Tab to the notes must bring the chosen note back into view before Backspace
    deletes it."""
    audit, sessions = build_demo_like_audit(store)
    session_id = sessions[0].id  # five notes; the first: "Werkt met een beroeps…"
    app = make_app(data_dir, audit.id, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        log = app.screen.query_one(NotesLog)
        first = log.note_ids()[0]
        log.select_note(first)
        await pilot.press("ctrl+r", "end")
        await type_text(pilot, " en een opleidingsplan")
        await pilot.press("enter")
        await settle(pilot)
        assert log.selected_note_id == first
        assert "opleidingsplan" not in visible_text(log), "the reply scrolled the log on"
        await pilot.press("tab")
        await settle(pilot)
        assert log.has_focus and log.selected_note_id == first
        assert "Werkt met een beroepscompetentieprofiel" in visible_text(log)


def interview_with_a_manager(store: AuditStore) -> tuple[str, str]:
    """An audit with one interview of a teamcoach; deduce loaded, so waits are about reading."""
    privacy_guard().check("")
    audit = build_audit(store)
    session = build_session(
        store, audit.id, "5e5510000006", "Anna", (("teamcoach", ("Mng",)),), MONDAY
    )
    return audit.id, session.id


async def store_a_note_with_a_name(pilot) -> NotesLog:
    """Type and store a note that names someone; returns the log once it warns."""
    await settle(pilot)
    log = pilot.app.screen.query_one(NotesLog)
    await type_text(pilot, "Mevrouw Jansen van de Berg liet het jaarplan zien")
    await pilot.press("enter")
    await wait_until(pilot, lambda: "persoonsgegevens" in visible_text(log))
    return log


async def test_a_purged_note_takes_the_privacy_warning_that_quoted_it_along(
    store: AuditStore, data_dir: Path
) -> None:
    """The warning about personal data quotes them; once the note is purged for good the
    log must not go on showing the name it was purged for."""
    audit_id, session_id = interview_with_a_manager(store)
    app = make_app(data_dir, audit_id, session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        log = await store_a_note_with_a_name(pilot)
        assert "Jansen" in visible_text(log)
        await pilot.press("alt+x")
        await settle(pilot)
        assert isinstance(app.screen, PurgeConfirmScreen)
        await pilot.click("#purge-confirm")
        await settle(pilot)
        assert log.note_ids() == []
        shown = visible_text(log)
        assert "definitief gewist" in shown
        assert "Jansen" not in shown and "persoonsgegevens" not in shown


async def test_a_note_deleted_before_its_proposal_arrives_gets_no_offer_and_ctrl_t_is_safe(
    store: AuditStore, data_dir: Path
) -> None:
    """The assistant reads a stored note a moment after it shows; deleted in that moment,
    the note must not get an offer to add a norm (^t would edit a deleted note)."""
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        log = screen.query_one(NotesLog)
        bar = screen.query_one(SuggestionBar)
        await type_text(pilot, "Maandelijks intervisie met het hele team")
        await pilot.press("enter")
        await pilot.pause()
        screen.action_delete()  # Tab and Backspace, as fast as the auditor can
        note_id = log.selected_note_id
        assert note_id is not None and screen.interview.note(note_id).deleted
        await pilot.pause(1.0)  # the read after SUGGEST_DELAY and the proposal worker
        await settle(pilot)
        assert bar.note_id != note_id and not bar.display
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.is_running and app.screen is screen
    log_on_disk = AuditStore(data_dir).load_session_log(audit.id, sessions[2].id)
    (stored,) = [n for n in log_on_disk.notes if n.text.startswith("Maandelijks")]
    assert stored.deleted and stored.norms == ("V1",)


async def test_a_note_deleted_by_another_process_loses_its_offer_and_ctrl_t_is_safe(
    store: AuditStore, data_dir: Path
) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        bar = screen.query_one(SuggestionBar)
        await type_text(pilot, "Maandelijks intervisie met het hele team")
        await pilot.press("enter")
        await wait_until(pilot, lambda: bar.note_id is not None)
        note_id = bar.note_id
        assert note_id is not None
        AuditWorkspace(AuditStore(data_dir), audit.id).delete_note(sessions[2].id, note_id)
        await wait_until(pilot, lambda: screen.interview.note(note_id).deleted)
        await settle(pilot)
        log = screen.query_one(NotesLog)
        assert "verwijderd" in str(log.get_option(f"note-{note_id}").prompt)
        said = [str(o.prompt) for o in log.options if o.disabled]
        assert "buiten deze sessie bijgewerkt" in said[-1] and "Nieuwe" not in said[-1]
        assert bar.note_id is None, "no offer to add a norm to a deleted note"
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.is_running and app.screen is screen
    log_on_disk = AuditStore(data_dir).load_session_log(audit.id, sessions[2].id)
    (stored,) = [n for n in log_on_disk.notes if n.id == note_id]
    assert stored.deleted and stored.norms == ("V1",)


async def test_a_change_by_another_process_keeps_the_assistants_lines_in_place(
    store: AuditStore, data_dir: Path
) -> None:
    """A colleague's edit redraws the notes; the walk's questions and the warning about
    personal data stay where they were, and the edited note keeps its place."""
    audit_id, session_id = interview_with_a_manager(store)
    app = make_app(data_dir, audit_id, session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        log = await store_a_note_with_a_name(pilot)
        await type_text(pilot, "Tweede notitie over het jaarplan")
        await pilot.press("enter")
        await settle(pilot)
        first, second = log.note_ids()
        before = [str(o.prompt) for o in log.options if o.disabled]
        assert any("persoonsgegevens" in line for line in before)

        AuditWorkspace(AuditStore(data_dir), audit_id).edit_note(
            session_id, first, "De teamcoach liet het jaarplan zien"
        )
        await wait_until(pilot, lambda: "teamcoach liet" in visible_text(log))
        await settle(pilot)
        after = [str(o.prompt) for o in log.options if o.disabled]
        assert after[: len(before)] == before, "the assistant's earlier lines stay"
        assert "buiten deze sessie bijgewerkt" in after[-1]
        assert log.note_ids() == [first, second]
        order = [o.id for o in log.options]
        assert order.index(f"note-{first}") < order.index(f"note-{second}")
