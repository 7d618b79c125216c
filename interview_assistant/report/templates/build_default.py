"""Build ``huisstijl.docx``: the default house-style template, laid out like the example report.

A certifying body copies it, restyles it in Word (logo, fonts, colours, its own wording
around the tags) and passes it with ``report --template``. Every name it uses is listed in
:func:`interview_assistant.report.house_style.template_context`.

Run ``python -m interview_assistant.report.templates.build_default`` after changing this
script and commit the result; a test checks the shipped file matches this script.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.table import Table

from interview_assistant.report.word import LANGUAGE, _field, _repeat_header, _set_language

TARGET = Path(__file__).with_name("huisstijl.docx")


def _rows_table(
    doc: DocxDocument,
    header: list[str],
    widths: list[float],
    loop: str,
    cells: list[str],
    end: str = "{%tr endfor %}",
) -> Table:
    """A table: a header row, then one row repeated by docxtpl's ``{%tr for %}``."""
    table = doc.add_table(rows=4, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_header(table)
    table.rows[1].cells[0].paragraphs[0].add_run(loop)
    for cell, text in zip(table.rows[2].cells, cells, strict=True):
        cell.paragraphs[0].add_run(text)
    table.rows[3].cells[0].paragraphs[0].add_run(end)
    return table


def build() -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10)
    _set_language(doc)
    props = doc.core_properties
    props.title, props.subject, props.author = "{{ title }}", "{{ subject }}", "{{ author }}"
    props.language = LANGUAGE
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run("{{ organisation }}{% if concept %} — CONCEPT{% endif %}")
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ labels.page }} ")
    _field(footer, "PAGE")
    footer.add_run(" {{ labels.of }} ")
    _field(footer, "NUMPAGES")

    add = doc.add_paragraph
    add("{%p if concept %}")
    add().add_run("CONCEPT").bold = True
    add("{%p endif %}")
    doc.add_heading("{{ heading }}", level=0)
    add("{{ intro }}")
    add("{%p if part_note %}")
    add().add_run("{{ part_note }}").italic = True
    add("{%p endif %}")
    add("{%p if draft_note %}")
    add().add_run("{{ draft_note }}").italic = True
    add("{%p endif %}")

    add("{%p if show_a %}")
    doc.add_heading("{{ labels.part_a }}", level=1)
    doc.add_heading("{{ labels.core }}", level=2)
    core = _rows_table(
        doc,
        ["Kerngegeven", "Invulling"],
        [7.0, 10.4],
        "{%tr for row in core %}",
        ["{{ row.label }}", ""],
    )
    value = core.rows[2].cells[1]  # a multi-line field (the scope) as a list
    value.paragraphs[0].add_run("{%p for line in row.entries %}")
    value.add_paragraph("{% if row.is_list %}• {% endif %}{{ line }}")
    value.add_paragraph("{%p endfor %}")
    doc.add_heading("{{ labels.result }}", level=2)
    add("{{ labels.result_note }}")
    widths = [3.4, 3.4, 2.8, 2.6, 2.6, 2.6]
    table = _rows_table(
        doc,
        [f"{{{{ labels.result_header[{i}] }}}}" for i in range(6)],
        widths,
        "{%tr for row in result_rows %}",
        ["{{ row.name }}"] + [f"{{{{ row.cells[{i}] }}}}" for i in range(5)],
    )
    total = table.add_row().cells
    for cell, width, text in zip(
        total,
        widths,
        ["{{ result_total.name }}"] + [f"{{{{ result_total.cells[{i}] }}}}" for i in range(5)],
        strict=True,
    ):
        cell.width = Cm(width)
        cell.paragraphs[0].add_run(text).bold = True
    add("{%p if provisional %}")
    add().add_run("{{ provisional }}").bold = True
    add("{%p endif %}")
    doc.add_heading("{{ labels.explanation }}", level=2)
    add("{%p for para in explanation %}")
    add("{{ para }}")
    add("{%p endfor %}")
    doc.add_heading("{{ labels.trend }}", level=2)
    _rows_table(
        doc,
        ["{{ labels.strong }}", "{{ labels.concerns }}"],
        [8.7, 8.7],
        "{%tr for row in trend_rows %}",
        ["{{ row.strong }}", "{{ row.concern }}"],
    )
    add("{%p for line in trend_notes %}")
    add().add_run("{{ line }}").italic = True
    add("{%p endfor %}")
    doc.add_heading("{{ labels.advice }}", level=2)
    add("{%p for sentence in advice %}")
    add("{{ sentence }}")
    add("{%p endfor %}")
    add("{%p for para in advice_text %}")
    add("{{ para }}")
    add("{%p endfor %}")
    add("{%p if plans %}")
    add().add_run("{{ labels.plan }}").bold = True
    add("{%p for line in plans %}")
    add("{{ line }}", style="List Bullet")
    add("{%p endfor %}")
    add("{%p endif %}")
    add().add_run("{{ labels.signature }}").bold = True
    add("{%p for line in signature %}")
    add("{{ line.label }}: {{ line.value }}")
    add("{%p endfor %}")
    add("{%p endif %}")

    add("{%p if show_b %}")
    add("{%p if show_a %}")
    doc.add_page_break()
    add("{%p endif %}")
    doc.add_heading("{{ labels.part_b }}", level=1)
    doc.add_heading("{{ labels.rules_title }}", level=2)
    add("{%p for rule in rules %}")
    add("{{ rule }}", style="List Bullet")
    add("{%p endfor %}")
    add("{%p for section in sections %}")
    doc.add_heading("{{ section.heading }}", level=2)
    table = _rows_table(
        doc,
        ["{{ section.heading }}", "{{ section.finding_header }}", "{{ labels.verdict }}"],
        [6.2, 9.4, 1.8],
        "{%tr for norm in section.norms %}",
        ["{{ norm.number }}. {{ norm.text }}", "", "{{ norm.verdict }}"],
    )
    finding = table.rows[2].cells[1]
    finding.paragraphs[0].add_run("{%p for para in norm.finding %}")
    finding.add_paragraph("{{ para }}")
    finding.add_paragraph("{%p endfor %}")
    add("{%p endfor %}")
    add("{%p endif %}")

    add("{%p if questions %}")
    doc.add_heading("{{ labels.questions }}", level=1)
    add().add_run("{{ labels.questions_intro }}").italic = True
    add("{%p for line in questions %}")
    add("{{ line }}", style="List Bullet")
    add("{%p endfor %}")
    add("{%p endif %}")
    return doc


def build_bytes() -> bytes:
    out = io.BytesIO()
    build().save(out)
    return out.getvalue()


def main() -> None:
    TARGET.write_bytes(build_bytes())
    print(TARGET)


if __name__ == "__main__":
    main()
