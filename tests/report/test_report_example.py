"""The example report (seed document 003) re-enacted through the services, compared section
by section with what the tool writes.

The seed is kept verbatim in ``data/example_report_003.txt``. Its Part B findings are the
held-out test of the norm suggestions: they are used here, to re-enact the report, and
nowhere else. The seed was written against a slightly different edition: its
Dienstverlening section has a twelfth norm the 2019 template does not have, so norms are
matched by section and number and that one is left out. Its typed total "41 van de 49"
norms that meet is wrong (13 + 8 + 21 = 42); the tool counts.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import UTC, date
from pathlib import Path

import pytest

from interview_assistant.domain.assessment import (
    VERDICT_ORDER,
    AdviceDecision,
    TextKey,
    TrendKind,
    Verdict,
)
from interview_assistant.report import render
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.review import AuditReview

SEED = Path(__file__).with_name("data") / "example_report_003.txt"
SECTIONS = {"Vakmanschap": "V", "Dienstverlening": "D", "Organisatie en bestuur": "O"}


@dataclass
class SeedNorm:
    norm_id: str
    finding: str
    verdict: Verdict


@dataclass
class Seed:
    organisation: str
    scope: list[str]
    explanation: str
    strong: list[str]
    concerns: list[str]
    result: dict[str, dict[str, list[int]]]
    typed_totals: list[str]
    advice: str
    norms: list[SeedNorm]


def _numbers(cell: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", cell)]


def read_seed() -> Seed:
    text = SEED.read_text(encoding="utf-8")
    part_a, part_b = text.split("\nB. Bevindingen Toetsing Kwaliteitsnormen Sociaal Werk\n")
    lines = part_a.split("\n")

    def after(label: str) -> str:
        return next(line.split("\t", 1)[1] for line in lines if line.startswith(label))

    scope = re.findall(r"<i>(.*?)</i>", after("Scope"))
    result: dict[str, dict[str, list[int]]] = {}
    typed_totals: list[str] = []
    for line in lines:
        cells = line.split("\t")
        if cells[0] in SECTIONS:
            result[SECTIONS[cells[0]]] = {
                "+": _numbers(cells[1]),
                "+/-": _numbers(cells[2]),
                "-": _numbers(cells[3]),
            }
        elif cells[0] == "Resultaat totaal":
            typed_totals = cells[1:4]
    start = lines.index("Toelichting") + 2
    header = next(i for i, line in enumerate(lines) if line.startswith("Opvallend sterke punten"))
    trend = [line.split("\t") for line in lines[header + 1 : header + 6]]
    advice = next(line for line in lines if "Positief:" in line).split("o ", 1)[1]

    norms: list[SeedNorm] = []
    rows: list[list[str]] = []
    section = ""
    for line in part_b.split("\n"):
        heading = re.match(r"^Kwaliteitsnormen (.+?)\t", line)
        if heading:
            section = SECTIONS[heading.group(1)]
            continue
        row = re.match(r"^(\d+)\. .*?\t(.*)\t(\+/-|\+|-)\s*$", line)
        if row:
            rows.append([f"{section}{row.group(1)}", row.group(2), row.group(3)])
        elif line.startswith("\t") and rows:  # a row cut by a page break
            cells = line.split("\t")
            rows[-1][1] += " " + cells[1]
            if len(cells) > 2 and cells[2].strip():
                rows[-1][2] = cells[2].strip()
    norms = [SeedNorm(n, " ".join(f.split()), Verdict(v)) for n, f, v in rows]
    return Seed(
        organisation=after("Naam lid organisatie").split(" (")[0],
        scope=scope,
        explanation=lines[start],
        strong=[t[0] for t in trend],
        concerns=[t[1] for t in trend],
        result=result,
        typed_totals=typed_totals,
        advice=advice,
        norms=norms,
    )


@pytest.fixture(scope="module")
def seed() -> Seed:
    return read_seed()


@pytest.fixture
def reenacted(store, seed: Seed) -> AuditReview:
    audit = create_audit(store, seed.organisation)
    review = AuditReview(AuditWorkspace(store, audit.id), clock=lambda: _clock())
    review.set_core_field("scope", "\n".join(seed.scope))
    review.set_core_field("audit_form", "alleen CI op het label")
    review.set_core_field("certification", "hercertificering")
    review.set_core_field("lead_auditor", "<Naam> Teamleider en <naam> beoordelaar CIIO")
    catalogue = review.catalogue
    for norm in seed.norms:
        if catalogue.has_norm(norm.norm_id):
            review.decide(norm.norm_id, norm.verdict, norm.finding, by="CIIO")
    for text in seed.strong:
        review.add_trend_point(TrendKind.STRONG, text)
    for text in seed.concerns:
        review.add_trend_point(TrendKind.CONCERN, text)
    review.set_text(TextKey.EXPLANATION, seed.explanation)
    return review


_TICKS = iter(range(10**9))


def _clock():
    from datetime import datetime, timedelta

    return datetime(2026, 3, 20, 9, tzinfo=UTC) + timedelta(seconds=next(_TICKS))


def test_the_seed_is_read_completely(seed: Seed) -> None:
    assert [n.norm_id for n in seed.norms].count("D12") == 1
    assert len(seed.norms) == 50 and len(seed.scope) == 9  # the lead-in line and 8 services
    assert len(seed.strong) == len(seed.concerns) == 5


def test_overall_result_section_by_section(reenacted: AuditReview, seed: Seed) -> None:
    model = reenacted.report_model()
    for section in model.result.sections:
        typed = seed.result[section.section_id]
        for verdict in (Verdict.VOLDOET, Verdict.VERBETERPUNT, Verdict.VOLDOET_NIET):
            assert list(section.numbers[verdict]) == typed[verdict.value], (section.name, verdict)
    counts = [model.result.count(v) for v in VERDICT_ORDER[:3]]
    assert counts == [42, 7, 0]  # the seed typed 41: its own rows add up to 42
    assert seed.typed_totals[1:] == ["7 van de 49", "0 van de 49"]
    assert not model.result.open and not model.provisional
    assert model.advice.plan_of_action == ("V5", "V7", "D5", "D6", "D8", "O10", "O16")


def test_part_b_norm_by_norm(reenacted: AuditReview, seed: Seed) -> None:
    model = reenacted.report_model()
    page = html.unescape(render(model, "html").decode())
    for expected in seed.norms:
        if expected.norm_id == "D12":
            continue  # not in the 2019 edition
        norm = model.norm(expected.norm_id)
        assert (norm.verdict, norm.finding) == (expected.verdict, expected.finding)
        assert expected.finding in page
    headers = re.findall(r"<th>(Bevindingen[^<]*)</th>", page)
    assert headers == [
        "Bevindingen en verbeterpunten toetsing",
        "Bevindingen toetsing",
        "Bevindingen toetsing",
    ]  # the seed's column header per section


def test_part_a_texts_and_trend_points(reenacted: AuditReview, seed: Seed) -> None:
    model = reenacted.report_model()
    assert model.explanation == seed.explanation
    assert list(model.strong_points) == seed.strong
    assert list(model.concerns) == seed.concerns
    scope = next(r for r in model.core if r.key == "scope")
    assert list(scope.lines) == seed.scope and scope.is_list
    md = render(model, "md").decode()
    assert "\n".join(f"- {line}" for line in seed.scope) in md
    assert "&lt;Naam> Teamleider" in md and "\\<" not in md  # no stray backslash
    form = next(r for r in model.core if r.key == "audit_form")
    assert form.value == "alleen CI op het label; hercertificering"


def test_the_final_report_with_the_seeds_advice(reenacted: AuditReview, seed: Seed) -> None:
    for norm_id in reenacted.label_advice().plan_of_action:
        reenacted.record_plan(norm_id, date(2026, 4, 1), date(2026, 4, 8))
    reenacted.record_advice(AdviceDecision.POSITIEF, date(2026, 4, 10), "Teamleider CIIO")
    model = reenacted.report_model(final=True, check_privacy=False)
    for fmt in ("md", "html"):
        text = html.unescape(render(model, fmt).decode())
        assert seed.advice in text
        assert "CONCEPT" not in text
    summary = json.loads(render(model, "json"))
    assert summary["totals"]["+"] == 42 and summary["label"]["status"] == "positive_possible"
    assert summary["norms"]["V5"]["finding"] == next(
        n.finding for n in seed.norms if n.norm_id == "V5"
    )
