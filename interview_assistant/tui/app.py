"""The Textual application and its one factory, used by the CLI and the tests alike.

The app coordinates screens and owns the opened audit (one ``AuditWorkspace`` and its
``AuditReview``); screens do the rest. Everything the user reads comes from the message
catalogue.

Live screens: while an audit is open, an :class:`AuditWatcher` thread watches its files
and posts :class:`InterviewAssistantApp.AuditFilesChanged`. The app reads the changes on a
worker into new objects and swaps them in on the UI thread (see the threading rule in
:mod:`interview_assistant.services.audit`), then hands what changed to every screen that
shows the audit (:class:`ShowsAudit`). Nothing polls the disk.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from interview_assistant.domain.errors import DomainError
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace, Refreshed
from interview_assistant.services.data_folder import DataFolder, FileProblem
from interview_assistant.services.watch import AuditWatcher, FolderChange
from interview_assistant.tui.memory import keep_out_of_gc
from interview_assistant.tui.screens.dashboard import DashboardScreen
from interview_assistant.tui.screens.start import StartScreen
from interview_assistant.tui.text import shown

if TYPE_CHECKING:
    from interview_assistant.services.keymap import KeymapFile
    from interview_assistant.services.review import AuditReview, ReviewUpdate

#: how often held keys look whether their screen is ready (seconds; only while keys wait)
KEY_HOLD_POLL = 0.005
#: keys remembered on their way down (a key a widget stops never comes back up)
KEY_ORIGINS_KEPT = 64

# The forms, help and quit dialog are imported when first used: the first frame of
# ``interview-assistant open AUDIT`` should not wait for widgets it does not show.


@runtime_checkable
class ShowsAudit(Protocol):
    """A screen that shows the opened audit and redraws what another process changed."""

    def show_audit_changes(self, changes: Refreshed) -> None: ...


class InterviewAssistantApp(App[None]):
    @dataclass
    class AuditFilesChanged(Message):
        """Files of the opened audit changed on disk (posted from the watcher thread)."""

        audit_id: str
        change: FolderChange

    CSS_PATH = "app.tcss"
    TITLE = msg("tui.app.title")
    SUB_TITLE = msg("tui.app.subtitle")
    # Textual declares the breakpoints per instance (``ClassVar[...] | None``), not as ClassVar.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", msg("tui.key.help"), id="app.help"),
        Binding(
            "ctrl+p",
            "command_palette",
            msg("tui.key.palette"),
            show=False,
            priority=True,
            id="app.command_palette",
        ),
        Binding("ctrl+q", "quit", msg("tui.key.quit"), priority=True, id="app.quit"),
    ]

    def __init__(
        self,
        folder: DataFolder,
        audit_id: str | None = None,
        session_id: str | None = None,
        config_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.folder = folder
        #: the user's config folder, where ``keymap.toml`` remaps keys
        self.config_dir = config_dir
        self.workspace: AuditWorkspace | None = None
        self._review: AuditReview | None = None
        self._watcher: AuditWatcher | None = None
        #: a read of other processes' changes is running; what the next one must include
        self._reading = False
        self._pending: FolderChange | None = None
        #: unsent input per session, kept while the auditor looks at the dashboard
        self.drafts: dict[str, str] = {}
        #: set once the first screen shows its data (benchmarks and tests wait for it)
        self.ready = asyncio.Event()
        self._initial_audit = audit_id
        self._initial_session = session_id
        #: keys typed while the screen they are meant for was still being built
        self._held_keys: list[events.Key] = []
        #: binding id -> keys, from the user's keymap file
        self.keymap_in_force: dict[str, str] = {}
        #: the screen each key was sent to, until it comes back up to the app
        self._key_screens: dict[int, tuple[events.Key, Screen]] = {}

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A notification shown as written: messages carry user text (names, paths, notes)
        that must read as typed, never as markup or a control code; ours use no markup."""
        super().notify(
            shown(message), title=shown(title), severity=severity, timeout=timeout, markup=False
        )

    # -- keys typed ahead of a new screen ---------------------------------------------------------
    #
    # Textual sends a key to the focused widget at once; the bindings act when it comes back
    # up to the app. Keys typed quickly after one that opens a screen (``n`` on the
    # dashboard, then the auditor's name) are therefore all sent to the old screen before
    # the new one exists, and come back when the new one is current: the letters were lost
    # and a Tab among them moved the new form's focus, so the rest of the text landed in
    # the next field. Such keys are sent again to the screen that is current now, and
    # every key waits until that screen is mounted and its ``AUTO_FOCUS`` field focused.

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                if self._hold_key(event):
                    return
                self._key_screens[id(event)] = (event, self.screen)
                while len(self._key_screens) > KEY_ORIGINS_KEPT:  # ones a widget stopped
                    del self._key_screens[next(iter(self._key_screens))]
            else:
                sent = self._key_screens.pop(id(event), None)
                if sent is not None and sent[0] is event and sent[1] is not self.screen:
                    self._resend_key(event)  # typed for the screen that is current now
                    return
        await super().on_event(event)

    def _screen_ready(self) -> bool:
        try:
            return self.screen.is_mounted
        except Exception:  # no screen yet: the first one is on its way
            return False

    def _hold_key(self, event: events.Key) -> bool:
        """Keep a key typed before the current screen is mounted; True if held."""
        if not self._held_keys and self._screen_ready():
            return False
        self._held_keys.append(event)
        if len(self._held_keys) == 1:
            self.set_timer(KEY_HOLD_POLL, self._release_keys)
        return True

    def _resend_key(self, event: events.Key) -> None:
        key = events.Key(event.key, event.character)
        if not self._hold_key(key):
            self.post_message(key)

    def _release_keys(self) -> None:
        if not self._screen_ready():
            self.set_timer(KEY_HOLD_POLL, self._release_keys)
            return
        held, self._held_keys = self._held_keys, []
        for key in held:  # each is checked again: one of them may open the next screen
            self.post_message(events.Key(key.key, key.character))

    # -- the user's keymap -----------------------------------------------------------------------

    def load_keymap(self) -> None:
        """Apply ``keymap.toml`` from the config folder (with Textual's ``set_keymap``).

        Key names and the file's syntax are checked at once; whether each binding id
        exists is checked in a worker (it imports every screen), which drops and names
        the unknown ones. Without a keymap file nothing is imported ahead: start-up and
        the first frame of the dashboard do not share the CPU with it.
        """
        from interview_assistant.services.keymap import load_keymap, resolve_config_dir

        found = load_keymap(resolve_config_dir(self.config_dir))
        self.keymap_in_force = dict(found.keymap)
        if found.keymap:
            self.set_keymap(found.keymap)
        self._keymap_problems(found.problems)
        if found.keymap:  # reads every screen's bindings, off the UI; only with ids to check
            self._check_keymap_ids(found)

    @work(thread=True, group="keymap", exit_on_error=False)
    def _check_keymap_ids(self, found: KeymapFile) -> None:
        from interview_assistant.tui.keys import declared_bindings, keys_taken

        declared = declared_bindings()
        problems = found.unknown(declared)
        problems += [
            msg("keys.file.clash", key=key, binding=binding, other=other)
            for key, binding, other in keys_taken(found.keymap, declared)
        ]
        if problems:
            self.call_from_thread(self._keymap_problems, problems)

    def _keymap_problems(self, problems: list[str]) -> None:
        for problem in problems:
            self.notify(problem, title=msg("keys.file.title"), severity="warning", timeout=20)

    def on_mount(self) -> None:
        self.load_keymap()
        if self._initial_audit is not None:
            # the list of audits is put underneath only when the user goes back to it
            self.push_screen(DashboardScreen(self._initial_audit, self._initial_session))
        else:
            self.push_screen(StartScreen())
            self.mark_ready()

    def mark_ready(self) -> None:
        self.ready.set()

    # -- audits and workspaces -------------------------------------------------------------------

    def opened(self, audit_id: str) -> tuple[AuditWorkspace, AuditReview] | None:
        """The open audit and its review if ``audit_id`` is the one open (UI thread)."""
        workspace, review = self.workspace, self._review
        if workspace is None or review is None or workspace.audit.id != audit_id:
            return None
        if self._watcher is None or not self._watcher.running:
            self._watch(workspace)  # it ended on an error; a new one catches up at once
        return workspace, review

    def read_audit(self, audit_id: str) -> tuple[AuditWorkspace, AuditReview]:
        """Open an audit into new objects (a worker may call this; nothing shared is touched).

        The workspace gets a store of its own, so a worker reading it never shares the
        folder's store with the UI thread; hand the result to :meth:`adopt`.
        """
        from interview_assistant.services.review import AuditReview

        workspace = DataFolder(self.folder.path).open_audit(audit_id)
        review = AuditReview(workspace)
        keep_out_of_gc()
        return workspace, review

    def adopt(self, workspace: AuditWorkspace, review: AuditReview) -> None:
        """Make this the open audit (UI thread) and watch its files for other processes."""
        if self.workspace is workspace:
            return
        self._stop_watching()
        self.workspace, self._review = workspace, review
        self._pending = None  # the audit that was open is no longer shown
        self._watch(workspace)

    def _watch(self, workspace: AuditWorkspace) -> None:
        self._stop_watching()
        audit_id = workspace.audit.id
        self._watcher = AuditWatcher(
            workspace.store,
            audit_id,
            lambda change: self.post_message(self.AuditFilesChanged(audit_id, change)),
        )
        self._watcher.start()

    def _stop_watching(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None

    def on_unmount(self) -> None:
        self._stop_watching()

    # -- other processes' changes ------------------------------------------------------------------

    @on(AuditFilesChanged)
    def _files_changed(self, event: AuditFilesChanged) -> None:
        if self.workspace is None or event.audit_id != self.workspace.audit.id:
            return
        self.refresh_audit(event.change)

    def refresh_audit(self, change: FolderChange | None = None) -> None:
        """Read what changed on disk and show it (after a merge, or from the watcher)."""
        review = self._review
        if review is None:
            return
        change = change or FolderChange(audit_file=True, sessions=frozenset())
        if self._reading:  # one read at a time; the next one includes this change
            pending = self._pending
            self._pending = FolderChange(
                change.audit_file or (pending is not None and pending.audit_file),
                change.sessions | (pending.sessions if pending is not None else frozenset()),
            )
            return
        self._reading = True
        self._read_changes(review, change.audit_file)

    @work(thread=True, group="audit-changes", exit_on_error=False)
    def _read_changes(self, review: AuditReview, audit_file: bool) -> None:
        try:
            update = review.read_changes(audit_file)
        except Exception as exc:  # shown, and the next change is read again
            self.call_from_thread(self._read_failed, exc)
            return
        self.call_from_thread(self._apply_changes, review, update)

    def _read_failed(self, exc: Exception) -> None:
        self._reading = False
        self.report_problems()
        self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
        self._read_pending()

    def _apply_changes(self, review: AuditReview, update: ReviewUpdate) -> None:
        self._reading = False
        if review is not self._review:  # another audit was opened meanwhile
            self._read_pending()
            return
        changes = review.apply(update)
        self.report_problems()
        if changes.retry:
            self.refresh_audit(FolderChange(audit_file=True, sessions=changes.sessions))
        if changes:
            for screen in self.screen_stack:
                if isinstance(screen, ShowsAudit):
                    screen.show_audit_changes(changes)
        self._read_pending()

    def _read_pending(self) -> None:
        """Start the read that changes reported during the last one are waiting for."""
        if self._pending is not None and not self._reading:
            pending, self._pending = self._pending, None
            self.refresh_audit(pending)

    def report_problems(self, found: Iterable[FileProblem] = ()) -> None:
        """Tell the user about files the store had to set aside (once each)."""
        problems = [*found, *self.folder.take_problems()]
        if self.workspace is not None:
            problems += self.workspace.take_problems()
        for problem in problems:
            self.notify(
                problem.message,
                title=msg("tui.notify.problem_title"),
                severity="warning",
                timeout=20,
            )

    def go_back(self) -> None:
        """Leave the current screen; from the first dashboard, go to the list of audits."""
        if len(self.screen_stack) <= 2:
            self.switch_screen(StartScreen())
        else:
            self.pop_screen()

    def open_audit(self, audit_id: str) -> None:
        self.push_screen(DashboardScreen(audit_id))

    def switch_to_dashboard(self, audit_id: str) -> None:
        self.switch_screen(DashboardScreen(audit_id))

    def new_audit(self) -> None:
        from interview_assistant.tui.screens.audit_form import AuditFormScreen

        self.push_screen(AuditFormScreen())

    def edit_core_data(self, workspace: AuditWorkspace) -> None:
        from interview_assistant.tui.screens.audit_form import AuditFormScreen

        self.push_screen(AuditFormScreen(workspace))

    def open_demo(self) -> None:
        try:
            audit_id = self.folder.install_demo()
        except FileNotFoundError as exc:
            self.notify(
                msg("tui.notify.demo_missing", reason=exc),
                title=msg("tui.notify.error_title"),
                severity="error",
                timeout=10,
            )
            return
        except (DomainError, OSError) as exc:
            self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
            return
        self.report_problems()
        self.open_audit(audit_id)

    def review_for(self, workspace: AuditWorkspace) -> AuditReview:
        """The lead auditor's review (verdicts, findings) of the opened audit (UI thread)."""
        from interview_assistant.services.review import AuditReview

        review = self._review
        if review is None or review.workspace is not workspace:
            review = AuditReview(workspace)
            self._review = review
        return review

    def open_assessment(self, workspace: AuditWorkspace, norm_id: str) -> None:
        from interview_assistant.tui.screens.assessment import AssessmentScreen

        self.push_screen(AssessmentScreen(self.review_for(workspace), norm_id))

    def open_preview(self, workspace: AuditWorkspace) -> None:
        from interview_assistant.tui.screens.preview import PreviewScreen

        self.push_screen(PreviewScreen(self.review_for(workspace)))

    def open_merge(self, workspace: AuditWorkspace | None) -> None:
        from interview_assistant.tui.screens.merge import MergeScreen

        self.push_screen(MergeScreen(workspace.audit.id if workspace else None))

    def new_session(self, workspace: AuditWorkspace) -> None:
        from interview_assistant.tui.screens.new_session import NewSessionScreen

        self.push_screen(NewSessionScreen(workspace))

    def open_note_search(self, workspace: AuditWorkspace) -> None:
        from interview_assistant.tui.screens.note_search import NoteSearchScreen

        self.push_screen(NoteSearchScreen(workspace))

    def push_interview(self, workspace: AuditWorkspace, session_id: str) -> None:
        from interview_assistant.tui.screens.interview import InterviewScreen

        self.push_screen(InterviewScreen(workspace, session_id))

    def switch_to_interview(self, workspace: AuditWorkspace, session_id: str, fresh: bool) -> None:
        from interview_assistant.tui.screens.interview import InterviewScreen

        self.switch_screen(InterviewScreen(workspace, session_id, fresh=fresh))

    # -- app-wide actions --------------------------------------------------------------------------

    def key_for(self, binding_id: str) -> str:
        """The key(s) of ``binding_id`` as the user's keymap has them, written for the user."""
        from interview_assistant.tui.keys import declared_bindings, keys_in_force

        declared = declared_bindings().get(binding_id)
        default = declared[1].key if declared else ""
        return keys_in_force(self, binding_id, self.keymap_in_force, default)

    def action_help(self) -> None:
        from interview_assistant.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen, self.folder.path))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(placeholder=msg("tui.palette.placeholder"), id="--command-palette")
            )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(msg("tui.palette.help"), msg("tui.palette.help_help"), self.action_help)
        yield SystemCommand(msg("tui.palette.quit"), msg("tui.palette.quit_help"), self.action_quit)

    async def action_quit(self) -> None:
        unsaved = getattr(self.screen, "unsaved_text", "")
        if not unsaved:
            self.exit()
            return
        from interview_assistant.tui.screens.choice import QuitScreen

        self.push_screen(QuitScreen(unsaved), self._quit_answered)

    def _quit_answered(self, answer: str | None) -> None:
        if answer == "save":
            save = getattr(self.screen, "save_unsent", None)
            if save is not None and not save():
                return  # the error is shown under the input; stay
            self.exit()
        elif answer == "discard":
            self.exit()

    def action_help_quit(self) -> None:
        self.notify(msg("tui.notify.how_to_quit"))


def make_app(
    data_dir: Path,
    audit: str | None = None,
    session: str | None = None,
    config_dir: Path | None = None,
) -> InterviewAssistantApp:
    """Build the app for ``data_dir``; ``audit`` and ``session`` may be unique id prefixes.

    ``config_dir`` holds the user's ``keymap.toml`` (default: ``$INTERVIEW_ASSISTANT_CONFIG``
    or the platform's user config folder).

    Raises the store's error (a :class:`DomainError` with a Dutch message) when the audit
    or session does not exist, before anything is drawn.
    """
    folder = DataFolder(Path(data_dir))
    audit_id = folder.resolve_audit(audit) if audit is not None else None
    session_id = None
    if session is not None:
        if audit_id is None:
            raise ValueError("a session needs its audit")
        session_id = folder.resolve_session(audit_id, session)
    return InterviewAssistantApp(folder, audit_id, session_id, config_dir)
