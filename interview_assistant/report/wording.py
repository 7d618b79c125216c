"""The sentences every format shares: the advice, the plan statuses, counts in words.

Plain text; each renderer escapes it for its own context. A draft shows the label rule
applied to the verdicts so far; a final shows the advice the CI recorded.
"""

from __future__ import annotations

from interview_assistant.domain.assessment import MAX_IMPROVEMENT, MAX_NOT_MET, AdviceDecision
from interview_assistant.domain.audit import dutch_date
from interview_assistant.messages import msg, plural
from interview_assistant.report.model import PlanStatus, ReportModel


def norms_count(count: int) -> str:
    """'geen enkele norm', '1 norm', '4 normen'."""
    if count == 0:
        return msg("report.count.norms_none")
    return plural.count(count, "norm")


def open_phrase(count: int) -> str:
    """'1 norm heeft', '3 normen hebben'."""
    return f"{plural.count(count, 'norm')} {plural.verb(count, 'has')}"


def provisional_sentence(model: ReportModel) -> str:
    open_ids = model.advice.open
    return msg("report.provisional", open=open_phrase(len(open_ids)), norms=", ".join(open_ids))


def rule_sentences(model: ReportModel) -> list[str]:
    """The label rule applied to the lead's verdicts so far (the draft's advice section)."""
    advice = model.advice
    sentences: list[str] = []
    if advice.provisional:
        sentences.append(
            msg(
                "report.advice.provisional",
                open=open_phrase(len(advice.open)),
                norms=", ".join(advice.open),
            )
        )
    elif not advice.within_limits:
        sentences.append(
            msg(
                "report.advice.negative",
                not_met=norms_count(len(advice.not_met)),
                improvement=norms_count(len(advice.improvement)),
                max_not_met=MAX_NOT_MET,
                max_improvement=MAX_IMPROVEMENT,
            )
        )
    elif len(advice.plan_of_action) == 1:
        sentences.append(msg("report.advice.positive_with_plan_one"))
    elif advice.plan_of_action:
        sentences.append(msg("report.advice.positive_with_plan", count=len(advice.plan_of_action)))
    else:
        sentences.append(msg("report.advice.positive"))
    if model.conflicts:
        sentences.append(msg("report.advice.conflicts", norms=", ".join(model.conflicts)))
    return sentences


def recorded_sentence(model: ReportModel) -> str:
    """The CI's recorded advice as the example report words it; '' when none is recorded."""
    record = model.advice_record
    if record is None:
        return ""
    if record.decision is AdviceDecision.POSITIEF:
        if not model.advice.plan_of_action:
            return msg("report.advice.recorded.positief_clean")
        if not model.advice.not_met:  # the example report's wording: only +/- norms
            return msg("report.advice.recorded.positief_partly")
    return msg(f"report.advice.recorded.{record.decision.value}")


def advice_sentences(model: ReportModel) -> list[str]:
    """What the advice section says: the recorded advice in a final, the rule in a draft."""
    if model.final:
        return [recorded_sentence(model)]
    sentences = rule_sentences(model)
    recorded = recorded_sentence(model)
    return [recorded, *sentences] if recorded else sentences


def plan_status(plan: PlanStatus) -> str:
    if plan.approved is not None:
        return msg("report.plan.status_approved", approved=dutch_date(plan.approved))
    if plan.received is not None:
        return msg("report.plan.status_received", received=dutch_date(plan.received))
    return msg("report.plan.status_none")


def plan_lines(model: ReportModel) -> list[tuple[str, str]]:
    """(norm, verdict and status; short norm text) for every norm needing a plan of action."""
    lines = []
    for plan in model.plans:
        norm = model.norm(plan.norm_id)
        label = msg(f"report.verdict.{plan.verdict.value}")
        head = f"{plan.norm_id} ({plan.verdict.value} {label}; {plan_status(plan)})"
        lines.append((head, norm.text))
    return lines


def trend_omitted(model: ReportModel) -> list[str]:
    """How many points a trend column leaves out (a draft's note to the lead)."""
    if model.final:
        return []
    lines = []
    for key, count in (
        ("report.parta.strong_omitted", model.strong_omitted),
        ("report.parta.concerns_omitted", model.concerns_omitted),
    ):
        if count == 1:
            lines.append(msg(f"{key}_one"))
        elif count:
            lines.append(msg(key, count=count))
    return lines


def signature_lines(model: ReportModel) -> list[tuple[str, str]]:
    """(label, value) of the signature block: date, place, name; empty values stay blank."""
    record = model.advice_record
    name = (record.by if record and record.by else "") or model.lead_auditor
    return [
        (msg("report.parta.sign_date"), dutch_date(record.date) if record and record.date else ""),
        (msg("report.parta.sign_place"), record.place if record else ""),
        (msg("report.parta.sign_name"), name),
        (msg("report.parta.sign_here"), ""),
    ]


def finding_paragraphs(text: str) -> list[str]:
    """A finding's paragraphs (blank lines separate them; single newlines join lines)."""
    import re

    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [" ".join(line.split()) for line in block.split("\n") if line.strip()]
        if lines:
            paragraphs.append("\n".join(lines))
    return paragraphs


def section_finding_header(section_id: str) -> str:
    """The seed's middle column header: Vakmanschap names improvement points too."""
    return msg("report.partb.finding" if section_id == "V" else "report.partb.finding_short")


def question_lines(model: ReportModel) -> list[str]:
    """The draft's 'Open vragen' as lines: each question noted, then the norms not yet
    discussed; one line saying there are none otherwise. Empty in a final report."""
    if model.final:
        return []
    lines = [
        msg("report.questions.item", norm=q.norm_id, text=q.text, function=q.function)
        if q.function
        else msg("report.questions.item_nowhere", norm=q.norm_id, text=q.text)
        for q in model.open_questions
    ]
    if model.not_discussed:
        lines.append(msg("report.questions.not_discussed", norms=", ".join(model.not_discussed)))
    return lines or [msg("report.questions.none")]
