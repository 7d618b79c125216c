"""Part A's summary as JSON, for the sector's trend analysis (Sociaal Werk Nederland).

The document is versioned (``schema``) and described by the JSON Schema shipped next to
this module (:data:`SCHEMA_PATH`, ``summary.schema.json``); the tests check every summary
against it. ``totals.open`` and ``label.status`` say whether the outcome is provisional:
a norm without the lead's verdict is *open*, never counted as ``nb`` (niet beoordeeld,
a deliberate verdict). Proposals never count.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from interview_assistant.domain.assessment import VERDICT_ORDER
from interview_assistant.domain.ids import to_iso
from interview_assistant.report.model import ReportModel

SUMMARY_FORMAT = "interview-assistant/report-summary"
SUMMARY_SCHEMA = 2
SCHEMA_PATH = Path(__file__).with_name("summary.schema.json")


@cache
def summary_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`report_summary`'s document."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def _plan(model: ReportModel, norm_id: str) -> dict[str, Any] | None:
    plan = model.plan(norm_id)
    if plan is None:
        return None
    return {
        "received": plan.received.isoformat() if plan.received else None,
        "approved": plan.approved.isoformat() if plan.approved else None,
    }


def report_summary(model: ReportModel) -> dict[str, Any]:
    """Everything the sector's trend analysis reads: core data, verdicts, findings, advice."""
    record = model.advice_record
    generated = model.generated or datetime.now(UTC)
    summary: dict[str, Any] = {
        "format": SUMMARY_FORMAT,
        "schema": SUMMARY_SCHEMA,
        "final": model.final,
        "generated": to_iso(generated),
        "tool_version": model.tool_version,
        "edition": model.edition,
        "organisation": model.organisation,
        "audit_form": model.audit_form or None,
        "certification": model.certification or None,
        "scope": list(model.scope),
        "size": list(model.size),
        "audit_dates": [d.isoformat() for d in model.audit_dates],
    }
    if not model.final:
        summary["audit"] = model.audit_id
    summary["sections"] = {
        section.section_id: {
            "name": section.name,
            **{v.value: list(section.norms[v]) for v in VERDICT_ORDER},
            "open": list(section.open),
        }
        for section in model.result.sections
    }
    summary["totals"] = {
        **{v.value: model.result.count(v) for v in VERDICT_ORDER},
        "open": len(model.result.open),
        "norms": model.norm_count,
    }
    summary["label"] = {
        "status": model.advice.status.value,
        "positive_possible": model.advice.positive_possible,
        "open": list(model.advice.open),
        "plan_of_action": list(model.advice.plan_of_action),
    }
    summary["advice"] = (
        {
            "decision": record.decision.value,
            "date": record.date.isoformat() if record.date else None,
            "by": record.by,
            "place": record.place,
        }
        if record
        else None
    )
    summary["norms"] = {
        norm.norm_id: {
            "verdict": norm.verdict.value if norm.verdict else None,
            "state": norm.state.value,
            "finding": norm.finding,
            "plan_of_action": _plan(model, norm.norm_id),
        }
        for section in model.sections
        for norm in section.norms
    }
    summary["strong_points"] = [
        {"text": item.text, "norms": list(item.norms)} for item in model.strong_items
    ]
    summary["concerns"] = [
        {"text": item.text, "norms": list(item.norms)} for item in model.concern_items
    ]
    summary["strong_points_omitted"] = model.strong_omitted
    summary["concerns_omitted"] = model.concerns_omitted
    summary["conflicts"] = list(model.conflicts)
    if not model.final:  # working data: the team's open questions
        summary["open_questions"] = [
            {"norm": q.norm_id, "text": q.text, "function": q.function}
            for q in model.open_questions
        ]
        summary["not_discussed"] = list(model.not_discussed)
    return summary
