"""The whole interview as an auditor does it: from an empty data folder to a reopened audit."""

from __future__ import annotations

from pathlib import Path

from tui_support import settle, type_text

from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.audit_form import AuditFormScreen
from interview_assistant.tui.screens.choice import QuitScreen
from interview_assistant.tui.screens.dashboard import DashboardScreen
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.screens.new_session import NewSessionScreen
from interview_assistant.tui.screens.start import StartScreen
from interview_assistant.tui.widgets.coverage_strip import CoverageStrip
from interview_assistant.tui.widgets.guide_panel import GuidePanel
from interview_assistant.tui.widgets.notes_log import NotesLog


def stored_notes(data_dir: Path, include_deleted: bool = False):
    """The notes on disk, read by a fresh store as another process would."""
    store = AuditStore(data_dir)
    (audit_id,) = store.audit_ids()
    workspace = AuditWorkspace(store, audit_id)
    (session,) = workspace.sessions
    return workspace.notes(session.id, include_deleted=include_deleted)


def plain(widget) -> str:
    return str(widget.render())


async def test_interview_from_empty_folder_to_reopened_audit(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert "Nog geen audits" in plain(app.screen.query_one("#start-hint"))

        # a new audit: only the organisation is needed
        await pilot.press("n")
        assert isinstance(app.screen, AuditFormScreen)
        await type_text(pilot, "Welzijn Noord")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "0 van de 49 normen hebben 3 of meer bronnen" in plain(
            app.screen.query_one("#summary")
        )

        # a new interview with a social worker (P)
        await pilot.press("n")
        assert isinstance(app.screen, NewSessionScreen)
        await type_text(pilot, "Anna")
        await pilot.press("tab", "tab")
        await type_text(pilot, "maatschappelijk werker")
        await pilot.press("tab", "space")  # the first role in the legend is P
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.session.roles == ("P",)
        guide = screen.query_one(GuidePanel)
        assert guide.border_title == "Norm V1"

        # a note with tags, then one without: it goes to the norm in the guide
        await type_text(pilot, "Werkt met een inwerkplan #V2 @doc")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Feedback komt uit het jaargesprek")
        await pilot.press("enter")
        await pilot.pause()
        notes = stored_notes(data_dir)
        assert [(n.text, n.norms) for n in notes] == [
            ("Werkt met een inwerkplan #V2 @doc", ("V2",)),
            ("Feedback komt uit het jaargesprek", ("V1",)),
        ]
        log = screen.query_one(NotesLog)
        assert log.note_ids() == [n.id for n in notes]
        assert screen.composer.value == ""

        # the coverage strip and the assistant follow each note
        strip = plain(screen.query_one(CoverageStrip))
        assert "V1:1" in strip and "V2:1" in strip and "V3:0" in strip
        last_line = str(log.get_option_at_index(log.option_count - 1).prompt)
        assert "V1: 1 van 3 bronnen" in last_line

        # the next gap is a norm nobody has spoken about yet
        await pilot.press("ctrl+g")
        assert guide.border_title == "Norm V3"
        assert screen.composer.input.border_title == "Notitie (zonder #-tag bij V3)"

        # edit the last note: its text comes back into the input line
        await pilot.press("ctrl+r")
        assert screen.composer.value == "Feedback komt uit het jaargesprek"
        await pilot.press("ctrl+u")
        await type_text(pilot, "Feedback staat in het verslag van het jaargesprek @doc")
        await pilot.press("enter")
        await pilot.pause()
        edited = stored_notes(data_dir)[1]
        assert edited.text == "Feedback staat in het verslag van het jaargesprek @doc"
        assert edited.norms == ("V1",)
        assert edited.revisions[0].text == "Feedback komt uit het jaargesprek"
        assert "bewerkt" in str(log.get_option(f"note-{edited.id}").prompt)

        # select the first note with the arrow key, go to the log, delete it, undo
        await pilot.press("up")
        assert log.selected_note_id == notes[0].id
        await pilot.press("backspace")  # in the input line Backspace only edits text
        assert len(stored_notes(data_dir)) == 2
        await pilot.press("tab", "backspace")
        await pilot.pause()
        assert [n.id for n in stored_notes(data_dir)] == [notes[1].id]
        assert "V2:0" in plain(screen.query_one(CoverageStrip))
        assert "verwijderd" in str(log.get_option(f"note-{notes[0].id}").prompt)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [n.id for n in stored_notes(data_dir)] == [notes[0].id, notes[1].id]
        assert "V2:1" in plain(screen.query_one(CoverageStrip))

        # a bad tag: the error is shown and the text stays to be fixed
        await type_text(pilot, "Vertelt over #V99 en de wijk")
        await pilot.press("enter")
        await pilot.pause()
        error = plain(screen.query_one("#note-error"))
        assert "Onbekende norm '#V99'" in error
        assert screen.composer.value == "Vertelt over #V99 en de wijk"
        assert len(stored_notes(data_dir)) == 2

        # quitting with text in the input asks first; leaving it is an explicit choice
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.click("#quit-discard")
        await pilot.pause()
    assert app.return_code == 0

    # reopen from the same data folder and find everything as it was
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "2 van 49" not in plain(app.screen.query_one("#summary"))
        assert "2 notities" in plain(app.screen.query_one("#summary"))
        await pilot.press("g", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        log = screen.query_one(NotesLog)
        assert log.note_ids() == [notes[0].id, notes[1].id]
        assert "verslag van het jaargesprek" in str(log.get_option(f"note-{notes[1].id}").prompt)
        # back at the norm F4 went to, not at the norm of the last note (V1)
        assert screen.query_one(GuidePanel).border_title == "Norm V3"
