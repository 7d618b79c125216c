"""The draft report as it will read, rendered from its Markdown, with export to every format.

Building the report reads every note of the audit, so it happens in a worker (under the
workspace's lock); so does exporting (Word in particular takes a moment for a large
audit). The export bar chooses the draft or the final version and both parts or one; a
final that may not be written yet is refused with every reason. The file goes to the
user's documents folder unless another is typed; an existing file is replaced only after
a j/n question, and a folder that does not exist is said in Dutch. When another process
changes the audit, the report is built again. Ctrl+E opens the editor for the texts,
trend points and the advice.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Select, Static

from interview_assistant.domain.errors import DomainError
from interview_assistant.messages import msg
from interview_assistant.services.audit import Refreshed
from interview_assistant.services.export_target import (
    ExportTargetError,
    check_target,
    default_report_base,
    report_path,
    write_failed,
)
from interview_assistant.services.review import AuditReview, Refused
from interview_assistant.tui.screen_commands import PaletteCommand, ScreenCommands
from interview_assistant.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from interview_assistant.report.model import ReportModel
    from interview_assistant.tui.app import InterviewAssistantApp

#: export buttons: format and file suffix
EXPORTS: tuple[tuple[str, str], ...] = (
    ("md", ".md"),
    ("html", ".html"),
    ("docx", ".docx"),
    ("json", ".json"),
)


class PreviewScreen(Screen[None]):
    CSS_PATH = "preview.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "rebuild", msg("tui.preview.rebuild"), id="preview.rebuild"),
        # ^t (texts), not ^e: ^e moves to the end of the export path while typing it
        Binding("ctrl+t", "edit_texts", msg("report.tui.edit_texts"), id="preview.edit_texts"),
        Binding("escape", "back", msg("tui.key.back"), id="preview.back"),
    ]

    app: InterviewAssistantApp

    def __init__(self, review: AuditReview) -> None:
        super().__init__()
        self.review = review
        self.model: ReportModel | None = None

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # markdown-it only when the preview is opened

        yield Header()
        with VerticalScroll(id="preview-body"):
            yield Static(msg("tui.preview.building"), id="preview-status")
            yield Markdown("", id="preview-markdown")
        with Vertical(id="export-bar"):
            # two rows, so every choice and button fits an 80-column terminal
            with Horizontal(id="export-file"):
                yield Label(msg("tui.preview.file"), id="export-label")
                yield Input(
                    str(default_report_base(self.review.audit.organisation)), id="export-path"
                )
            with Horizontal(id="export-choices"):
                yield from self._export_choices()
        yield KeyBar()

    def _export_choices(self) -> ComposeResult:
        yield Select(
            [
                (msg("report.tui.version.draft"), "draft"),
                (msg("report.tui.version.final"), "final"),
            ],
            value="draft",
            allow_blank=False,
            id="export-version",
            compact=True,
        )
        yield Select(
            [(msg(f"report.tui.part.{p}"), p) for p in ("AB", "A", "B")],
            value="AB",
            allow_blank=False,
            id="export-part",
            compact=True,
        )
        for fmt, _suffix in EXPORTS:
            yield Button(msg(f"tui.preview.export_{fmt}"), id=f"export-{fmt}", disabled=True)

    def on_mount(self) -> None:
        self.title = msg("tui.preview.title")
        self.sub_title = self.review.audit.organisation
        self.build()

    @work(thread=True, exclusive=True, group="report", exit_on_error=False)
    def build(self) -> None:
        try:
            model = self.review.report_model()
            from interview_assistant.report.markdown import render_markdown

            markdown = render_markdown(model)
        except (DomainError, OSError) as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self._built, model, markdown)

    def _failed(self, exc: Exception) -> None:
        self.query_one("#preview-status", Static).update(str(exc))

    def _built(self, model: ReportModel, markdown: str) -> None:
        from textual.widgets import Markdown

        self.model = model
        self.query_one("#preview-status", Static).display = False
        self.query_one("#preview-markdown", Markdown).update(markdown)
        for button in self.query("#export-bar Button").results(Button):
            button.disabled = False
        self.app.mark_ready()

    def show_audit_changes(self, changes: Refreshed) -> None:
        """Another process changed notes, verdicts, texts or core data: build again."""
        if self.is_mounted:
            self.sub_title = self.review.audit.organisation
            self.build()

    def action_rebuild(self) -> None:
        self.query_one("#preview-status", Static).display = True
        self.query_one("#preview-status", Static).update(msg("tui.preview.building"))
        self.build()

    @on(Button.Pressed, "#export-bar Button")
    def _export_pressed(self, event: Button.Pressed) -> None:
        self.export_as((event.button.id or "").removeprefix("export-"))

    def palette_commands(self) -> list[PaletteCommand]:
        """The export buttons, once the report is built (the version and part chosen)."""
        if self.model is None:
            return []
        return [
            (
                msg("tui.palette.export", format=msg(f"tui.preview.export_{fmt}")),
                msg("tui.palette.export_help"),
                partial(self.export_as, fmt),
            )
            for fmt, _suffix in EXPORTS
        ]

    def export_as(self, fmt: str) -> None:
        """Export to the file named in the bar, as the version and part chosen there."""
        suffix = dict(EXPORTS)[fmt]
        base = self.query_one("#export-path", Input).value.strip()
        if not base or self.model is None:
            return
        try:
            path = report_path(base, self.review.audit.organisation, suffix)
        except OSError as exc:
            self.notify(write_failed(Path(base), exc), title=msg("tui.notify.error_title"))
            return
        final = self.query_one("#export-version", Select).value == "final"
        part = str(self.query_one("#export-part", Select).value)
        model = self.model
        try:
            exists = check_target(path)
        except ExportTargetError as exc:
            self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
            return

        def write() -> None:
            self.export(model, fmt, path, final, None if part == "AB" else part)

        if not exists:
            write()
            return
        from interview_assistant.tui.screens.choice import ConfirmScreen

        def answered(answer: str | None) -> None:
            if answer == "yes":
                write()
            elif answer == "no":
                self.notify(msg("export.kept", path=path))

        question = ConfirmScreen(
            msg("export.exists_title"),
            msg("export.exists_body", path=path),
            msg("export.overwrite"),
            msg("export.keep"),
            msg("export.back"),
        )
        self.app.push_screen(question, answered)

    @work(thread=True, group="export", exit_on_error=False)
    def export(
        self,
        model: ReportModel,
        fmt: str,
        path: Path,
        final: bool = False,
        part: str | None = None,
    ) -> None:
        """Write the model as it was when the button was pressed (a rebuild makes a new one);
        a final or one part is built anew from the review, with the privacy check."""
        from interview_assistant.report.render import write_report

        try:
            if final:
                from interview_assistant.services.privacy import privacy_guard

                if not privacy_guard().loaded:  # the check waits for deduce: say so
                    self.app.call_from_thread(self.notify, msg("privacy.tui_checking"))
            if final or part is not None:
                model = self.review.report_model(final=final, part=part, check_privacy=True)
            written = write_report(model, fmt, path)
        except Refused as exc:
            self.app.call_from_thread(
                self.notify,
                str(exc),
                title=msg("tui.notify.error_title"),
                severity="error",
                timeout=15,
            )
            return
        except DomainError as exc:
            self.app.call_from_thread(
                self.notify, str(exc), title=msg("tui.notify.error_title"), severity="error"
            )
            return
        except OSError as exc:  # a full disk, no access, the folder gone meanwhile...
            self.app.call_from_thread(
                self.notify,
                write_failed(path, exc),
                title=msg("tui.notify.error_title"),
                severity="error",
            )
            return
        self.app.call_from_thread(self.notify, msg("tui.preview.exported", path=written))

    def action_edit_texts(self) -> None:
        from interview_assistant.tui.screens.report_texts import ReportTextsScreen

        self.app.push_screen(ReportTextsScreen(self.review), lambda _: self.action_rebuild())

    def action_back(self) -> None:
        self.dismiss(None)
