"""The draft report: a model built from the review (:mod:`.model`) and its renderers.

``review.report_model()`` gives the model; :func:`render` turns it into Markdown,
HTML, Word or the JSON summary, and :func:`write_report` writes it to a file.
"""

from interview_assistant.report.model import ReportModel, build_report
from interview_assistant.report.render import FORMATS, render, write_report

__all__ = ["FORMATS", "ReportModel", "build_report", "render", "write_report"]
