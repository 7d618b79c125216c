"""Asked only when quitting would throw away text typed but not yet stored as a note."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from interview_assistant.messages import msg


class QuitScreen(ModalScreen[str | None]):
    """Dismissed with "save", "discard" or None (stay)."""

    CSS_PATH = "quit.tcss"
    AUTO_FOCUS = "#quit-save"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "stay", msg("tui.quit.stay"), id="quit.stay")
    ]

    def __init__(self, unsaved: str) -> None:
        super().__init__()
        self.unsaved = unsaved

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-dialog") as dialog:
            dialog.border_title = msg("tui.quit.title")
            yield Static(msg("tui.quit.body", text=self.unsaved), markup=False)
            with Horizontal(id="quit-buttons"):
                yield Button(msg("tui.quit.save"), id="quit-save", variant="primary")
                yield Button(msg("tui.quit.discard"), id="quit-discard", variant="error")
                yield Button(msg("tui.quit.stay"), id="quit-stay")

    @on(Button.Pressed, "#quit-save")
    def _save(self) -> None:
        self.dismiss("save")

    @on(Button.Pressed, "#quit-discard")
    def _discard(self) -> None:
        self.dismiss("discard")

    @on(Button.Pressed, "#quit-stay")
    def action_stay(self) -> None:
        self.dismiss(None)
