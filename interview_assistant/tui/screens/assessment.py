"""Assess one norm: every note on it by source, its coverage, a finding and a verdict.

The finding starts, the first time, as a draft built from the notes; it becomes the
finding when the lead stores it (Ctrl+S). Walking to another norm stores a verdict chosen
with Enter (and, for a ``-`` or ``+/-`` norm, when its plan of action was received and
approved), and puts the focus back on the verdicts, so keys meant for them never land in
the text. A finding typed but not stored is kept for its norm while the screen is open
and shown again on coming back; leaving the screen with such findings asks to store or
drop them, so nothing is stored unasked and nothing typed is lost. A verdict on fewer
sources than the target, or without a factual source, is warned about (not refused) and
marked. What other processes change (notes, proposals, verdicts, findings) shows at
once; a verdict or finding the lead is changing here is left as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from interview_assistant.domain.assessment import Assessment, Verdict
from interview_assistant.domain.audit import dutch_date, parse_date
from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.tags import NoteKind
from interview_assistant.messages import msg, plural
from interview_assistant.services.audit import Refreshed
from interview_assistant.services.review import AuditReview, EvidenceWarning
from interview_assistant.services.suggest import built_suggester, suggester_for, untagged
from interview_assistant.tui.norm_commands import NormChosen, NormProvider
from interview_assistant.tui.privacy_check import check_saved_text, mark_warned_fine
from interview_assistant.tui.screen_commands import ScreenCommands
from interview_assistant.tui.screens.dashboard import source_label
from interview_assistant.tui.widgets.guide_panel import STATUS_STYLE, coverage_line
from interview_assistant.tui.widgets.key_bar import KeyBar
from norm_catalogue import Catalogue

if TYPE_CHECKING:
    from interview_assistant.tui.app import InterviewAssistantApp

VERDICTS: tuple[Verdict, ...] = tuple(Verdict)
#: the verdicts that need a plan of action before a positive advice
PLANNED: tuple[Verdict, ...] = (Verdict.VOLDOET_NIET, Verdict.VERBETERPUNT)


def verdict_label(verdict: Verdict) -> str:
    return f"{verdict.value:<4} {msg(f'report.verdict.{verdict.value}')}"


def proposals_content(assessment: Assessment) -> Content:
    proposals = assessment.current_proposals
    if not proposals:
        return Content("")
    parts: list = []
    if assessment.conflict:
        parts += [(msg("tui.assess.conflict"), "bold $text-error"), "\n"]
    else:
        parts += [(msg("tui.assess.proposals"), "bold $text-primary"), "\n"]
    for proposal in proposals:
        parts += [
            (f"{proposal.auditor}: ", "bold"),
            (verdict_label(proposal.verdict), "$text-accent"),
            "\n",
        ]
        if proposal.finding.strip():
            parts += [(f"  {proposal.finding.strip()}", "$text-muted"), "\n"]
    return Content.assemble(*parts)


class AssessmentScreen(Screen[None]):
    CSS_PATH = "assessment.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        NormProvider,
        ScreenCommands,
    }
    AUTO_FOCUS = "#verdict"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", msg("tui.key.save"), id="assess.save", priority=True),
        # the interview's walking keys (see interview_assistant.tui.keys); F-keys as extras
        Binding(
            "ctrl+j,f2",
            "walk(-1)",
            msg("tui.key.prev_norm"),
            tooltip=msg("keys.name.prev_norm"),
            id="assess.prev_norm",
        ),
        Binding(
            "ctrl+l,f3",
            "walk(1)",
            msg("tui.key.next_norm"),
            tooltip=msg("keys.name.next_norm"),
            id="assess.next_norm",
        ),
        Binding(
            "ctrl+g,f4",
            "next_open",
            msg("tui.key.next_open"),
            tooltip=msg("keys.name.next_open"),
            id="assess.next_open",
        ),
        Binding("ctrl+o", "privacy_ok", msg("privacy.tui_ok_key"), id="assess.privacy_ok"),
        Binding("escape", "back", msg("tui.key.back"), id="assess.back"),
    ]

    app: InterviewAssistantApp

    def __init__(self, review: AuditReview, norm_id: str) -> None:
        super().__init__()
        self.review = review
        self.norm_id = norm_id
        self._loaded_verdict: Verdict | None = None
        self._verdict: Verdict | None = None
        self._loaded_text = ""
        self._loaded_plan = ("", "")
        #: findings typed on a norm and not stored, kept while walking the norms
        self._unsent: dict[str, str] = {}

    @property
    def catalogue(self) -> Catalogue:
        return self.review.catalogue

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="assess-body"):
            with VerticalScroll(id="assess-notes"):
                yield Static("", id="assess-notes-text")
            with Vertical(id="assess-side"):
                yield Label(msg("tui.assess.verdict"), classes="assess-label")
                yield OptionList(id="verdict")
                yield Static("", id="assess-warning")
                yield Static("", id="assess-proposals")
                with Horizontal(id="plan-row"):
                    yield Input(placeholder=msg("report.tui.plan_received"), id="plan-received")
                    yield Input(placeholder=msg("report.tui.plan_approved"), id="plan-approved")
                yield Label(msg("tui.assess.finding"), classes="assess-label")
                yield TextArea(id="finding", soft_wrap=True, show_line_numbers=False)
                yield Static("", id="assess-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.review.audit.organisation
        self.show_norm(self.norm_id)
        if built_suggester(self.catalogue.edition) is None:
            self._build_suggestions(self.catalogue.edition)

    @work(thread=True, group="suggest")
    def _build_suggestions(self, edition: str) -> None:
        """Build the suggestion index off the UI thread, then show the proposals."""
        suggester_for(edition)
        self.app.call_from_thread(self._draw_notes, True)

    # -- showing a norm --------------------------------------------------------------------------

    def show_norm(self, norm_id: str) -> None:
        self.norm_id = norm_id
        review = self.review
        self.title = msg("tui.assess.title", norm=norm_id)
        assessment = review.assessment(norm_id)
        self._draw_notes()
        self._show_proposals(assessment)
        self._loaded_verdict = assessment.verdict
        self._show_verdict(assessment.verdict, highlight=True)
        self._show_plan(assessment)
        self._loaded_text = review.finding_or_draft(norm_id)
        finding = self.query_one("#finding", TextArea)
        unsent = self._unsent.get(norm_id)
        finding.load_text(self._loaded_text if unsent is None else unsent)
        drafted = not assessment.effective_finding.strip() and bool(self._loaded_text)
        if unsent is not None:
            finding.border_title = msg("assess.unsent.title")
        else:
            finding.border_title = msg(
                "tui.assess.draft" if drafted else "tui.assess.finding_title"
            )
        self.query_one("#verdict", OptionList).focus()
        self._draw_status()

    def _show_proposals(self, assessment: Assessment) -> None:
        proposals = self.query_one("#assess-proposals", Static)
        content = proposals_content(assessment)
        proposals.update(content)
        proposals.display = bool(content)

    def show_audit_changes(self, changes: Refreshed) -> None:
        """Another process changed the audit: show its notes, proposals, verdict, finding.

        What the lead has changed here and not yet stored stays as it is.
        """
        if not self.is_mounted:
            return
        review = self.review
        assessment = review.assessment(self.norm_id)
        self._draw_notes(keep_scroll=True)
        self._show_proposals(assessment)
        if self._verdict == self._loaded_verdict and assessment.verdict != self._loaded_verdict:
            self._loaded_verdict = assessment.verdict
            self._show_verdict(assessment.verdict)
        finding = self.query_one("#finding", TextArea)
        if finding.text == self._loaded_text:
            text = review.finding_or_draft(self.norm_id)
            if text != self._loaded_text:
                self._loaded_text = text
                finding.load_text(text)
                drafted = not assessment.effective_finding.strip() and bool(text)
                finding.border_title = msg(
                    "tui.assess.draft" if drafted else "tui.assess.finding_title"
                )
        self._draw_status()

    def _draw_notes(self, keep_scroll: bool = False) -> None:
        review = self.review
        norm = self.catalogue.norm(self.norm_id)
        cov = review.workspace.norm_coverage(self.norm_id)
        parts: list = [
            (norm.id, "bold $text-accent"),
            "  ",
            (self.catalogue.section(norm.section).name, "$text-muted"),
            "\n",
            (norm.text, "bold"),
            "\n",
            coverage_line(cov),
            "  ",
            (msg(f"status.{cov.status.value}"), STATUS_STYLE[cov.status]),
            "\n",
        ]
        groups = review.notes_by_source(self.norm_id)
        suggester = built_suggester(self.catalogue.edition)  # None until built: no proposals yet
        if not groups:
            parts += ["\n", (msg("tui.dashboard.no_notes_on_norm"), "$text-muted")]
        for session, notes in groups:
            parts += ["\n", (source_label(session), "bold $text-primary")]
            for note in notes:
                parts += ["\n", (f"{note.created:%H:%M} ", "$text-muted"), note.text]
                for evidence in note.evidence:
                    parts += [
                        " ",
                        (
                            f" {msg(f'evidence.{evidence.value}')} ",
                            "$text-success on $success-muted",
                        ),
                    ]
                for kind in note.kinds:
                    if kind is not NoteKind.BEVINDING:
                        parts += [
                            " ",
                            (f" {msg(f'kind.{kind.value}')} ", "$text-warning on $warning-muted"),
                        ]
                if suggester is not None and untagged(note):
                    # a note that only joined the norm the walk was on: it may be about another
                    offered = suggester.offer(note.text, note.norms, roles=session.roles)
                    if offered:
                        listed = ", ".join(
                            msg("suggest.line_proposal", norm=o.norm_id, why=", ".join(o.why))
                            for o in offered
                        )
                        parts += [
                            "\n",
                            (msg("suggest.assess_offer", proposals=listed), "$text-primary"),
                        ]
        self.query_one("#assess-notes-text", Static).update(Content.assemble(*parts))
        if not keep_scroll:
            self.query_one("#assess-notes", VerticalScroll).scroll_home(animate=False)

    def _draw_warning(self) -> None:
        """The mark for a verdict on thin evidence (the one chosen, stored or not)."""
        warnings = self.review.evidence_warnings(self.norm_id, self._verdict)
        warning = self.query_one("#assess-warning", Static)
        warning.display = bool(warnings)
        mark = msg("assess.warn.mark")
        warning.update(Content("\n".join(f"{mark} {w.text()}" for w in warnings)))

    def _warn(self, warnings: list[EvidenceWarning]) -> None:
        for warning in warnings:
            self.notify(warning.text(), title=msg("assess.warn.title"), severity="warning")

    def _draw_status(self, saved: bool = False) -> None:
        review = self.review
        decided = plural.count_of(review.decided_count(), len(self.catalogue.norms), "norm", "has")
        text = msg("tui.assess.status", decided=decided, conflicts=len(review.conflicts()))
        if saved:
            text = f"{msg('tui.assess.saved')} {text}"
        self.query_one("#assess-status", Static).update(text)

    # -- saving ------------------------------------------------------------------------------------

    def _show_plan(self, assessment: Assessment) -> None:
        plan = assessment.plan
        received = dutch_date(plan.received) if plan and plan.received else ""
        approved = dutch_date(plan.approved) if plan and plan.approved else ""
        self._loaded_plan = (received, approved)
        self.query_one("#plan-received", Input).value = received
        self.query_one("#plan-approved", Input).value = approved

    def _plan_typed(self) -> tuple[str, str]:
        return (
            self.query_one("#plan-received", Input).value.strip(),
            self.query_one("#plan-approved", Input).value.strip(),
        )

    def _save_plan(self, verdict: Verdict | None) -> bool:
        """Store a changed plan of action for a ``-`` or ``+/-`` norm; False on a bad date."""
        typed = self._plan_typed()
        if verdict not in PLANNED or typed == self._loaded_plan:
            return True
        try:
            received, approved = (parse_date(t) if t else None for t in typed)
            self.review.record_plan(self.norm_id, received, approved)
        except (DomainError, OSError) as exc:
            self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
            return False
        self._show_plan(self.review.assessment(self.norm_id))
        return True

    def _show_verdict(self, verdict: Verdict | None, highlight: bool = False) -> None:
        """Mark ``verdict`` (None: no verdict yet) in the list of choices; ``highlight``
        moves the cursor onto it (a norm just shown), else the cursor stays where it is."""
        self._verdict = verdict
        self.query_one("#plan-row").display = verdict in PLANNED
        choices = self.query_one("#verdict", OptionList)
        highlighted = choices.highlighted
        choices.clear_options()
        options = (None, *VERDICTS)
        for choice in options:
            mark = "● " if choice is verdict else "○ "
            label = verdict_label(choice) if choice else msg("tui.assess.no_verdict")
            choices.add_option(Option(mark + label))
        if highlight or highlighted is None:
            highlighted = options.index(verdict)
        choices.highlighted = highlighted
        self._draw_warning()

    @on(OptionList.OptionSelected, "#verdict")
    def _verdict_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choices = (None, *VERDICTS)
        verdict = choices[event.option_index]
        if verdict is not self._verdict:
            self._warn(self.review.evidence_warnings(self.norm_id, verdict))
        self._show_verdict(verdict)

    def _chosen_verdict(self) -> Verdict | None:
        return self._verdict

    def save(self) -> bool:
        """Ctrl+S: store the verdict and the finding as shown (a draft becomes the finding)."""
        verdict = self._chosen_verdict()
        text = self.query_one("#finding", TextArea).text
        stored = self.review.assessment(self.norm_id)
        if verdict == self._loaded_verdict and text == stored.finding:
            self._unsent.pop(self.norm_id, None)
            return self._save_plan(verdict)
        try:
            self.review.decide(self.norm_id, verdict, text)
        except (DomainError, OSError) as exc:
            self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
            return False
        self._unsent.pop(self.norm_id, None)
        self._loaded_verdict, self._loaded_text = verdict, text
        check_saved_text(self.app, self.review.workspace, "bevinding", self.norm_id, text)
        if not self._save_plan(verdict):
            return False
        self.query_one("#finding", TextArea).border_title = msg("tui.assess.finding_title")
        self._show_proposals(self.review.assessment(self.norm_id))
        self._draw_status(saved=True)
        return True

    def _leave_norm(self) -> bool:
        """Before showing another norm: store a verdict chosen here (the finding as it is
        stored), keep a finding typed and not stored for when the lead comes back."""
        verdict = self._chosen_verdict()
        if verdict != self._loaded_verdict:
            try:
                self.review.decide(self.norm_id, verdict)
            except (DomainError, OSError) as exc:
                self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
                return False
            self._loaded_verdict = verdict
        if not self._save_plan(verdict):
            return False
        text = self.query_one("#finding", TextArea).text
        if text != self._loaded_text:
            if self._unsent.get(self.norm_id) != text:
                self.notify(msg("assess.unsent.kept", norm=self.norm_id))
            self._unsent[self.norm_id] = text
        else:
            self._unsent.pop(self.norm_id, None)
        return True

    def _all_unsent(self) -> dict[str, str]:
        """Every finding typed and not stored, the norm on screen included, by norm."""
        unsent = dict(self._unsent)
        text = self.query_one("#finding", TextArea).text
        if text != self._loaded_text:
            unsent[self.norm_id] = text
        else:
            unsent.pop(self.norm_id, None)
        return {n: unsent[n] for n in self.catalogue.norm_ids if n in unsent}

    def _store_unsent(self, unsent: dict[str, str]) -> bool:
        for norm_id, text in unsent.items():
            try:
                self.review.write_finding(norm_id, text)
            except (DomainError, OSError) as exc:
                self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
                return False
            check_saved_text(self.app, self.review.workspace, "bevinding", norm_id, text)
            self._unsent.pop(norm_id, None)
        return True

    @property
    def unsaved_text(self) -> str:
        """For the quit question: the findings typed and not yet stored."""
        return "\n\n".join(f"{n}: {t.strip()}" for n, t in self._all_unsent().items())

    def save_unsent(self) -> bool:
        """The quit question's "save": the verdict chosen here and every unsent finding."""
        unsent = self._all_unsent()
        return self._leave_norm() and self._store_unsent(unsent)

    def action_save(self) -> None:
        self.save()

    def action_privacy_ok(self) -> None:
        """Mark the personal data the last warning about this finding named as fine (an
        organisation or place name), as ^o does on the interview screen."""
        try:
            texts = mark_warned_fine(self.review.workspace, "bevinding", self.norm_id)
        except (DomainError, OSError) as exc:
            self.notify(str(exc), title=msg("tui.notify.error_title"), severity="error")
            return
        if not texts:
            self.notify(msg("privacy_review.assess_nothing"))
            return
        listed = ", ".join(f"“{text}”" for text in texts)
        self.notify(msg("privacy.tui_fine", texts=listed), markup=False)

    # -- walking -----------------------------------------------------------------------------------

    def _go(self, norm_id: str | None) -> None:
        if norm_id is None:
            self.notify(msg("tui.assess.all_decided"))
            return
        if self._leave_norm():
            self.show_norm(norm_id)

    def action_walk(self, step: int) -> None:
        ids = list(self.catalogue.norm_ids)
        index = ids.index(self.norm_id) + step
        if 0 <= index < len(ids):
            self._go(ids[index])

    def action_next_open(self) -> None:
        self._go(self.review.next_unassessed(self.norm_id))

    @on(NormChosen)
    def _jump(self, event: NormChosen) -> None:
        self._go(event.norm_id)

    def action_back(self) -> None:
        unsent = self._all_unsent()
        if not self._leave_norm():
            return
        if not unsent:
            self.dismiss(None)
            return
        from interview_assistant.tui.screens.choice import ConfirmScreen

        question = ConfirmScreen(
            msg("assess.leave.title"),
            msg("assess.leave.body", norms=", ".join(unsent)),
            msg("assess.leave.save"),
            msg("assess.leave.discard"),
            msg("assess.leave.stay"),
        )

        def answered(answer: str | None) -> None:
            if answer not in ("yes", "no"):
                return
            if answer == "yes" and not self._store_unsent(unsent):
                return
            self._unsent.clear()
            self.dismiss(None)

        self.app.push_screen(question, answered)
