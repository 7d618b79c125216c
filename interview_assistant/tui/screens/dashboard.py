"""One audit at a glance: every norm's coverage by section, the notes behind it, the sessions.

The audit is read in a worker thread so the screen is there at once even for an audit of
a hundred sessions; what other processes change arrives from the app's file watcher
(:meth:`DashboardScreen.show_audit_changes`). Workers read the workspace only under its
lock and hand their results to the UI thread.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from interview_assistant.domain.coverage import CoverageStatus, NormCoverage
from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Session
from interview_assistant.messages import msg, plural
from interview_assistant.services.audit import AuditWorkspace, Refreshed
from interview_assistant.tui.norm_commands import NormChosen, NormProvider
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.text import shown
from interview_assistant.tui.widgets.guide_panel import STATUS_STYLE, coverage_line
from interview_assistant.tui.widgets.key_bar import KeyBar
from norm_catalogue import Catalogue, Norm

if TYPE_CHECKING:
    from interview_assistant.services.review import AuditReview
    from interview_assistant.tui.app import InterviewAssistantApp

#: notes listed under the highlighted norm; the assessment screen has them all
DETAIL_NOTES = 60
SECTION_PREFIX = "section-"
STATUS_ROW_STYLE = {
    CoverageStatus.NONE: "$text-error",
    CoverageStatus.BELOW: "$text-warning",
    CoverageStatus.MET: "$text-success",
}


def sessions_label(count: int) -> str:
    return plural.count(count, "conversation")


def source_label(session: Session) -> str:
    interviewees = "; ".join(i.label() for i in session.interviewees) or "-"
    return msg(
        "tui.dashboard.source",
        interviewees=interviewees,
        kind=msg(f"session_kind.{session.kind.value}"),
        auditor=session.auditor,
        started=f"{session.started:%Y-%m-%d %H:%M}",
    )


#: widths of the norm list's columns: id, who (the template's Wie), sources/target, factual,
#: verdict, roles heard
NORM_COLUMNS = (4, 11, 7, 9, 8, 12)
COLUMN_KEYS = ("norm", "who", "sources", "factual", "verdict", "roles")


def norm_header() -> Content:
    names = [msg(f"tui.dashboard.col_{k}") for k in COLUMN_KEYS]
    cells = [f"{name:<{width}}" for name, width in zip(names, NORM_COLUMNS, strict=True)]
    return Content.assemble((" ".join([*cells, msg("tui.dashboard.col_text")]), "bold $text-muted"))


def _cell(text: str, width: int) -> str:
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width) + " "


#: how the verdict column shows a conflict, a verdict on thin evidence, a plain verdict
VERDICT_STYLE = {
    "conflict": "bold $text-error",
    "thin": "bold $text-warning",
    "plain": "bold $text-accent",
}


def norm_row(norm: Norm, cov: NormCoverage, verdict: str = "", state: str = "plain") -> Content:
    """One norm: who it is for, coverage coloured by status, its verdict, the roles heard.

    ``state`` is "conflict" (auditors' proposals differ: the verdict column says so in
    red), "thin" (a verdict on fewer sources than the target or nothing factual: marked)
    or "plain"."""
    style = STATUS_ROW_STYLE[cov.status]
    id_w, who_w, sources_w, factual_w, verdict_w, roles_w = NORM_COLUMNS
    return Content.assemble(
        (f"{norm.id:<{id_w}} ", f"bold {style}"),
        (_cell(", ".join(norm.roles), who_w), "$text-primary"),
        (_cell(f"{cov.sources}/{cov.target}", sources_w), style),
        _cell(f"{cov.factual}", factual_w),
        (_cell(verdict, verdict_w), VERDICT_STYLE[state]),
        (_cell(", ".join(cov.roles), roles_w), "$text-muted"),
        norm.short_text,
    )


def met_phrase(met: int, count: int) -> str:
    """'26 van de 49 normen hebben': what the coverage summaries count."""
    return plural.count_of(met, count, "norm", "has")


def section_row(name: str, met: int, count: int, target: int) -> Content:
    text = msg("tui.dashboard.section_met", met=met_phrase(met, count), target=target)
    return Content.assemble((name, "bold $text-primary"), ("  " + text, "$text-muted"))


class DashboardBody(Vertical):
    """The norms and sessions tabs, mounted just after the dashboard's first frame."""

    def compose(self) -> ComposeResult:
        with TabbedContent(initial="norms-tab", id="tabs"):
            with TabPane(msg("tui.key.norms_tab"), id="norms-tab"), Horizontal(id="norms-pane"):
                with Vertical(id="norm-column"):
                    yield Static(norm_header(), id="norm-header")
                    yield OptionList(id="norm-list")
                with VerticalScroll(id="norm-detail"):
                    yield Static("", id="norm-detail-text")
            with TabPane(msg("tui.key.sessions_tab"), id="sessions-tab"):
                yield Static(msg("tui.dashboard.no_sessions"), id="no-sessions")
                yield DataTable(id="session-table", cursor_type="row")


class DashboardScreen(Screen[None]):
    CSS_PATH = "dashboard.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        NormProvider,
        ScreenCommands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_session", msg("tui.key.new_session"), id="dashboard.new_session"),
        Binding("k", "core_data", msg("tui.key.core_data"), id="dashboard.core_data"),
        Binding("f", "toggle_filter", msg("tui.key.filter"), id="dashboard.filter"),
        Binding("b", "assess", msg("tui.key.assess"), id="dashboard.assess"),
        Binding("r", "report", msg("tui.key.report"), id="dashboard.report"),
        Binding("m", "merge", msg("tui.key.merge"), id="dashboard.merge"),
        Binding(
            "p",
            "privacy_review",
            msg("privacy_review.key"),
            show=False,  # the bar is full at 80 columns; the palette names it with its key
            id="dashboard.privacy_review",
        ),
        Binding("g", "switch_tab", msg("tui.key.switch_tab"), id="dashboard.switch_tab"),
        # the session under the cursor of the sessions tab (see tui.screens.session_actions);
        # in the palette and the help, not the key bar (which is full at 80 columns)
        Binding(
            "v",
            "view_session",
            msg("session_tui.key.view"),
            show=False,
            id="dashboard.view_session",
        ),
        Binding(
            "w",
            "edit_session",
            msg("session_tui.key.edit"),
            show=False,
            id="dashboard.edit_session",
        ),
        Binding(
            "x",
            "delete_session",
            msg("session_tui.key.delete"),
            show=False,
            id="dashboard.delete_session",
        ),
        Binding(
            "h",
            "restore_session",
            msg("session_tui.key.restore"),
            show=False,
            id="dashboard.restore_session",
        ),
        Binding(
            "i",
            "set_identity",
            msg("session_tui.key.identity"),
            show=False,
            id="dashboard.identity",
        ),
        Binding("z,alt+z", "note_search", msg("notesearch.tui_key"), id="dashboard.note_search"),
        Binding("escape", "back", msg("tui.key.back"), id="dashboard.back"),
        Binding(
            "question_mark",
            "app.help",
            msg("tui.key.help"),
            show=False,
            system=True,
            id="dashboard.help",
        ),
    ]

    app: InterviewAssistantApp

    def __init__(self, audit_id: str, open_session: str | None = None) -> None:
        super().__init__()
        self.audit_id = audit_id
        self.open_session = open_session
        self.workspace: AuditWorkspace | None = None
        self.review: AuditReview | None = None
        self.only_open_norms = False
        self._shown_norm: str | None = None
        self._detail_header = Content("")

    @property
    def catalogue(self) -> Catalogue | None:
        return self.workspace.catalogue if self.workspace else None

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(msg("tui.dashboard.loading"), id="summary")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = msg("tui.app.title")
        # The first frame (title, keys, "loading") comes at once; the tabs, lists and
        # tables cost a good part of start-up to style and lay out, so they follow it.
        self.call_after_refresh(self._build_body)

    async def _build_body(self) -> None:
        await self.mount(DashboardBody(id="dashboard-body"), before=self.query_one(KeyBar))
        if self.focused is None:
            self.query_one("#norm-list", OptionList).focus()
        sessions = self.query_one("#session-table", DataTable)
        for key in ("started", "auditor", "kind", "notes", "state", "interviewees"):
            sessions.add_column(msg(f"tui.dashboard.col_{key}"), key=key)
        # Read the audit once the body is there: a large audit takes a moment to read.
        opened = self.app.opened(self.audit_id)
        if opened is not None:
            self._loaded(*opened)  # open already, and kept current by the file watcher
        else:
            self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        try:
            workspace, review = self.app.read_audit(self.audit_id)
        except (DomainError, OSError) as exc:
            self.app.call_from_thread(self._load_failed, exc)
            return
        self.app.call_from_thread(self._loaded, workspace, review)

    def _load_failed(self, exc: Exception) -> None:
        self.app.report_problems()
        self.app.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
        self.app.mark_ready()
        self.app.go_back()

    def _loaded(self, workspace: AuditWorkspace, review: AuditReview) -> None:
        self.workspace = workspace
        self.review = review
        self.app.adopt(workspace, review)
        self.refresh_bindings()  # the keys that need an audit are live now
        self.redraw()
        self.app.report_problems()
        if self.open_session is not None:
            session_id, self.open_session = self.open_session, None
            self.app.push_interview(workspace, session_id)
        else:
            self.app.mark_ready()

    def on_screen_resume(self) -> None:
        if self.workspace is not None:
            self.redraw()

    def show_audit_changes(self, changes: Refreshed) -> None:
        """Another process changed the audit: redraw, keeping the selection and filter."""
        if self.workspace is None or not self.is_mounted:
            return
        if changes.sessions or changes.audit:
            self.redraw()
        else:  # verdicts and proposals only: the verdict column and the conflicts count
            self._draw_summary(self.workspace)
            self._draw_norms(self.workspace)

    # -- drawing -----------------------------------------------------------------------------

    def redraw(self) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        self.sub_title = shown(workspace.audit.organisation)
        self._draw_summary(workspace)
        self._draw_norms(workspace)
        self._draw_sessions(workspace)

    def _draw_summary(self, workspace: AuditWorkspace) -> None:
        coverage = workspace.coverage.all()
        counts = Counter(c.status for c in coverage.values())
        notes = sum(workspace.note_count(s.id) for s in workspace.sessions)
        summary = msg(
            "tui.dashboard.summary",
            met=met_phrase(counts[CoverageStatus.MET], len(coverage)),
            below=counts[CoverageStatus.BELOW],
            none=counts[CoverageStatus.NONE],
            target=workspace.audit.target,
        )
        counts_line = msg(
            "tui.dashboard.counts",
            sessions=sessions_label(len(workspace.sessions)),
            notes=plural.count(notes, "note"),
        )
        conflicts = len(self.review.conflicts()) if self.review is not None else 0
        if conflicts:
            summary += " · " + msg("tui.dashboard.conflicts", norms=plural.count(conflicts, "norm"))
        filter_key = "filter_on" if self.only_open_norms else "filter_off"
        self.query_one("#summary", Static).update(
            Content.assemble(
                (workspace.audit.organisation, "bold"),
                ("  " + counts_line, "$text-muted"),
                "\n",
                summary,
                " ",
                (msg(f"tui.dashboard.{filter_key}"), "$text-muted"),
            )
        )

    def _draw_norms(self, workspace: AuditWorkspace) -> None:
        norm_list = self.query_one("#norm-list", OptionList)
        selected = norm_list.highlighted_option
        selected_id = selected.id if selected is not None else None
        catalogue = workspace.catalogue
        options: list[Option] = []
        for section in catalogue.sections:
            norms = catalogue.norms_in_section(section.id)
            coverages = [workspace.norm_coverage(n.id) for n in norms]
            shown = [
                (norm, cov)
                for norm, cov in zip(norms, coverages, strict=True)
                if not (self.only_open_norms and cov.status is CoverageStatus.MET)
            ]
            if not shown:
                continue
            met = sum(1 for c in coverages if c.status is CoverageStatus.MET)
            options.append(
                Option(
                    section_row(section.name, met, len(norms), workspace.audit.target),
                    SECTION_PREFIX + section.id,
                    True,
                )
            )
            options.extend(
                Option(norm_row(norm, cov, *self._verdict_cell(norm.id)), norm.id)
                for norm, cov in shown
            )
        norm_list.clear_options()
        norm_list.add_options(options)
        ids = [o.id for o in options if not o.disabled and o.id is not None]
        if not ids:
            self._show_detail(None)
            return
        target = selected_id if selected_id in ids else ids[0]
        norm_list.highlighted = norm_list.get_option_index(target)
        self._show_detail(target)

    def _verdict_cell(self, norm_id: str) -> tuple[str, str]:
        """The verdict column's text and state (see :func:`norm_row`)."""
        review = self.review
        if review is None:
            return "", "plain"
        assessment = review.assessments.get(norm_id)
        if assessment is None:
            return "", "plain"
        if assessment.conflict:
            return msg("tui.dashboard.conflict_mark"), "conflict"
        verdict = assessment.effective_verdict
        if verdict is None:
            return "", "plain"
        if review.evidence_warnings(norm_id, verdict):
            return f"{verdict.value} {msg('assess.warn.mark')}", "thin"
        return verdict.value, "plain"

    @staticmethod
    def _selected_key(table: DataTable) -> str | None:
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def _show_detail(self, key: str | None) -> None:
        """The norm's text and coverage at once; its notes follow from a worker thread.

        Finding a norm's notes means reading every session that has one, which for a
        large audit is the slowest thing the dashboard does; it must not hold up the
        cursor.
        """
        workspace = self.workspace
        detail = self.query_one("#norm-detail-text", Static)
        same_norm, self._shown_norm = key == self._shown_norm, key
        if workspace is None or key is None or key.startswith(SECTION_PREFIX):
            detail.update(msg("tui.dashboard.all_met") if key is None else "")
            return
        catalogue = workspace.catalogue
        norm = catalogue.norm(key)
        cov = workspace.norm_coverage(key)
        unanswered = workspace.no_answer_sessions(key)
        asked = "; ".join(source_label(s) for s in unanswered)
        self._detail_header = Content.assemble(
            (norm.id, "bold $text-accent"),
            "  ",
            (catalogue.section(norm.section).name, "$text-muted"),
            "\n",
            (norm.text, "bold"),
            "\n",
            (msg("tui.dashboard.who", roles=", ".join(norm.roles) or "-"), "$text-primary"),
            "\n",
            coverage_line(cov),
            "  ",
            (msg(f"status.{cov.status.value}"), STATUS_STYLE[cov.status]),
            *self._review_lines(key),
            (
                "\n" + shown(msg("noanswer.sessions", sources=asked)) if asked else "",
                "$text-warning",
            ),
            "\n\n",
            (msg("tui.dashboard.notes_header"), "bold $text-primary"),
        )
        if cov.sources == 0:
            detail.update(
                self._detail_header
                + Content.assemble("\n", (msg("tui.dashboard.no_notes_on_norm"), "$text-muted"))
            )
        else:
            detail.update(
                self._detail_header
                + Content.assemble("\n", (msg("tui.dashboard.notes_loading"), "$text-muted"))
            )
            # after the next frame, so the search does not slow down drawing the cursor
            self.call_after_refresh(self._find_notes_if_shown, workspace, key)
        if not same_norm:  # a redraw for another process's change keeps the scroll
            self.query_one("#norm-detail", VerticalScroll).scroll_home(animate=False)

    def _review_lines(self, norm_id: str) -> list:
        """Under the coverage: a conflict to decide, or what is thin about the verdict."""
        review = self.review
        if review is None:
            return []
        assessment = review.assessment(norm_id)
        if assessment.conflict:
            return ["\n", (msg("tui.dashboard.conflict"), "bold $text-error")]
        mark = msg("assess.warn.mark")
        parts: list = []
        for warning in review.evidence_warnings(norm_id, assessment.effective_verdict):
            parts += ["\n", (f"{mark} {warning.text()}", "$text-warning")]
        return parts

    @work(thread=True, exclusive=True, group="norm-notes", exit_on_error=False)
    def _find_notes(self, workspace: AuditWorkspace, norm_id: str) -> None:
        if get_current_worker().is_cancelled:
            return  # the cursor moved on before this one started
        try:
            found = workspace.notes_on_norm(norm_id)  # under the workspace's lock
        except DomainError:
            return  # a file was set aside meanwhile; the redraw that follows asks again
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_notes, norm_id, found)

    def _find_notes_if_shown(self, workspace: AuditWorkspace, norm_id: str) -> None:
        if norm_id == self._shown_norm:
            self._find_notes(workspace, norm_id)

    def _show_notes(self, norm_id: str, found: list[tuple[Session, Note]]) -> None:
        if norm_id != self._shown_norm:
            return
        parts: list = []
        current: str | None = None
        for session, note in found[:DETAIL_NOTES]:
            if session.id != current:
                current = session.id
                parts += ["\n", (shown(source_label(session)), "bold")]
            parts += ["\n", (f"  {note.created:%H:%M} ", "$text-muted"), shown(note.text)]
        if len(found) > DETAIL_NOTES:
            more = msg(
                "tui.dashboard.more_notes", notes=plural.count(len(found) - DETAIL_NOTES, "note")
            )
            parts += ["\n", (more, "italic $text-muted")]
        self.query_one("#norm-detail-text", Static).update(
            self._detail_header + Content.assemble(*parts)
        )

    def _draw_sessions(self, workspace: AuditWorkspace) -> None:
        table = self.query_one("#session-table", DataTable)
        selected = self._selected_key(table)
        table.clear()
        sessions = workspace.sessions
        self.query_one("#no-sessions", Static).display = not sessions
        table.display = bool(sessions)
        for session in sessions:
            state = "tui.dashboard.running" if session.is_open else "tui.dashboard.ended"
            table.add_row(
                Text(f"{session.started:%Y-%m-%d %H:%M}"),
                Text(shown(session.auditor)),
                Text(msg(f"session_kind.{session.kind.value}")),
                Text(str(workspace.note_count(session.id)), justify="right"),
                Text(msg(state)),
                Text(shown("; ".join(i.label() for i in session.interviewees)) or "-"),
                key=session.id,
            )
        if selected is not None and selected in {s.id for s in sessions}:
            table.move_cursor(row=table.get_row_index(selected), animate=False)

    # -- events and actions --------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#norm-list")
    def _norm_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id != self._shown_norm:
            self._show_detail(event.option.id)

    @on(DataTable.RowSelected, "#session-table")
    def _session_chosen(self, event: DataTable.RowSelected) -> None:
        if self.workspace is not None and event.row_key.value is not None:
            self.app.push_interview(self.workspace, event.row_key.value)

    @on(NormChosen)
    def _jump_to_norm(self, event: NormChosen) -> None:
        if self.workspace is None:
            return
        self.query_one("#tabs", TabbedContent).active = "norms-tab"
        status = self.workspace.norm_coverage(event.norm_id).status
        if self.only_open_norms and status is CoverageStatus.MET:
            self.only_open_norms = False
            self.redraw()
        norm_list = self.query_one("#norm-list", OptionList)
        norm_list.highlighted = norm_list.get_option_index(event.norm_id)
        norm_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        needs_audit = (
            "new_session",
            "core_data",
            "toggle_filter",
            "assess",
            "report",
            "merge",
            "privacy_review",
            "switch_tab",
            "show_tab",
            "view_session",
            "edit_session",
            "delete_session",
            "restore_session",
            "note_search",
        )
        if action in needs_audit and self.workspace is None:
            return None
        return True

    def action_assess(self) -> None:
        option = self.query_one("#norm-list", OptionList).highlighted_option
        if self.workspace is None:
            return
        norm_id = option.id if option is not None and not option.disabled else None
        self.app.open_assessment(self.workspace, norm_id or self.workspace.catalogue.norm_ids[0])

    @on(OptionList.OptionSelected, "#norm-list")
    def _norm_chosen(self, event: OptionList.OptionSelected) -> None:
        if self.workspace is not None and event.option.id is not None:
            self.app.open_assessment(self.workspace, event.option.id)

    def action_report(self) -> None:
        if self.workspace is not None:
            self.app.open_preview(self.workspace)

    def action_merge(self) -> None:
        self.app.open_merge(self.workspace)

    def action_privacy_review(self) -> None:
        """Every personal-data finding of the audit, to mark as fine or replace."""
        from interview_assistant.tui.screens.privacy_review import PrivacyReviewScreen

        if self.workspace is not None:
            self.app.push_screen(PrivacyReviewScreen(self.app.review_for(self.workspace)))

    def action_new_session(self) -> None:
        if self.workspace is not None:
            from interview_assistant.tui.screens.session_actions import new_session

            new_session(self, self.workspace)

    def chosen_session(self) -> str | None:
        """The session under the cursor of the sessions tab; None if there is none."""
        if self.workspace is None:
            return None
        return self._selected_key(self.query_one("#session-table", DataTable))

    def action_view_session(self) -> None:
        from interview_assistant.tui.screens.session_actions import view_session

        view_session(self)

    def action_edit_session(self) -> None:
        from interview_assistant.tui.screens.session_actions import edit_session

        edit_session(self)

    def action_delete_session(self) -> None:
        from interview_assistant.tui.screens.session_actions import delete_session

        delete_session(self)

    def action_restore_session(self) -> None:
        from interview_assistant.tui.screens.session_actions import restore_session

        restore_session(self)

    def action_set_identity(self) -> None:
        from interview_assistant.tui.screens.session_dialogs import IdentityScreen

        self.app.push_screen(IdentityScreen())

    def action_core_data(self) -> None:
        if self.workspace is not None:
            self.app.edit_core_data(self.workspace)

    def action_note_search(self) -> None:
        if self.workspace is not None:
            self.app.open_note_search(self.workspace)

    def action_toggle_filter(self) -> None:
        self.only_open_norms = not self.only_open_norms
        self.query_one("#tabs", TabbedContent).active = "norms-tab"
        self.redraw()

    def action_switch_tab(self) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        self.action_show_tab("sessions-tab" if tabs.active == "norms-tab" else "norms-tab")

    def action_show_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab
        target = "#norm-list" if tab == "norms-tab" else "#session-table"
        self.query_one(target).focus()

    def action_back(self) -> None:
        self.app.go_back()
