"""The norm the auditor is walking through: its text, the questions to ask, the evidence to ask for.

It is the auditor's crib sheet during the interview, so it shows everything about one
norm and nothing else, and scrolls when the terminal is small.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from interview_assistant.domain.coverage import CoverageStatus, NormCoverage
from interview_assistant.messages import msg
from norm_catalogue import Norm, WalkSource

STATUS_STYLE = {
    CoverageStatus.NONE: "bold $text-error",
    CoverageStatus.BELOW: "bold $text-warning",
    CoverageStatus.MET: "bold $text-success",
}


@dataclass(frozen=True)
class GuideView:
    norm: Norm
    section_name: str
    #: (1-based position, count) among this interview's norms; None if the norm is outside them
    position: tuple[int, int] | None
    questions: tuple[str, ...]
    coverage: NormCoverage
    #: why the norm is in this walk (None: outside it, or a session without roles)
    source: WalkSource | None = None
    #: the interview's roles that speak to the norm as a second source
    second_source_roles: tuple[str, ...] = ()
    #: asked in this interview and got no answer ("gevraagd, geen antwoord")
    no_answer: bool = False


def coverage_line(coverage: NormCoverage) -> Content:
    roles = ", ".join(coverage.roles) or "-"
    return Content.assemble(
        (
            msg(
                "tui.guide.coverage",
                sources=coverage.sources,
                target=coverage.target,
                factual=coverage.factual,
            ),
            STATUS_STYLE[coverage.status],
        ),
        ("  " + msg("tui.guide.roles", roles=roles), "$text-muted"),
    )


def guide_content(view: GuideView) -> Content:
    """Everything but the coverage, which changes with each note and sits in the border."""
    norm = view.norm
    if view.position is None:
        where = msg("tui.guide.outside_roles", section=view.section_name)
    else:
        where = msg(
            "tui.guide.position",
            section=view.section_name,
            index=view.position[0],
            count=view.position[1],
        )
    if view.source is WalkSource.TEMPLATE:
        where += " · " + msg("roles.source.template")
    elif view.source is WalkSource.SECOND:
        where += " · " + msg("roles.source.second", roles=", ".join(view.second_source_roles))
    parts: list[str | tuple[str, str] | Content] = [
        (norm.id, "bold $text-accent"),
        "  ",
        (where, "$text-muted"),
        ("  " + msg("noanswer.label") if view.no_answer else "", "bold $text-warning"),
        "\n",
        (norm.text, "bold"),
        "\n\n",
        (msg("tui.guide.questions"), "bold $text-primary"),
    ]
    for question in view.questions:
        parts += ["\n", ("• ", "$text-primary"), question]
    if norm.evidence:
        parts += ["\n\n", (msg("tui.guide.evidence"), "bold $text-primary")]
        for item in norm.evidence:
            parts += ["\n", ("• ", "$text-primary"), item]
    return Content.assemble(*parts)


class GuidePanel(VerticalScroll):
    """Shows one :class:`GuideView`; the screen decides which norm.

    The norm's text and questions are redrawn only when the norm changes; the coverage,
    which changes with every note, lives in the bottom border and costs no relayout.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[str, tuple[int, int] | None, WalkSource | None, bool] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="guide-text")

    def show(self, view: GuideView) -> None:
        self.border_subtitle = coverage_line(view.coverage)
        key = (view.norm.id, view.position, view.source, view.no_answer)
        if key == self._shown:
            return
        self._shown = key
        self.border_title = msg("tui.guide.title", norm=view.norm.id)
        self.query_one("#guide-text", Static).update(guide_content(view))
        self.scroll_home(animate=False)
