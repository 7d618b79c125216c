"""Draft and final, Part A and Part B, the recorded advice and plans, the JSON schema, Word."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import jsonschema
import pytest
from audit_fixture import complete_review
from docx import Document

from interview_assistant.domain.assessment import AdviceDecision, Verdict
from interview_assistant.report import render
from interview_assistant.report.summary import summary_schema
from interview_assistant.services.review import AuditReview, Refused, ReviewError


def complete(review: AuditReview, advice: bool = True) -> None:
    complete_review(review, advice)


def test_the_final_report_is_refused_with_every_reason_at_once(review) -> None:
    with pytest.raises(Refused) as refused:
        review.report_model(final=True, check_privacy=False)
    text = str(refused.value)
    assert "verschillen bij D9" in text
    assert "nog geen oordeel van de teamleider bij D6, O21, O22" in text
    assert "advies van de CI is nog niet vastgelegd" in text


def test_a_positive_advice_against_the_label_rule_is_refused(review) -> None:
    for norm_id in ("D6", "D9", "O21", "O22"):
        review.decide(norm_id, Verdict.VOLDOET)
    with pytest.raises(Refused) as refused:
        review.record_advice(AdviceDecision.POSITIEF)
    assert "plan van aanpak is nog niet goedgekeurd voor V5, V7, D8, O10, O16" in str(refused.value)
    for norm_id in ("V1", "V2", "V3", "V4"):
        review.decide(norm_id, Verdict.VOLDOET_NIET)
    with pytest.raises(Refused) as refused:
        review.record_advice(AdviceDecision.POSITIEF)
    assert "5 normen voldoen niet (V1, V2, V3, V4, O16), hooguit 3 toegestaan" in str(refused.value)
    assert review.record_advice(AdviceDecision.NEGATIEF).decision is AdviceDecision.NEGATIEF
    assert review.advice() is not None


def test_a_plan_only_for_norms_that_need_one(review) -> None:
    with pytest.raises(ReviewError, match="alleen die normen"):
        review.record_plan("V1", date(2026, 4, 1), None)
    with pytest.raises(ReviewError, match="ligt vóór ontvangen"):
        review.record_plan("V5", date(2026, 4, 8), date(2026, 4, 1))
    review.record_plan("V5", date(2026, 4, 1), None)
    plan = review.record_plan("V5", None, date(2026, 4, 8)).plan
    assert plan is not None and (plan.received, plan.approved) == (
        date(2026, 4, 1),
        date(2026, 4, 8),
    )  # approving keeps the received date
    reopened = AuditReview.open(review.store, review.audit.id)
    assert reopened.assessment("V5").plan == plan


def test_the_final_report_carries_no_working_data(review) -> None:
    complete(review)
    model = review.report_model(final=True, check_privacy=False)
    md = render(model, "md").decode()
    html = render(model, "html").decode()
    for text in (md, html):
        assert "CONCEPT" not in text
        assert "fixture00001" not in text  # no audit id
        assert "Onder streefwaarde" not in text
        assert "Concept uit de notities" not in text
        assert "beoordelingsscherm" not in text and "trend hide" not in text
        assert "Positief advies mogelijk zodra" not in text
        assert "Positief: de verbeterplannen voor de normen die deels of niet voldoen" in text
        assert "goedgekeurd op 8 april 2026" in text
        assert "10 april 2026" in text and "Utrecht" in text
    summary = json.loads(render(model, "json"))
    assert summary["final"] is True and "audit" not in summary
    assert summary["label"]["status"] == "positive_possible"
    assert summary["advice"] == {
        "decision": "positief",
        "date": "2026-04-10",
        "by": "Anna de Vries",
        "place": "Utrecht",
    }
    assert summary["norms"]["O16"]["plan_of_action"] == {
        "received": "2026-04-01",
        "approved": "2026-04-08",
    }


@pytest.mark.parametrize("final", [False, True])
@pytest.mark.parametrize("part", [None, "A", "B"])
def test_each_part_alone_in_every_format(review, final: bool, part: str | None) -> None:
    if final:
        complete(review)
    model = review.report_model(final=final, part=part, check_privacy=False)
    md = render(model, "md").decode()
    html = render(model, "html").decode()
    document = Document(io.BytesIO(render(model, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for text in (md, html, "\n".join(headings)):
        assert ("A. Samenvatting uitkomst Toetsing" in text) is (part != "B")
        assert ("B. Bevindingen Toetsing Kwaliteitsnormen Sociaal Werk" in text) is (part != "A")
        assert ("Kwaliteitsnormen Vakmanschap" in text) is (part != "A")
    assert len(document.tables) == {None: 6, "A": 3, "B": 3}[part]
    assert ("CONCEPT" in md) is (not final)


def _schema_errors(summary) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        summary_schema(), format_checker=jsonschema.FormatChecker()
    )
    return [e.message for e in validator.iter_errors(summary)]


def test_the_json_follows_its_shipped_schema_draft_and_final(review) -> None:
    jsonschema.Draft202012Validator.check_schema(summary_schema())
    assert _schema_errors(json.loads(render(review.report_model(), "json"))) == []
    complete(review)
    final = json.loads(render(review.report_model(final=True, check_privacy=False), "json"))
    assert _schema_errors(final) == []
    broken = dict(final, totals={**final["totals"], "open": -1})
    assert _schema_errors(broken)  # the schema can fail


def test_the_schema_ships_in_the_package() -> None:
    from importlib.resources import files

    text = files("interview_assistant.report").joinpath("summary.schema.json").read_text("utf-8")
    assert json.loads(text)["properties"]["schema"] == {"const": 2}


# -- Word as a certifying body would send it -----------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


@pytest.mark.parametrize("final", [False, True])
def test_word_language_properties_header_footer_and_grid(review, final: bool) -> None:
    if final:
        complete(review)
    data = render(review.report_model(final=final, check_privacy=False), "docx")
    styles = _xml(data, "word/styles.xml")
    assert 'w:lang w:val="nl-NL"' in styles and "en-US" not in styles
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        everything = "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
        )
    assert "en-US" not in everything  # settings (theme font language) and every styles part
    document = Document(io.BytesIO(data))
    props = document.core_properties
    assert props.language == "nl-NL"
    assert props.title.endswith("Stichting Welzijn De Brug")
    assert props.title.startswith("CONCEPT") is (not final)
    assert props.subject.startswith("Kwaliteitslabel Sociaal Werk")
    assert props.author == "Anna de Vries (teamleider)"
    assert props.created.year == 2026 and props.modified == props.created
    assert "python-docx" not in _xml(data, "docProps/core.xml")
    section = document.sections[0]
    assert section.header.paragraphs[0].text == (
        "Stichting Welzijn De Brug" + ("" if final else " — CONCEPT")
    )
    footers = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "footer" in n]
    footer = "".join(_xml(data, n) for n in footers)
    assert "Pagina " in footer and " PAGE " in footer and " NUMPAGES " in footer
    body = _xml(data, "word/document.xml")
    # Part B's grid: norm, finding, verdict in twentieths of a point (6.2, 9.4, 1.8 cm)
    assert '<w:gridCol w:w="3515"/><w:gridCol w:w="5329"/><w:gridCol w:w="1020"/>' in body
    assert 'w:type="page"' in body  # Part B starts on a new page
    assert ("fixture00001" in body) is (not final)
