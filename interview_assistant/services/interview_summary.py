"""What an interview brought, told when it ends (and on request): the norms heard in it,
the norms that reached the target through it, and what is still missing for its roles.

Shared by the TUI's summary dialog, the line mode's closing lines and ``session show``,
so all three say the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from interview_assistant.domain.coverage import CoverageStatus, NormCoverage
from interview_assistant.messages import msg, plural
from interview_assistant.services.audit import AuditWorkspace


@dataclass(frozen=True)
class InterviewSummary:
    session_id: str
    #: live notes in the interview
    notes: int
    #: norms with at least one live note in this interview, in catalogue order
    heard: tuple[str, ...]
    #: heard norms that meet the target now and would not without this interview
    reached: tuple[str, ...]
    #: the norms asked of this interview's roles still below the target, with coverage
    missing: tuple[NormCoverage, ...]
    #: the interview's role codes (empty for a document review without roles)
    roles: tuple[str, ...]
    target: int


def interview_summary(workspace: AuditWorkspace, session_id: str) -> InterviewSummary:
    with workspace.lock:
        session = workspace.session(session_id)
        log = workspace.logs[session.id]
        tally = log.norm_tally()
        order = workspace.catalogue.norm_ids
        heard = tuple(n for n in order if tally.get(n, [0])[0] > 0)
        reached = tuple(
            n
            for n in heard
            if (c := workspace.norm_coverage(n)).status is CoverageStatus.MET
            and c.sources - 1 < c.target
        )
        missing = tuple(
            c
            for norm in workspace.norms_for_session(session.id)
            if (c := workspace.norm_coverage(norm.id)).status is not CoverageStatus.MET
        )
        return InterviewSummary(
            session.id,
            log.live_count(),
            heard,
            reached,
            missing,
            session.roles,
            workspace.audit.target,
        )


def notes_label(count: int) -> str:
    """'1 notitie', '2 notities'."""
    return plural.count(count, "note")


def summary_lines(summary: InterviewSummary) -> list[str]:
    """The summary in a few Dutch lines (for the line mode, the CLI and the TUI)."""
    lines = [msg("summary.header", notes=notes_label(summary.notes))]
    if summary.heard:
        lines.append(msg("summary.heard", norms=", ".join(summary.heard)))
    else:
        lines.append(msg("summary.heard_none"))
    if summary.reached:
        lines.append(
            msg("summary.reached", target=summary.target, norms=", ".join(summary.reached))
        )
    else:
        lines.append(msg("summary.reached_none", target=summary.target))
    roles = (
        msg("summary.roles", roles=", ".join(summary.roles))
        if summary.roles
        else msg("summary.no_roles")
    )
    below = [c for c in summary.missing if c.sources]
    unheard = [c.norm_id for c in summary.missing if not c.sources]
    if below:
        gaps = ", ".join(f"{c.norm_id} ({c.sources}/{c.target})" for c in below)
        lines.append(msg("summary.missing", roles=roles, norms=gaps))
    if unheard:
        lines.append(msg("summary.unheard", roles=roles, norms=", ".join(unheard)))
    if not summary.missing:
        lines.append(msg("summary.missing_none", roles=roles))
    return lines
