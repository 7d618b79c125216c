"""Asked before a note's text and every earlier version of it are removed for good.

Purging cannot be undone (not even with ^z), so the dialog shows the note, says what
goes and where, and has "Annuleren" focused: Enter or Escape keeps the note.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from interview_assistant.domain.note import Note
from interview_assistant.messages import msg


class PurgeConfirmScreen(ModalScreen[bool]):
    """Dismissed with True (purge) or False (keep the note)."""

    CSS_PATH = "purge_confirm.tcss"
    AUTO_FOCUS = "#purge-cancel"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", msg("purge.tui_cancel"), id="purge_confirm.cancel"),
    ]

    def __init__(self, note: Note) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        note = self.note
        deleted = msg("purge.tui_deleted") if note.deleted else ""
        body = msg("purge.tui_body", time=f"{note.created:%H:%M}", deleted=deleted, text=note.text)
        with Vertical(id="purge-dialog") as dialog:
            dialog.border_title = msg("purge.tui_title")
            yield Static(body, id="purge-body", markup=False)
            with Horizontal(id="purge-buttons"):
                yield Button(msg("purge.tui_confirm"), id="purge-confirm", variant="error")
                yield Button(msg("purge.tui_cancel"), id="purge-cancel", variant="primary")

    @on(Button.Pressed, "#purge-confirm")
    def _confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#purge-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
