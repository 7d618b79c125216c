"""Asked before a note's text and every earlier version of it are removed for good.

Purging cannot be undone (not even with ^z), so the dialog shows the note, says what
goes and where, and has "Annuleren" focused: Enter or Escape keeps the note.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
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


class PurgeCommands(Provider):
    """The palette's way to the purge (Alt+X): "Notitie definitief wissen"."""

    @property
    def _purge(self) -> Callable[[], Awaitable[bool]]:
        return partial(self.app.run_action, "purge", self.screen)

    def _help(self) -> str:
        binding = next(
            (b for b in self.screen.BINDINGS if isinstance(b, Binding) and b.action == "purge"),
            None,
        )
        key = self.app.get_key_display(binding) if binding is not None else "alt+x"
        return msg("tui.palette.key_help", key=key)

    async def discover(self) -> Hits:
        yield DiscoveryHit(msg("purge.tui_key"), self._purge, help=self._help())

    async def search(self, query: str) -> Hits:
        title = msg("purge.tui_key")
        matcher = self.matcher(query)
        score = matcher.match(title)
        if score > 0:
            yield Hit(score, matcher.highlight(title), self._purge, text=title, help=self._help())
