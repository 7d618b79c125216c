"""Every personal-data finding of an audit in one list, for the lead before the final report.

The final report is refused while a finding remains that the lead has not marked as fine;
this screen shows them all with where they stand (a note, an interviewee's function, the
core data, a finding, a trend point). The lead marks one as fine (a place or organisation
name) or opens the place to replace the name. Reading the texts waits for deduce, so it
runs in a worker; the list is read again when the lead comes back from a place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from interview_assistant.domain.errors import DomainError
from interview_assistant.messages import msg
from interview_assistant.services.privacy import (
    PlacedFinding,
    PrivacyGuardError,
    PrivacyMarks,
    audit_findings,
    privacy_guard,
)
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from interview_assistant.services.review import AuditReview
    from interview_assistant.tui.app import InterviewAssistantApp


def finding_row(found: PlacedFinding) -> str:
    """One finding as the list shows it (plain text: the list does not read markup)."""
    row = msg(
        "privacy_review.row",
        place=found.place(),
        text=found.finding.text,
        kind=msg(f"privacy.kind.{found.finding.kind}"),
    )
    return row + (msg("privacy.fine_suffix") if found.fine else "")


class PrivacyReviewScreen(Screen[None]):
    CSS_PATH = "privacy_review.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "toggle_fine", msg("privacy_review.key_fine"), id="privacy_review.fine"),
        Binding("ctrl+e", "open", msg("privacy_review.key_open"), id="privacy_review.open"),
        Binding(
            "ctrl+r", "recheck", msg("privacy_review.key_recheck"), id="privacy_review.recheck"
        ),
        Binding("escape", "back", msg("tui.key.back"), id="privacy_review.back"),
    ]

    app: InterviewAssistantApp

    def __init__(self, review: AuditReview) -> None:
        super().__init__()
        self.review = review
        self.workspace = review.workspace
        #: what the list shows, in its order (None while reading)
        self.findings: list[PlacedFinding] | None = None
        self._left = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(msg("privacy_review.checking"), id="privacy-status", markup=False)
        yield OptionList(id="privacy-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = msg("privacy_review.title")
        self.sub_title = self.review.audit.organisation
        self.action_recheck()

    def on_screen_suspend(self) -> None:
        self._left = True

    def on_screen_resume(self) -> None:
        if self._left:  # back from a place where the lead may have replaced a name
            self._left = False
            self.action_recheck()

    # -- reading ---------------------------------------------------------------------------------

    def action_recheck(self) -> None:
        self.query_one("#privacy-status", Static).update(msg("privacy_review.checking"))
        self._read()

    @work(thread=True, exclusive=True, group="privacy-review")
    def _read(self) -> None:
        try:
            found = audit_findings(self.review, privacy_guard())
        except PrivacyGuardError as exc:
            self.app.call_from_thread(self._unavailable, str(exc))
            return
        self.app.call_from_thread(self._show, found)

    def _unavailable(self, reason: str) -> None:
        self.query_one("#privacy-status", Static).update(msg("privacy.unavailable", reason=reason))

    def _show(self, found: list[PlacedFinding]) -> None:
        listing = self.query_one("#privacy-list", OptionList)
        keep = listing.highlighted
        self.findings = found
        listing.clear_options()
        listing.add_options(Option(finding_row(f)) for f in found)
        if found:
            listing.highlighted = min(keep or 0, len(found) - 1)
            listing.focus()
        self._draw_status()

    def _draw_status(self) -> None:
        found = self.findings or []
        fine = sum(f.fine for f in found)
        text = (
            msg("privacy_review.summary", count=len(found), open=len(found) - fine, fine=fine)
            if found
            else msg("privacy_review.none")
        )
        self.query_one("#privacy-status", Static).update(text)

    def _highlighted(self) -> tuple[int, PlacedFinding] | None:
        index = self.query_one("#privacy-list", OptionList).highlighted
        if self.findings is None or index is None or not 0 <= index < len(self.findings):
            self.notify(msg("privacy_review.nothing"))
            return None
        return index, self.findings[index]

    # -- marking ---------------------------------------------------------------------------------

    def action_toggle_fine(self) -> None:
        """Mark the highlighted finding as fine for the whole audit, or no longer."""
        chosen = self._highlighted()
        if chosen is None or self.findings is None:
            return
        _, found = chosen
        ok = not found.fine
        try:
            (text,) = PrivacyMarks(self.workspace).mark([found.finding.text], ok=ok)
        except (DomainError, OSError) as exc:
            self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
            return
        # a mark counts wherever the text stands: every row with the same text changes
        same = [i for i, f in enumerate(self.findings) if f.finding.text == found.finding.text]
        listing = self.query_one("#privacy-list", OptionList)
        for index in same:
            changed = PlacedFinding(self.findings[index].placed, self.findings[index].finding, ok)
            self.findings[index] = changed
            listing.replace_option_prompt_at_index(index, finding_row(changed))
        self._draw_status()
        key = "privacy.tui_fine" if ok else "privacy_review.unmarked"
        self.notify(msg(key, texts=f"“{text}”", text=text), markup=False)

    # -- opening the place -----------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#privacy-list")
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        await self.action_open()

    async def action_open(self) -> None:
        """Go to where the highlighted finding stands, to replace it there."""
        chosen = self._highlighted()
        if chosen is None:
            return
        placed = chosen[1].placed
        if placed.place in ("notitie", "functie"):
            await self._open_session(*placed.ref.split("/", 1))
        elif placed.place == "bevinding":
            self.app.open_assessment(self.workspace, placed.ref)
        elif placed.place == "kerngegevens":
            self.app.edit_core_data(self.workspace)
        else:  # a trend point: the report's texts
            from interview_assistant.tui.screens.report_texts import ReportTextsScreen

            self.app.push_screen(ReportTextsScreen(self.review))

    async def _open_session(self, session_id: str, note_id: str | None = None) -> None:
        from interview_assistant.tui.screens.interview import InterviewScreen

        if session_id not in {s.id for s in self.workspace.sessions}:
            self.notify(msg("privacy_review.gone"))
            return
        screen = InterviewScreen(self.workspace, session_id)
        await self.app.push_screen(screen)
        if note_id is not None:
            screen.review_privacy(note_id)

    def action_back(self) -> None:
        self.dismiss(None)
