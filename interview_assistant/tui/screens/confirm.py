"""A yes/no question that keeps the user's data safe: overwrite a file, leave unsaved text.

``j`` answers yes, ``n`` no, Esc goes back without doing either (the Dutch keyboard habit
of the line mode's ``[j/N]``); the buttons do the same for the mouse.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from interview_assistant.messages import msg


class ConfirmScreen(ModalScreen[bool | None]):
    """Dismissed with True (j), False (n) or None (Esc: neither)."""

    CSS_PATH = "confirm.tcss"
    AUTO_FOCUS = "#confirm-yes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "answer(True)", msg("confirm.yes_key"), id="confirm.yes"),
        Binding("n", "answer(False)", msg("confirm.no_key"), id="confirm.no"),
        Binding("escape", "answer(None)", msg("tui.key.back"), id="confirm.back"),
    ]

    def __init__(self, title: str, body: str, yes: str, no: str, back: str) -> None:
        super().__init__()
        self.question_title = title
        self.body = body
        self.labels = (yes, no, back)

    def compose(self) -> ComposeResult:
        yes, no, back = self.labels
        with Vertical(id="confirm-dialog") as dialog:
            dialog.border_title = self.question_title
            yield Static(self.body, markup=False, id="confirm-body")
            with Horizontal(id="confirm-buttons"):
                yield Button(yes, id="confirm-yes", variant="primary")
                yield Button(no, id="confirm-no", variant="error")
                yield Button(back, id="confirm-back")

    def action_answer(self, answer: bool | None) -> None:
        self.dismiss(answer)

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#confirm-back")
    def _back(self) -> None:
        self.dismiss(None)
