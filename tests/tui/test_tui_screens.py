"""Behaviour of the screens beyond the main flow: entry points, demo, filter, palette, refresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_support import build_demo_like_audit, build_notes, settle, type_text, wait_until

from interview_assistant import cli
from interview_assistant.services import demo
from interview_assistant.storage.repository import AuditStore, StoreError
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.dashboard import DashboardScreen
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.screens.start import StartScreen
from interview_assistant.tui.widgets.guide_panel import GuidePanel
from interview_assistant.tui.widgets.key_bar import BarKey, KeyBar
from interview_assistant.tui.widgets.notes_log import NotesLog


def notification_texts(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_interview_command_resumes_the_session_by_prefix(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id[:4], sessions[0].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        log = screen.query_one(NotesLog)
        assert len(log.note_ids()) == 5
        # resumed at the norm of the last note, with the assistant saying so
        assert screen.query_one(GuidePanel).border_title == "Norm V6"
        texts = [str(o.prompt) for o in log.options if o.disabled]
        assert any("Gesprek hervat: 5 notities" in t for t in texts)
        # ^y and "later" go back to the dashboard, Escape from there to the list of audits
        await pilot.press("ctrl+y", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)


def test_unknown_audit_fails_before_anything_is_drawn(data_dir) -> None:
    with pytest.raises(StoreError, match="bestaat niet"):
        make_app(data_dir, "nope")


def test_cli_open_with_unknown_audit_is_a_dutch_error(data_dir, capsys) -> None:
    assert cli.main(["open", "nope", "--data-dir", str(data_dir)]) == 1
    assert "Audit 'nope' bestaat niet" in capsys.readouterr().err


def test_cli_registers_the_tui_entry_points() -> None:
    parser = cli.build_parser()
    assert parser.parse_args(["open", "abc"]).func.__name__ == "cmd_open"
    args = parser.parse_args(["interview", "abc", "def"])
    assert (args.func.__name__, args.audit, args.session) == ("cmd_interview", "abc", "def")
    assert parser.get_default("default_func").__name__ == "cmd_tui"


async def test_demo_opens_a_copy_of_the_demo_audit(
    store, data_dir, tmp_path: Path, monkeypatch
) -> None:
    demo_dir = tmp_path / "demo"
    audit, _ = build_demo_like_audit(AuditStore(demo_dir))
    monkeypatch.setattr(demo, "DEMO_DATA_DIR", demo_dir)
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.workspace is not None
        assert app.screen.workspace.audit.id == audit.id
    assert store.audit_ids() == [audit.id]


async def test_missing_demo_is_explained_in_dutch(data_dir, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(demo, "DEMO_DATA_DIR", tmp_path / "nowhere")
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert any("demo-audit is niet gevonden" in t for t in notification_texts(app))


async def test_dashboard_filter_shows_only_norms_below_target(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        norm_list = app.screen.query_one("#norm-list", OptionList)
        all_ids = [o.id for o in norm_list.options if not o.disabled]
        assert len(all_ids) == 49 and "V1" in all_ids  # V1 has three sources: met
        await pilot.press("f")
        shown = [o.id for o in norm_list.options if not o.disabled]
        assert "V1" not in shown and "V2" in shown and len(shown) == 48
        # the highlighted norm's notes are listed by source
        detail = str(app.screen.query_one("#norm-detail-text").render())
        assert "V2" in detail and "Inwerkprogramma van zes weken" in detail
        assert "teamcoach (Mng); stagiaire (S) · interview · Bert Jansen" in detail


async def test_palette_jumps_to_a_norm_by_words(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "klachten")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        guide = app.screen.query_one(GuidePanel)
        norm_id = guide.border_title.removeprefix("Norm ")
        assert "klacht" in app.screen.catalogue.norm(norm_id).text.lower()
        assert app.screen.composer.input.border_title == f"Notitie (zonder #-tag bij {norm_id})"


async def test_notes_from_another_process_appear_and_quarantine_is_reported(
    store, data_dir
) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[1].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        # the line mode (another store on the same folder) adds a note to this session
        other = AuditStore(data_dir)
        extra = build_notes(other, sessions[1], ["Van elders getypt #O1"] * 4)[-1]
        # and a file of another session gets corrupted
        (data_dir / "audits" / audit.id / "sessions" / f"{sessions[2].id}.json").write_text("{")
        # the file watcher brings both to the open screen
        await wait_until(pilot, lambda: extra.id in screen.query_one(NotesLog).note_ids())
        await wait_until(pilot, lambda: any("apart gezet" in t for t in notification_texts(app)))


async def test_every_key_of_the_interview_fits_at_80_by_24(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        shown = {key.description for key in bar.query(BarKey)}
        expected = {"Kies", "Bewerk", "Vorige", "Volgende", "Grootste gat", "Herstel"}
        assert expected | {"Verlaten", "Afsluiten", "Hulp", "Zoek"} <= shown
        for key in bar.query(BarKey):
            assert key.region.right <= 80 and key.region.height == 1
        assert app.screen.composer.input.region.bottom <= bar.region.y


async def test_escape_while_editing_brings_back_the_unsent_text(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await type_text(pilot, "half getypte gedachte")
        await pilot.press("ctrl+r")
        assert screen.composer.value == "Kwaliteitshandboek is actueel #V1 @doc"
        await pilot.press("escape")
        assert screen.composer.value == "half getypte gedachte"
        assert isinstance(app.screen, InterviewScreen)


async def test_quitting_with_text_in_the_input_can_store_it_first(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Laatste gedachte over het handboek")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#quit-save")
        await pilot.pause()
    texts = [n.text for n in AuditStore(data_dir).load_session_log(audit.id, sessions[2].id).notes]
    assert texts[-1] == "Laatste gedachte over het handboek"


async def test_f1_explains_the_note_syntax_and_the_keys_of_the_screen(store, data_dir) -> None:
    from textual.widgets import Markdown

    from interview_assistant.tui.screens.help import HelpScreen

    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one(Markdown).source
        assert "`@document` (`@doc`)" in source and "`!knelpunt`" in source
        assert "| `^r` | Notitie wijzigen |" in source
        assert "| `^g / f4` | Grootste gat |" in source
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen)


async def test_leaving_the_interview_keeps_the_unsent_text_for_later(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[1].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "nog niet af")
        await pilot.press("ctrl+y", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("g", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.session_id == sessions[1].id
        assert app.screen.composer.value == "nog niet af"


async def test_resuming_returns_to_the_norm_the_auditor_was_on(store, data_dir) -> None:
    from interview_assistant.line.chat import LineChat
    from interview_assistant.services.audit import AuditWorkspace

    audit, sessions = build_demo_like_audit(store)
    session_id = sessions[0].id  # a P interview whose last note is about V6
    app = make_app(data_dir, audit.id, session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        guide = app.screen.query_one(GuidePanel)
        assert guide.border_title == "Norm V6"
        await pilot.press("ctrl+l", "ctrl+l")
        assert guide.border_title == "Norm V8"
        await pilot.press("ctrl+y", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("g", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.session_id == session_id
        assert screen.query_one(GuidePanel).border_title == "Norm V8"
        said = [str(o.prompt) for o in screen.query_one(NotesLog).options if o.disabled]
        assert any("We staan bij V8." in line for line in said)
        await type_text(pilot, "Zonder tag getypt na het hervatten")
        await pilot.press("enter")
        await pilot.pause()
    notes = AuditWorkspace(AuditStore(data_dir), audit.id).notes(session_id)
    assert notes[-1].norms == ("V8",)

    # the line mode, started later, goes on at the same norm; and the TUI where it left off
    chat = LineChat(AuditWorkspace(AuditStore(data_dir), audit.id), session_id)
    assert chat.prompt() == "V8> "
    chat.handle("/norm D1")
    app = make_app(data_dir, audit.id, session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(GuidePanel).border_title == "Norm D1"


async def test_undo_in_the_tui_takes_back_an_edit(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("ctrl+r", "ctrl+u")
        await type_text(pilot, "Kwaliteitshandboek is verouderd #V2")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        log = screen.query_one(NotesLog)
        (note_id,) = log.note_ids()
        assert "Kwaliteitshandboek is actueel" in str(log.get_option(f"note-{note_id}").prompt)
        said = [str(o.prompt) for o in log.options if o.disabled]
        assert "ongedaan gemaakt" in said[-1]
    (note,) = AuditStore(data_dir).load_session_log(audit.id, sessions[2].id).notes
    assert note.text == "Kwaliteitshandboek is actueel #V1 @doc" and note.norms == ("V1",)


async def test_undo_twice_takes_back_two_new_notes_as_the_line_mode_does(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for text in ("Eerste nieuwe notitie", "Tweede nieuwe notitie"):
            await type_text(pilot, text)
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        log = AuditStore(data_dir).load_session_log(audit.id, sessions[2].id)
        live = [n.text for n in log.notes if not n.deleted]
        assert live == ["Kwaliteitshandboek is actueel #V1 @doc"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Er is niets om ongedaan te maken." in notification_texts(app)


async def test_an_interview_whose_file_became_unreadable_closes_with_a_warning(
    store, data_dir
) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[1].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        path = data_dir / "audits" / audit.id / "sessions" / f"{sessions[1].id}.json"
        path.write_text('{"meta": {"1": {"format": "interview-assi')
        screen.read_outside_changes()  # sets the file aside
        await pilot.pause()
        screen.read_outside_changes()  # the next read finds the session gone
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        texts = notification_texts(app)
        assert any("niet meer te lezen" in t for t in texts)
        assert any("apart gezet" in t for t in texts)
