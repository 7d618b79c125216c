"""Search every note of the audit as you type, from the dashboard or during an interview.

One input line takes words and the note syntax the auditor already types (``#V13``,
``!knelpunt``, ``@doc``) plus ``rol:``, ``auditor:`` and ``sessie:``; results follow
the typing after a short pause, computed in a worker (an audit of 20,000 notes takes a
tenth of a second per search) and handed to the UI thread. Enter on a result shows the
whole interview it comes from, read-only, with that note highlighted; Esc goes back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.tags import NoteKind
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace, Refreshed
from interview_assistant.services.note_search import NoteHit, NoteSearch, SearchResults, hit_source
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.screens.session_view import SessionViewScreen
from interview_assistant.tui.text import shown
from interview_assistant.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp

#: seconds of quiet in the query line before the search runs
SEARCH_DELAY = 0.2
#: results listed; the count says how many matched in all
RESULT_LIMIT = 100
HIT_PREFIX = "hit-"


def hit_prompt(hit: NoteHit) -> Content:
    """A result as two lines: when, who (by function) and its tags; then the text with
    the query's words marked."""
    parts: list[str | tuple[str, str]] = [
        (f"{hit.created:%d-%m %H:%M}", "$text-muted"),
        "  ",
        (shown(hit_source(hit)), "bold"),
    ]
    for norm_id in hit.norms:
        parts += ["  ", (norm_id, "bold $text-accent")]
    for kind in hit.kinds:
        if kind is not NoteKind.BEVINDING:
            parts += ["  ", (msg(f"kind.{kind.value}"), "bold $text-warning")]
    for evidence in hit.evidence:
        parts += ["  ", (msg(f"evidence.{evidence.value}"), "$text-success")]
    parts.append("\n")
    text = hit.text
    at = 0
    for start, end in hit.spans:
        if start < at:
            continue
        parts += [shown(text[at:start]), (shown(text[start:end]), "bold reverse $text-accent")]
        at = end
    parts.append(shown(text[at:]))
    return Content.assemble(*parts)


class NoteSearchScreen(Screen[None]):
    CSS_PATH = "note_search.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}
    AUTO_FOCUS = "#search-input"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down",
            "results",
            msg("notesearch.tui_key_results"),
            show=False,
            id="note_search.results",
        ),
        Binding("alt+z", "query", msg("notesearch.tui_key_query"), id="note_search.query"),
        Binding("escape", "back", msg("tui.key.back"), id="note_search.back"),
    ]

    app: InterviewAssistantApp

    def __init__(self, workspace: AuditWorkspace, query: str = "") -> None:
        super().__init__()
        self.workspace = workspace
        self.search = NoteSearch(workspace)
        self.initial_query = query
        self.hits: dict[str, NoteHit] = {}
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="search-body"):
            yield Input(
                self.initial_query,
                placeholder=msg("notesearch.tui_placeholder"),
                id="search-input",
            )
            yield Static(msg("notesearch.tui_hint"), id="search-status")
            yield OptionList(id="search-results")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = msg("notesearch.tui_title")
        self.sub_title = shown(self.workspace.audit.organisation)
        if self.initial_query:
            self.run_search(self.initial_query)

    # -- searching ------------------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        self._timer = self.set_timer(SEARCH_DELAY, lambda: self.run_search(query))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.run_search(event.value, then_focus=True)

    @work(thread=True, exclusive=True, group="note-search", exit_on_error=False)
    def run_search(self, query: str, then_focus: bool = False) -> None:
        parsed = self.search.parse(query)
        if parsed.empty:
            self.app.call_from_thread(self._show, None, then_focus)
            return
        try:
            results = self.search.results(parsed, RESULT_LIMIT)
        except (DomainError, OSError) as exc:
            self.app.call_from_thread(self.app.notify, str(exc), severity="error")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, results, then_focus)

    def _show(self, results: SearchResults | None, then_focus: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        listing = self.query_one("#search-results", OptionList)
        listing.clear_options()
        self.hits = {}
        if results is None:
            status.update(msg("notesearch.tui_hint"))
            return
        lines = [results.summary]
        if results.query.unknown:
            lines.append(msg("notesearch.unknown", tags=" ".join(results.query.unknown)))
        status.update(Content(shown("  ".join(lines))))
        options = []
        for hit in results.hits:
            key = f"{HIT_PREFIX}{hit.session_id}-{hit.note_id}"
            self.hits[key] = hit
            options.append(Option(hit_prompt(hit), id=key))
        listing.add_options(options)
        if options:
            listing.highlighted = 0
            if then_focus:
                listing.focus()

    def show_audit_changes(self, changes: Refreshed) -> None:
        """Another process changed the audit: search again (the index follows)."""
        if changes.sessions and self.is_mounted:
            self.run_search(self.query_one("#search-input", Input).value)

    # -- actions --------------------------------------------------------------------------

    def action_results(self) -> None:
        listing = self.query_one("#search-results", OptionList)
        if listing.option_count and not listing.has_focus:
            listing.focus()

    def action_query(self) -> None:
        self.query_one("#search-input", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "results":  # down within the list moves in it
            return not self.query_one("#search-results", OptionList).has_focus
        return True

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits.get(event.option.id or "")
        if hit is not None:
            self.app.push_screen(SessionViewScreen(self.workspace, hit.session_id, hit.note_id))

    def action_back(self) -> None:
        self.dismiss(None)
