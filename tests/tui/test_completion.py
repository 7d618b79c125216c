"""Tag completion: what is offered while typing, and that the keyboard alone can use it."""

from __future__ import annotations

from textual import events
from textual.command import CommandList
from textual.content import Content
from tui_support import MONDAY, build_audit, build_demo_like_audit, build_session, settle, type_text

from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.widgets.note_composer import CompletionMenu


async def test_completion_menu_works_from_the_keyboard(store, data_dir) -> None:
    audit = build_audit(store)
    session = build_session(store, audit.id, "5e5510000001", "Anna", (("werker", ("P",)),), MONDAY)
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        menu = screen.query_one(CompletionMenu)
        await pilot.press(*"Zie #v1")
        assert menu.is_open
        assert [c.replacement for c in menu.candidates][:2] == ["#V1", "#V10"]
        await pilot.press("down", "tab")
        assert screen.composer.value == "Zie #V10 "
        assert not menu.is_open
        await pilot.press(*"@do")
        await pilot.press("escape")  # closes the menu, keeps the text and the screen
        assert not menu.is_open and isinstance(app.screen, InterviewScreen)
        await pilot.press("c", "enter")  # '@doc' is complete: Enter stores the note
        await pilot.pause()
        notes = AuditWorkspace(store.__class__(data_dir), audit.id).notes(session.id)
        assert [(n.text, n.norms, [e.value for e in n.evidence]) for n in notes] == [
            ("Zie #V10 @doc", ("V10",), ["document"])
        ]


async def test_escape_with_the_menu_open_while_editing_only_closes_the_menu(
    store, data_dir
) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        menu = screen.query_one(CompletionMenu)
        await pilot.press("ctrl+r")
        edited = screen.composer.editing
        assert edited is not None
        await pilot.press("end", "space", *"!kn")
        assert menu.is_open
        await pilot.press("escape")
        assert not menu.is_open
        assert screen.composer.editing == edited, "still editing the same note"
        assert screen.composer.value.endswith(" !kn")
        await pilot.press("escape")  # no menu now: Esc cancels the edit
        assert screen.composer.editing is None
        assert isinstance(app.screen, InterviewScreen)


async def test_a_norm_found_by_a_word_shows_and_marks_that_word(store, data_dir) -> None:
    audit = build_audit(store)
    session = build_session(store, audit.id, "5e5510000001", "Anna", (("werker", ("P",)),), MONDAY)
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        menu = app.screen.query_one(CompletionMenu)
        await pilot.press(*"#klachten")
        assert [c.replacement for c in menu.candidates] == ["#O17"]
        line = menu.get_option_at_index(0).prompt
        assert isinstance(line, Content)
        assert "klachten" in line.plain, "the word is beyond the norm's first words"
        marked = [line.plain[s.start : s.end] for s in line.spans if "underline" in str(s.style)]
        assert marked == ["klachten"]
        await pilot.press("enter")  # not a valid tag yet: Enter takes the suggestion
        assert app.screen.composer.value == "#O17 "


async def test_the_palette_marks_the_matched_words(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[0].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "klachten")
        await pilot.pause(0.3)
        (command_list,) = app.screen.query(CommandList)
        prompt = command_list.get_option_at_index(0).prompt
        assert isinstance(prompt, Content)
        assert prompt.plain.startswith("O17  … ")
        first_line = prompt.plain.split("\n")[0]
        marked = [prompt.plain[s.start : s.end] for s in prompt.spans if s.end <= len(first_line)]
        assert marked == ["klachten"]


async def test_tab_then_quick_typing_completes_before_the_typed_letters(store, data_dir) -> None:
    audit = build_audit(store)
    session = build_session(store, audit.id, "5e5510000001", "Anna", (("werker", ("P",)),), MONDAY)
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"Zag @re")
        assert app.screen.query_one(CompletionMenu).is_open
        # a fast typist (or a terminal delivering a burst): no pause between the keys
        for key, character in [("tab", "\t"), ("x", "x"), ("y", "y")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert app.screen.composer.value == "Zag @registratie xy"


async def test_a_click_on_a_suggestion_takes_it(store, data_dir) -> None:
    audit = build_audit(store)
    session = build_session(store, audit.id, "5e5510000001", "Anna", (("werker", ("P",)),), MONDAY)
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        menu = app.screen.query_one(CompletionMenu)
        await pilot.press(*"Zie #d1")
        assert [c.replacement for c in menu.candidates] == ["#D1", "#D10", "#D11"]
        await pilot.click(menu, offset=(3, 2))  # the second line, inside the border
        await pilot.pause()
        assert app.screen.composer.value == "Zie #D10 "
        assert not menu.is_open and app.focused is app.screen.composer.input
