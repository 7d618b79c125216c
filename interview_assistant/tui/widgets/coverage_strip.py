"""This interview's norms at a glance, coloured by how well each is tested so far.

Redrawn after every stored note, so the auditor sees a norm turn from red to yellow to
green while the interviewee is still talking. In the tall side panel each chip carries
its number of sources; on a narrow screen, where the strip gets two or three rows, the
colour alone has to do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from textual.content import Content
from textual.widget import Widget

from interview_assistant.domain.coverage import CoverageStatus, NormCoverage
from interview_assistant.messages import msg

CHIP_STYLE = {
    CoverageStatus.NONE: "$text-error on $error-muted",
    CoverageStatus.BELOW: "$text-warning on $warning-muted",
    CoverageStatus.MET: "$text-success on $success-muted",
}


def strip_content(
    coverages: Iterable[NormCoverage], current: str | None, with_counts: bool = True
) -> Content:
    coverages = list(coverages)
    counts = Counter(c.status for c in coverages)
    summary = msg(
        "tui.strip.summary",
        met=counts[CoverageStatus.MET],
        below=counts[CoverageStatus.BELOW],
        none=counts[CoverageStatus.NONE],
    )
    chips: list[str | tuple[str, str]] = []
    for index, cov in enumerate(coverages):
        style = CHIP_STYLE[cov.status]
        if cov.norm_id == current:
            style += " bold reverse"
        if index:
            chips.append(" ")
        label = f"{cov.norm_id}:{cov.sources}" if with_counts else cov.norm_id
        chips.append((label, style))
    if with_counts:
        return Content.assemble((summary, "$text-muted"), "\n", *chips)
    return Content.assemble(*chips, "  ", (summary, "$text-muted"))


class CoverageStrip(Widget):
    """Chips ``V5:2`` per norm (sources so far), the current norm reversed."""

    DEFAULT_CSS = """
    CoverageStrip {
        height: auto;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._coverages: list[NormCoverage] = []
        self._current: str | None = None
        self._text_length = -1

    def show(self, coverages: Iterable[NormCoverage], current: str | None) -> None:
        self._coverages = list(coverages)
        self._current = current
        # Only a change in length can change how the chips wrap; a note usually doesn't.
        length = len(strip_content(self._coverages, current).plain)
        self.refresh(layout=length != self._text_length)
        self._text_length = length

    def render(self) -> Content:
        with_counts = not self.screen.has_class("-narrow")
        return strip_content(self._coverages, self._current, with_counts)
