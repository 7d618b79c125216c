"""The draft report as a Word document with real headings and tables (python-docx).

Built from the report model, not from the Markdown, so a finding keeps its
paragraphs and nothing needs escaping: python-docx writes text as text. The model has
already removed the control characters Word refuses.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from interview_assistant.domain.assessment import VERDICT_ORDER
from interview_assistant.messages import msg
from interview_assistant.report.markdown import advice_sentences, plan_lines, trend_omitted
from interview_assistant.report.model import NormFinding, ReportModel


def _run(paragraph: Paragraph, text: str, bold: bool = False, italic: bool = False) -> None:
    """Add ``text`` as one run with a single ``<w:t>``.

    python-docx's own text setter walks the text a character at a time looking for
    tabs and line breaks; a report has 100,000 characters and its lines are already
    split into paragraphs, so the text goes in whole (any stray tab or newline as a space).
    """
    run = paragraph.add_run()
    if "\n" in text or "\t" in text:
        text = " ".join(text.replace("\t", " ").split("\n"))
    run._r.add_t(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True


def _paragraph(container, text: str, style: str | None = None, **emphasis: bool) -> Paragraph:
    paragraph = container.add_paragraph(style=style)
    _run(paragraph, text, **emphasis)
    return paragraph


def _repeat_header(table: Table) -> None:
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row_properties.append(marker)


def _table(
    doc: DocxDocument,
    header: Sequence[str],
    widths: Sequence[float],
    rows: Iterable[Sequence[str]],
) -> Table:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text, width in zip(table.rows[0].cells, header, widths, strict=True):
        cell.width = Cm(width)
        _run(cell.paragraphs[0], text, bold=True)
    _repeat_header(table)
    for values in rows:
        cells = table.add_row().cells
        for cell, value, width in zip(cells, values, widths, strict=True):
            cell.width = Cm(width)
            _run(cell.paragraphs[0], value)
    return table


def _paragraphs(cell: _Cell, text: str) -> None:
    """Text with its line breaks kept as paragraphs, in an empty cell."""
    first = True
    for line in text.split("\n"):
        if not line.strip():
            continue
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        _run(paragraph, line.strip())
        first = False


def _finding(cell: _Cell, norm: NormFinding) -> None:
    if norm.finding:
        _paragraphs(cell, norm.finding)
    else:
        _run(cell.paragraphs[0], msg("report.partb.draft_label"), italic=True)
        for note in norm.draft:
            _paragraph(cell, f"• {note.text} ({note.source})")
        if norm.omitted:
            _paragraph(cell, msg("report.draft.omitted", count=norm.omitted), italic=True)
        if not norm.draft:
            _paragraph(cell, msg("report.partb.no_notes"))
    if norm.conflict:
        proposals = ", ".join(f"{p.auditor} {p.verdict.value}" for p in norm.conflict)
        _paragraph(cell, msg("report.partb.conflict", proposals=proposals), bold=True)
    if norm.below_target:
        flag = msg("report.partb.below_target", sources=norm.sources, target=norm.target)
        _paragraph(cell, flag, bold=True)


def build_docx(model: ReportModel) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin = section.bottom_margin = Cm(1.8)
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10)
    title = msg("report.title", organisation=model.organisation)
    doc.core_properties.title = title
    doc.core_properties.author = ""

    doc.add_heading(title, level=0)
    doc.add_paragraph(msg("report.intro"))
    doc.add_paragraph().add_run(
        msg("report.draft_note", audit=model.audit_id, edition=model.edition)
    ).italic = True

    doc.add_heading(msg("report.parta.title"), level=1)
    doc.add_heading(msg("report.parta.core"), level=2)
    _table(
        doc,
        (msg("report.parta.core_item"), msg("report.parta.core_value")),
        (7.0, 10.4),
        ((row.label, row.value) for row in model.core),
    )

    doc.add_heading(msg("report.parta.result"), level=2)
    doc.add_paragraph(msg("report.parta.result_note"))
    rows = [
        [s.name] + ["; ".join(str(n) for n in s.numbers[v]) or "–" for v in VERDICT_ORDER]
        for s in model.result.sections
    ]
    total = model.norm_count
    rows.append(
        [msg("report.parta.result_total")]
        + [
            msg("report.parta.of_total", count=model.result.count(v), total=total)
            for v in VERDICT_ORDER
        ]
    )
    result = _table(
        doc,
        [msg("report.parta.result_section")]
        + [msg(f"report.parta.result_col.{v.value}") for v in VERDICT_ORDER],
        (3.4, 3.4, 2.8, 2.6, 2.6, 2.6),
        rows,
    )
    for cell in result.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True

    doc.add_heading(msg("report.parta.explanation"), level=2)
    explanation = model.explanation or msg("report.core.empty")
    for paragraph in explanation.split("\n\n"):
        doc.add_paragraph(paragraph.strip())

    doc.add_heading(msg("report.parta.trend"), level=2)
    strong, concerns = list(model.strong_points), list(model.concerns)
    depth = max(len(strong), len(concerns))
    if depth:
        pad = [""] * depth
        _table(
            doc,
            (msg("report.parta.strong"), msg("report.parta.concerns")),
            (8.7, 8.7),
            zip((strong + pad)[:depth], (concerns + pad)[:depth], strict=True),
        )
    else:
        doc.add_paragraph().add_run(msg("report.parta.no_trend")).italic = True
    for line in trend_omitted(model):
        doc.add_paragraph().add_run(line).italic = True

    doc.add_heading(msg("report.parta.advice"), level=2)
    for sentence in advice_sentences(model):
        doc.add_paragraph(sentence)
    for paragraph in model.advice_text.split("\n\n") if model.advice_text else ():
        doc.add_paragraph(paragraph.strip())
    plan = plan_lines(model)
    if plan:
        doc.add_paragraph().add_run(msg("report.parta.plan")).bold = True
        for head, text in plan:
            doc.add_paragraph(f"{head}: {text}", style="List Bullet")
    signature = model.lead_auditor or msg("report.core.empty")
    doc.add_paragraph(f"{msg('report.parta.signature')}: {signature}")

    doc.add_page_break()
    doc.add_heading(msg("report.partb.title"), level=1)
    doc.add_heading(msg("report.partb.explanation"), level=2)
    for key in ("1", "2", "3", "4"):
        doc.add_paragraph(msg(f"report.partb.rule{key}", edition=model.edition), "List Bullet")
    for findings in model.sections:
        heading = msg("report.partb.section", name=findings.name)
        doc.add_heading(heading, level=2)
        widths = (6.2, 9.4, 1.8)
        table = _table(
            doc,
            (heading, msg("report.partb.finding"), msg("report.partb.verdict")),
            widths,
            (),
        )
        for norm in findings.norms:
            cells = table.add_row().cells
            for cell, width in zip(cells, widths, strict=True):
                cell.width = Cm(width)
            number = cells[0].paragraphs[0]
            _run(number, f"{norm.number}. ", bold=True)
            _run(number, norm.text)
            _finding(cells[1], norm)
            _run(cells[2].paragraphs[0], norm.verdict_symbol, bold=True)
    return doc


def render_docx(model: ReportModel) -> bytes:
    buffer = io.BytesIO()
    build_docx(model).save(buffer)
    return buffer.getvalue()
