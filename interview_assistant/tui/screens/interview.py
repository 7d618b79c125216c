"""The interview itself: a chat log of notes, the guide for the current norm, the input line.

The screen renders an :class:`InterviewSession` (the walk, undo, the note being edited,
the assistant's replies live there, shared with the line mode) and feeds it keys and
text. Every change is stored before it is shown, so what the auditor sees in the log is
on disk. The assistant's lines are written to the log only, never stored.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, OptionList

from interview_assistant.domain.coverage import NormCoverage
from interview_assistant.domain.errors import DomainError, describe_os_error
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Session, SessionKind
from interview_assistant.messages import msg, plural
from interview_assistant.services.audit import AuditWorkspace, Refreshed
from interview_assistant.services.interview import (
    InterviewSession,
    NoNote,
    NoteIsDeleted,
    OutsideChanges,
    Undone,
)
from interview_assistant.services.privacy import (
    PrivacyFinding,
    PrivacyGuardError,
    PrivacyMarks,
    privacy_guard,
    redacted,
    replaced,
)
from interview_assistant.services.purge import set_aside_copies
from interview_assistant.services.suggest import (
    NormSuggestion,
    add_tag,
    suggester_for,
    tagged_norms,
    warm_up,
)
from interview_assistant.tui.memory import keep_out_of_gc
from interview_assistant.tui.norm_commands import NormChosen, NormProvider
from interview_assistant.tui.screen_commands import PaletteCommand, ScreenCommands
from interview_assistant.tui.screens.choice import Choice, ChoiceScreen, PurgeConfirmScreen
from interview_assistant.tui.text import shown
from interview_assistant.tui.widgets.coverage_strip import CoverageStrip
from interview_assistant.tui.widgets.guide_panel import GuidePanel, GuideView
from interview_assistant.tui.widgets.key_bar import KeyBar
from interview_assistant.tui.widgets.note_composer import NoteComposer
from interview_assistant.tui.widgets.notes_log import NotesLog
from interview_assistant.tui.widgets.suggestion_bar import SuggestionBar
from norm_catalogue import Catalogue

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp


#: seconds of quiet in the input line before the assistant reads the draft
SUGGEST_DELAY = 0.3


def session_title(session: Session) -> str:
    """'Gesprek met teamleider (Mng)'; a document review or observation says so instead."""
    interviewees = "; ".join(i.label() for i in session.interviewees)
    if session.kind is SessionKind.INTERVIEW:
        return msg("tui.interview.title", interviewees=interviewees or "-")
    key = f"tui.interview.title_{session.kind.value}"
    return msg(f"{key}_with", interviewees=interviewees) if interviewees else msg(key)


def _time(note: Note) -> str:
    return f"{note.created:%H:%M}"


class InterviewScreen(Screen[None]):
    CSS_PATH = "interview.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        NormProvider,
        ScreenCommands,
    }
    AUTO_FOCUS = "#note-input"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Keys: see interview_assistant.tui.keys (Ctrl+letter works in every terminal; the
        # F-keys stay as extra keys). j and l, left and right on the home row, walk.
        Binding(
            "ctrl+j,f2",
            "walk(-1)",
            msg("tui.key.prev_norm"),
            tooltip=msg("keys.name.prev_norm"),
            id="interview.prev_norm",
        ),
        Binding(
            "ctrl+l,f3",
            "walk(1)",
            msg("tui.key.next_norm"),
            tooltip=msg("keys.name.next_norm"),
            id="interview.next_norm",
        ),
        Binding(
            "ctrl+g,f4",
            "next_gap",
            msg("keys.name.next_gap"),  # "Gat" alone reads badly; the bar has the room
            tooltip=msg("keys.name.next_gap"),
            id="interview.next_gap",
        ),
        Binding(
            "up",
            "select_note(-1)",
            msg("tui.key.select_note"),
            key_display="↑↓",
            system=True,
            id="interview.select_up",
        ),
        Binding(
            "down",
            "select_note(1)",
            msg("tui.key.select_note"),
            show=False,
            system=True,
            id="interview.select_down",
        ),
        Binding(
            "ctrl+r",
            "edit",
            msg("tui.key.edit"),
            tooltip=msg("keys.name.edit"),
            id="interview.edit",
            priority=True,
        ),
        Binding(
            "tab",
            "notes_or_input",
            msg("keys.key.notes"),
            tooltip=msg("keys.name.notes"),
            show=False,  # the bar must fit 120 columns; the help and the palette name it
            id="interview.notes",
        ),
        # Deleting sits on no key used for typing: it acts on the note chosen in the log
        # (Tab to the log, then Backspace or Delete); the palette asks first.
        Binding(
            "backspace,delete",
            "delete",
            msg("tui.key.delete"),
            tooltip=msg("keys.name.delete"),
            id="interview.delete",
        ),
        Binding(
            "ctrl+z",
            "undo",
            msg("tui.key.undo"),
            tooltip=msg("keys.name.undo"),
            id="interview.undo",
            priority=True,
        ),
        Binding(
            "ctrl+t",
            "take_suggestion",
            msg("suggest.tui_key"),
            id="interview.take_suggestion",
            priority=True,
            show=False,  # the suggestion line names the key when there is something to take
        ),
        Binding(
            "ctrl+n",
            "redact",
            msg("privacy.tui_key"),
            id="interview.redact",
            priority=True,
            show=False,  # the warning names the key when there is something to take out
        ),
        Binding(
            "ctrl+f",
            "by_function",
            msg("privacy.tui_function_key"),
            id="interview.by_function",
            priority=True,
            show=False,
        ),
        Binding(
            "ctrl+o",
            "privacy_ok",
            msg("privacy.tui_ok_key"),
            id="interview.privacy_ok",
            priority=True,
            show=False,
        ),
        Binding(
            "ctrl+y",
            "leave",
            msg("keys.key.leave"),
            tooltip=msg("keys.name.leave"),
            id="interview.leave",
        ),
        Binding(
            "f10",
            "end_session",
            msg("tui.key.end"),
            tooltip=msg("keys.name.end"),
            show=False,
            id="interview.end",
        ),
        # Esc closes the completion list or ends an edit (the composer takes it then) and
        # leaves the log for the input line; it never leaves the interview.
        Binding("escape", "escape", show=False, system=True, id="interview.escape"),
        # every Ctrl+letter is taken or used for typing: these have Alt keys and the palette
        Binding(
            "alt+x",
            "purge",
            msg("purge.tui_key"),
            id="interview.purge",
            priority=True,
            show=False,  # rare and final: in the palette, and on Alt+X, never in the key bar
        ),
        Binding(
            "ctrl+s",
            "speaker",
            msg("roles.tui_key"),
            id="interview.speaker",
            priority=True,
            show=False,  # the input's title names the key in a group interview
        ),
        Binding(
            "alt+z",
            "note_search",
            msg("notesearch.tui_key"),
            id="interview.note_search",
            priority=True,
            show=False,  # the bar is full at 80x24; the palette and the help list it
        ),
        Binding(
            "alt+a",
            "no_answer",
            msg("noanswer.tui_key"),
            id="interview.no_answer",
            priority=True,
            show=False,  # the bar is full at 80x24; the palette and the help list it
        ),
        Binding(
            "alt+w",
            "edit_session",
            msg("session_tui.key.edit"),
            id="interview.edit_session",
            priority=True,
            show=False,
        ),
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
        #: the pending read of the draft (restarted by every keystroke)
        self._suggest_timer: Timer | None = None
        #: the newest note the privacy guard found personal data in, with what it found
        self._exposed: tuple[str, int, list[PrivacyFinding]] | None = None
        #: a name just replaced by a function (^f): the note, its revisions, where the
        #: function stands and which interviewee's it is (^f again takes the next one)
        self._by_function: tuple[str, int, list[PrivacyFinding], int] | None = None

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
                yield SuggestionBar(id="suggestions")
                yield NoteComposer(self.catalogue, id="composer")
        yield KeyBar()

    @property
    def log_view(self) -> NotesLog:
        return self.query_one("#notes-log", NotesLog)

    @property
    def composer(self) -> NoteComposer:
        return self.query_one("#composer", NoteComposer)

    def _show_title(self) -> None:
        session = self.session
        self.title = session_title(session)
        self.sub_title = msg(
            "tui.interview.subtitle",
            kind=msg(f"session_kind.{session.kind.value}"),
            auditor=session.auditor,
            organisation=self.workspace.audit.organisation,
        )

    def on_mount(self) -> None:
        session = self.session
        self._show_title()
        self._set_speakers()
        self.log_view.show_notes(self.interview.notes(include_deleted=True))
        live = len(self.interview.notes())
        norm = self.interview.current
        if not session.roles:
            self.log_view.say(msg("tui.interview.no_norms"))
        if live:
            notes = plural.count(live, "note")
            self.log_view.say(msg("tui.interview.resume", notes=notes, norm=norm))
        else:
            norms = plural.count(len(self.interview.norms), "norm")
            wie, extra = self.interview.walk_split()
            if extra and not wie:
                start = msg("roles.tui_start_second", opening=self.title, norms=norms, norm=norm)
            elif extra:
                start = msg(
                    "roles.tui_start_split",
                    opening=self.title,
                    norms=norms,
                    wie=wie,
                    extra=extra,
                    norm=norm,
                )
            else:
                start = msg("tui.interview.start", opening=self.title, norms=norms, norm=norm)
            self.log_view.say(start)
        self._show_norm()
        draft = self.app.drafts.pop(self.session_id, "")
        if draft:
            self.composer.set_text(draft)
        keep_out_of_gc()  # the session's notes are now built; keep GC pauses off the keys
        warm_up(self.catalogue.edition)  # the suggestion index builds off the UI thread
        self.watch(self.composer.input, "value", self._draft_changed, init=False)
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
                source=interview.source_to_show(),
                second_source_roles=interview.second_source_roles(),
                no_answer=norm.id in interview.no_answer,
            )
        )
        self.composer.set_target(self._composer_target())

    # -- the speaker of a group interview ------------------------------------------------------

    def _set_speakers(self) -> None:
        interview = self.interview
        people = tuple(interview.short_label_of(i) for i in range(len(self.session.interviewees)))
        self.log_view.set_speakers(people, interview.short_label_of(None))

    def _speaker_key(self) -> str:
        for active in self.active_bindings.values():
            if active.binding.id == "interview.speaker":
                return self.app.get_key_display(active.binding)
        return "^s"

    def _composer_target(self) -> str:
        """Where a note without a tag goes, and in a group who said it (user text escaped:
        a border title is markup)."""
        interview = self.interview
        if not interview.is_group:
            return msg("tui.composer.target", norm=interview.current)
        return msg(
            "roles.tui_target",
            speaker=escape(
                shown(
                    interview.label_of(None)
                    if interview.speaker is None
                    else interview.short_label_of(interview.speaker)
                )
            ),
            norm=interview.current,
            key=escape(self._speaker_key()),
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "speaker":
            return self.interview.is_group  # one interviewee: nothing to choose
        if action == "delete":  # only a note chosen in the log; Backspace types otherwise
            return True if self.log_view.has_focus else None
        return True

    def action_speaker(self) -> None:
        """The next speaker: the group, the first interviewee, the second, ..."""
        try:
            self.interview.next_speaker()
        except DomainError as exc:
            self.notify(str(exc))
            return
        self._speaker_chosen()

    def _pick_speaker(self, speaker: int | None) -> None:
        try:
            self.interview.set_speaker(speaker)
        except DomainError as exc:
            self.notify(str(exc))
            return
        self._speaker_chosen()

    def _speaker_chosen(self) -> None:
        self.composer.set_target(self._composer_target())
        self.log_view.say(msg("roles.speaker_set", speaker=self.interview.speaker_label))

    def palette_commands(self) -> list[PaletteCommand]:
        """Deleting (asked first) and going back; in a group interview each speaker to pick
        directly (Ctrl+P, 'spreker')."""
        key = self.app.key_for
        picks: list[PaletteCommand] = [
            (
                msg("keys.name.delete"),
                msg("keys.delete.palette_help", key=key("interview.delete")),
                self._confirm_delete,
            ),
            (msg("keys.name.back"), msg("keys.leave.body"), self.action_back),
        ]
        if not self.interview.is_group:
            return picks
        for place, label in self.interview.speaker_choices():
            safe = escape(shown(label))  # the palette reads its titles as markup
            picks.append(
                (
                    msg("roles.tui_pick", speaker=safe),
                    msg("roles.tui_pick_help", speaker=safe),
                    partial(self._pick_speaker, place),
                )
            )
        return picks

    def _draw_strip(self, changed: tuple[str, ...] | None = None) -> None:
        """Redraw the strip; ``changed`` limits the recount to the norms a note touched."""
        if list(self._coverages) != [norm.id for norm in self.interview.norms]:
            self._coverages = {}  # the walk changed (interviewees corrected elsewhere)
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
        # the assistant reads the stored note once it is on screen: never before it shows
        self.set_timer(SUGGEST_DELAY, lambda: self._read_stored(note, new=note_id is None))
        return True

    def _read_stored(self, note: Note, new: bool) -> None:
        if not self.is_mounted:
            return
        if new:
            self._read(note.text, note.norms, note.id)
        self._guard(note)

    def _redraw_note(self, note: Note, before: tuple[str, ...] = ()) -> None:
        self.log_view.replace_note(note)
        self.log_view.select_note(note.id)
        if note.deleted and self.suggestion_bar.note_id == note.id:
            self.suggestion_bar.clear()  # nothing to add a norm to any more
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
            self.notify(
                msg("tui.interview.restore_first", undo=self.app.key_for("interview.undo")),
                severity="warning",
            )
            return
        if self.composer.editing is None:
            self._draft_before_edit = self.composer.value
        self.composer.start_edit(note.id, note.text, msg("tui.composer.editing", time=_time(note)))

    @on(NoteComposer.TabbedOut)
    def _to_the_notes(self, event: NoteComposer.TabbedOut) -> None:
        """Tab from the input line goes to the notes, where Enter edits the chosen one and
        Backspace or Delete deletes it; Tab or Esc comes back."""
        event.stop()
        self.log_view.focus()

    def action_notes_or_input(self) -> None:
        if self.log_view.has_focus:
            self.composer.input.focus()
        else:
            self.log_view.focus()

    def on_key(self, event: events.Key) -> None:
        """Typing while the notes have the focus goes on in the input line; Backspace in
        an empty input line says how to delete a note."""
        empty_input = self.composer.input.has_focus and not self.composer.value
        if empty_input and event.key in ("backspace", "delete"):
            self.notify(
                msg(
                    "keys.delete.how",
                    key=self.app.key_for("interview.delete"),
                    palette=self.app.key_for("app.command_palette"),
                )
            )
            return
        if self.log_view.has_focus and event.is_printable and event.character:
            event.stop()
            self.composer.input.focus()
            self.composer.input.insert_text_at_cursor(event.character)

    def on_paste(self, event: events.Paste) -> None:
        if self.log_view.has_focus and event.text:
            event.stop()
            self.composer.input.focus()
            self.composer.input.insert_text_at_cursor(event.text)

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
        undo = self.app.key_for("interview.undo")
        self.log_view.say(msg("tui.interview.deleted", time=_time(note), undo=undo))

    def _confirm_delete(self) -> None:
        """Delete the chosen note from the palette, after asking."""
        note_id = self.log_view.selected_note_id
        if note_id is None:
            self.notify(msg("tui.interview.nothing_to_edit"))
            return
        note = self.interview.note(note_id)
        if note.deleted:
            self.app.bell()
            return
        body = msg(
            "keys.delete.body",
            time=_time(note),
            undo=self.app.key_for("interview.undo"),
            text=note.text,
        )
        answers = [
            Choice("delete", msg("keys.delete.yes"), "error"),
            Choice("stay", msg("keys.choice.stay")),
        ]

        def answered(answer: str | None) -> None:
            if answer == "delete" and self.is_current:
                self.log_view.select_note(note_id)
                self.action_delete()
            self.composer.input.focus()

        self.app.push_screen(ChoiceScreen(msg("keys.delete.title"), body, answers), answered)

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

    def action_purge(self) -> None:
        """Remove the selected (or newest) note's text and all earlier versions for good,
        after the auditor confirms; deleted notes too. Not undoable."""
        try:
            note = self.interview.target(self.log_view.selected_note_id)
        except NoNote:
            self.notify(msg("purge.tui_nothing"))
            return
        except DomainError as exc:
            self._error(exc)
            return

        def purge(answer: str | None) -> None:
            if answer != "confirm":
                self.log_view.say(msg("purge.tui_cancelled"))
                return
            try:
                self.interview.purge(note.id)
            except (DomainError, OSError) as exc:
                self._error(exc)
                return
            if self.composer.editing == note.id:
                self.composer.cancel_edit()
            self.log_view.remove_note(note.id)
            self._forget_gone_notes()
            self._redraw_coverage(note.norms)
            self.log_view.say(msg("purge.tui_done", time=_time(note)))
            for path in set_aside_copies(self.workspace, note):
                self.log_view.say(msg("purge.set_aside", path=path))

        self.app.push_screen(PurgeConfirmScreen(note), purge)

    def _forget_gone_notes(self) -> None:
        """Drop offers and warnings about notes that are no longer there (purged), and
        the offer to add a norm to a note deleted meanwhile."""
        offered = self.suggestion_bar.note_id
        if offered is not None and not self.interview.has_live_note(offered):
            self.suggestion_bar.clear()
        if self._exposed is not None and not self.interview.has_note(self._exposed[0]):
            self._exposed = None
        if self._by_function is not None and not self.interview.has_note(self._by_function[0]):
            self._by_function = None

    def action_select_note(self, step: int) -> None:
        if step < 0:
            self.log_view.action_cursor_up()
        else:
            self.log_view.action_cursor_down()

    @on(OptionList.OptionSelected, "#notes-log")
    def _note_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    # -- the assistant reads the note ---------------------------------------------------------

    @property
    def suggestion_bar(self) -> SuggestionBar:
        return self.query_one("#suggestions", SuggestionBar)

    def _draft_changed(self, text: str) -> None:
        """Each keystroke restarts the wait; the draft is read after a pause in typing."""
        if self._suggest_timer is not None:
            self._suggest_timer.stop()
            self._suggest_timer = None
        if self.composer.editing is not None or not text.strip():
            if self.suggestion_bar.note_id is None:
                self.suggestion_bar.clear()
            return
        self._suggest_timer = self.set_timer(SUGGEST_DELAY, lambda: self._read_draft(text))

    def _read_draft(self, text: str) -> None:
        self._suggest_timer = None
        if self.composer.value == text and self.composer.editing is None:
            self._read(text, tagged_norms(text, self.interview.current), None)

    def _read(self, text: str, own: tuple[str, ...], note_id: str | None) -> None:
        """Ask for proposals in a worker thread: the first ask builds the index, and the
        keys never wait for it."""
        self._propose(
            self.catalogue.edition, text, own, self.session.roles, self.interview.current, note_id
        )

    @work(thread=True, exclusive=True, group="suggest")
    def _propose(
        self,
        edition: str,
        text: str,
        own: tuple[str, ...],
        roles: tuple[str, ...],
        current: str,
        note_id: str | None,
    ) -> None:
        found = suggester_for(edition).offer(text, own, roles=roles, current=current)
        self.app.call_from_thread(self._show_proposals, text, note_id, found)

    def _show_proposals(self, text: str, note_id: str | None, found: list[NormSuggestion]) -> None:
        if not self.query("#suggestions"):
            return  # the screen closed while the first ask built the index
        if note_id is not None and not self.interview.has_live_note(note_id):
            return  # deleted or purged meanwhile: no norm to add to it
        if note_id is None and (self.composer.value != text or self.composer.editing):
            return  # typed on since: a newer read is on its way
        if note_id is None and not found and self.suggestion_bar.note_id is not None:
            return  # keep the offer for the stored note while the draft has none
        self.suggestion_bar.propose(found, note_id)

    def action_take_suggestion(self) -> None:
        """Add the first proposal: to the stored note as an edit (^z takes it back), or
        to the draft as a tag."""
        bar = self.suggestion_bar
        note_id = bar.note_id
        first = bar.take_first()
        if first is None:
            self.notify(msg("suggest.tui_nothing"))
            return
        if note_id is None:
            text = self.composer.value
            own = tagged_norms(text, self.interview.current)
            self.composer.set_text(add_tag(text, own, first.norm_id) + " ")
            return
        before = self.interview.note(note_id).norms
        try:
            note = self.interview.add_tag(first.norm_id, note_id)
        except (DomainError, OSError) as exc:
            self._error(exc)
            return
        if note is None:
            return
        self._redraw_note(note, before)
        self.log_view.say(msg("suggest.tui_tagged", norm=first.norm_id, time=_time(note)))

    # -- the guard for personal data ---------------------------------------------------------

    def _guard(self, note: Note) -> None:
        """Have a stored text read for personal data (the note is on disk already)."""
        self._read_privacy(note.id, len(note.revisions), note.text)

    def review_privacy(self, note_id: str) -> None:
        """Show a stored note and read it for personal data again (the lead opened it from
        the list of findings): the warning, and ^f, ^n and ^o, then apply to it."""
        self.log_view.select_note(note_id)
        self.log_view.focus()
        self._guard(self.interview.note(note_id))

    @work(thread=True, group="privacy")
    def _read_privacy(self, note_id: str, revisions: int, text: str) -> None:
        try:
            found = privacy_guard().check(text)  # the first call waits for deduce to load
        except PrivacyGuardError:
            return  # no guard: the note is stored regardless
        if found:
            fine = PrivacyMarks(self.workspace).fine()  # the lead's "this one is fine"
            found = [f for f in found if not PrivacyMarks.matches(f, fine)]
        if found:
            self.app.call_from_thread(self._warn_privacy, note_id, revisions, found)

    def _warn_privacy(self, note_id: str, revisions: int, found: list[PrivacyFinding]) -> None:
        if self.interview.gone or not self.interview.has_note(note_id):
            return  # the session or the note (purged) is gone
        note = self.interview.note(note_id)
        if note.deleted or len(note.revisions) != revisions:
            return  # changed since it was read
        self._exposed = (note_id, revisions, found)
        self._by_function = None
        listed = ", ".join(
            msg("privacy.line_finding", text=f.text, kind=msg(f"privacy.kind.{f.kind}"))
            for f in found
        )
        key = self.app.key_for
        self.log_view.say(
            msg(
                "privacy.tui_warning",
                time=_time(note),
                found=listed,
                function=key("interview.by_function"),
                redact=key("interview.redact"),
                ok=key("interview.privacy_ok"),
                edit=key("interview.edit"),
            ),
            about=note_id,  # it quotes the note: a purge takes it along
        )

    def action_redact(self) -> None:
        """Replace the personal data found in the newest warned note by ``[naam]`` etc.,
        as an edit (^z takes it back; the earlier text stays in the note's history)."""
        exposed, self._exposed = self._exposed, None
        self._by_function = None
        if exposed is None:
            self.notify(msg("privacy.tui_nothing"))
            return
        note_id, revisions, found = exposed
        before = self.interview.note(note_id)
        if before.deleted or len(before.revisions) != revisions:
            self.notify(msg("privacy.tui_nothing"))
            return
        try:
            note = self.interview.finish_edit(redacted(before.text, found), note_id)
        except (DomainError, OSError) as exc:
            self._error(exc)
            return
        if note is not None:
            self._redraw_note(note, before.norms)
            self.log_view.say(msg("privacy.tui_redacted", time=_time(note)))

    def action_by_function(self) -> None:
        """Replace the names found in the newest warned note by the interviewee's function
        (other personal data by its placeholder), as an edit (^z takes it back). Pressed
        again straight after, the next interviewee's function takes its place."""
        functions = [i.function for i in self.session.interviewees if i.function.strip()]
        if not functions:
            self.notify(msg("privacy.tui_no_function"))
            return
        again, self._by_function = self._by_function, None
        if again is not None:
            note_id, revisions, found, index = again
            index = (index + 1) % len(functions)
        else:
            exposed, self._exposed = self._exposed, None
            if exposed is None:
                self.notify(msg("privacy.tui_nothing"))
                return
            (note_id, revisions, found), index = exposed, 0
        before = self.interview.note(note_id)
        if before.deleted or len(before.revisions) != revisions:
            self.notify(msg("privacy.tui_nothing"))
            return
        text, placed = replaced(before.text, found, functions[index])
        try:
            note = self.interview.finish_edit(text, note_id)
        except (DomainError, OSError) as exc:
            self._error(exc)
            return
        if note is None:
            return
        self._redraw_note(note, before.norms)
        if placed and len(functions) > 1:
            self._by_function = (note_id, len(note.revisions), placed, index)
        more = msg("privacy.tui_next_function") if self._by_function else ""
        self.log_view.say(
            msg("privacy.tui_by_function", time=_time(note), function=functions[index], more=more)
        )

    def action_privacy_ok(self) -> None:
        """Mark what was found in the newest warned note as fine for the whole audit (an
        organisation or place name): not warned about again, and no reason to refuse the
        final report."""
        exposed, self._exposed = self._exposed, None
        if exposed is None:
            self.notify(msg("privacy.tui_nothing"))
            return
        try:
            texts = PrivacyMarks(self.workspace).mark(f.text for f in exposed[2])
        except (DomainError, OSError) as exc:
            self._error(exc)
            return
        listed = ", ".join(f"“{text}”" for text in texts)
        self.log_view.say(msg("privacy.tui_fine", texts=listed))

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

    def action_no_answer(self) -> None:
        """Mark the current norm as asked without an answer here (again: unmark)."""
        try:
            marked = self.interview.toggle_no_answer()
        except (DomainError, OSError) as exc:
            self._error(exc)
            return
        norm_id = self.interview.current
        self.log_view.say(msg("noanswer.marked" if marked else "noanswer.unmarked", norm=norm_id))
        self._draw_guide()

    def action_note_search(self) -> None:
        self.app.open_note_search(self.workspace)

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
        self.app.notify(msg("tui.notify.session_ended", notes=plural.count(count, "note")))
        from interview_assistant.services.interview_summary import interview_summary
        from interview_assistant.tui.screens.session_dialogs import SummaryScreen

        summary = interview_summary(self.workspace, self.session_id)
        self.dismiss(None)
        self.app.push_screen(SummaryScreen(summary, self.title or ""))

    def action_edit_session(self) -> None:
        """Correct this session's partners, kind, location or auditor (the session form)."""
        from interview_assistant.tui.screens.new_session import EditSessionScreen

        self.app.push_screen(
            EditSessionScreen(self.workspace, self.session_id), self._session_edited
        )

    def _session_edited(self, edited: Session | None) -> None:
        if edited is None or self.interview.gone:
            return
        self.interview.header_changed()
        self._show_title()
        interviewees = "; ".join(i.label() for i in edited.interviewees) or "-"
        self.log_view.say(msg("session_tui.interview_edited", interviewees=interviewees))
        self._draw_guide()
        self._coverages.clear()
        self._draw_strip()

    def action_leave(self) -> None:
        """Ask whether to end the interview or to go on with it later."""
        answers = [
            Choice("later", msg("keys.leave.later"), "primary"),
            Choice("end", msg("keys.leave.end")),
            Choice("stay", msg("keys.choice.stay")),
        ]

        def answered(answer: str | None) -> None:
            if answer == "later":
                self.action_back()
            elif answer == "end":
                self.action_end_session()

        self.app.push_screen(
            ChoiceScreen(msg("keys.leave.title"), msg("keys.leave.body"), answers), answered
        )

    def action_escape(self) -> None:
        """Esc with no list open and no edit going on: back to the input line, or a hint."""
        if not self.composer.input.has_focus:
            self.composer.input.focus()
            return
        self.notify(msg("keys.escape_hint", key=self.app.key_for("interview.leave")))

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
            self._forget_gone_notes()
            self.log_view.update_notes(self.interview.notes(include_deleted=True))
            self.log_view.say(msg("tui.interview.external_notes"))
        if changes.changed:
            self._show_title()  # the session may have been corrected elsewhere
            self._set_speakers()
            self._draw_guide()
            self._draw_strip()
