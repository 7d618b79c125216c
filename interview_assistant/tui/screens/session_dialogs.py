"""Small dialogs around sessions: who audits on this computer, the summary when an
interview ends and choosing a removed session to restore (confirming a removal is a
question in choice.py)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.session import Session
from interview_assistant.messages import msg
from interview_assistant.services.identity import current_auditor, set_current_auditor
from interview_assistant.services.interview_summary import (
    InterviewSummary,
    notes_label,
    summary_lines,
)
from interview_assistant.tui.text import plain


class IdentityScreen(ModalScreen[str | None]):
    """Asks the name of this computer's auditor and stores it; dismissed with the name
    (None when cancelled)."""

    CSS_PATH = "session_dialogs.tcss"
    AUTO_FOCUS = "#identity-name"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", msg("tui.key.cancel"), id="identity.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="session-dialog") as dialog:
            dialog.border_title = msg("session_tui.identity_title")
            yield Static(msg("session_tui.identity_intro"), markup=False)
            yield Input(current_auditor(), id="identity-name")
            yield Static("", id="identity-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(msg("session_tui.save"), id="identity-save", variant="primary")
                yield Button(msg("tui.key.cancel"), id="identity-cancel")

    @on(Input.Submitted, "#identity-name")
    @on(Button.Pressed, "#identity-save")
    def _save(self) -> None:
        try:
            name = set_current_auditor(self.query_one("#identity-name", Input).value)
        except (DomainError, OSError) as exc:
            self.query_one("#identity-error", Static).update(plain(str(exc)))
            return
        self.app.notify(msg("session_tui.identity_saved", name=name))
        self.dismiss(name)

    @on(Button.Pressed, "#identity-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class SummaryScreen(ModalScreen[None]):
    """What the interview that just ended brought, and what is still missing."""

    CSS_PATH = "session_dialogs.tcss"
    AUTO_FOCUS = "#summary-close"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", msg("summary.close"), id="summary.close"),
    ]

    def __init__(self, summary: InterviewSummary, title: str) -> None:
        super().__init__()
        self.summary = summary
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="session-dialog", id="summary-dialog") as dialog:
            dialog.border_title = msg("summary.title")
            yield Static(plain(self.title_text), classes="dialog-heading")
            yield Static(plain("\n".join(summary_lines(self.summary))), id="summary-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(msg("summary.close"), id="summary-close", variant="primary")

    @on(Button.Pressed, "#summary-close")
    def action_close(self) -> None:
        self.dismiss(None)


class RestoreScreen(ModalScreen[str | None]):
    """Choose a removed session to bring back; dismissed with its id (None: cancelled)."""

    CSS_PATH = "session_dialogs.tcss"
    AUTO_FOCUS = "#restore-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", msg("tui.key.cancel"), id="restore_session.cancel"),
    ]

    def __init__(self, sessions: list[tuple[Session, int]]) -> None:
        super().__init__()
        self.sessions = sessions

    def compose(self) -> ComposeResult:
        options = [
            Option(
                plain(
                    msg(
                        "session_tui.restore_option",
                        started=f"{s.started:%Y-%m-%d %H:%M}",
                        kind=msg(f"session_kind.{s.kind.value}"),
                        auditor=s.auditor,
                        partners="; ".join(i.label() for i in s.interviewees) or "-",
                        notes=notes_label(notes),
                    )
                ),
                id=s.id,
            )
            for s, notes in self.sessions
        ]
        with Vertical(classes="session-dialog") as dialog:
            dialog.border_title = msg("session_tui.restore_title")
            yield OptionList(*options, id="restore-list")
            with Horizontal(classes="dialog-buttons"):
                yield Button(msg("tui.key.cancel"), id="restore-cancel")

    @on(OptionList.OptionSelected, "#restore-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    @on(Button.Pressed, "#restore-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
