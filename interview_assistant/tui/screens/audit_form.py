"""Create an audit, or fill in its Part A core data later; only the organisation is required."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Select, Static

from interview_assistant.domain.audit import CoreData
from interview_assistant.domain.errors import DomainError
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.tui.widgets.key_bar import KeyBar
from norm_catalogue import DEFAULT_EDITION, available_editions

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp


class AuditFormScreen(Screen[None]):
    """With ``workspace`` None it creates a new audit; otherwise it edits that audit."""

    CSS_PATH = "forms.tcss"
    AUTO_FOCUS = "#organisation"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", msg("tui.key.save"), id="audit_form.save"),
        Binding("escape", "cancel", msg("tui.key.cancel"), id="audit_form.cancel"),
    ]

    app: InterviewAssistantApp

    def __init__(self, workspace: AuditWorkspace | None = None) -> None:
        super().__init__()
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        audit = self.workspace.audit if self.workspace else None
        core = audit.core if audit else CoreData()
        yield Header()
        with VerticalScroll(id="form-body"):
            yield Static(msg("tui.audit_form.intro"), classes="form-intro")
            yield Label(msg("tui.audit_form.organisation"), classes="form-label")
            yield Input(audit.organisation if audit else "", id="organisation", compact=True)
            yield Label(msg("tui.audit_form.target"), classes="form-label")
            yield Input(
                str(audit.target) if audit else "3", id="target", type="integer", compact=True
            )
            editions = available_editions()
            if audit is None and len(editions) > 1:
                yield Label(msg("tui.audit_form.edition"), classes="form-label")
                yield Select(
                    [(e, e) for e in editions],
                    value=DEFAULT_EDITION,
                    allow_blank=False,
                    id="edition",
                    compact=True,
                )
            yield Static(msg("tui.audit_form.core_header"), classes="form-header")
            for name in CoreData.field_names():
                yield Label(msg(f"tui.core.{name}"), classes="form-label")
                yield Input(getattr(core, name), id=f"core-{name}", compact=True)
            yield Static("", id="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(msg("tui.key.save"), id="save", variant="primary")
                yield Button(msg("tui.key.cancel"), id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        key = "tui.audit_form.edit_title" if self.workspace else "tui.audit_form.new_title"
        self.title = msg(key)
        self.sub_title = self.workspace.audit.organisation if self.workspace else ""
        self.query_one("#form-error", Static).display = False

    def _error(self, text: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(text)
        error.display = True
        error.scroll_visible()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        organisation = self.query_one("#organisation", Input).value.strip()
        if not organisation:
            self._error(msg("tui.audit_form.organisation_missing"))
            self.query_one("#organisation", Input).focus()
            return
        try:
            target = int(self.query_one("#target", Input).value.strip() or "0")
        except ValueError:
            target = 0
        if target < 1:
            self._error(msg("tui.audit_form.bad_target"))
            self.query_one("#target", Input).focus()
            return
        core = {
            name: self.query_one(f"#core-{name}", Input).value.strip()
            for name in CoreData.field_names()
        }
        editions = self.query("#edition")
        edition = str(editions.first(Select).value) if editions else None
        try:
            if self.workspace is None:
                audit = self.app.folder.create_audit(
                    organisation, edition, target, core=CoreData(**core)
                )
                self.app.switch_to_dashboard(audit.id)
            else:
                self.workspace.update_audit(organisation=organisation, target=target, core=core)
                self.app.notify(msg("tui.notify.saved_core"))
                self.dismiss(None)
        except (DomainError, OSError) as exc:
            self._error(str(exc))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
