"""The report rendered into a certifying body's own Word template (docxtpl).

The template is a .docx with Jinja tags (docxtpl's syntax: ``{{ x }}``, ``{%p ... %}`` for
paragraphs, ``{%tr ... %}`` for table rows). It is rendered in Jinja's sandbox with
autoescape, and with undefined names refused, so a broken template fails with a Dutch
error naming the tag instead of writing a half-filled report. Users' text (findings,
notes, names) only ever goes in as *values* of the context, never as template source, so
a note that contains ``{{`` stays text. :func:`template_context` documents every name a
template may use; the shipped default (``templates/huisstijl.docx``, built by
``templates/build_default.py``) is laid out like the example report and uses them all.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from interview_assistant.domain.assessment import VERDICT_ORDER, omitted_text
from interview_assistant.domain.audit import dutch_date
from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.safe_text import without_bidi_controls
from interview_assistant.messages import msg
from interview_assistant.report.model import ReportModel
from interview_assistant.report.wording import (
    advice_sentences,
    finding_paragraphs,
    plan_lines,
    provisional_sentence,
    question_lines,
    section_finding_header,
    signature_lines,
    trend_omitted,
)

DEFAULT_TEMPLATE = Path(__file__).with_name("templates") / "huisstijl.docx"
#: a template larger than this is not a report template
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024


class TemplateProblem(DomainError):
    """The house-style template cannot be read or rendered; the message names what and where."""


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split("\n")) for p in finding_paragraphs(text)] if text else []


def _without_bidi(value: Any) -> Any:
    """Every string in ``value`` with bidi overrides shown as escapes, as in every format."""
    if isinstance(value, str):
        return without_bidi_controls(value)
    if isinstance(value, list | tuple):
        return type(value)(_without_bidi(item) for item in value)
    if isinstance(value, dict):
        return {key: _without_bidi(item) for key, item in value.items()}
    return value


def template_context(model: ReportModel) -> dict[str, Any]:
    """Every name a template may use: strings, lists and dicts of plain values only.

    Users' text in it has bidi overrides shown as escapes (a note cannot make the
    reader's program show text in another order than written)."""
    return _without_bidi(_context(model))


def _context(model: ReportModel) -> dict[str, Any]:
    title = msg("report.title", organisation=model.organisation)
    total = model.norm_count
    result_rows = [
        {
            "name": s.name,
            "cells": ["; ".join(str(n) for n in s.numbers[v]) or "–" for v in VERDICT_ORDER],
        }
        for s in model.result.sections
    ]
    strong, concerns = list(model.strong_points), list(model.concerns)
    depth = max(len(strong), len(concerns))
    pad = [""] * depth
    return {
        "concept": not model.final,
        "final": model.final,
        "show_a": model.shows_a,
        "show_b": model.shows_b,
        "part_note": msg(f"report.part_{model.part.lower()}_only") if model.part else "",
        "title": title if model.final else f"{msg('report.concept')}: {title}",
        "heading": title,
        "subject": msg("report.subject", edition=model.edition),
        "organisation": model.organisation,
        "edition": model.edition,
        "author": model.lead_auditor,
        "intro": msg("report.intro"),
        "draft_note": ""
        if model.final
        else msg("report.draft_note", audit=model.audit_id, edition=model.edition),
        "labels": {
            "part_a": msg("report.parta.title"),
            "core": msg("report.parta.core"),
            "result": msg("report.parta.result"),
            "result_note": msg("report.parta.result_note"),
            "result_header": [msg("report.parta.result_section")]
            + [msg(f"report.parta.result_col.{v.value}") for v in VERDICT_ORDER],
            "explanation": msg("report.parta.explanation"),
            "trend": msg("report.parta.trend"),
            "strong": msg("report.parta.strong"),
            "concerns": msg("report.parta.concerns"),
            "advice": msg("report.parta.advice"),
            "plan": msg("report.parta.plans_final" if model.final else "report.parta.plan"),
            "signature": msg("report.parta.signature"),
            "part_b": msg("report.partb.title"),
            "rules_title": msg("report.partb.explanation"),
            "verdict": msg("report.partb.verdict"),
            "questions": msg("report.questions.title"),
            "questions_intro": msg("report.questions.intro"),
            "page": msg("report.footer_page").strip(),
            "of": msg("report.footer_of").strip(),
        },
        "core": [
            {
                "label": r.label,
                "value": r.value,
                "entries": list(r.lines) or [r.value],
                "is_list": r.is_list,
            }
            for r in model.core
        ],
        "result_rows": result_rows,
        "result_total": {
            "name": msg("report.parta.result_total"),
            "cells": [
                msg("report.parta.of_total", count=model.result.count(v), total=total)
                for v in VERDICT_ORDER
            ],
        },
        "provisional": provisional_sentence(model) if model.provisional and not model.final else "",
        "explanation": _paragraphs(model.explanation) or [model.empty],
        "trend_rows": [
            {"strong": a, "concern": b}
            for a, b in zip((strong + pad)[:depth], (concerns + pad)[:depth], strict=True)
        ],
        "trend_notes": trend_omitted(model),
        "advice": advice_sentences(model),
        "advice_text": _paragraphs(model.advice_text),
        "plans": [f"{head}: {text}" for head, text in plan_lines(model)],
        "signature": [{"label": label, "value": value} for label, value in signature_lines(model)],
        "advice_date": dutch_date(model.advice_record.date)
        if model.advice_record and model.advice_record.date
        else "",
        "rules": [
            msg(f"report.partb.rule{key}", edition=model.edition) for key in ("1", "2", "3", "4")
        ],
        #: a draft's open questions (working data); empty in a final report
        "questions": question_lines(model),
        "sections": [
            {
                "heading": msg("report.partb.section", name=section.name),
                "finding_header": section_finding_header(section.id),
                "norms": [
                    {
                        "id": norm.norm_id,
                        "number": norm.number,
                        "text": norm.text,
                        "verdict": norm.verdict_symbol,
                        "finding": _norm_paragraphs(model, norm) or [""],
                    }
                    for norm in section.norms
                ],
            }
            for section in model.sections
        ],
    }


def _norm_paragraphs(model: ReportModel, norm) -> list[str]:
    """A norm's finding as paragraphs; in a draft, the working data after it."""
    paragraphs = _paragraphs(norm.finding)
    if model.final:
        return paragraphs
    if not norm.finding:
        paragraphs.append(msg("report.partb.draft_label"))
        paragraphs += [f"• {n.text} ({n.source})" for n in norm.draft]
        if not norm.draft:
            paragraphs.append(msg("report.partb.no_notes"))
        if norm.omitted:
            paragraphs.append(omitted_text(norm.omitted))
    if norm.proposals:
        proposals = ", ".join(f"{p.auditor} {p.verdict.value}" for p in norm.proposals)
        key = "report.partb.conflict" if norm.conflict else "report.partb.proposed"
        paragraphs.append(msg(key, proposals=proposals))
    if norm.below_target:
        paragraphs.append(
            msg("report.partb.below_target", sources=norm.sources, target=norm.target)
        )
    return paragraphs


def read_template(path: Path) -> bytes:
    """A template's bytes, refused with a Dutch message when it is no .docx."""
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateProblem("report.template.too_large", path=path)
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateProblem("report.template.unreadable", path=path, reason=exc) from exc
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateProblem("report.template.not_docx", path=path)
    return data


def _tag_near(exc: Exception) -> str:
    """The template text around a failing tag, as docxtpl reports it (XML stripped)."""
    lines = [line.strip() for line in getattr(exc, "docx_context", None) or () if line.strip()]
    tags = [t for line in lines for t in re.findall(r"\{[{%].*?[%}]\}", line)]
    if tags:
        return tags[len(tags) // 2]
    return " ".join(lines)[:120]


def render_with_template(model: ReportModel, template: bytes, name: str = "") -> bytes:
    """The report rendered into ``template`` (a .docx with docxtpl tags), as .docx bytes."""
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]  # lazy: lxml, Jinja
    from jinja2 import StrictUndefined, TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    label = name or msg("report.template.default_name")
    try:
        document = DocxTemplate(io.BytesIO(template))
        environment = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
        document.render(template_context(model), jinja_env=environment, autoescape=True)
        out = io.BytesIO()
        document.save(out)
    except (TemplateError, TypeError) as exc:  # TypeError: e.g. a loop over a non-list
        raise TemplateProblem(
            "report.template.broken",
            path=label,
            tag=_tag_near(exc) or "?",
            reason=getattr(exc, "message", None) or str(exc),
        ) from exc
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise TemplateProblem("report.template.not_docx", path=label) from exc
    return out.getvalue()
