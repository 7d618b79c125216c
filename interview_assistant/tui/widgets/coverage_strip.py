"""This interview's norms at a glance, coloured by how well each is tested so far.

Redrawn after every stored note, so the auditor sees a norm turn from red to yellow to
green while the interviewee is still talking.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from textual.content import Content
from textual.widgets import Static

from interview_assistant.domain.coverage import CoverageStatus, NormCoverage
from interview_assistant.messages import msg

CHIP_STYLE = {
    CoverageStatus.NONE: "$text-error on $error-muted",
    CoverageStatus.BELOW: "$text-warning on $warning-muted",
    CoverageStatus.MET: "$text-success on $success-muted",
}


def strip_content(coverages: Iterable[NormCoverage], current: str | None) -> Content:
    coverages = list(coverages)
    counts = Counter(c.status for c in coverages)
    parts: list[str | tuple[str, str]] = [
        (
            msg(
                "tui.strip.summary",
                met=counts[CoverageStatus.MET],
                below=counts[CoverageStatus.BELOW],
                none=counts[CoverageStatus.NONE],
                count=len(coverages),
            ),
            "$text-muted",
        ),
        "\n",
    ]
    for index, cov in enumerate(coverages):
        style = CHIP_STYLE[cov.status]
        if cov.norm_id == current:
            style += " bold reverse"
        if index:
            parts.append(" ")
        parts.append((f"{cov.norm_id}:{cov.sources}", style))
    return Content.assemble(*parts)


class CoverageStrip(Static):
    """Chips ``V5:2`` per norm (sources so far), the current norm reversed."""

    def show(self, coverages: Iterable[NormCoverage], current: str | None) -> None:
        self.update(strip_content(coverages, current))
