"""The report as a Word document a certifying body can send (python-docx).

Built from the report model, not from the Markdown, so a finding keeps its paragraphs
and nothing needs escaping: python-docx writes text as text. What every word processor
needs to show it as intended is set explicitly: Dutch (nl-NL) as document and style
language, the properties (title, subject, author, created, modified), a header with the
organisation (and CONCEPT in a draft), a footer "Pagina X van Y", column widths in the
table grid (LibreOffice and Google Docs read those, not the cells'), Part B on a new page
and heading styles for the outline. Only public python-docx API and lxml on the elements
python-docx hands out (``Run.element``, ``Styles.element``) are used.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from docx import Document
from docx.blkcntnr import BlockItemContainer
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from interview_assistant.domain.assessment import VERDICT_ORDER, omitted_text
from interview_assistant.domain.safe_text import without_bidi_controls
from interview_assistant.messages import msg
from interview_assistant.report.model import NormFinding, ReportModel
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

LANGUAGE = "nl-NL"
#: width of the text between the margins (A4, 1.8 cm margins), in cm
TEXT_WIDTH = 17.4


def _run(paragraph: Paragraph, text: str, bold: bool = False, italic: bool = False) -> None:
    # bidi overrides from notes would show the reader text in another order than written
    text = without_bidi_controls(text)
    run = paragraph.add_run(" ".join(text.replace("\t", " ").split("\n")))
    if bold:
        run.bold = True
    if italic:
        run.italic = True


def _heading(doc: DocxDocument, text: str, level: int) -> None:
    doc.add_heading(without_bidi_controls(text), level=level)


def _paragraph(container, text: str, style: str | None = None, **emphasis: bool) -> Paragraph:
    paragraph = container.add_paragraph(style=style)
    _run(paragraph, text, **emphasis)
    return paragraph


def _set_language(doc: DocxDocument) -> None:
    """nl-NL in the document defaults and every style that names a language."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    holders = []
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None:
            rpr = rpr_default.find(qn("w:rPr"))
            if rpr is not None:
                holders.append(rpr)
    holders += [rpr for rpr in styles.iter(qn("w:rPr")) if rpr.find(qn("w:lang")) is not None]
    for rpr in holders:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
    doc.core_properties.language = LANGUAGE
    theme = doc.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), LANGUAGE)
    # python-docx's default document carries Word 2010's stylesWithEffects part, all en-US;
    # later Word and other programs ignore it, Word 2010 would prefer it: leave it out.
    legacy = [
        rel_id
        for rel_id, rel in doc.part.rels.items()
        if rel.reltype.endswith("/stylesWithEffects")
    ]
    for rel_id in legacy:
        doc.part.drop_rel(rel_id)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field such as PAGE or NUMPAGES: begin, instruction, separator, shown value, end."""
    for part in ("begin", "instr", "separate", "value", "end"):
        run = paragraph.add_run("1" if part == "value" else None)
        if part == "instr":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run.element.append(code)
        elif part != "value":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), part)
            run.element.append(char)


def _repeat_header(table: Table) -> None:
    """Repeat the first row on every page (reached through a run: no private attributes)."""
    row = table.rows[0].cells[0].paragraphs[0].runs[0].element.getparent().getparent().getparent()
    properties = row.find(qn("w:trPr"))
    if properties is None:
        properties = OxmlElement("w:trPr")
        row.insert(0, properties)
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _table(
    doc: DocxDocument,
    header: Sequence[str],
    widths: Sequence[float],
    rows: Iterable[Sequence[str]],
) -> Table:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid: what LibreOffice and Google Docs honour
    for cell, text, width in zip(table.rows[0].cells, header, widths, strict=True):
        cell.width = Cm(width)  # the cells: what Word honours
        _run(cell.paragraphs[0], text, bold=True)
    _repeat_header(table)
    for values in rows:
        cells = table.add_row().cells
        for cell, value, width in zip(cells, values, widths, strict=True):
            cell.width = Cm(width)
            _run(cell.paragraphs[0], value)
    return table


def _paragraphs(cell: BlockItemContainer, text: str) -> None:
    """A finding's paragraphs as paragraphs of an empty cell."""
    for index, paragraph in enumerate(finding_paragraphs(text)):
        target = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        for number, line in enumerate(paragraph.split("\n")):
            if number:
                target.add_run().add_break()
            _run(target, line)


def _finding(cell: BlockItemContainer, norm: NormFinding, final: bool) -> None:
    if norm.finding:
        _paragraphs(cell, norm.finding)
    elif not final:
        _run(cell.paragraphs[0], msg("report.partb.draft_label"), italic=True)
        for note in norm.draft:
            _paragraph(cell, f"• {note.text} ({note.source})")
        if norm.omitted:
            _paragraph(cell, omitted_text(norm.omitted), italic=True)
        if not norm.draft:
            _paragraph(cell, msg("report.partb.no_notes"))
    if not final and norm.proposals:
        proposals = ", ".join(f"{p.auditor} {p.verdict.value}" for p in norm.proposals)
        key = "report.partb.conflict" if norm.conflict else "report.partb.proposed"
        _paragraph(cell, msg(key, proposals=proposals), bold=True)
    if not final and norm.below_target:
        flag = msg("report.partb.below_target", sources=norm.sources, target=norm.target)
        _paragraph(cell, flag, bold=True)


def _page_setup(doc: DocxDocument, model: ReportModel) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10)
    key = "report.header" if model.final else "report.header_draft"
    header = section.header.paragraphs[0]
    _run(header, msg(key, organisation=model.organisation), bold=not model.final)
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(footer, msg("report.footer_page"))
    _field(footer, "PAGE")
    _run(footer, msg("report.footer_of"))
    _field(footer, "NUMPAGES")


def _properties(doc: DocxDocument, model: ReportModel) -> None:
    title = msg("report.title", organisation=model.organisation)
    moment = model.generated or datetime.now(UTC)
    props = doc.core_properties
    props.title = title if model.final else f"{msg('report.concept')}: {title}"
    props.subject = msg("report.subject", edition=model.edition)
    props.title = without_bidi_controls(props.title)
    props.author = without_bidi_controls(model.lead_auditor or "")
    props.last_modified_by = props.author
    props.comments = ""
    props.keywords = "Kwaliteitslabel Sociaal Werk"
    props.category = msg("report.concept") if not model.final else ""
    props.created = moment
    props.modified = moment
    props.revision = 1
    _set_language(doc)


def _part_a(doc: DocxDocument, model: ReportModel) -> None:
    _heading(doc, msg("report.parta.title"), 1)
    _heading(doc, msg("report.parta.core"), 2)
    core = _table(
        doc, (msg("report.parta.core_item"), msg("report.parta.core_value")), (7.0, 10.4), ()
    )
    for row in model.core:
        cells = core.add_row().cells
        cells[0].width, cells[1].width = Cm(7.0), Cm(10.4)
        _run(cells[0].paragraphs[0], row.label)
        if row.is_list:
            for index, line in enumerate(row.lines):
                target = cells[1].paragraphs[0] if index == 0 else cells[1].add_paragraph()
                _run(target, f"• {line}")
        else:
            _run(cells[1].paragraphs[0], row.value)

    _heading(doc, msg("report.parta.result"), 2)
    doc.add_paragraph(msg("report.parta.result_note"))
    rows = [
        [s.name] + ["; ".join(str(n) for n in s.numbers[v]) or "–" for v in VERDICT_ORDER]
        for s in model.result.sections
    ]
    rows.append(
        [msg("report.parta.result_total")]
        + [
            msg("report.parta.of_total", count=model.result.count(v), total=model.norm_count)
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
    if model.provisional and not model.final:
        _paragraph(doc, provisional_sentence(model), bold=True)

    _heading(doc, msg("report.parta.explanation"), 2)
    if model.explanation:
        for paragraph in finding_paragraphs(model.explanation):
            _paragraph(doc, paragraph)
    else:
        _paragraph(doc, model.empty, italic=True)

    _heading(doc, msg("report.parta.trend"), 2)
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
        _paragraph(doc, msg("report.parta.no_trend"), italic=True)
    for line in trend_omitted(model):
        _paragraph(doc, line, italic=True)

    _heading(doc, msg("report.parta.advice"), 2)
    for sentence in advice_sentences(model):
        _paragraph(doc, sentence)
    for paragraph in finding_paragraphs(model.advice_text) if model.advice_text else ():
        _paragraph(doc, paragraph)
    plan = plan_lines(model)
    if plan:
        key = "report.parta.plans_final" if model.final else "report.parta.plan"
        _paragraph(doc, msg(key), bold=True)
        for head, text in plan:
            _paragraph(doc, f"{head}: {text}", style="List Bullet")
    _paragraph(doc, msg("report.parta.signature"), bold=True)
    for label, value in signature_lines(model):
        _paragraph(doc, f"{label}: {value}")


def _part_b(doc: DocxDocument, model: ReportModel) -> None:
    _heading(doc, msg("report.partb.title"), 1)
    _heading(doc, msg("report.partb.explanation"), 2)
    for key in ("1", "2", "3", "4"):
        _paragraph(doc, msg(f"report.partb.rule{key}", edition=model.edition), "List Bullet")
    widths = (6.2, 9.4, 1.8)
    for findings in model.sections:
        heading = msg("report.partb.section", name=findings.name)
        _heading(doc, heading, 2)
        table = _table(
            doc,
            (heading, section_finding_header(findings.id), msg("report.partb.verdict")),
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
            _finding(cells[1], norm, model.final)
            _run(cells[2].paragraphs[0], norm.verdict_symbol, bold=True)
            cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def build_docx(model: ReportModel) -> DocxDocument:
    doc = Document()
    _page_setup(doc, model)
    _properties(doc, model)
    if not model.final:
        _paragraph(doc, msg("report.concept"), bold=True)
    _heading(doc, msg("report.title", organisation=model.organisation), 0)
    doc.add_paragraph(msg("report.intro"))
    if model.part is not None:
        _paragraph(doc, msg(f"report.part_{model.part.lower()}_only"), italic=True)
    if not model.final:
        _paragraph(
            doc, msg("report.draft_note", audit=model.audit_id, edition=model.edition), italic=True
        )
    if model.shows_a:
        _part_a(doc, model)
    if model.shows_b:
        if model.shows_a:
            doc.add_page_break()
        _part_b(doc, model)
    if not model.final:
        _heading(doc, msg("report.questions.title"), 1)
        _paragraph(doc, msg("report.questions.intro"), italic=True)
        for line in question_lines(model):
            _paragraph(doc, line, "List Bullet")
    return doc


def render_docx(model: ReportModel) -> bytes:
    buffer = io.BytesIO()
    build_docx(model).save(buffer)
    return buffer.getvalue()
