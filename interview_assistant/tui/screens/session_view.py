"""One interview read back, read-only: who was heard, and every note in order with its
norms, evidence and kinds, edits and deletions marked, drawn as the interview's own log
draws them. Opened from the dashboard's sessions tab and from a note search (with the
note found highlighted). Nothing here changes the session; the dashboard's keys do that."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace, Refreshed
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.text import shown
from interview_assistant.tui.widgets.key_bar import KeyBar
from interview_assistant.tui.widgets.notes_log import NotesLog

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp


class SessionViewScreen(Screen[None]):
    CSS_PATH = "session_view.tcss"
    COMMANDS: ClassVar = {ScreenCommands}
    AUTO_FOCUS = "#view-notes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", msg("tui.key.back"), id="session_view.back"),
    ]

    app: InterviewAssistantApp

    def __init__(
        self, workspace: AuditWorkspace, session_id: str, highlight: str | None = None
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.session_id = session_id
        #: the note to select and scroll to (the one a search found)
        self.highlight = highlight

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="view-header")
        yield NotesLog(id="view-notes")
        yield Static(msg("session_view.no_notes"), id="view-empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = msg("session_view.title")
        self.sub_title = shown(self.workspace.audit.organisation)
        self.redraw()

    def redraw(self) -> None:
        workspace = self.workspace
        with workspace.lock:
            log = workspace.logs.get(self.session_id) or workspace.removed_logs.get(self.session_id)
            if log is None:
                self.dismiss(None)
                return
            session = log.session
            notes = list(log.notes)
        state = (
            msg("session_view.running")
            if session.is_open
            else msg("session_view.ended", ended=f"{session.ended:%Y-%m-%d %H:%M}")
        )
        lines: list = [
            (
                msg(
                    "session_view.header",
                    kind=msg(f"session_kind.{session.kind.value}").capitalize(),
                    auditor=shown(session.auditor),
                    started=f"{session.started:%Y-%m-%d %H:%M}",
                    state=state,
                ),
                "bold",
            )
        ]
        for number, partner in enumerate(session.interviewees, start=1):
            label = shown(partner.label())
            lines += ["\n", msg("session_view.partner", label=f"{number}. {label}")]
        if session.location:
            lines += ["\n", msg("session_view.location", location=shown(session.location))]
        if session.deleted:
            lines += ["\n", (msg("session_view.removed_banner"), "bold $text-error")]
        self.query_one("#view-header", Static).update(Content.assemble(*lines))
        notes_log = self.query_one("#view-notes", NotesLog)
        selected = notes_log.selected_note_id if notes_log.option_count else self.highlight
        notes_log.set_speakers(
            tuple(i.function for i in session.interviewees), msg("roles.speaker.group_short")
        )
        notes_log.show_notes(notes)
        self.query_one("#view-empty", Static).display = not notes
        if selected is not None:
            notes_log.select_note(selected)
            notes_log.scroll_to_highlight(top=True)

    def show_audit_changes(self, changes: Refreshed) -> None:
        if self.is_mounted and (self.session_id in changes.sessions or changes.audit):
            self.redraw()

    def action_back(self) -> None:
        self.dismiss(None)
