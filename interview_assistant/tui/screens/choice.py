"""The one modal question of the TUI: a title, an optional heading, the question, and a
row of answers as buttons.

Dismissed with the id of the chosen answer; Esc chooses the answer given as ``cancel``.
The answer named by ``focus`` (else the first) has the focus, so Enter takes it; Tab and
the arrow keys move between them. The specific questions below are thin subclasses that
name their answers and declare their own keys (with the ids the keymap file uses).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from interview_assistant.domain.note import Note
from interview_assistant.messages import msg
from interview_assistant.services.interview_summary import notes_label
from interview_assistant.tui.text import plain


class Choice(NamedTuple):
    """One answer: its id (what the screen is dismissed with), button text and variant."""

    id: str
    label: str
    variant: ButtonVariant = "default"


class ChoiceScreen(ModalScreen[str]):
    CSS_PATH = "choice.tcss"
    AUTO_FOCUS = ".focus-first"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", msg("keys.choice.stay"), id="choice.stay"),
        Binding("left", "app.focus_previous", show=False, system=True, id="choice.previous"),
        Binding("right", "app.focus_next", show=False, system=True, id="choice.next"),
    ]

    def __init__(
        self,
        title: str,
        body: str,
        choices: Sequence[Choice],
        *,
        cancel: str = "stay",
        focus: str | None = None,
        heading: str = "",
        prefix: str = "choice",
        tone: str = "",
    ) -> None:
        """``prefix`` names the widgets (``{prefix}-body``, ``{prefix}-{choice id}``);
        ``tone`` is a style class of the dialog (``error``, ``session``)."""
        super().__init__()
        self.question_title = title
        self.body = body
        self.choices = list(choices)
        self.cancel = cancel
        self.focus_id = focus or self.choices[0].id
        self.heading = heading
        self.prefix = prefix
        self.tone = tone

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-dialog", classes=self.tone) as dialog:
            dialog.border_title = self.question_title
            if self.heading:
                yield Static(plain(self.heading), classes="choice-heading")
            yield Static(plain(self.body), id=f"{self.prefix}-body")
            with Horizontal(id="choice-buttons"):
                for choice in self.choices:
                    yield Button(
                        choice.label,
                        id=f"{self.prefix}-{choice.id}",
                        name=choice.id,
                        variant=choice.variant,
                        classes="focus-first" if choice.id == self.focus_id else "",
                    )

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(event.button.name or self.cancel)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    def action_cancel(self) -> None:
        self.dismiss(self.cancel)


class ConfirmScreen(ChoiceScreen):
    """A yes/no question that keeps the user's data safe: overwrite a file, leave unsaved
    text. ``j`` answers "yes", ``n`` "no", Esc "back" (neither; the Dutch keyboard habit of
    the line mode's ``[j/N]``); the buttons do the same for the mouse."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "choose('yes')", msg("confirm.yes_key"), id="confirm.yes"),
        Binding("n", "choose('no')", msg("confirm.no_key"), id="confirm.no"),
        Binding("escape", "cancel", msg("tui.key.back"), id="confirm.back"),
    ]

    def __init__(self, title: str, body: str, yes: str, no: str, back: str) -> None:
        choices = [Choice("yes", yes, "primary"), Choice("no", no, "error"), Choice("back", back)]
        super().__init__(title, body, choices, cancel="back", prefix="confirm")


class QuitScreen(ChoiceScreen):
    """Asked only when quitting would throw away text typed but not yet stored as a note:
    "save", "discard" or "stay"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", msg("tui.quit.stay"), id="quit.stay")
    ]

    def __init__(self, unsaved: str) -> None:
        choices = [
            Choice("save", msg("tui.quit.save"), "primary"),
            Choice("discard", msg("tui.quit.discard"), "error"),
            Choice("stay", msg("tui.quit.stay")),
        ]
        body = msg("tui.quit.body", text=unsaved)
        super().__init__(msg("tui.quit.title"), body, choices, prefix="quit")


class PurgeConfirmScreen(ChoiceScreen):
    """Asked before a note's text and every earlier version of it are removed for good:
    "confirm" or "cancel". Purging cannot be undone (not even with ^z), so the dialog shows
    the note, says what goes and where, and has "Annuleren" focused: Enter or Esc keeps it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", msg("purge.tui_cancel"), id="purge_confirm.cancel"),
    ]

    def __init__(self, note: Note) -> None:
        deleted = msg("purge.tui_deleted") if note.deleted else ""
        body = msg("purge.tui_body", time=f"{note.created:%H:%M}", deleted=deleted, text=note.text)
        choices = [
            Choice("confirm", msg("purge.tui_confirm"), "error"),
            Choice("cancel", msg("purge.tui_cancel"), "primary"),
        ]
        super().__init__(
            msg("purge.tui_title"),
            body,
            choices,
            cancel="cancel",
            focus="cancel",
            prefix="purge",
            tone="error",
        )


class ConfirmDeleteScreen(ChoiceScreen):
    """Removing a session: for good when it has no notes, else reversibly; "yes" or "no"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", msg("session_tui.no"), id="delete_session.no"),
    ]

    def __init__(self, label: str, notes: int) -> None:
        question = (
            msg("session_tui.confirm_delete", notes=notes_label(notes))
            if notes
            else msg("session_tui.confirm_delete_empty")
        )
        choices = [
            Choice("yes", msg("session_tui.yes_delete"), "error"),
            Choice("no", msg("session_tui.no")),
        ]
        super().__init__(
            msg("session_tui.key.delete"),
            question,
            choices,
            cancel="no",
            focus="no",
            heading=label,
            prefix="delete",
            tone="session",
        )
