"""Create an audit, or fill in its Part A core data later; only the organisation is required.

Every field of 'Kerngegevens toetsing' is here: the ones that hold a list (scope, size,
locations) are multi-line text areas and render as a list in every report format; the
form of the audit and first or re-certification are choice lists; dates are checked
(10-3-2026, 10 maart 2026 or 2026-03-10) and a wrong one is named with its field; visit
dates and locations can be taken from the sessions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Header, Input, Label, Select, Static, TextArea

from interview_assistant.domain.audit import (
    CORE_FIELD_CHOICES,
    CoreData,
    FieldKind,
    core_field_kind,
    dutch_date,
    normalise_core_value,
    stored_dates,
    visit_proposal,
)
from interview_assistant.domain.errors import DomainError
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.privacy import NAMED_BY_DESIGN
from interview_assistant.tui.privacy_check import check_saved_text
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.widgets.key_bar import KeyBar
from norm_catalogue import DEFAULT_EDITION, available_editions

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp


def shown_value(name: str, stored: str) -> str:
    """A stored value as the form shows it: dates in Dutch, the rest as stored."""
    if core_field_kind(name) in (FieldKind.DATE, FieldKind.DATES):
        dates = stored_dates(stored)
        if dates and len(dates) == len([p for p in stored.split(",") if p.strip()]):
            return ", ".join(dutch_date(d) for d in dates)
    return stored


class AuditFormScreen(Screen[None]):
    """With ``workspace`` None it creates a new audit; otherwise it edits that audit."""

    CSS_PATH = "forms.tcss"
    AUTO_FOCUS = "#organisation"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", msg("tui.key.save"), id="audit_form.save"),
        Binding("escape", "cancel", msg("tui.key.cancel"), id="audit_form.cancel"),
        # Tab acts as the key is read, not once it has gone through the field: letters typed
        # right after it then go to the next field, not the one just left.
        Binding("tab", "app.focus_next", show=False, priority=True, id="audit_form.next_field"),
        Binding(
            "shift+tab",
            "app.focus_previous",
            show=False,
            priority=True,
            id="audit_form.previous_field",
        ),
    ]

    app: InterviewAssistantApp

    def __init__(self, workspace: AuditWorkspace | None = None) -> None:
        super().__init__()
        self.workspace = workspace

    def _field(self, name: str, value: str) -> Widget:
        kind = core_field_kind(name)
        if kind is FieldKind.CHOICE:
            choices = list(CORE_FIELD_CHOICES[name])
            if value and value not in choices:
                choices.append(value)  # an earlier free-text value stays selectable
            return Select(
                [(c, c) for c in choices],
                value=value or Select.NULL,
                allow_blank=True,
                prompt=msg("report.form.choose"),
                id=f"core-{name}",
                compact=True,
            )
        if kind is FieldKind.LINES:
            area = TextArea(value, id=f"core-{name}", classes="form-lines", soft_wrap=True)
            area.show_line_numbers = False
            return area
        return Input(shown_value(name, value), id=f"core-{name}", compact=True)

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
                yield Label(msg(f"report.field.{name}"), classes="form-label")
                yield self._field(name, getattr(core, name))
                if name == "locations" and self.workspace is not None:
                    yield Button(msg("report.form.from_sessions"), id="from-sessions", compact=True)
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

    def _value(self, name: str) -> str:
        widget = self.query_one(f"#core-{name}")
        if isinstance(widget, Select):
            return "" if widget.is_blank() else str(widget.value)
        if isinstance(widget, TextArea):
            return widget.text
        assert isinstance(widget, Input)
        return widget.value

    @on(Button.Pressed, "#from-sessions")
    def propose_visit(self) -> None:
        """Visit dates and locations as the sessions recorded them (the lead may edit them)."""
        if self.workspace is None:
            return
        dates, places = visit_proposal(self.workspace.sessions)
        self.query_one("#core-visit_dates", Input).value = shown_value("visit_dates", dates)
        self.query_one("#core-locations", TextArea).text = places

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
        core: dict[str, str] = {}
        for name in CoreData.field_names():
            try:
                core[name] = normalise_core_value(name, self._value(name))
            except DomainError as exc:
                self._error(str(exc))
                self.query_one(f"#core-{name}").focus()
                return
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
                for name, value in core.items():
                    if name not in NAMED_BY_DESIGN:  # contact person, auditors: on purpose
                        check_saved_text(self.app, self.workspace, "kerngegevens", name, value)
                self.app.notify(msg("tui.notify.saved_core"))
                self.dismiss(None)
        except (DomainError, OSError) as exc:
            self._error(str(exc))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
