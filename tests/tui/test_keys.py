"""Every action without F-keys: the Ctrl keys, the palette, Esc, and deleting a note safely.

The keys are pressed as a user would on a Mac or in GNOME Terminal (no F-keys); the
effect is checked on screen and on disk.
"""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen
from tui_support import build_demo_like_audit, settle, type_text

from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.keys import bindable_classes
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.screens.assessment import AssessmentScreen
from interview_assistant.tui.screens.choice import ChoiceScreen
from interview_assistant.tui.screens.dashboard import DashboardScreen
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.screens.session_dialogs import SummaryScreen
from interview_assistant.tui.widgets.guide_panel import GuidePanel
from interview_assistant.tui.widgets.key_bar import BarKey, KeyBar
from interview_assistant.tui.widgets.notes_log import NotesLog

#: keys the input widgets use for editing text, the terminal's tab key and Enter, tmux
EDITING_KEYS = {f"ctrl+{c}" for c in "aekuwdhxcvbim"} | {"ctrl+left", "ctrl+right"}


#: F-key bindings kept as extras, with their other routes
REACHED_OTHERWISE = {
    "app.help": "the palette's Hulp on every screen",
    "interview.end": "^y, then Gesprek beëindigen; and the palette",
}


def our_bindings() -> list[tuple[str, Binding]]:
    found = []
    for cls in bindable_classes():
        for binding in cls.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding), f"{cls.__name__}: a binding without an id"
            found.append((cls.__name__, binding))
    return found


def test_every_binding_has_an_id_and_a_key_that_is_no_f_key() -> None:
    ids = set()
    for owner, binding in our_bindings():
        assert binding.id, f"{owner}: {binding.key} has no id (the keymap file needs one)"
        assert binding.id not in ids, f"{binding.id} used twice"
        ids.add(binding.id)
        keys = [k.strip() for k in binding.key.split(",")]
        if binding.id in REACHED_OTHERWISE:
            assert binding.description and not binding.system, "so it is in the palette"
            continue
        assert any(not (k.startswith("f") and k[1:].isdigit()) for k in keys), (
            f"{binding.id}: only F-keys ({binding.key})"
        )


#: editing keys on screens that have no text field to edit
NO_TEXT_FIELD = {"privacy_review.open": "the privacy list is a list only"}


def test_no_binding_sits_on_a_key_used_for_editing_text() -> None:
    for _, binding in our_bindings():
        if binding.id in NO_TEXT_FIELD:
            continue
        keys = {k.strip() for k in binding.key.split(",")}
        assert not keys & EDITING_KEYS, f"{binding.id} uses {keys & EDITING_KEYS}"


def test_every_full_screen_offers_its_keys_in_the_palette() -> None:
    screens = [c for c in bindable_classes() if issubclass(c, Screen)]
    assert len(screens) >= 10
    for cls in screens:
        if not issubclass(cls, ModalScreen):
            assert ScreenCommands in cls.COMMANDS, cls.__name__


def notes_of(data_dir: Path, audit_id: str, session_id: str) -> list:
    """The live notes on disk, read as another process would."""
    return AuditWorkspace(AuditStore(data_dir), audit_id).notes(session_id)


def said(screen: InterviewScreen) -> list[str]:
    return [str(o.prompt) for o in screen.query_one(NotesLog).options if o.disabled]


async def palette(pilot, words: str) -> None:
    await pilot.press("ctrl+p")
    await type_text(pilot, words)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_interview_without_f_keys(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    session = sessions[0]  # a P interview, five notes, resumed at V6
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        guide = screen.query_one(GuidePanel)
        start = guide.border_title
        await pilot.press("ctrl+l")
        assert guide.border_title != start, "^l: the next norm"
        await pilot.press("ctrl+j")
        assert guide.border_title == start, "^j: back to the previous one"
        await pilot.press("ctrl+g")
        assert guide.border_title != start, "^g: the biggest gap"
        bar = {k.key_display for k in screen.query_one(KeyBar).query(BarKey)}
        assert {"^j", "^l", "^g", "^r", "^z", "^y"} <= bar
        assert not {k for k in bar if k.startswith("f") and k[1:].isdigit()} - {"f1"}

        # ^r edits the chosen note; Esc ends the edit, a second Esc stays in the interview
        await pilot.press("ctrl+r")
        assert screen.composer.editing is not None
        await pilot.press("escape")
        assert screen.composer.editing is None
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert any("^y" in n.message for n in app._notifications)

        # Backspace in the input line edits text; in the notes it deletes the chosen note
        await pilot.press("backspace")  # nothing to edit: says how to delete a note
        assert any("Tab naar de notities" in n.message for n in app._notifications)
        await type_text(pilot, "ab")
        await pilot.press("backspace")
        assert screen.composer.value == "a"
        assert len(notes_of(data_dir, audit.id, session.id)) == 5
        await pilot.press("backspace", "tab")
        assert screen.query_one(NotesLog).has_focus
        await pilot.press("up", "backspace")  # the one before the last
        await pilot.pause()
        left = [n.text for n in notes_of(data_dir, audit.id, session.id)]
        assert (
            len(left) == 4
            and "Casusoverleg elke week, verslagen in het dossier #V5 @reg" not in left
        )
        await pilot.press("ctrl+z")  # undo stays
        await pilot.pause()
        assert len(notes_of(data_dir, audit.id, session.id)) == 5
        await pilot.press("x")  # typing in the notes goes on in the input line
        assert screen.composer.input.has_focus and screen.composer.value == "x"
        await pilot.press("backspace")

        # ^y asks: go on later, or end the interview
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        assert app.screen is screen, "Esc in the question: stay"
        await pilot.press("ctrl+y")
        await pilot.pause()
        await pilot.press("right", "enter")  # "Gesprek beëindigen"
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)  # what the interview brought
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert AuditWorkspace(AuditStore(data_dir), audit.id).session(session.id).ended is not None


async def test_the_palette_reaches_every_interview_action(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    session = sessions[0]
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        guide = screen.query_one(GuidePanel)
        start = guide.border_title
        await palette(pilot, "volgende norm")
        assert guide.border_title != start
        await palette(pilot, "vorige norm")
        assert guide.border_title == start
        await palette(pilot, "grootste gat")
        assert guide.border_title != start
        await palette(pilot, "notitie wijzigen")
        assert screen.composer.editing is not None
        await pilot.press("escape")

        # deleting from the palette asks first
        await palette(pilot, "notitie verwijderen")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert len(notes_of(data_dir, audit.id, session.id)) == 5
        await palette(pilot, "notitie verwijderen")
        await pilot.press("enter")
        await settle(pilot)
        left = [n.text for n in notes_of(data_dir, audit.id, session.id)]
        assert len(left) == 4 and "Te weinig tijd voor intervisie #V6 !knelpunt" not in left
        assert any("verwijderd" in line for line in said(screen))

        await palette(pilot, "hulp")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await palette(pilot, "gesprek beëindigen")
        assert isinstance(app.screen, SummaryScreen)
    assert AuditWorkspace(AuditStore(data_dir), audit.id).session(session.id).ended is not None


async def test_escape_with_the_completion_list_open_only_closes_it(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await pilot.press(*"zie #V1")
        assert screen.composer.menu.is_open
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert app.screen is screen and screen.composer.value == "zie #V1"
        assert not screen.composer.menu.is_open


async def test_after_a_bad_tag_backspace_takes_off_one_character(store, data_dir) -> None:
    audit, sessions = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id, sessions[2].id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await type_text(pilot, "Vertelt over #V99 en de wijk")
        await pilot.press("enter")
        await pilot.pause()
        assert "#V99" in str(screen.query_one("#note-error").render())
        await pilot.press("backspace")
        assert screen.composer.value == "Vertelt over #V9 en de wijk"
        await pilot.press("enter")
        await pilot.pause()
        assert "Vertelt over #V9 en de wijk" in [
            n.text for n in notes_of(data_dir, audit.id, sessions[2].id)
        ]


async def test_the_assessment_walks_with_ctrl_keys(store, data_dir) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        first = screen.norm_id
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert screen.norm_id != first
        await pilot.press("ctrl+j")
        await settle(pilot)
        assert screen.norm_id == first
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert screen.norm_id != first or screen.review.next_unassessed(first) == first


async def test_the_palette_and_help_without_f_keys(store, data_dir: Path) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")  # where no text is typed: ? opens the help
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        app.open_audit(audit.id)
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
