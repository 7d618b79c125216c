"""The draft report as data: Part A (summary) and Part B (findings per norm).

Every renderer (Markdown, HTML, Word, JSON) and the TUI's preview reads this one
model, so the formats cannot disagree. All figures are computed here from the
verdicts and the notes; nothing is typed. Text from users passes :func:`clean` so no
control character can break a format (Word refuses them outright).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from interview_assistant.domain.assessment import (
    DRAFT_LIMIT,
    Assessment,
    LabelAdvice,
    NoteReading,
    ResultTable,
    TrendKind,
    TrendSelection,
    Verdict,
    build_draft,
    effective_verdicts,
    label_advice,
    result_table,
)
from interview_assistant.domain.audit import Audit
from interview_assistant.domain.coverage import Coverage
from interview_assistant.domain.session import Session
from interview_assistant.messages import msg
from norm_catalogue import Catalogue

#: Strong points and concerns listed per column in Part A. The example report lists five
#: of each, "the most striking"; the lead picks them by hiding the rest. Beyond this many
#: the report counts the others rather than print a table nobody reads.
TREND_LIMIT = 25

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """User text without control characters or lone surrogates; newlines normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("\ufffd", text)


@dataclass(frozen=True)
class CoreRow:
    label: str
    value: str


@dataclass(frozen=True)
class PartnerCount:
    """Interviewees of one function over all sessions; functions only, never names."""

    function: str
    count: int

    def label(self) -> str:
        return f"{self.function} ({self.count})" if self.count > 1 else self.function


@dataclass(frozen=True)
class DraftNote:
    text: str
    function: str
    evidence: tuple[str, ...]  # Dutch words, e.g. ("document", "voorbeeld")
    kind: str  # Dutch word; "bevinding" for plain notes

    @property
    def source(self) -> str:
        return f"{self.function}; {', '.join(self.evidence)}" if self.evidence else self.function


@dataclass(frozen=True)
class Proposed:
    auditor: str
    verdict: Verdict


@dataclass(frozen=True)
class NormFinding:
    """One row of Part B."""

    norm_id: str
    number: int
    text: str
    finding: str
    verdict: Verdict | None
    draft: tuple[DraftNote, ...]
    omitted: int
    sources: int
    target: int
    conflict: tuple[Proposed, ...]

    @property
    def below_target(self) -> bool:
        return self.sources < self.target

    @property
    def verdict_symbol(self) -> str:
        return (self.verdict or Verdict.NB).value


@dataclass(frozen=True)
class SectionFindings:
    id: str
    name: str
    norms: tuple[NormFinding, ...]


@dataclass(frozen=True)
class ReportModel:
    audit_id: str
    organisation: str
    edition: str
    core: tuple[CoreRow, ...]
    partners: tuple[PartnerCount, ...]
    result: ResultTable
    explanation: str
    strong_points: tuple[str, ...]
    concerns: tuple[str, ...]
    strong_omitted: int
    concerns_omitted: int
    advice: LabelAdvice
    advice_text: str
    lead_auditor: str
    sections: tuple[SectionFindings, ...]
    conflicts: tuple[str, ...]

    @property
    def norm_count(self) -> int:
        return self.result.total

    def norm(self, norm_id: str) -> NormFinding:
        for section in self.sections:
            for norm in section.norms:
                if norm.norm_id == norm_id:
                    return norm
        raise KeyError(norm_id)


def partner_counts(sessions: Iterable[Session]) -> tuple[PartnerCount, ...]:
    """Interviewees per function in order of first appearance (case and spaces ignored)."""
    counts: dict[str, list] = {}
    for session in sessions:
        for interviewee in session.interviewees:
            function = " ".join(clean(interviewee.function).split())
            if not function:
                continue
            entry = counts.setdefault(function.lower(), [function, 0])
            entry[1] += 1
    return tuple(PartnerCount(name, count) for name, count in counts.values())


def _core_rows(audit: Audit, partners: tuple[PartnerCount, ...]) -> tuple[CoreRow, ...]:
    core = audit.core
    visit = ", ".join(v for v in (core.visit_dates.strip(), core.locations.strip()) if v)
    values = [
        ("organisation", audit.organisation),
        ("address", core.address),
        ("website", core.website),
        ("contact_name", core.contact_name),
        ("contact_email", core.contact_email),
        ("contact_phone", core.contact_phone),
        ("scope", core.scope),
        ("size", core.size),
        ("audit_form", core.audit_form),
        ("self_evaluation", core.self_evaluation),
        ("visit", visit),
        ("peer_auditors", core.peer_auditors),
        ("lead_auditor", core.lead_auditor or ", ".join(audit.team)),
        ("partners", ", ".join(p.label() for p in partners)),
        ("report_to_member", core.report_to_member),
        ("improvement_plan_received", core.improvement_plan_received),
        ("report_final", core.report_final),
        ("summary_sent", core.summary_sent),
    ]
    return tuple(
        CoreRow(msg(f"report.core.{key}"), clean(value).strip() or msg("report.core.empty"))
        for key, value in values
    )


def assemble_report(
    audit: Audit,
    catalogue: Catalogue,
    sources: Iterable[tuple[Session, NoteReading]],
    sessions: Iterable[Session],
    coverage: Coverage,
    assessments: Mapping[str, Assessment],
    trend: TrendSelection,
    explanation: str,
    advice_text: str,
    draft_limit: int = DRAFT_LIMIT,
) -> ReportModel:
    """The report from plain domain objects; ``sources`` are every live note with its
    session, in session and note order (:class:`Note` or anything with its read-only
    properties, such as ``storage.note_view.NoteView``)."""
    per_norm: dict[str, list[tuple[Session, NoteReading]]] = {n: [] for n in catalogue.norm_ids}
    for pair in sources:
        for norm_id in pair[1].norms:
            bucket = per_norm.get(norm_id)
            if bucket is not None:
                bucket.append(pair)
    verdicts = effective_verdicts(assessments)
    table = result_table(catalogue, verdicts)
    sections = []
    for section in catalogue.sections:
        rows = []
        for norm in catalogue.norms_in_section(section.id):
            assessment = assessments.get(norm.id) or Assessment(norm.id)
            finding = clean(assessment.effective_finding).strip()
            draft: tuple[DraftNote, ...] = ()
            omitted = 0
            if not finding:
                built = build_draft(per_norm[norm.id], draft_limit)
                omitted = built.omitted
                draft = tuple(
                    DraftNote(
                        clean(line.text),
                        clean(line.function),
                        tuple(msg(f"evidence.{e.value}") for e in line.evidence),
                        msg(f"kind.{line.kind.value}"),
                    )
                    for line in built.lines
                )
            conflict = (
                tuple(Proposed(clean(p.auditor), p.verdict) for p in assessment.current_proposals)
                if assessment.conflict
                else ()
            )
            covered = coverage.norm(norm.id)
            rows.append(
                NormFinding(
                    norm.id,
                    norm.number,
                    norm.text,
                    finding,
                    verdicts.get(norm.id),
                    draft,
                    omitted,
                    covered.sources,
                    covered.target,
                    conflict,
                )
            )
        sections.append(SectionFindings(section.id, section.name, tuple(rows)))
    strong = [p.text for p in trend.points if p.kind is TrendKind.STRONG]
    concerns = [p.text for p in trend.points if p.kind is TrendKind.CONCERN]
    partners = partner_counts(sessions)
    return ReportModel(
        audit_id=audit.id,
        organisation=clean(audit.organisation),
        edition=audit.edition,
        core=_core_rows(audit, partners),
        partners=partners,
        result=table,
        explanation=clean(explanation).strip(),
        strong_points=tuple(clean(t) for t in strong),
        concerns=tuple(clean(t) for t in concerns),
        strong_omitted=trend.totals[TrendKind.STRONG] - len(strong),
        concerns_omitted=trend.totals[TrendKind.CONCERN] - len(concerns),
        advice=label_advice(table),
        advice_text=clean(advice_text).strip(),
        lead_auditor=clean(audit.core.lead_auditor).strip(),
        sections=tuple(sections),
        conflicts=tuple(r.norm_id for s in sections for r in s.norms if r.conflict),
    )
