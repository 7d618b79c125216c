"""The draft report: a model assembled from domain objects (:mod:`.model`) and its renderers.

``review.report_model()`` (in ``services.review``) passes the parts to
:func:`~.model.assemble_report`; :func:`render` turns the model into Markdown, HTML, Word
or the JSON summary, and :func:`write_report` writes it to a file. Nothing here knows the
services or a UI.
"""

from interview_assistant.report.model import ReportModel, assemble_report
from interview_assistant.report.render import FORMATS, render, write_report

__all__ = ["FORMATS", "ReportModel", "assemble_report", "render", "write_report"]
