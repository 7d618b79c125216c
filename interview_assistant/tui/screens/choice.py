"""A short question with a few answers as buttons (leaving an interview, deleting a note).

Dismissed with the chosen answer, or None on Esc. The first answer has the focus, so
Enter takes it; Tab and the arrow keys move between them.
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

#: answer, button text, button variant
Answer = tuple[str, str, str]


class ChoiceScreen(ModalScreen[str | None]):
    CSS_PATH = "choice.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "stay", msg("keys.choice.stay"), id="choice.stay"),
        Binding("left", "app.focus_previous", show=False, system=True, id="choice.previous"),
        Binding("right", "app.focus_next", show=False, system=True, id="choice.next"),
    ]

    def __init__(self, title: str, body: str, answers: list[Answer]) -> None:
        super().__init__()
        self.heading = title
        self.body = body
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-dialog") as dialog:
            dialog.border_title = self.heading
            yield Static(self.body, markup=False)
            with Horizontal(id="quit-buttons"):
                for answer, label, variant in self.answers:
                    yield Button(label, name=answer, variant=variant)  # type: ignore[arg-type]
                yield Button(msg("keys.choice.stay"), id="choice-stay")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.name if event.button.id != "choice-stay" else None)

    def action_stay(self) -> None:
        self.dismiss(None)
