"""Merge other auditors' session logs into this data folder, with progress for large inputs.

The merge itself is all or nothing (the exchange package checks every input before it
writes); this screen only collects the paths, runs it in a worker and reports per
auditor what was added, updated and left alone. The worker merges through a data folder
of its own, as another process would, and shares nothing with the UI thread; the open
audit picks the result up like any other process's change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, Label, ProgressBar, Static, TextArea

from interview_assistant.domain.errors import DomainError
from interview_assistant.messages import msg
from interview_assistant.services.data_folder import DataFolder
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.text import plain
from interview_assistant.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from interview_assistant.services.data_folder import FileProblem, MergeReport, Progress
    from interview_assistant.tui.app import InterviewAssistantApp


class MergeScreen(Screen[None]):
    CSS_PATH = "forms.tcss"
    AUTO_FOCUS = "#merge-paths"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "merge", msg("tui.merge.start"), id="merge.start", priority=True),
        Binding("escape", "back", msg("tui.key.back"), id="merge.back"),
    ]

    app: InterviewAssistantApp

    def __init__(self, audit_id: str | None) -> None:
        super().__init__()
        self.audit_id = audit_id

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="form-body"):
            yield Static(msg("tui.merge.intro"), classes="form-intro")
            yield Label(msg("tui.merge.paths"), classes="form-label")
            yield TextArea(id="merge-paths", soft_wrap=True)
            with Horizontal(classes="form-buttons"):
                yield Button(msg("tui.merge.start"), id="merge-start", variant="primary")
            yield ProgressBar(id="merge-progress", show_eta=False)
            yield Static("", id="merge-stage")
            yield Static("", id="merge-result")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = msg("tui.merge.title")
        self.query_one("#merge-progress", ProgressBar).display = False

    @on(Button.Pressed, "#merge-start")
    def action_merge(self) -> None:
        text = self.query_one("#merge-paths", TextArea).text
        paths = [Path(line.strip()).expanduser() for line in text.splitlines() if line.strip()]
        if not paths:
            self.query_one("#merge-result", Static).update(msg("tui.merge.no_paths"))
            return
        self.query_one("#merge-start", Button).disabled = True
        self.query_one("#merge-progress", ProgressBar).display = True
        self.query_one("#merge-result", Static).update(msg("tui.merge.busy"))
        self.run_merge(paths)

    @work(thread=True, exclusive=True, group="merge", exit_on_error=False)
    def run_merge(self, paths: list[Path]) -> None:
        def progress(step: Progress) -> None:
            self.app.call_from_thread(self._progress, step)

        folder = DataFolder(self.app.folder.path)
        try:
            report = folder.merge(paths, self.audit_id, progress)
        except (DomainError, OSError) as exc:
            self.app.call_from_thread(self._failed, exc, folder.take_problems())
            return
        self.app.call_from_thread(self._done, report, folder.take_problems())

    def _progress(self, step: Progress) -> None:
        self.query_one("#merge-progress", ProgressBar).update(total=step.total, progress=step.done)
        self.query_one("#merge-stage", Static).update(plain(step.label))

    def _failed(self, exc: Exception, problems: list[FileProblem]) -> None:
        self.query_one("#merge-start", Button).disabled = False
        self.query_one("#merge-progress", ProgressBar).display = False
        self.app.report_problems(problems)
        self.query_one("#merge-result", Static).update(plain(msg("tui.merge.failed", reason=exc)))

    def _done(self, report: MergeReport, problems: list[FileProblem]) -> None:
        self.query_one("#merge-start", Button).disabled = False
        self.query_one("#merge-stage", Static).update(msg("tui.merge.done", audit=report.audit_id))
        self.query_one("#merge-result", Static).update(plain("\n".join(report.lines())))
        self.app.report_problems(problems)
        self.app.refresh_audit()  # the watcher reports it too; this does not wait for it

    def action_back(self) -> None:
        self.dismiss(None)
