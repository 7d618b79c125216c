"""The form before an interview: who audits, what kind of session, who is interviewed.

Interviewees are asked by function and role codes only, never by name. A group
interview gets several partners; the one filled in but not yet added counts as well,
so a one-to-one interview needs no extra step. A partner heard before can be marked
"the same person as" in an earlier interview, so the report counts them once.
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
from textual.widgets import Button, Header, Input, Label, Select, SelectionList, Static

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.session import Interviewee, PersonLink, SessionKind
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.text import plain, shown
from interview_assistant.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp


class NewSessionScreen(Screen[None]):
    CSS_PATH = "forms.tcss"
    AUTO_FOCUS = "#auditor"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", msg("tui.session_form.start"), id="session_form.start"),
        Binding("ctrl+t", "add_interviewee", msg("tui.key.add_interviewee"), id="session_form.add"),
        Binding("escape", "cancel", msg("tui.key.cancel"), id="session_form.cancel"),
        # Tab acts as the key is read, not once it has gone through the field: letters typed
        # right after it then go to the next field, not the one just left.
        Binding("tab", "app.focus_next", show=False, priority=True, id="session_form.next_field"),
        Binding(
            "shift+tab",
            "app.focus_previous",
            show=False,
            priority=True,
            id="session_form.previous_field",
        ),
    ]

    app: InterviewAssistantApp

    def __init__(self, workspace: AuditWorkspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.interviewees: list[Interviewee] = []

    def compose(self) -> ComposeResult:
        sessions = self.workspace.sessions
        last_auditor = sessions[-1].auditor if sessions else ""
        roles = self.workspace.catalogue.roles
        yield Header()
        with VerticalScroll(id="form-body"):
            yield Label(msg("tui.session_form.auditor"), classes="form-label")
            yield Input(last_auditor, id="auditor", compact=True)
            yield Label(msg("tui.session_form.kind"), classes="form-label")
            yield Select(
                [(msg(f"session_kind.{k.value}"), k.value) for k in SessionKind],
                value=SessionKind.INTERVIEW.value,
                allow_blank=False,
                id="kind",
                compact=True,
            )
            yield Static(msg("tui.session_form.interviewees"), classes="form-header")
            yield Static(msg("tui.session_form.none_added"), id="interviewees")
            yield Label(msg("tui.session_form.function"), classes="form-label")
            yield Input(
                placeholder=msg("tui.session_form.function_placeholder"),
                id="function",
                compact=True,
            )
            yield Label(msg("tui.session_form.roles"), classes="form-label")
            yield SelectionList[str](
                *[
                    (msg("tui.session_form.role_option", code=c, description=r.description), c)
                    for c, r in roles.items()
                ],
                id="roles",
                compact=True,
            )
            people = self.workspace.heard_people
            if people:
                yield Label(msg("tui.session_form.same_as"), classes="form-label")
                yield Select(
                    [(p.option_label(), n) for n, p in enumerate(people)],
                    prompt=msg("tui.session_form.same_as_none"),
                    id="same-as",
                    compact=True,
                )
            with Horizontal(classes="form-buttons"):
                yield Button(msg("tui.session_form.add"), id="add-interviewee")
            yield Label(msg("tui.session_form.location"), classes="form-label")
            yield Input(id="location", compact=True)
            yield Static("", id="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(msg("tui.session_form.start"), id="start", variant="primary")
                yield Button(msg("tui.key.cancel"), id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = msg("tui.session_form.title")
        self.sub_title = shown(self.workspace.audit.organisation)
        self.query_one("#form-error", Static).display = False

    def _error(self, text: str, focus: str | None = None) -> None:
        error = self.query_one("#form-error", Static)
        error.update(plain(text))
        error.display = True
        error.scroll_visible()
        if focus:
            self.query_one(focus).focus()

    def _pending(self) -> Interviewee | None:
        """The partner filled in but not yet added; raises ValueError with a message if half."""
        function = self.query_one("#function", Input).value.strip()
        roles = tuple(self.query_one("#roles", SelectionList).selected)
        if not function and not roles:
            return None
        if not function:
            raise ValueError(msg("tui.session_form.function_missing"))
        kind = SessionKind(str(self.query_one("#kind", Select).value))
        if not roles and kind is SessionKind.INTERVIEW:
            raise ValueError(msg("tui.session_form.roles_missing", function=function))
        return Interviewee(function, roles, self._same_as())

    def _same_as(self) -> PersonLink | None:
        """The earlier interviewee chosen as the same person; None for a new person."""
        chosen = self.query("#same-as")
        if not chosen:
            return None
        value = chosen.first(Select).value
        if not isinstance(value, int):  # Select.BLANK: a new person
            return None
        return self.workspace.heard_people[value].link

    @on(Button.Pressed, "#add-interviewee")
    def action_add_interviewee(self) -> None:
        try:
            pending = self._pending()
        except ValueError as exc:
            self._error(str(exc), "#function")
            return
        if pending is None:
            self._error(msg("tui.session_form.function_missing"), "#function")
            return
        self.interviewees.append(pending)
        labels = "; ".join(i.label() for i in self.interviewees)
        added = msg("tui.session_form.added", label=labels)
        self.query_one("#interviewees", Static).update(plain(added))
        self.query_one("#function", Input).value = ""
        self.query_one("#roles", SelectionList).deselect_all()
        for same_as in self.query("#same-as").results(Select):
            same_as.clear()
        self.query_one("#form-error", Static).display = False
        self.query_one("#function", Input).focus()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        auditor = self.query_one("#auditor", Input).value.strip()
        if not auditor:
            self._error(msg("tui.session_form.auditor_missing"), "#auditor")
            return
        try:
            pending = self._pending()
        except ValueError as exc:
            self._error(str(exc), "#function")
            return
        interviewees = [*self.interviewees, *([pending] if pending else [])]
        kind = SessionKind(str(self.query_one("#kind", Select).value))
        location = self.query_one("#location", Input).value
        try:
            session = self.workspace.start_session(auditor, interviewees, kind, location)
        except (DomainError, OSError) as exc:
            self._error(str(exc), "#function")
            return
        self.app.switch_to_interview(self.workspace, session.id, fresh=True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
