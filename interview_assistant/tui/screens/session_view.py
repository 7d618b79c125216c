"""One interview read back, read-only: who was heard, and every note in order with its
norms, evidence and kind, edits and deletions marked. Nothing here changes the session;
the dashboard's keys do that."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Session
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace, Refreshed
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.text import shown
from interview_assistant.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp


def note_line(note: Note, session: Session) -> Content:
    """'10:05 [knelpunt] teamleider: text  V2 @document (gewijzigd, 2 versies)', user text
    as typed; the speaker (by function) where the note is attributed to one partner."""
    tags = " ".join([*note.norms, *(f"@{e.value}" for e in note.evidence)])
    parts: list = [
        (f"{note.created:%H:%M} ", "$text-muted"),
        (f"[{msg('kind.' + note.kind.value)}] ", "$text-accent"),
    ]
    speaker = getattr(note, "speaker", None)  # per-note attribution, where recorded
    if isinstance(speaker, int) and 0 <= speaker < len(session.interviewees):
        parts.append((f"{shown(session.interviewees[speaker].function)}: ", "italic"))
    parts.append((shown(note.text), "strike $text-muted" if note.deleted else ""))
    parts.append((f"  {tags}", "bold"))
    if len(note.revisions) > 1:
        parts.append((msg("session_view.edited", count=len(note.revisions)), "$text-warning"))
    if note.deleted:
        parts.append((msg("session_view.deleted"), "$text-error"))
    return Content.assemble(*parts)


class SessionViewScreen(Screen[None]):
    CSS_PATH = "forms.tcss"
    COMMANDS: ClassVar = {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", msg("tui.key.back"), id="session_view.back"),
    ]

    app: InterviewAssistantApp

    def __init__(self, workspace: AuditWorkspace, session_id: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.session_id = session_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form-body"):
            yield Static("", id="view-header")
            yield Static("", id="view-notes")
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
        body = Content("\n").join(note_line(n, session) for n in notes) if notes else None
        self.query_one("#view-notes", Static).update(
            body or Content.assemble((msg("session_view.no_notes"), "$text-muted"))
        )

    def show_audit_changes(self, changes: Refreshed) -> None:
        if self.is_mounted and (self.session_id in changes.sessions or changes.audit):
            self.redraw()

    def action_back(self) -> None:
        self.dismiss(None)
