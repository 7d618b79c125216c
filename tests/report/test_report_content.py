"""What the draft report says, as the lead auditor reads it."""

from __future__ import annotations

import io
import json
import re

import jsonschema
import pytest
from audit_fixture import complete_review
from docx import Document
from markdown_it import MarkdownIt

from interview_assistant.domain.assessment import Verdict
from interview_assistant.domain.session import Interviewee
from interview_assistant.report import render
from interview_assistant.report.markdown import escape_block, escape_inline
from interview_assistant.report.model import clean
from interview_assistant.report.summary import summary_schema
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.review import AuditReview

MD = MarkdownIt("commonmark", {"html": False}).enable("table")


def test_result_table_and_totals_come_from_the_lead_verdicts_only(review) -> None:
    model = review.report_model()
    assert model.result.count(Verdict.VOLDOET) == 39  # O21's two agreeing proposals do not count
    assert model.result.count(Verdict.NB) == 0  # nb is a deliberate verdict, not 'open'
    summary = json.loads(render(model, "json"))
    assert summary["totals"] == {
        "+": 39, "+/-": 4, "-": 1, "nvt": 1, "nb": 0, "open": 4, "norms": 49
    }  # fmt: skip
    assert summary["sections"]["D"]["open"] == ["D6", "D9"]
    assert summary["label"] == {
        "status": "provisional",
        "positive_possible": False,
        "open": ["D6", "D9", "O21", "O22"],
        "plan_of_action": ["V5", "V7", "D8", "O10", "O16"],
    }
    assert summary["conflicts"] == ["D9"]
    text = render(model, "md").decode()
    assert "**39 van de 49**" in text and "**1 van de 49**" in text
    assert (
        "Voorlopig: 4 normen hebben nog geen oordeel van de teamleider (D6, D9, O21, O22)" in text
    )
    assert "Positief advies mogelijk" not in text


def test_a_report_without_any_verdict_is_provisional(store) -> None:
    audit = create_audit(store, "Stichting Leeg")
    model = AuditReview(AuditWorkspace(store, audit.id)).report_model()
    summary = json.loads(render(model, "json"))
    assert summary["label"]["status"] == "provisional"
    assert summary["label"]["positive_possible"] is False
    assert summary["totals"]["open"] == 49 and summary["totals"]["nb"] == 0
    assert "Nog geen advies mogelijk: 49 normen hebben" in render(model, "md").decode()


def test_a_verdict_changes_every_figure(review) -> None:
    for norm_id in ("V1", "V2", "V3", "V4"):
        review.decide(norm_id, Verdict.VOLDOET_NIET)
    for norm_id in ("D6", "D9", "O21", "O22"):
        review.decide(norm_id, Verdict.VOLDOET)
    summary = json.loads(render(review.report_model(), "json"))
    assert summary["totals"]["-"] == 5 and summary["totals"]["open"] == 0
    assert summary["label"]["status"] == "negative"
    assert summary["label"]["positive_possible"] is False
    assert (
        "Een positief advies is niet mogelijk: de organisatie voldoet bij 5 normen niet "
        "(toegestaan: hooguit 3) en heeft bij 4 normen een verbeterpunt"
        in render(review.report_model(), "md").decode()
    )


def test_interview_partners_are_functions_with_counts_never_names(review) -> None:
    model = review.report_model()
    partners = {p.function: p.count for p in model.partners}
    assert partners["sociaal werker"] == 2  # the observation round is listed apart
    assert "kwaliteitsmedewerker" not in partners  # a document review heard nobody
    row = next(r for r in model.core if r.label.startswith("Gesprekspartners"))
    assert row.lines == (
        "bestuurder, 2 sociaal werkers, Stagiaire, P&O-adviseur",
        "tijdens rondgang op locatie centraal bureau: Sociaal Werker",
    )
    assert not any("Anna" in line or "Bram" in line for line in row.lines)


def test_a_norm_without_finding_gets_its_notes_as_draft_with_sources(review) -> None:
    model = review.report_model()
    v7 = model.norm("V7")
    assert not v7.finding
    assert [(n.text, n.source) for n in v7.draft] == [
        ("Kent de beroepscode nauwelijks", "sociaal werker"),
        ("Gedragscode niet besproken in team", "sociaal werker, Stagiaire"),
    ]
    o15 = model.norm("O15")
    assert o15.draft[0].source == "P&O-adviseur; document, observatie"
    assert model.norm("V2").finding.startswith("Nieuwe medewerkers") and not model.norm("V2").draft
    assert all(n.text != "Wordt verwijderd" for n in model.norm("D1").draft)


def _block(markdown: str, heading_start: str) -> str:
    """One norm's block of Part B in the Markdown: from its heading to the next."""
    start = markdown.index(heading_start)
    end = markdown.find("\n#### ", start + 1)
    return markdown[start : end if end > 0 else None]


def test_coverage_and_conflicts_are_flagged_only_where_the_lead_has_not_decided(review) -> None:
    text = render(review.report_model(), "md").decode()
    d9 = _block(text, "#### 9. Professionals maken afspraken")
    assert "Oordelen verschillen: Anna de Vries +, Bram Jansen +/-." in d9
    assert "Onder streefwaarde: 0 van 3 bronnen." in d9
    assert "Oordeel: **open**" in d9
    decided = _block(text, "#### 23. ")  # O23: one source, decided +
    assert "Onder streefwaarde" not in decided and "Oordeel: **+** (voldoet)" in decided


def test_trend_points_and_texts_appear_as_edited(review) -> None:
    model = review.report_model()
    assert model.strong_points == (
        "Veel geïnvesteerd in methodiekontwikkeling",
        "Vakvolwassen, ondernemende professionals",
    )
    assert model.concerns[-1] == "Incidenten melden en ervan leren"
    review.edit_trend_point("n0202", hidden=True)
    assert "Kent de beroepscode nauwelijks" not in review.report_model().concerns
    assert model.explanation.startswith("De organisatie werkt voor tien gemeenten.")


# -- hostile text --------------------------------------------------------------------------------

HOSTILE = [
    "a | b | c",
    "*vet* en _schuin_ en `code`",
    "<script>alert(1)</script>",
    "regel één\nregel twee\n\n# kop\n- lijst\n1. genummerd\n    code\n> citaat",
    "[link](javascript:alert(1)) ![img](x.png) &amp; &lt;",
    "x" * 500,
    "nul\x00teken \x1b[31m en \x7f",
]


def test_clean_removes_what_no_format_can_hold() -> None:
    assert clean("a\x00b\x1bc\ud800d\r\ne") == "a\ufffdb\ufffdc\ufffdd\ne"


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_cells_stay_one_cell_of_plain_text(text: str) -> None:
    source = f"| a | b |\n| --- | --- |\n| {escape_inline(text)} | z |\n"
    tokens = MD.parse(source)
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 2
    inline = [t for t in tokens if t.type == "inline"][-2]
    assert {c.type for c in inline.children or []} <= {"text", "softbreak"}


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_blocks_stay_paragraphs_of_plain_text(text: str) -> None:
    tokens = MD.parse(escape_block(text))
    assert {t.type for t in tokens} <= {"paragraph_open", "paragraph_close", "inline"}
    for token in tokens:
        assert {c.type for c in token.children or []} <= {"text", "hardbreak", "softbreak"}


@pytest.fixture
def hostile_review(store) -> AuditReview:
    audit = create_audit(store, "Stichting <script>alert('org')</script> | *x*")
    workspace = AuditWorkspace(store, audit.id)
    session = workspace.start_session("Anna", [Interviewee("teamleider | <b>", ("Mng",))])
    for text in HOSTILE:
        workspace.add_note(session.id, text + " #V1 @doc !compliment")
    review = AuditReview(workspace)
    review.decide("V2", Verdict.VOLDOET, "\n".join(HOSTILE))
    return review


def test_hostile_notes_cannot_break_or_inject_into_markdown_or_html(hostile_review) -> None:
    model = hostile_review.report_model()
    md = render(model, "md").decode()
    for line in md.splitlines():
        if line.startswith("| "):
            # every table row of the report keeps its number of columns
            assert len(re.findall(r"(?<!\\)\|", line)) in (3, 7)
    tokens = MD.parse(md)
    assert not [t for t in tokens if t.type in ("html_block", "html_inline", "code_block")]
    assert not [c for t in tokens for c in t.children or [] if c.type in ("link_open", "image")]
    html = render(model, "html").decode()
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript' not in html and "<img" not in html
    assert html.count("<table") == 7  # core, result, trend, signature and three sections
    assert "\x00" not in html and "\x1b" not in html


def test_word_report_has_headings_and_tables_and_survives_hostile_text(hostile_review) -> None:
    data = render(hostile_review.report_model(), "docx")
    document = Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "A. Samenvatting uitkomst Toetsing" in headings
    assert "B. Bevindingen Toetsing Kwaliteitsnormen Sociaal Werk" in headings
    assert "Kwaliteitsnormen Organisatie en bestuur" in headings
    assert len(document.tables) == 6
    part_b = document.tables[3:]
    assert sum(len(t.rows) - 1 for t in part_b) == 49
    v2 = part_b[0].rows[2].cells
    assert v2[1].text.splitlines()[2] == "<script>alert(1)</script>"
    assert v2[2].text == "+"


def test_word_report_of_the_fixture_audit(review) -> None:
    document = Document(io.BytesIO(render(review.report_model(), "docx")))
    result = document.tables[1]
    assert [c.text for c in result.rows[0].cells][:2] == [
        "Onderdeel norm",
        "Nrs. normen die voldoen",
    ]
    assert [c.text for c in result.rows[-1].cells] == [
        "Resultaat totaal",
        "39 van de 49",
        "4 van de 49",
        "1 van de 49",
        "1 van de 49",
        "0 van de 49",
    ]
    v5 = document.tables[3].rows[5].cells
    assert v5[0].text.startswith("5. Professionals maken afspraken")
    # a single newline is a line break within the paragraph, as in Markdown and HTML
    assert [p.text for p in v5[1].paragraphs][:1] == [
        "Professionals stellen eigen prioriteiten.\nKaders ontbreken deels.",
    ]
    assert v5[2].text == "+/-"


def test_the_report_is_the_same_whether_notes_were_built_or_read_in_bulk(review) -> None:
    from_views = render(review.report_model(), "md")
    for session in review.workspace.sessions:
        review.workspace.notes(session.id)  # as the TUI does when the lead browses notes
    assert all(log.materialised for log in review.workspace.logs.values())
    assert render(review.report_model(), "md") == from_views


def test_a_long_trend_column_is_cut_and_counted(store) -> None:
    audit = create_audit(store, "Stichting")
    workspace = AuditWorkspace(store, audit.id)
    session = workspace.start_session("Anna", [Interviewee("teamcoach", ("Mng",))])
    for i in range(30):
        workspace.add_note(session.id, f"Compliment {i} #V3 !compliment")
    model = AuditReview(workspace).report_model()
    assert len(model.strong_points) == 25 and model.strong_omitted == 5
    assert "Nog 5 sterke punten staan niet in deze lijst." in render(model, "md").decode()
    assert json.loads(render(model, "json"))["strong_points_omitted"] == 5


def test_reports_print_the_corrected_text_of_a_template_typo(review) -> None:
    model = review.report_model()
    assert "medezeggenschap, ongewenst" in model.norm("O17").text
    text = render(model, "md").decode()
    assert "medezeggenschap, , ongewenst" not in text and "medezeggenschap, ongewenst" in text
    cells = Document(io.BytesIO(render(model, "docx"))).tables[5].rows[17].cells
    assert "medezeggenschap, ongewenst" in cells[0].text
    assert "aan de gedragscode" in model.norm("V7").text


def test_the_draft_lists_open_questions_and_the_final_none(review) -> None:
    workspace = review.workspace
    interview = workspace.start_session("Bram Jansen", [Interviewee("teamleider", ("Mng",))])
    workspace.add_note(interview.id, "Is de RI&E na de verhuizing herzien? #D6 @doc")
    workspace.add_note(interview.id, "Zegt: 'wie leest dat eigenlijk?' #D6")  # a quote
    workspace.add_note(interview.id, "Wordt het klachtenreglement jaarlijks getoetst? #V1")
    review.reload()
    model = review.report_model()
    assert [(q.norm_id, q.text, q.function) for q in model.open_questions] == [
        ("D6", "Is de RI&E na de verhuizing herzien?", "teamleider")
    ], "V1 has the lead's verdict: its question is answered; a quoted question is not the team's"
    assert model.not_discussed == ("D9", "O21", "O22")
    text = render(model, "md").decode()
    questions = text.split("## Open vragen", 1)[1]
    assert "- D6: Is de RI&E na de verhuizing herzien? (teamleider)" in questions
    assert "- Nog niet besproken: D9, O21, O22." in questions
    html = render(model, "html").decode()
    assert "<li>D6: Is de RI&amp;E na de verhuizing herzien? (teamleider)</li>" in html
    summary = json.loads(render(model, "json"))
    assert summary["open_questions"] == [
        {"norm": "D6", "text": "Is de RI&E na de verhuizing herzien?", "function": "teamleider"}
    ]
    assert summary["not_discussed"] == ["D9", "O21", "O22"]
    jsonschema.Draft202012Validator(summary_schema()).validate(summary)
    paragraphs = [p.text for p in Document(io.BytesIO(render(model, "docx"))).paragraphs]
    assert "D6: Is de RI&E na de verhuizing herzien? (teamleider)" in paragraphs

    complete_review(review)
    final = review.report_model(final=True, check_privacy=False)
    assert final.open_questions == () and final.not_discussed == ()
    for fmt in ("md", "html", "json"):
        data = render(final, fmt).decode()
        assert "Open vragen" not in data and "herzien?" not in data and "open_questions" not in data
    paragraphs = [p.text for p in Document(io.BytesIO(render(final, "docx"))).paragraphs]
    assert not any("Open vragen" in p or "herzien?" in p for p in paragraphs)
