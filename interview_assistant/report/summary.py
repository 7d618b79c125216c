"""Part A's summary as JSON, for the sector's trend analysis (Sociaal Werk Nederland)."""

from __future__ import annotations

from typing import Any

from interview_assistant.domain.assessment import VERDICT_ORDER
from interview_assistant.report.model import ReportModel

SUMMARY_FORMAT = "interview-assistant/report-summary"
SUMMARY_SCHEMA = 1


def report_summary(model: ReportModel) -> dict[str, Any]:
    """Per section the norm ids per verdict, the totals and the label rule's outcome."""
    return {
        "format": SUMMARY_FORMAT,
        "schema": SUMMARY_SCHEMA,
        "audit": model.audit_id,
        "organisation": model.organisation,
        "edition": model.edition,
        "sections": {
            section.section_id: {
                "name": section.name,
                **{v.value: list(section.norms[v]) for v in VERDICT_ORDER},
            }
            for section in model.result.sections
        },
        "totals": {
            **{v.value: model.result.count(v) for v in VERDICT_ORDER},
            "norms": model.norm_count,
        },
        "label": {
            "positive_possible": model.advice.positive_possible,
            "plan_of_action": list(model.advice.plan_of_action),
        },
        "strong_points": list(model.strong_points),
        "concerns": list(model.concerns),
        "strong_points_omitted": model.strong_omitted,
        "concerns_omitted": model.concerns_omitted,
        "conflicts": list(model.conflicts),
    }
