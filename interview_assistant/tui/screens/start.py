"""The first screen: the audits in the data folder, or how to begin when there are none."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, OptionList, Static
from textual.widgets.option_list import Option

from interview_assistant.domain.audit import Audit
from interview_assistant.messages import msg, plural
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp


def sessions_label(count: int) -> str:
    return plural.count(count, "conversation")


def audit_prompt(audit: Audit, session_count: int) -> Content:
    meta = msg(
        "tui.start.audit_meta",
        created=f"{audit.created:%Y-%m-%d}",
        sessions=sessions_label(session_count),
        id=audit.id,
    )
    return Content.assemble((audit.organisation, "bold"), "\n", (meta, "$text-muted"))


def unreadable_prompt(audit_id: str, problem: str) -> Content:
    title = msg("listing.tui_unreadable", id=audit_id)
    return Content.assemble((title, "bold"), "\n", (problem, "$text-error"))


class StartScreen(Screen[None]):
    CSS_PATH = "start.tcss"
    AUTO_FOCUS = "#audit-list"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_selected", msg("tui.key.open"), id="start.open", priority=True),
        Binding("n", "new_audit", msg("tui.key.new_audit"), id="start.new_audit"),
        Binding("d", "demo", msg("tui.key.demo"), id="start.demo"),
        Binding("m", "merge", msg("tui.key.merge"), id="start.merge"),
        Binding(
            "question_mark",
            "app.help",
            msg("tui.key.help"),
            show=False,
            system=True,
            id="start.help",
        ),
    ]

    app: InterviewAssistantApp

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start-body"):
            yield Static(msg("tui.start.intro"), id="start-intro")
            yield Static("", id="start-hint")
            yield OptionList(id="audit-list")
            with Horizontal(id="start-buttons"):
                yield Button(msg("tui.start.new_button"), id="new-audit", variant="primary")
                yield Button(msg("tui.start.demo_button"), id="open-demo")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = msg("tui.app.title")
        self.sub_title = msg("tui.app.subtitle")
        self.show_audits()

    def on_screen_resume(self) -> None:
        self.show_audits()

    def show_audits(self) -> None:
        folder = self.app.folder
        listing = folder.audit_listing()
        audits = [entry.audit for entry in listing if entry.audit is not None]
        self.app.report_problems()
        audit_list = self.query_one("#audit-list", OptionList)
        highlighted = audit_list.highlighted_option
        audit_list.clear_options()
        options: list[Option | None] = []
        for entry in listing:
            if options:
                options.append(None)  # a rule between audits
            if entry.audit is not None:
                prompt = audit_prompt(entry.audit, folder.session_count(entry.id))
                options.append(Option(prompt, entry.id))
            else:  # listed with its problem, never silently left out; it cannot be opened
                options.append(Option(unreadable_prompt(entry.id, entry.problem), disabled=True))
        audit_list.add_options(options)
        audit_list.display = bool(listing)
        hint = msg("tui.start.choose") if audits else msg("tui.start.empty")
        self.query_one("#start-hint", Static).update(hint)
        if audits:
            index = 0
            if highlighted is not None and highlighted.id in {a.id for a in audits}:
                index = audit_list.get_option_index(highlighted.id)
            audit_list.highlighted = index
            audit_list.focus()
        else:
            self.query_one("#new-audit", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_selected":
            audit_list = self.query_one("#audit-list", OptionList)
            return audit_list.display and audit_list.has_focus
        return True

    def action_open_selected(self) -> None:
        option = self.query_one("#audit-list", OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.app.open_audit(option.id)

    @on(OptionList.OptionSelected, "#audit-list")
    def _open_clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.app.open_audit(event.option.id)

    @on(Button.Pressed, "#new-audit")
    def action_new_audit(self) -> None:
        self.app.new_audit()

    @on(Button.Pressed, "#open-demo")
    def action_demo(self) -> None:
        self.app.open_demo()

    def action_merge(self) -> None:
        self.app.open_merge(None)
