"""Edit what Part A says besides the figures, with Part A shown as it will read.

The explanation (toelichting), the CI's free advice text, the strong points and concerns
for the trend analysis, and the CI's advice itself (positief / negatief, date, name and
place for the signature). Texts are stored while the lead types (half a second after the
last key, and on leaving), then the preview on the right is built again in a worker, so
what the preview shows is what is on disk. An advice the label rule forbids is refused
with every reason, shown under the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Header, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from interview_assistant.domain.assessment import (
    AdviceDecision,
    TextKey,
    TrendKind,
    TrendPoint,
)
from interview_assistant.domain.audit import dutch_date, parse_date
from interview_assistant.domain.errors import DomainError
from interview_assistant.messages import msg
from interview_assistant.services.audit import Refreshed
from interview_assistant.services.review import AuditReview, Refused
from interview_assistant.tui.privacy_check import check_saved_text
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp

#: seconds after the last key before a text is stored and the preview rebuilt
SAVE_DELAY = 0.5

TEXT_AREAS: dict[str, TextKey] = {
    "text-toelichting": TextKey.EXPLANATION,
    "text-advies": TextKey.ADVICE,
}


def point_label(point: TrendPoint) -> str:
    kind = msg(f"report.tui.trend_kind.{point.kind.value}")
    hidden = f" {msg('report.tui.hidden')}" if point.hidden else ""
    text = " ".join(point.text.split())
    return f"{kind}{hidden}: {text[:70] + '…' if len(text) > 70 else text}"


class ReportTextsScreen(Screen[None]):
    CSS_PATH = "report_texts.tcss"
    AUTO_FOCUS = "#text-toelichting"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", msg("tui.key.save"), id="report_texts.save", priority=True),
        Binding("escape", "back", msg("tui.key.back"), id="report_texts.back"),
    ]

    app: InterviewAssistantApp

    def __init__(self, review: AuditReview) -> None:
        super().__init__()
        self.review = review
        #: per text area: the text as stored (what unsaved changes are measured against)
        self._stored: dict[str, str] = {}
        self._point_id: str | None = None
        self._point_stored = ""
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown

        yield Header()
        with Horizontal(id="texts-body"):
            with VerticalScroll(id="texts-editors"):
                yield Label(msg("report.tui.explanation"), classes="texts-label")
                yield TextArea(id="text-toelichting", soft_wrap=True, show_line_numbers=False)
                yield Label(msg("report.tui.advice_text"), classes="texts-label")
                yield TextArea(id="text-advies", soft_wrap=True, show_line_numbers=False)
                yield Label(msg("report.tui.trend"), classes="texts-label")
                yield OptionList(id="trend-list")
                yield TextArea(id="trend-text", soft_wrap=True, show_line_numbers=False)
                with Horizontal(classes="texts-buttons"):
                    yield Button(msg("report.tui.hide"), id="trend-hide", compact=True)
                    yield Button(msg("report.tui.add_strong"), id="trend-add-sterk", compact=True)
                    yield Button(msg("report.tui.add_concern"), id="trend-add-zorg", compact=True)
                yield Label(msg("report.tui.advice"), classes="texts-label")
                yield Select(
                    [(msg(f"report.tui.decision.{d.value}"), d.value) for d in AdviceDecision],
                    prompt=msg("report.form.choose"),
                    id="advice-decision",
                    compact=True,
                )
                yield Input(placeholder=msg("report.tui.advice_date"), id="advice-date")
                yield Input(placeholder=msg("report.tui.advice_by"), id="advice-by")
                yield Input(placeholder=msg("report.tui.advice_place"), id="advice-place")
                yield Button(msg("report.tui.record_advice"), id="advice-record", compact=True)
                yield Static("", id="advice-status")
            with VerticalScroll(id="texts-preview"):
                yield Markdown("", id="texts-markdown")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = msg("report.tui.title")
        self.sub_title = self.review.audit.organisation
        for widget_id, key in TEXT_AREAS.items():
            text = self.review.text(key)
            self._stored[widget_id] = text
            self.query_one(f"#{widget_id}", TextArea).load_text(text)
        self._show_points()
        self._show_advice()
        self.build_preview()

    # -- texts ------------------------------------------------------------------------------------

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.save)

    def save(self) -> bool:
        """Store every changed text and trend point; True when nothing is left unsaved."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        changed = False
        try:
            for widget_id, key in TEXT_AREAS.items():
                text = self.query_one(f"#{widget_id}", TextArea).text
                if text != self._stored[widget_id]:
                    self.review.set_text(key, text.strip())
                    self._stored[widget_id] = text
                    changed = True
            point_text = self.query_one("#trend-text", TextArea).text
            point_changed = self._point_id is not None and point_text != self._point_stored
            if point_changed and point_text.strip() and self._point_id is not None:
                self.review.edit_trend_point(self._point_id, text=point_text)
                self._point_stored = point_text
                workspace = self.review.workspace
                check_saved_text(self.app, workspace, "trendpunt", self._point_id, point_text)
                self._show_points()
                changed = True
        except (DomainError, OSError) as exc:
            self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
            return False
        if changed:
            self.build_preview()
        return True

    @property
    def unsaved_text(self) -> str:
        """For the quit question: a changed text not yet stored."""
        for widget_id in TEXT_AREAS:
            text = self.query_one(f"#{widget_id}", TextArea).text
            if text != self._stored[widget_id]:
                return text.strip()
        point_text = self.query_one("#trend-text", TextArea).text
        return point_text.strip() if point_text != self._point_stored else ""

    def save_unsent(self) -> bool:
        return self.save()

    def action_save(self) -> None:
        self.save()

    # -- trend points -----------------------------------------------------------------------------

    def _show_points(self) -> None:
        points = self.review.trend_points(include_hidden=True)
        options = self.query_one("#trend-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(point_label(p), id=p.id) for p in points])
        if points:
            options.highlighted = min(highlighted or 0, len(points) - 1)
        self.query_one("#trend-hide", Button).disabled = self._point_id is None

    def _select_point(self, point_id: str) -> None:
        if not self.save():
            return
        point = self.review.trend_point(point_id)
        self._point_id = point.id
        self._point_stored = point.text
        area = self.query_one("#trend-text", TextArea)
        area.load_text(point.text)
        if point.text == msg("report.tui.new_point"):
            area.select_all()  # a new point: typing replaces the placeholder text
        area.border_title = point_label(point).split(":")[0]
        hide = self.query_one("#trend-hide", Button)
        hide.disabled = False
        hide.label = msg("report.tui.show" if point.hidden else "report.tui.hide")

    @on(OptionList.OptionHighlighted, "#trend-list")
    def _point_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self._point_id:
            self._select_point(event.option.id)

    @on(Button.Pressed, "#trend-hide")
    def _toggle_hidden(self) -> None:
        if self._point_id is None or not self.save():
            return
        point = self.review.trend_point(self._point_id)
        self.review.edit_trend_point(point.id, hidden=not point.hidden)
        self._select_point(point.id)
        self._show_points()
        self.build_preview()

    @on(Button.Pressed, "#trend-add-sterk, #trend-add-zorg")
    def _add_point(self, event: Button.Pressed) -> None:
        if not self.save():
            return
        kind = TrendKind((event.button.id or "").removeprefix("trend-add-"))
        point = self.review.add_trend_point(kind, msg("report.tui.new_point"))
        self._show_points()
        options = self.query_one("#trend-list", OptionList)
        options.highlighted = options.get_option_index(point.id)
        self._select_point(point.id)
        self.query_one("#trend-text", TextArea).focus()
        self.build_preview()

    # -- the advice -------------------------------------------------------------------------------

    def _show_advice(self) -> None:
        advice = self.review.advice()
        status = self.query_one("#advice-status", Static)
        if advice is None:
            status.update(msg("report.tui.no_advice"))
            return
        self.query_one("#advice-decision", Select).value = advice.decision.value
        self.query_one("#advice-date", Input).value = dutch_date(advice.date) if advice.date else ""
        self.query_one("#advice-by", Input).value = advice.by
        self.query_one("#advice-place", Input).value = advice.place
        status.update(msg("report.tui.advice_recorded", decision=advice.decision.value))
        status.remove_class("refused")

    @on(Button.Pressed, "#advice-record")
    def record_advice(self) -> None:
        status = self.query_one("#advice-status", Static)
        select = self.query_one("#advice-decision", Select)
        if select.is_blank():
            status.update(msg("report.tui.choose_decision"))
            status.add_class("refused")
            return
        decision = AdviceDecision(str(select.value))
        date_text = self.query_one("#advice-date", Input).value.strip()
        try:
            when = parse_date(date_text) if date_text else None
            self.review.record_advice(
                decision,
                when,
                self.query_one("#advice-by", Input).value,
                self.query_one("#advice-place", Input).value,
            )
        except Refused as exc:
            status.update(str(exc))
            status.add_class("refused")
            return
        except (DomainError, OSError) as exc:
            status.update(str(exc))
            status.add_class("refused")
            return
        self._show_advice()
        self.notify(msg("report.cli.advice_saved", decision=decision.value))
        self.build_preview()

    # -- the preview ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="texts-preview", exit_on_error=False)
    def build_preview(self) -> None:
        from interview_assistant.report.markdown import render_markdown

        try:
            markdown = render_markdown(self.review.report_model(part="A"))
        except (DomainError, OSError) as exc:
            markdown = str(exc)
        self.app.call_from_thread(self._show_preview, markdown)

    def _show_preview(self, markdown: str) -> None:
        from textual.widgets import Markdown

        if self.is_mounted:
            self.query_one("#texts-markdown", Markdown).update(markdown)
            self.app.mark_ready()

    def show_audit_changes(self, changes: Refreshed) -> None:
        """Another process changed the audit: show its texts where the lead has not typed."""
        if not self.is_mounted:
            return
        for widget_id, key in TEXT_AREAS.items():
            area = self.query_one(f"#{widget_id}", TextArea)
            text = self.review.text(key)
            if area.text == self._stored[widget_id] and text != self._stored[widget_id]:
                self._stored[widget_id] = text
                area.load_text(text)
        self._show_points()
        self.build_preview()

    def action_back(self) -> None:
        if self.save():
            self.dismiss(None)
