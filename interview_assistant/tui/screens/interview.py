"""The interview itself: a chat log of notes, the guide for the current norm, the input line.

The screen renders an :class:`InterviewSession` (the walk, undo, the note being edited,
the assistant's replies live there, shared with the line mode) and feeds it keys and
text. Every change is stored before it is shown, so what the auditor sees in the log is
on disk. The assistant's lines are written to the log only, never stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, OptionList

from interview_assistant.domain.coverage import NormCoverage
from interview_assistant.domain.errors import DomainError, describe_os_error
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Session
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace, Refreshed
from interview_assistant.services.interview import (
    InterviewSession,
    NoNote,
    NoteIsDeleted,
    OutsideChanges,
    Undone,
)
from interview_assistant.tui.memory import keep_out_of_gc
from interview_assistant.tui.norm_commands import NormChosen, NormProvider
from interview_assistant.tui.widgets.coverage_strip import CoverageStrip
from interview_assistant.tui.widgets.guide_panel import GuidePanel, GuideView
from interview_assistant.tui.widgets.key_bar import KeyBar
from interview_assistant.tui.widgets.note_composer import NoteComposer
from interview_assistant.tui.widgets.notes_log import NotesLog
from norm_catalogue import Catalogue

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp


def _time(note: Note) -> str:
    return f"{note.created:%H:%M}"


class InterviewScreen(Screen[None]):
    CSS_PATH = "interview.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {NormProvider}
    AUTO_FOCUS = "#note-input"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "walk(-1)", msg("tui.key.prev_norm"), id="interview.prev_norm"),
        Binding("f3", "walk(1)", msg("tui.key.next_norm"), id="interview.next_norm"),
        Binding("f4", "next_gap", msg("tui.key.next_gap"), id="interview.next_gap"),
        Binding(
            "up",
            "select_note(-1)",
            msg("tui.key.select_note"),
            key_display="↑↓",
            id="interview.select_up",
        ),
        Binding(
            "down",
            "select_note(1)",
            msg("tui.key.select_note"),
            show=False,
            id="interview.select_down",
        ),
        Binding("ctrl+e", "edit", msg("tui.key.edit"), id="interview.edit", priority=True),
        Binding("ctrl+d", "delete", msg("tui.key.delete"), id="interview.delete", priority=True),
        Binding("ctrl+z", "undo", msg("tui.key.undo"), id="interview.undo", priority=True),
        Binding("f10", "end_session", msg("tui.key.end"), id="interview.end"),
        Binding("escape", "back", msg("tui.key.back"), id="interview.back"),
    ]

    app: InterviewAssistantApp

    def __init__(self, workspace: AuditWorkspace, session_id: str, fresh: bool = False) -> None:
        super().__init__()
        self.workspace = workspace
        self.interview = InterviewSession(workspace, session_id, fresh=fresh)
        self.session_id = self.interview.session_id
        self._draft_before_edit = ""
        #: coverage of this interview's norms, updated per note for the strip
        self._coverages: dict[str, NormCoverage] = {}

    @property
    def catalogue(self) -> Catalogue:
        return self.workspace.catalogue

    @property
    def session(self) -> Session:
        return self.interview.session

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="body"):
            with Vertical(id="side"):
                yield GuidePanel(id="guide")
                yield CoverageStrip(id="strip")
            with Vertical(id="chat"):
                yield NotesLog(id="notes-log")
                yield NoteComposer(self.catalogue, id="composer")
        yield KeyBar()

    @property
    def log_view(self) -> NotesLog:
        return self.query_one("#notes-log", NotesLog)

    @property
    def composer(self) -> NoteComposer:
        return self.query_one("#composer", NoteComposer)

    def on_mount(self) -> None:
        session = self.session
        interviewees = "; ".join(i.label() for i in session.interviewees) or "-"
        self.title = msg("tui.interview.title", interviewees=interviewees)
        self.sub_title = msg(
            "tui.interview.subtitle",
            kind=msg(f"session_kind.{session.kind.value}"),
            auditor=session.auditor,
            organisation=self.workspace.audit.organisation,
        )
        self.log_view.show_notes(self.interview.notes(include_deleted=True))
        live = len(self.interview.notes())
        norm = self.interview.current
        if not session.roles:
            self.log_view.say(msg("tui.interview.no_norms"))
        if live:
            self.log_view.say(msg("tui.interview.resume", notes=live, norm=norm))
        else:
            count = len(self.interview.norms)
            self.log_view.say(
                msg("tui.interview.start", interviewees=interviewees, count=count, norm=norm)
            )
        self._show_norm()
        draft = self.app.drafts.pop(self.session_id, "")
        if draft:
            self.composer.set_text(draft)
        keep_out_of_gc()  # the session's notes are now built; keep GC pauses off the keys
        self.app.mark_ready()

    # -- the guide -----------------------------------------------------------------------------

    def _draw_guide(self) -> None:
        interview = self.interview
        norm = interview.norm
        self.query_one("#guide", GuidePanel).show(
            GuideView(
                norm=norm,
                section_name=self.catalogue.section(norm.section).name,
                position=interview.position(),
                questions=interview.questions(),
                coverage=interview.coverage(),
            )
        )
        self.composer.set_target(msg("tui.composer.target", norm=interview.current))

    def _draw_strip(self, changed: tuple[str, ...] | None = None) -> None:
        """Redraw the strip; ``changed`` limits the recount to the norms a note touched."""
        for norm in self.interview.norms:
            if changed is None or norm.id in changed or norm.id not in self._coverages:
                self._coverages[norm.id] = self.interview.coverage(norm.id)
        strip = self.query_one("#strip", CoverageStrip)
        strip.show(self._coverages.values(), self.interview.current)

    def _show_norm(self) -> None:
        """Show the current norm in the guide and let the assistant ask its question."""
        self._draw_guide()
        self._draw_strip()
        questions = self.interview.questions()
        question = questions[0] if questions else msg("tui.interview.no_question")
        self.log_view.say(msg("guide.question", norm=self.interview.current, question=question))
        self.log_view.say(self.interview.status())

    def _move(self, move: Callable[[], bool | None], refused: str = "") -> None:
        """Walk (the service stores the new norm first); say why if it cannot."""
        try:
            moved = move()
        except (DomainError, OSError) as exc:
            self._error(exc)
            return
        if moved is False:
            self.notify(msg(refused))
            return
        self._show_norm()

    def _error(self, exc: Exception) -> None:
        text = (
            msg("store.write_failed", reason=describe_os_error(exc))
            if isinstance(exc, OSError)
            else str(exc)
        )
        self.notify(text, title=msg("tui.notify.error_title"), severity="error")

    # -- notes ---------------------------------------------------------------------------------

    @on(NoteComposer.Submitted)
    def _store_note(self, event: NoteComposer.Submitted) -> None:
        event.stop()
        self.save_note(event.text, event.note_id)

    def save_note(self, text: str, note_id: str | None = None) -> bool:
        """Store (or edit) a note; on failure show why and keep the text. True if stored."""
        before = self.interview.note(note_id).norms if note_id else ()
        note: Note | None
        try:
            if note_id is None:
                note = self.interview.add(text)
            else:
                note = self.interview.finish_edit(text, note_id)
        except DomainError as exc:
            self.composer.show_error(str(exc), getattr(exc, "tag", ""))
            return False
        except OSError as exc:
            self.composer.show_error(msg("store.write_failed", reason=describe_os_error(exc)))
            return False
        self.composer.accepted()
        if note_id is not None:
            self._restore_draft()
        if note is None:  # an edit that changed nothing
            return True
        if note_id is None:
            self.log_view.add_note(note)
            self.log_view.say(self.interview.reply_to(note))
            self._redraw_coverage(note.norms)
        else:
            self._redraw_note(note, before)
            edited = msg("tui.interview.edited", time=_time(note))
            self.log_view.say(f"{edited} {self.interview.status_of(note)}".strip())
        return True

    def _redraw_note(self, note: Note, before: tuple[str, ...] = ()) -> None:
        self.log_view.replace_note(note)
        self.log_view.select_note(note.id)
        self._redraw_coverage((*before, *note.norms))

    def _redraw_coverage(self, norms: tuple[str, ...]) -> None:
        self._draw_guide()
        self._draw_strip(changed=norms)

    def _restore_draft(self) -> None:
        if self._draft_before_edit:
            self.composer.set_text(self._draft_before_edit)
            self._draft_before_edit = ""

    def action_edit(self) -> None:
        try:
            note = self.interview.begin_edit(self.log_view.selected_note_id)
        except NoNote:
            self.notify(msg("tui.interview.nothing_to_edit"))
            return
        except NoteIsDeleted:
            self.notify(msg("tui.interview.restore_first"), severity="warning")
            return
        if self.composer.editing is None:
            self._draft_before_edit = self.composer.value
        self.composer.start_edit(note.id, note.text, msg("tui.composer.editing", time=_time(note)))

    @on(NoteComposer.EditCancelled)
    def _edit_cancelled(self, event: NoteComposer.EditCancelled) -> None:
        event.stop()
        self.interview.cancel_edit()
        self._restore_draft()

    def action_delete(self) -> None:
        try:
            note = self.interview.delete(self.log_view.selected_note_id)
        except NoNote:
            self.notify(msg("tui.interview.nothing_to_edit"))
            return
        except NoteIsDeleted:
            self.app.bell()
            return
        except (DomainError, OSError) as exc:
            self._error(exc)
            return
        self._redraw_note(note)
        self.log_view.say(msg("tui.interview.deleted", time=_time(note)))

    def action_undo(self) -> None:
        try:
            undone, note = self.interview.undo(self.log_view.selected_note_id)
        except NoNote:
            self.notify(msg("tui.interview.nothing_to_undo"))
            return
        except (DomainError, OSError) as exc:
            self._error(exc)
            return
        self._redraw_note(note, note.revisions[-2].norms if undone is Undone.EDIT else ())
        self.log_view.say(msg(f"tui.interview.undone.{undone.value}", time=_time(note)))

    def action_select_note(self, step: int) -> None:
        if step < 0:
            self.log_view.action_cursor_up()
        else:
            self.log_view.action_cursor_down()

    @on(OptionList.OptionSelected, "#notes-log")
    def _note_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    # -- walking ---------------------------------------------------------------------------------

    def action_walk(self, step: int) -> None:
        refused = "tui.interview.first_norm" if step < 0 else "tui.interview.last_norm"
        self._move(lambda: self.interview.step(step), refused)

    def action_next_gap(self) -> None:
        self._move(self.interview.go_to_gap, "guide.no_gap")

    @on(NormChosen)
    def _jump(self, event: NormChosen) -> None:
        self._move(lambda: self.interview.go_to(event.norm_id))
        self.composer.input.focus()

    # -- leaving ---------------------------------------------------------------------------------

    @property
    def unsaved_text(self) -> str:
        return self.composer.value.strip()

    def save_unsent(self) -> bool:
        """Store what is in the input line (asked for when quitting); True if stored."""
        return self.save_note(self.composer.value, self.composer.editing)

    def action_end_session(self) -> None:
        if self.unsaved_text:
            self.composer.show_error(msg("tui.interview.unsaved_before_end"))
            return
        try:
            self.interview.end()
        except (DomainError, OSError) as exc:
            self._error(exc)
            return
        count = len(self.interview.notes())
        self.app.drafts.pop(self.session_id, None)
        self.app.notify(msg("tui.notify.session_ended", count=count))
        self.dismiss(None)

    def action_back(self) -> None:
        if self.composer.editing is None and self.composer.value:
            self.app.drafts[self.session_id] = self.composer.value
        self.dismiss(None)

    # -- other processes ---------------------------------------------------------------------------

    def read_outside_changes(self) -> None:
        """Re-read what other processes stored and redraw what changed, on demand.

        The file watcher's changes arrive read already, through :meth:`show_audit_changes`.
        """
        if not self.is_current:
            return
        self._show_outside_changes(self.interview.refresh())
        self.app.report_problems()

    def show_audit_changes(self, changes: Refreshed) -> None:
        """Called by the app when another process changed the audit (the file watcher)."""
        if self.is_mounted:
            self._show_outside_changes(self.interview.changes_read(bool(changes)))

    def _show_outside_changes(self, changes: OutsideChanges) -> None:
        if self.interview.gone:  # set aside as unreadable, or removed: nothing left to show
            self.notify(msg("tui.interview.session_gone"), severity="error", timeout=20)
            self.dismiss(None)
            return
        if changes.notes_changed:
            self.log_view.show_notes(self.interview.notes(include_deleted=True))
            self.log_view.say(msg("tui.interview.external_notes"))
        if changes.changed:
            self._draw_guide()
            self._draw_strip()
