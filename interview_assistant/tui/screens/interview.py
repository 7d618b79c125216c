"""The interview itself: a chat log of notes, the guide for the current norm, the input line.

Every change goes through the workspace first and is shown only after it returned, so
what the auditor sees in the log is on disk. The assistant's lines are written to the
log only, never stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, OptionList

from interview_assistant.domain.coverage import NormCoverage
from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.note import Note
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace, Refreshed
from interview_assistant.services.guidance import norm_status, reply_after_note
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
    COMMANDS: ClassVar[set[type[Provider]]] = {NormProvider}
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
        self.session_id = session_id
        self.fresh = fresh
        self.norms = workspace.norms_for_session(session_id)
        self.current: str = self.norms[0].id
        self.undo_stack: list[str] = []
        self._draft_before_edit = ""
        self._shown_state: list[tuple[str, int, bool]] = []
        #: coverage of this interview's norms, updated per note for the strip
        self._coverages: dict[str, NormCoverage] = {}

    @property
    def catalogue(self) -> Catalogue:
        return self.workspace.catalogue

    @property
    def session(self):
        return self.workspace.logs[self.session_id].session

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
        notes = self.workspace.notes(self.session_id, include_deleted=True)
        self.log_view.show_notes(notes)
        self._shown_state = self._note_state()
        live = [n for n in notes if not n.deleted]
        start = None
        if live and not self.fresh and live[-1].norms:
            start = live[-1].norms[0]
        self.current = start or self.workspace.next_gap(self.session_id) or self.norms[0].id
        if not session.roles:
            self.log_view.say(msg("tui.interview.no_norms"))
        if live:
            self.log_view.say(msg("tui.interview.resume", notes=len(live), norm=self.current))
        else:
            self.log_view.say(
                msg(
                    "tui.interview.start",
                    interviewees=interviewees,
                    count=len(self.norms),
                    norm=self.current,
                )
            )
        self._go_to(self.current)
        draft = self.app.drafts.pop(self.session_id, "")
        if draft:
            self.composer.set_text(draft)
        keep_out_of_gc()  # the session's notes are now built; keep GC pauses off the keys
        self.app.mark_ready()

    # -- the guide -----------------------------------------------------------------------------

    def _position(self, norm_id: str) -> tuple[int, int] | None:
        for index, norm in enumerate(self.norms, start=1):
            if norm.id == norm_id:
                return index, len(self.norms)
        return None

    def _draw_guide(self) -> None:
        norm = self.catalogue.norm(self.current)
        self.query_one("#guide", GuidePanel).show(
            GuideView(
                norm=norm,
                section_name=self.catalogue.section(norm.section).name,
                position=self._position(norm.id),
                questions=self.catalogue.questions_for(norm, self.session.roles),
                coverage=self.workspace.norm_coverage(norm.id),
            )
        )
        self.composer.set_target(msg("tui.composer.target", norm=self.current))

    def _draw_strip(self, changed: tuple[str, ...] | None = None) -> None:
        """Redraw the strip; ``changed`` limits the recount to the norms a note touched."""
        for norm in self.norms:
            if changed is None or norm.id in changed or norm.id not in self._coverages:
                self._coverages[norm.id] = self.workspace.norm_coverage(norm.id)
        self.query_one("#strip", CoverageStrip).show(self._coverages.values(), self.current)

    def _go_to(self, norm_id: str) -> None:
        """Make ``norm_id`` the guide's norm and let the assistant ask its question."""
        self.current = norm_id
        self._draw_guide()
        self._draw_strip()
        norm = self.catalogue.norm(norm_id)
        questions = self.catalogue.questions_for(norm, self.session.roles)
        question = questions[0] if questions else msg("tui.interview.no_question")
        self.log_view.say(msg("guide.question", norm=norm_id, question=question))
        self.log_view.say(norm_status(self.workspace.norm_coverage(norm_id)))

    # -- notes ---------------------------------------------------------------------------------

    @on(NoteComposer.Submitted)
    def _store_note(self, event: NoteComposer.Submitted) -> None:
        event.stop()
        self.save_note(event.text, event.note_id)

    def save_note(self, text: str, note_id: str | None = None) -> bool:
        """Store (or edit) a note; on failure show why and keep the text. True if stored."""
        before = self.workspace.note(self.session_id, note_id).norms if note_id else ()
        try:
            if note_id is None:
                note = self.workspace.add_note(self.session_id, text, default_norm=self.current)
            else:
                note = self.workspace.edit_note(self.session_id, note_id, text)
        except DomainError as exc:
            self.composer.show_error(str(exc), getattr(exc, "tag", ""))
            return False
        except OSError as exc:
            self.composer.show_error(msg("store.write_failed", reason=exc))
            return False
        self.composer.accepted()
        if note_id is None:
            self.log_view.add_note(note)
            self._reply_to(note)
        else:
            self.log_view.replace_note(note)
            self.log_view.select_note(note.id)
            status = norm_status(self.workspace.norm_coverage(note.norms[0])) if note.norms else ""
            self.log_view.say(f"{msg('tui.interview.edited', time=_time(note))} {status}".strip())
            if self._draft_before_edit:
                self.composer.set_text(self._draft_before_edit)
                self._draft_before_edit = ""
        self._shown_state = self._note_state()
        self._draw_guide()
        self._draw_strip(changed=(*before, *note.norms))
        return True

    def _reply_to(self, note: Note) -> None:
        if not note.norms:
            self.log_view.say(msg("tui.interview.no_tag"))
            return
        norm_id = note.norms[0]
        gap = self.workspace.next_gap(self.session_id, exclude=norm_id)
        gap_coverage = self.workspace.norm_coverage(gap) if gap else None
        self.log_view.say(
            reply_after_note(self.catalogue, self.workspace.norm_coverage(norm_id), gap_coverage)
        )

    def _target_note(self) -> Note | None:
        """The highlighted note, else the newest one."""
        note_id = self.log_view.selected_note_id
        if note_id is None:
            ids = self.log_view.note_ids()
            if not ids:
                return None
            note_id = ids[-1]
        return self.workspace.note(self.session_id, note_id)

    def action_edit(self) -> None:
        note = self._target_note()
        if note is None:
            self.notify(msg("tui.interview.nothing_to_edit"))
            return
        if note.deleted:
            self.notify(msg("tui.interview.restore_first"), severity="warning")
            return
        if self.composer.editing is None:
            self._draft_before_edit = self.composer.value
        self.composer.start_edit(note.id, note.text, msg("tui.composer.editing", time=_time(note)))

    @on(NoteComposer.EditCancelled)
    def _edit_cancelled(self, event: NoteComposer.EditCancelled) -> None:
        event.stop()
        if self._draft_before_edit:
            self.composer.set_text(self._draft_before_edit)
            self._draft_before_edit = ""

    def action_delete(self) -> None:
        note = self._target_note()
        if note is None:
            self.notify(msg("tui.interview.nothing_to_edit"))
            return
        if note.deleted:
            self.app.bell()
            return
        if not self._change(lambda: self.workspace.delete_note(self.session_id, note.id)):
            return
        self.undo_stack.append(note.id)
        self.log_view.say(msg("tui.interview.deleted", time=_time(note)))

    def action_undo(self) -> None:
        note = self._target_note()
        if note is None or not note.deleted:
            note = None
            while self.undo_stack:
                candidate = self.workspace.note(self.session_id, self.undo_stack.pop())
                if candidate.deleted:
                    note = candidate
                    break
        if note is None:
            self.notify(msg("tui.interview.nothing_to_undo"))
            return
        restored = note
        if not self._change(lambda: self.workspace.restore_note(self.session_id, restored.id)):
            return
        self.log_view.say(msg("tui.interview.restored", time=_time(note)))

    def _change(self, change) -> bool:
        try:
            note = change()
        except (DomainError, OSError) as exc:
            self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
            return False
        self.log_view.replace_note(note)
        self.log_view.select_note(note.id)
        self._shown_state = self._note_state()
        self._draw_guide()
        self._draw_strip(changed=note.norms)
        return True

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
        position = self._position(self.current)
        index = (position[0] - 1 + step) if position else 0
        if index < 0:
            self.notify(msg("tui.interview.first_norm"))
            return
        if index >= len(self.norms):
            self.notify(msg("tui.interview.last_norm"))
            return
        self._go_to(self.norms[index].id)

    def action_next_gap(self) -> None:
        gap = self.workspace.next_gap(self.session_id, exclude=self.current)
        if gap is not None:
            self._go_to(gap)

    @on(NormChosen)
    def _jump(self, event: NormChosen) -> None:
        self._go_to(event.norm_id)
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
            self.workspace.end_session(self.session_id)
        except (DomainError, OSError) as exc:
            self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
            return
        count = len(self.workspace.notes(self.session_id))
        self.app.drafts.pop(self.session_id, None)
        self.app.notify(msg("tui.notify.session_ended", count=count))
        self.dismiss(None)

    def action_back(self) -> None:
        if self.composer.editing is None and self.composer.value:
            self.app.drafts[self.session_id] = self.composer.value
        self.dismiss(None)

    # -- other processes ---------------------------------------------------------------------------

    def _note_state(self) -> list[tuple[str, int, bool]]:
        return [
            (n.id, len(n.revisions), n.deleted)
            for n in self.workspace.notes(self.session_id, include_deleted=True)
        ]

    def show_audit_changes(self, changes: Refreshed) -> None:
        """Called by the app when another process changed the audit (the file watcher)."""
        if self.is_mounted and self.session_id in self.workspace.logs and changes:
            state = self._note_state()
            if state != self._shown_state:
                self._shown_state = state
                self.log_view.show_notes(
                    self.workspace.notes(self.session_id, include_deleted=True)
                )
                self.log_view.say(msg("tui.interview.external_notes"))
            self._draw_guide()
            self._draw_strip()
        self.app.report_problems()
