"""The form before an interview: who audits, what kind of session, who is interviewed.

Interviewees are asked by function and role codes only, never by name. A group
interview gets several partners; the one filled in but not yet added counts as well,
so a one-to-one interview needs no extra step. A partner heard before can be marked
"the same person as" in an earlier interview, so the report counts them once.

The same form corrects a session afterwards (``session_id`` given): the fields start
with what was recorded, the partner chosen under "Gesprekspartners" is the one the
function and role fields correct (or a new one), and a partner can be taken out. The
auditor of a new session is this computer's ("ik ben ..."), never the last interview's.
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
from interview_assistant.domain.session import Interviewee, PersonLink, Session, SessionKind
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.identity import current_auditor, set_current_auditor
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.text import plain, shown
from interview_assistant.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp


#: the partner choice that adds a new partner instead of correcting one
NEW_PARTNER = -1


class NewSessionScreen(Screen[Session | None]):
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

    def __init__(
        self,
        workspace: AuditWorkspace,
        session_id: str | None = None,
        auditor: str | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        #: the session being corrected; None for a new one
        self.session: Session | None = workspace.session(session_id) if session_id else None
        self.interviewees: list[Interviewee] = (
            list(self.session.interviewees) if self.session else []
        )
        #: positions (in the session as recorded) of the partners taken out
        self.removed: list[int] = []
        #: per partner in the list, their position in the session as recorded (None: new)
        self.origins: list[int | None] = list(range(len(self.interviewees)))
        self.auditor = auditor
        #: the people an interviewee can be "the same person as" (not this session's own)
        self.people = [
            p for p in workspace.heard_people if self.session is None or p.session.id != session_id
        ]

    @property
    def editing(self) -> bool:
        return self.session is not None

    def compose(self) -> ComposeResult:
        session = self.session
        if session is not None:
            auditor = session.auditor
        else:
            auditor = self.auditor if self.auditor is not None else current_auditor()
        roles = self.workspace.catalogue.roles
        #: this computer's auditor is not set yet: the name given here is remembered
        self.ask_identity = session is None and not current_auditor()
        yield Header()
        with VerticalScroll(id="form-body"):
            yield Label(msg("tui.session_form.auditor"), classes="form-label")
            if self.ask_identity:
                yield Static(msg("session_tui.identity_first"), classes="form-intro")
            placeholder = msg("session_tui.identity_placeholder") if self.ask_identity else ""
            yield Input(auditor, placeholder=placeholder, id="auditor", compact=True)
            yield Label(msg("tui.session_form.kind"), classes="form-label")
            yield Select(
                [(msg(f"session_kind.{k.value}"), k.value) for k in SessionKind],
                value=(session.kind if session else SessionKind.INTERVIEW).value,
                allow_blank=False,
                id="kind",
                compact=True,
            )
            yield Static(msg("tui.session_form.interviewees"), classes="form-header")
            yield Static(msg("tui.session_form.none_added"), id="interviewees")
            if session is not None:
                yield Label(msg("session_tui.partner_choice"), classes="form-label")
                yield Select(
                    self._partner_options(),
                    value=0 if self.interviewees else NEW_PARTNER,
                    allow_blank=False,
                    id="partner-choice",
                    compact=True,
                )
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
            people = self.people
            if people:
                yield Label(msg("tui.session_form.same_as"), classes="form-label")
                yield Select(
                    [(p.option_label(), n) for n, p in enumerate(people)],
                    prompt=msg("tui.session_form.same_as_none"),
                    id="same-as",
                    compact=True,
                )
            with Horizontal(classes="form-buttons"):
                if session is None:
                    yield Button(msg("tui.session_form.add"), id="add-interviewee")
                else:
                    yield Button(msg("session_tui.update_partner"), id="add-interviewee")
                    yield Button(msg("session_tui.remove_partner"), id="remove-interviewee")
            yield Label(msg("tui.session_form.location"), classes="form-label")
            yield Input(session.location if session else "", id="location", compact=True)
            yield Static("", id="form-error")
            with Horizontal(classes="form-buttons"):
                save = msg("session_tui.save" if session else "tui.session_form.start")
                yield Button(save, id="start", variant="primary")
                yield Button(msg("tui.key.cancel"), id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = msg("session_tui.edit_title" if self.editing else "tui.session_form.title")
        self.sub_title = shown(self.workspace.audit.organisation)
        self.query_one("#form-error", Static).display = False
        if self.editing:
            self._show_partners()
            self._load_partner(0 if self.interviewees else NEW_PARTNER)

    # -- correcting a session: which partner the fields are about -------------------------

    def _partner_options(self) -> list[tuple[str, int]]:
        options = [
            (msg("session_tui.partner_row", number=n, label=shown(p.label())), n - 1)
            for n, p in enumerate(self.interviewees, start=1)
        ]
        return [*options, (msg("session_tui.new_partner"), NEW_PARTNER)]

    def _chosen_partner(self) -> int:
        chosen = self.query("#partner-choice")
        if not chosen:
            return NEW_PARTNER
        value = chosen.first(Select).value
        return value if isinstance(value, int) else NEW_PARTNER

    def _show_partners(self) -> None:
        if self.interviewees:
            labels = "; ".join(
                f"{n}. {i.label()}" for n, i in enumerate(self.interviewees, start=1)
            )
            self.query_one("#interviewees", Static).update(plain(labels))
        else:
            self.query_one("#interviewees", Static).update(msg("tui.session_form.none_added"))

    def _load_partner(self, index: int) -> None:
        """Put the chosen partner's function, roles and link in the fields."""
        partner = self.interviewees[index] if 0 <= index < len(self.interviewees) else None
        self.query_one("#function", Input).value = partner.function if partner else ""
        roles = self.query_one("#roles", SelectionList)
        roles.deselect_all()
        for role in partner.roles if partner else ():
            roles.select(role)
        for same_as in self.query("#same-as").results(Select):
            link = partner.same_as if partner else None
            match = [n for n, p in enumerate(self.people) if p.link == link]
            if match:
                same_as.value = match[0]
            else:
                same_as.clear()

    @on(Select.Changed, "#partner-choice")
    def _partner_chosen(self, event: Select.Changed) -> None:
        self._load_partner(self._chosen_partner())

    def _reset_choice(self, index: int) -> None:
        choice = self.query_one("#partner-choice", Select)
        choice.set_options(self._partner_options())
        choice.value = index
        self._show_partners()
        self._load_partner(index)

    @on(Button.Pressed, "#remove-interviewee")
    def action_remove_interviewee(self) -> None:
        index = self._chosen_partner()
        if not 0 <= index < len(self.interviewees):
            return
        origin = self.origins[index]
        if origin is not None:
            from interview_assistant.services.session_edit import removal_refused

            assert self.session is not None
            refused = removal_refused(self.workspace, self.session, origin)
            if refused:
                self._error(refused)
                return
            self.removed.append(origin)
        del self.interviewees[index]
        del self.origins[index]
        self.query_one("#form-error", Static).display = False
        self._reset_choice(0 if self.interviewees else NEW_PARTNER)

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
        return self.people[value].link

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
        if self.editing:
            self._put_partner(pending)
            self.query_one("#form-error", Static).display = False
            self._reset_choice(self._chosen_partner())
            return
        self.interviewees.append(pending)
        labels = "; ".join(i.label() for i in self.interviewees)
        added = msg("tui.session_form.added", label=labels)
        self.query_one("#interviewees", Static).update(plain(added))
        self.query_one("#function", Input).value = ""
        roles = self.query_one("#roles", SelectionList)
        roles.deselect_all()
        roles.highlighted = 0  # the next partner's roles are picked from the top again
        for same_as in self.query("#same-as").results(Select):
            same_as.clear()
        self.query_one("#form-error", Static).display = False
        self.query_one("#function", Input).focus()

    def _put_partner(self, partner: Interviewee) -> None:
        """The chosen partner corrected, or a new one added (and chosen)."""
        index = self._chosen_partner()
        if 0 <= index < len(self.interviewees):
            self.interviewees[index] = partner
        else:
            self.interviewees.append(partner)
            self.origins.append(None)
            choice = self.query_one("#partner-choice", Select)
            choice.set_options(self._partner_options())
            choice.value = len(self.interviewees) - 1

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
        kind = SessionKind(str(self.query_one("#kind", Select).value))
        location = self.query_one("#location", Input).value
        if self.session is not None:
            self._save_correction(auditor, kind, location, pending)
            return
        interviewees = [*self.interviewees, *([pending] if pending else [])]
        try:
            session = self.workspace.start_session(auditor, interviewees, kind, location)
        except (DomainError, OSError) as exc:
            self._error(str(exc), "#function")
            return
        if self.ask_identity:
            self._remember_auditor(session.auditor)
        self.app.switch_to_interview(self.workspace, session.id, fresh=True)

    def _remember_auditor(self, name: str) -> None:
        """The first session on this computer: its auditor becomes the default."""
        try:
            set_current_auditor(name)
        except (DomainError, OSError) as exc:
            self.app.notify(str(exc), severity="warning")
            return
        self.app.notify(msg("session_tui.identity_saved", name=name))

    def _save_correction(
        self, auditor: str, kind: SessionKind, location: str, pending: Interviewee | None
    ) -> None:
        assert self.session is not None
        if pending is not None:
            self._put_partner(pending)
        try:
            edited = self.workspace.edit_session(
                self.session.id,
                auditor=auditor,
                kind=kind,
                location=location,
                interviewees=self.interviewees,
                removed=self.removed,
            )
        except (DomainError, OSError) as exc:
            self._error(str(exc), "#function")
            return
        changed = edited.header() != self.session.header()
        self.app.notify(msg("session_tui.saved" if changed else "session_tui.unchanged"))
        self.dismiss(edited)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class EditSessionScreen(NewSessionScreen):
    """The session form correcting a recorded session; dismissed with the session as
    stored (None when cancelled). Its keys say what they do here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", msg("session_tui.save"), id="session_edit.save"),
        Binding(
            "ctrl+t",
            "add_interviewee",
            msg("session_tui.update_partner"),
            id="session_edit.update_partner",
        ),
        Binding(
            "ctrl+r",
            "remove_interviewee",
            msg("session_tui.remove_partner"),
            id="session_edit.remove_partner",
        ),
    ]

    def __init__(self, workspace: AuditWorkspace, session_id: str) -> None:
        super().__init__(workspace, session_id)
