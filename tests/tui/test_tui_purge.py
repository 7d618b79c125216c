"""Purging a note from the interview screen: asked first, gone for good, no ^z back."""

from __future__ import annotations

from pathlib import Path

from tui_support import MONDAY, build_audit, build_notes, build_session, settle, type_text

from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.choice import PurgeConfirmScreen
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.widgets.notes_log import NotesLog

NAME = "Fanny Blankers"


def disk(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())


def said(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one(NotesLog).options if o.disabled]


def interview_with_a_name(store):
    audit = build_audit(store)
    session = build_session(
        store, audit.id, "5e5510000007", "Anna", (("teamcoach", ("Mng",)),), MONDAY
    )
    notes = build_notes(store, session, ["Jaarplan gezien #V1 @doc", f"{NAME} vertelde #V2"])
    return audit, session, notes


async def test_the_purge_key_asks_first_and_confirming_removes_the_text_for_good(
    store, data_dir
) -> None:
    audit, session, notes = interview_with_a_name(store)
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.query_one(NotesLog).selected_note_id == notes[1].id  # the newest
        await pilot.press("alt+x")
        await settle(pilot)
        assert isinstance(app.screen, PurgeConfirmScreen)
        body = str(app.screen.query_one("#purge-body").render())
        assert NAME in body and "alle eerdere versies" in body
        assert "niet ongedaan" in body
        await pilot.click("#purge-confirm")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one(NotesLog).note_ids() == [notes[0].id]
        assert "definitief gewist" in said(app)[-1]
        assert NAME.encode() not in disk(data_dir)
        assert screen.interview.coverage("V2").sources == 0
        await pilot.press("ctrl+z")  # not undoable: nothing brings it back
        await settle(pilot)
        assert NAME.encode() not in disk(data_dir)
        assert screen.query_one(NotesLog).note_ids() == [notes[0].id]


async def test_cancelling_from_the_palette_keeps_the_note(store, data_dir) -> None:
    audit, session, notes = interview_with_a_name(store)
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("ctrl+p")
        await type_text(pilot, "definitief wissen")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PurgeConfirmScreen)
        await pilot.press("enter")  # "Annuleren" has the focus: Enter keeps the note
        await settle(pilot)
        assert app.screen is screen
        assert "Niets gewist." in said(app)[-1]
        assert screen.query_one(NotesLog).note_ids() == [n.id for n in notes]
        await pilot.press("alt+x")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert NAME.encode() in disk(data_dir)


async def test_a_note_typed_deleted_and_purged_is_gone_and_undo_skips_it(store, data_dir) -> None:
    audit, session, notes = interview_with_a_name(store)
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await type_text(pilot, "Meneer Zatopek had een klacht #V3")
        await pilot.press("enter")
        await pilot.pause()  # stored on Enter (the privacy guard reads it in the background)
        await pilot.press("tab", "backspace")  # deleted: the text is still on disk
        await pilot.pause()
        assert b"Zatopek" in disk(data_dir)
        await pilot.press("alt+x")
        await settle(pilot)
        assert "(verwijderd)" in str(app.screen.query_one("#purge-body").render())
        await pilot.click("#purge-confirm")
        await settle(pilot)
        assert b"Zatopek" not in disk(data_dir)
        await pilot.press("ctrl+z")  # the delete and the add of the purged note are gone
        await settle(pilot)
        assert b"Zatopek" not in disk(data_dir)
        assert [n.id for n in screen.interview.notes(include_deleted=True)] == [n.id for n in notes]
