"""One entry point for every report format: render a model to bytes, or to a file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from interview_assistant.domain.safe_text import without_bidi_controls
from interview_assistant.report.html import render_html
from interview_assistant.report.markdown import render_markdown
from interview_assistant.report.model import ReportModel
from interview_assistant.report.summary import report_summary
from interview_assistant.storage.batch import write_export


def _json(model: ReportModel) -> bytes:
    text = json.dumps(report_summary(model), ensure_ascii=False, indent=2) + "\n"
    return without_bidi_controls(text).encode("utf-8")  # a JSON escape: the text stays exact


def _docx(model: ReportModel) -> bytes:
    from interview_assistant.report.word import render_docx  # python-docx loads lxml: lazy

    return render_docx(model)


RENDERERS: dict[str, Callable[[ReportModel], bytes]] = {
    # bidi overrides from notes would show the reader text in another order than written
    "md": lambda model: without_bidi_controls(render_markdown(model) + "\n").encode("utf-8"),
    "html": lambda model: without_bidi_controls(render_html(model)).encode("utf-8"),
    "docx": _docx,
    "json": _json,
}

FORMATS: tuple[str, ...] = tuple(RENDERERS)
SUFFIXES: dict[str, str] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".json": "json",
}


def render(model: ReportModel, fmt: str) -> bytes:
    """The report in ``fmt`` (one of :data:`FORMATS`) as bytes."""
    return RENDERERS[fmt](model)


def write_report(model: ReportModel, fmt: str, path: Path) -> Path:
    """Render and write atomically and owner-only (the report holds audit findings)."""
    return write_export(Path(path), render(model, fmt))


def write_bytes(data: bytes, path: Path) -> Path:
    """Write an already rendered report (a house-style one) atomically and owner-only."""
    return write_export(Path(path), data)
