"""The one modal question: each kind answers with the keys a user presses, Esc gives its
cancel answer, the arrow keys move between the buttons, and user text shows as typed."""

from __future__ import annotations

from datetime import datetime

from textual.app import App
from textual.widgets import Static

from interview_assistant.domain.note import Note
from interview_assistant.domain.tags import parse_note
from interview_assistant.tui.screens.choice import (
    Choice,
    ChoiceScreen,
    ConfirmDeleteScreen,
    ConfirmScreen,
    PurgeConfirmScreen,
    QuitScreen,
)
from norm_catalogue import load_catalogue


async def answer(make, *keys: str) -> tuple[str | None, str]:
    """What the dialog is dismissed with after ``keys``, and the button focused first."""
    answers: list[str | None] = []
    app: App[None] = App()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(make(), answers.append)
        await pilot.pause()
        first = str(app.focused.id if app.focused else None)
        await pilot.press(*keys)
        await pilot.pause()
        assert len(answers) == 1, f"{keys}: the dialog is still open"
        assert not isinstance(app.screen, ChoiceScreen)
    return answers[0], first


def confirm() -> ConfirmScreen:
    return ConfirmScreen(
        "Bestaat al", "rapport.md bestaat al", "Overschrijven", "Behouden", "Terug"
    )


async def test_the_yes_no_question_answers_to_j_n_esc_and_enter() -> None:
    assert await answer(confirm, "j") == ("yes", "confirm-yes")
    assert (await answer(confirm, "n"))[0] == "no"
    assert (await answer(confirm, "escape"))[0] == "back"
    assert (await answer(confirm, "enter"))[0] == "yes"
    assert (await answer(confirm, "right", "right", "enter"))[0] == "back"


async def test_quitting_with_unsaved_text_saves_by_default_and_esc_stays() -> None:
    assert await answer(lambda: QuitScreen("half getypt"), "enter") == ("save", "quit-save")
    assert (await answer(lambda: QuitScreen("half getypt"), "right", "enter"))[0] == "discard"
    assert (await answer(lambda: QuitScreen("half getypt"), "escape"))[0] == "stay"


async def test_the_purge_question_keeps_the_note_unless_confirm_is_chosen() -> None:
    parsed = parse_note("Weinig tijd voor intervisie #V6", load_catalogue().norm_ids)
    note = Note.create("n1", "s1", parsed, datetime(2026, 3, 2, 10, 4))
    assert await answer(lambda: PurgeConfirmScreen(note), "enter") == ("cancel", "purge-cancel")
    assert (await answer(lambda: PurgeConfirmScreen(note), "escape"))[0] == "cancel"
    assert (await answer(lambda: PurgeConfirmScreen(note), "left", "enter"))[0] == "confirm"


async def test_removing_a_session_says_no_by_default() -> None:
    assert await answer(lambda: ConfirmDeleteScreen("P 10:00", 2), "enter") == ("no", "delete-no")
    assert (await answer(lambda: ConfirmDeleteScreen("P 10:00", 2), "escape"))[0] == "no"
    assert (await answer(lambda: ConfirmDeleteScreen("P 10:00", 0), "left", "enter"))[0] == "yes"


async def test_a_plain_choice_takes_the_focused_answer_and_esc_the_cancel_one() -> None:
    def leave() -> ChoiceScreen:
        choices = [Choice("later", "Later verder", "primary"), Choice("end", "Beëindigen")]
        return ChoiceScreen("Verlaten", "Wat nu?", [*choices, Choice("stay", "Blijven")])

    assert await answer(leave, "enter") == ("later", "choice-later")
    assert (await answer(leave, "right", "enter"))[0] == "end"
    assert (await answer(leave, "escape"))[0] == "stay"


async def test_user_text_in_a_question_is_shown_as_typed_never_as_markup_or_control() -> None:
    label = "Gesprek [b]Jan[/b] \x1b]0;titel\x07"
    app: App[None] = App()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ConfirmDeleteScreen(label, 1))
        await pilot.pause()
        heading = str(app.screen.query_one(".choice-heading", Static).render())
        body = str(app.screen.query_one("#delete-body", Static).render())
    assert "[b]Jan[/b]" in heading
    assert "\x1b" not in heading and "\x07" not in heading
    assert "1 notitie" in body
