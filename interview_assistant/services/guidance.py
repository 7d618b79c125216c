"""What the assistant says back: one short Dutch line about where a norm stands.

Shared by the TUI's chat log and the line mode so both speak with one voice.
"""

from __future__ import annotations

from interview_assistant.domain.coverage import CoverageStatus, NormCoverage
from interview_assistant.messages import msg
from norm_catalogue import Catalogue


def norm_status(coverage: NormCoverage) -> str:
    params = {
        "norm": coverage.norm_id,
        "sources": coverage.sources,
        "target": coverage.target,
        "factual": coverage.factual,
    }
    if coverage.status is CoverageStatus.NONE:
        return msg("guide.none", **params)
    if coverage.status is CoverageStatus.BELOW:
        key = "guide.below" if coverage.factual else "guide.below_no_facts"
        return msg(key, **params)
    key = "guide.met" if coverage.factual else "guide.met_no_facts"
    return msg(key, **params)


def reply_after_note(
    catalogue: Catalogue,
    coverage: NormCoverage,
    next_gap: NormCoverage | None,
) -> str:
    """The assistant's answer to a stored note on ``coverage.norm_id``."""
    parts = [norm_status(coverage)]
    norm = catalogue.norm(coverage.norm_id)
    if coverage.factual == 0 and norm.evidence:
        parts.append(msg("guide.ask_for", evidence=norm.evidence[0]))
    if coverage.status is CoverageStatus.MET:
        if next_gap is not None and next_gap.status is not CoverageStatus.MET:
            parts.append(
                msg(
                    "guide.next_gap",
                    norm=next_gap.norm_id,
                    sources=next_gap.sources,
                    target=next_gap.target,
                )
            )
        else:
            parts.append(msg("guide.no_gap"))
    return " ".join(parts)
