"""Assessments, trend edits and report texts as rows of the audit file's TinyDB tables.

They live in ``audit.json`` next to the audit's metadata, one table each, so the
lead's conclusions travel with the audit in a bundle. Decoding is strict: a row that
does not decode raises ``ValueError``/``KeyError``/``TypeError`` for the caller to report.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from interview_assistant.domain.assessment import (
    Assessment,
    Decision,
    PlanRecord,
    Proposal,
    ReportText,
    TextKey,
    TrendEdit,
    TrendKind,
    Verdict,
)
from interview_assistant.domain.audit import Audit
from interview_assistant.domain.ids import from_iso, to_iso
from interview_assistant.storage.codec import audit_from_doc
from interview_assistant.storage.schema import header_of

Doc = dict[str, Any]

ASSESSMENTS_TABLE = "assessments"
TREND_TABLE = "trend"
TEXTS_TABLE = "report_texts"


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"tekst verwacht, gevonden: {type(value).__name__}")
    return value


def assessment_to_doc(assessment: Assessment) -> Doc:
    return {
        "norm_id": assessment.norm_id,
        "decisions": [
            {
                "at": to_iso(d.at),
                "verdict": d.verdict.value if d.verdict else None,
                "finding": d.finding,
                "by": d.by,
            }
            for d in assessment.decisions
        ],
        "proposals": [
            {
                "at": to_iso(p.at),
                "auditor": p.auditor,
                "verdict": p.verdict.value,
                "finding": p.finding,
            }
            for p in assessment.proposals
        ],
        **(
            {
                "plans": [
                    {
                        "at": to_iso(p.at),
                        "received": p.received.isoformat() if p.received else None,
                        "approved": p.approved.isoformat() if p.approved else None,
                        "by": p.by,
                    }
                    for p in assessment.plans
                ]
            }
            if assessment.plans
            else {}
        ),
    }


def _date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(_text(value))


def assessment_from_doc(doc: Doc) -> Assessment:
    return Assessment(
        norm_id=_text(doc["norm_id"]),
        decisions=tuple(
            Decision(
                at=from_iso(d["at"]),
                verdict=Verdict(d["verdict"]) if d["verdict"] is not None else None,
                finding=_text(d["finding"]),
                by=_text(d.get("by", "")),
            )
            for d in doc["decisions"]
        ),
        proposals=tuple(
            Proposal(
                at=from_iso(p["at"]),
                auditor=_text(p["auditor"]),
                verdict=Verdict(p["verdict"]),
                finding=_text(p.get("finding", "")),
            )
            for p in doc["proposals"]
        ),
        plans=tuple(
            PlanRecord(
                at=from_iso(p["at"]),
                received=_date(p.get("received")),
                approved=_date(p.get("approved")),
                by=_text(p.get("by", "")),
            )
            for p in doc.get("plans", ())
        ),
    )


def decode_audit_tables(
    tables: dict[str, Any],
) -> tuple[Audit, list[Assessment], list[TrendEdit], list[ReportText]]:
    """The audit and its review rows from an audit file's tables, decoded strictly
    (``KeyError``, ``TypeError`` or ``ValueError`` name what is wrong)."""
    header = header_of(tables)
    if header is None:
        raise KeyError("meta")
    return (
        audit_from_doc(header["audit"]),
        [assessment_from_doc(doc) for doc in tables.get(ASSESSMENTS_TABLE, {}).values()],
        [trend_edit_from_doc(doc) for doc in tables.get(TREND_TABLE, {}).values()],
        [report_text_from_doc(doc) for doc in tables.get(TEXTS_TABLE, {}).values()],
    )


def trend_edit_to_doc(edit: TrendEdit) -> Doc:
    return {
        "id": edit.id,
        "kind": edit.kind.value,
        "text": edit.text,
        "hidden": edit.hidden,
        "at": to_iso(edit.at),
        "created": to_iso(edit.created),
        "note_id": edit.note_id,
    }


def trend_edit_from_doc(doc: Doc) -> TrendEdit:
    note_id = doc.get("note_id")
    hidden = doc["hidden"]
    if not isinstance(hidden, bool):
        raise TypeError("'hidden' is geen ja/nee")
    return TrendEdit(
        id=_text(doc["id"]),
        kind=TrendKind(doc["kind"]),
        text=_text(doc["text"]),
        hidden=hidden,
        at=from_iso(doc["at"]),
        created=from_iso(doc["created"]),
        note_id=_text(note_id) if note_id is not None else None,
    )


def report_text_to_doc(text: ReportText) -> Doc:
    return {"key": text.key.value, "text": text.text, "at": to_iso(text.at), "by": text.by}


def report_text_from_doc(doc: Doc) -> ReportText:
    return ReportText(
        key=TextKey(doc["key"]),
        text=_text(doc["text"]),
        at=from_iso(doc["at"]),
        by=_text(doc.get("by", "")),
    )
