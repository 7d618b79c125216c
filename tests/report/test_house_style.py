"""The report in a certifying body's own Word template (docxtpl, sandboxed, autoescaped)."""

from __future__ import annotations

import io
import zipfile

import pytest
from audit_fixture import complete_review
from docx import Document

from interview_assistant.domain.assessment import Verdict
from interview_assistant.report.house_style import (
    DEFAULT_TEMPLATE,
    TemplateProblem,
    render_with_template,
    template_context,
)
from interview_assistant.report.templates.build_default import build_bytes


def _template(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xml(data: bytes, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def test_the_shipped_template_is_the_one_the_script_builds() -> None:
    assert _xml(DEFAULT_TEMPLATE.read_bytes()) == _xml(build_bytes())


@pytest.mark.parametrize("final", [False, True])
def test_the_default_template_lays_out_the_report_like_the_example(review, final: bool) -> None:
    if final:
        complete_review(review)
    data = render_with_template(
        review.report_model(final=final, check_privacy=False), DEFAULT_TEMPLATE.read_bytes()
    )
    document = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert ("CONCEPT" in text) is (not final)
    assert ("fixture00001" in text) is (not final)
    assert "A. Samenvatting uitkomst Toetsing" in text
    assert "B. Bevindingen Toetsing Kwaliteitsnormen Sociaal Werk" in text
    assert [len(t.rows) for t in document.tables] == [19, 5, 4, 16, 12, 24]
    v5 = document.tables[3].rows[5].cells
    assert v5[0].text.startswith("5. Professionals maken afspraken")
    assert v5[1].text == "Professionals stellen eigen prioriteiten. Kaders ontbreken deels."
    assert v5[2].text == "+/-"
    assert document.tables[1].rows[-1].cells[1].text == ("43" if final else "39") + " van de 49"
    header = document.sections[0].header.paragraphs[0].text
    assert header == "Stichting Welzijn De Brug" + ("" if final else " — CONCEPT")
    assert document.core_properties.language == "nl-NL"
    assert 'w:val="nl-NL"' in _xml(data, "word/styles.xml")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not any("en-US" in _xml(data, n) for n in names if n.endswith(".xml"))
    footer = "".join(
        _xml(data, n) for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "footer" in n
    )
    assert "Pagina" in footer and " NUMPAGES " in footer
    for table in document.tables:  # every cell keeps a paragraph (Word refuses one without)
        assert all(cell.paragraphs for row in table.rows for cell in row.cells)
    if final:
        assert "Positief: de verbeterplannen" in text and "Plaats: Utrecht" in text
    # the draft closes with its open questions; the final has none
    assert ("Open vragen" in text) is (not final)
    assert ("Nog niet besproken: D9, O21, O22." in text) is (not final)


def test_one_part_only(review) -> None:
    data = render_with_template(review.report_model(part="B"), DEFAULT_TEMPLATE.read_bytes())
    document = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "A. Samenvatting" not in text and "B. Bevindingen" in text
    assert len(document.tables) == 3


def test_notes_are_values_never_template_source(review) -> None:
    hostile = '{{ 7 * 7 }} {% for x in range(3) %}x{% endfor %} <w:p/> & "q" ]]>'
    review.decide("V1", Verdict.VOLDOET, hostile)
    data = render_with_template(review.report_model(), DEFAULT_TEMPLATE.read_bytes())
    v1 = Document(io.BytesIO(data)).tables[3].rows[1].cells[1].text
    assert v1 == hostile  # not 49, not xxx, and the XML survived


def test_a_broken_template_names_the_tag(review) -> None:
    model = review.report_model()
    with pytest.raises(TemplateProblem) as unknown:
        render_with_template(
            model, _template("{{ organisation }}", "{{ organsation }}"), "eigen.docx"
        )
    message = str(unknown.value)
    assert "eigen.docx" in message and "organsation" in message
    assert "Er is niets geschreven" in message
    with pytest.raises(TemplateProblem) as broken:
        render_with_template(model, _template("{% if concept %}", "open"), "eigen.docx")
    assert "eigen.docx" in str(broken.value) and "endif" in str(broken.value)
    with pytest.raises(TemplateProblem, match="geen Word-bestand"):
        render_with_template(model, b"PK\x03\x04 not really", "kapot.docx")


def test_the_sandbox_refuses_reaching_into_python(review) -> None:
    attack = _template("{{ organisation.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateProblem, match=r"__class__.*unsafe"):
        render_with_template(review.report_model(), attack, "aanval.docx")


def test_the_context_holds_plain_values_only(review) -> None:
    def plain(value) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return isinstance(value, str | int | bool)

    assert plain(template_context(review.report_model()))


def test_a_multi_line_scope_is_a_list_and_empty_fields_a_dash_in_a_final(review) -> None:
    review.set_core_field("scope", "Opbouwwerk\nJongerenwerk")
    complete_review(review)
    data = render_with_template(
        review.report_model(final=True, check_privacy=False), DEFAULT_TEMPLATE.read_bytes()
    )
    core = Document(io.BytesIO(data)).tables[0]
    rows = {row.cells[0].text: row.cells[1] for row in core.rows}
    scope = next(cell for label, cell in rows.items() if label.startswith("Scope"))
    assert [p.text for p in scope.paragraphs] == ["• Opbouwwerk", "• Jongerenwerk"]
    assert rows["Website organisatie"].text == "–"  # not "(nog invullen)" in a final
