"""The lead auditor's commands, run as a user would: in a subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

from interview_assistant.domain.assessment import Verdict


def run(data_dir: Path, *args: str, stdin: str | None = None, status: int = 0):
    result = subprocess.run(
        [sys.executable, "-m", "interview_assistant", *args, "--data-dir", str(data_dir)],
        input=stdin,
        capture_output=True,
        text=True,
    )
    assert result.returncode == status, result.stderr
    return result


@pytest.fixture
def audit(tmp_path: Path) -> tuple[Path, str, str]:
    data_dir = tmp_path / "lead"
    audit_id = run(data_dir, "audit", "new", "Stichting Welzijn Oost").stdout.strip()
    session_id = run(
        data_dir,
        "session",
        "start",
        audit_id,
        "--auditor",
        "Anna",
        "--function",
        "teamcoach",
        "--role",
        "Mng",
    ).stdout.strip()
    notes = "Visie besproken #O2 @doc\nTrotse teams #V3 !compliment\nRI&E oud #O16 !zorgpunt\n"
    run(data_dir, "note", audit_id, session_id, "-", stdin=notes)
    return data_dir, audit_id, session_id


def test_verdicts_proposals_and_conflicts(audit) -> None:
    data_dir, audit_id, _ = audit
    assert run(data_dir, "verdict", audit_id[:5], "v5", "+/-").stdout == "V5\n"
    run(data_dir, "verdict", audit_id, "O16", "voldoet niet", "--finding", "RI&E verouderd.")
    run(data_dir, "verdict", audit_id, "D9", "+", "--auditor", "Anna")
    conflict = run(data_dir, "verdict", audit_id, "D9", "-", "--auditor", "Bram")
    assert "verschillen" in conflict.stderr
    shown = json.loads(run(data_dir, "verdicts", audit_id, "--json").stdout)
    assert shown["norms"]["V5"]["verdict"] == "+/-"
    assert shown["norms"]["O16"]["finding"] == "RI&E verouderd."
    assert shown["norms"]["D9"]["conflict"] is True
    assert [p["auditor"] for p in shown["norms"]["D9"]["proposals"]] == ["Anna", "Bram"]
    assert shown["label"]["plan_of_action"] == ["V5", "O16"]
    run(data_dir, "verdict", audit_id, "D9", "+")
    shown = json.loads(run(data_dir, "verdicts", audit_id, "--json").stdout)
    assert shown["norms"]["D9"]["conflict"] is False
    listing = run(data_dir, "verdicts", audit_id).stdout
    assert "O16  -    RI&E verouderd." in listing


def test_a_long_finding_from_stdin(audit) -> None:
    data_dir, audit_id, _ = audit
    finding = "Eerste alinea.\n\nTweede alinea met | en *.\n"
    run(data_dir, "verdict", audit_id, "V1", "+", "--finding", "-", stdin=finding)
    shown = json.loads(run(data_dir, "verdicts", audit_id, "--json").stdout)
    assert shown["norms"]["V1"]["finding"] == finding


def test_bad_verdict_norm_and_format_are_usage_errors(audit, tmp_path) -> None:
    data_dir, audit_id, _ = audit
    assert "Onbekend oordeel" in run(data_dir, "verdict", audit_id, "V1", "goed", status=2).stderr
    assert "Onbekende norm" in run(data_dir, "verdict", audit_id, "V16", "+", status=2).stderr
    result = run(data_dir, "report", audit_id, "-o", str(tmp_path / "r.txt"), status=2)
    assert "formaat" in result.stderr


def test_trend_points_and_texts(audit) -> None:
    data_dir, audit_id, _ = audit
    points = json.loads(run(data_dir, "trend", "list", audit_id, "--json").stdout)
    assert [(p["kind"], p["text"]) for p in points] == [
        ("sterk", "Trotse teams"),
        ("zorg", "RI&E oud"),
    ]
    run(data_dir, "trend", "edit", audit_id, points[0]["id"][:6], "Trotse, betrokken teams")
    run(data_dir, "trend", "hide", audit_id, points[1]["id"])
    own = run(data_dir, "trend", "add", audit_id, "zorg", "Incidenten melden").stdout.strip()
    listed = run(data_dir, "trend", "list", audit_id).stdout
    assert "Trotse, betrokken teams" in listed and "RI&E oud" not in listed and own in listed
    assert "[verborgen]" in run(data_dir, "trend", "list", audit_id, "--all").stdout
    run(data_dir, "trend", "show", audit_id, points[1]["id"])
    run(data_dir, "text", audit_id, "toelichting", "-", stdin="Brede organisatie.\n")
    run(data_dir, "text", audit_id, "advies", "Positief na plan.")
    assert run(data_dir, "text", audit_id, "toelichting").stdout == "Brede organisatie.\n"
    summary = json.loads(run(data_dir, "report", audit_id, "--format", "json", "-o", "-").stdout)
    assert [p["text"] for p in summary["strong_points"]] == ["Trotse, betrokken teams"]
    assert summary["strong_points"][0]["norms"] == ["V3"]
    assert summary["concerns"] == [
        {"text": "RI&E oud", "norms": ["O16"]},
        {"text": "Incidenten melden", "norms": []},
    ]


def test_report_in_every_format(audit, tmp_path: Path) -> None:
    data_dir, audit_id, _ = audit
    run(data_dir, "verdict", audit_id, "O16", "-")
    for fmt in ("md", "html", "docx", "json"):
        target = tmp_path / f"rapport.{fmt}"
        assert run(data_dir, "report", audit_id, "-o", str(target)).stdout.strip() == str(target)
        assert target.stat().st_mode & 0o077 == 0
    assert (tmp_path / "rapport.md").read_text().startswith("**CONCEPT**\n\n# Resultaat Toetsing")
    html = (tmp_path / "rapport.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    document = Document(io.BytesIO((tmp_path / "rapport.docx").read_bytes()))
    assert len(document.tables) == 6
    summary = json.loads((tmp_path / "rapport.json").read_text())
    assert summary["sections"]["O"]["-"] == ["O16"]
    assert summary["totals"]["norms"] == 49
    refused = run(data_dir, "report", audit_id, "--format", "docx", "-o", "-", status=2)
    assert "stdout" in refused.stderr


def test_export_and_merge_between_two_data_folders(audit, tmp_path: Path) -> None:
    data_dir, audit_id, session_id = audit
    bundle = tmp_path / "anna.zip"
    assert run(data_dir, "export", audit_id, "-o", str(bundle)).stdout.strip() == str(bundle)
    with zipfile.ZipFile(bundle) as archive:
        assert f"sessions/{session_id}.json" in archive.namelist()
    other = tmp_path / "bram"
    joined = run(other, "merge", str(bundle))
    assert joined.stdout.strip() == audit_id
    assert "aangemaakt uit de bundel" in joined.stderr
    assert "Anna: sessies 1 nieuw" in joined.stderr
    again = json.loads(run(other, "merge", str(bundle), "--json").stdout)
    assert again["changed"] is False
    assert again["auditors"]["Anna"]["notes"] == {"added": 0, "updated": 0, "unchanged": 3}


def test_export_of_chosen_sessions(audit, tmp_path: Path) -> None:
    data_dir, audit_id, first = audit
    second = run(
        data_dir,
        "session",
        "start",
        audit_id,
        "--auditor",
        "Bram",
        "--function",
        "stagiaire",
        "--role",
        "S",
    ).stdout.strip()
    run(
        data_dir,
        "session",
        "start",
        audit_id,
        "--auditor",
        "Bram",
        "--function",
        "bestuurder",
        "--role",
        "Mng",
    )
    bundle = tmp_path / "two.zip"
    run(data_dir, "export", audit_id, "-o", str(bundle), "--session", first[:6], second)
    with zipfile.ZipFile(bundle) as archive:
        sessions = sorted(n for n in archive.namelist() if n.startswith("sessions/"))
    assert sessions == sorted([f"sessions/{first}.json", f"sessions/{second}.json"])


def test_a_refused_merge_names_the_input_and_changes_nothing(audit, tmp_path: Path) -> None:
    data_dir, audit_id, _ = audit
    broken = tmp_path / "kapot.json"
    broken.write_text('{"meta": ', encoding="utf-8")
    before = sorted(p.read_bytes() for p in data_dir.rglob("*.json"))
    result = run(data_dir, "merge", str(broken), "--audit", audit_id, status=1)
    assert "kapot.json" in result.stderr and "geen geldige JSON" in result.stderr
    assert sorted(p.read_bytes() for p in data_dir.rglob("*.json")) == before


def test_core_data_fields_from_the_command_line(audit) -> None:
    data_dir, audit_id, _ = audit
    fields = run(data_dir, "audit", "fields").stdout
    assert "audit_form" in fields and "alleen CI op het label" in fields
    assert "visit_dates" in fields and "scope" in fields
    run(data_dir, "audit", "set", audit_id, "scope", "-", stdin="Opbouwwerk\nJongerenwerk\n")
    run(data_dir, "audit", "set", audit_id, "audit_form", "Alleen CI op het label")
    run(data_dir, "audit", "set", audit_id, "certification", "hercertificering")
    run(data_dir, "audit", "set", audit_id, "visit_dates", "10 en 11 maart 2026")
    bad = run(data_dir, "audit", "set", audit_id, "report_final", "31-2-2026", status=2)
    assert "Datum verslag definitief" in bad.stderr and "'31-2-2026' is geen datum" in bad.stderr
    wrong = run(data_dir, "audit", "set", audit_id, "audit_form", "iets anders", status=2)
    assert "kies uit" in wrong.stderr
    assert "Onbekend veld" in run(data_dir, "audit", "set", audit_id, "x", "y", status=2).stderr
    shown = run(data_dir, "audit", "fields", audit_id).stdout
    assert "Jongerenwerk" in shown
    summary = json.loads(run(data_dir, "report", audit_id, "--format", "json", "-o", "-").stdout)
    assert summary["scope"] == ["Opbouwwerk", "Jongerenwerk"]
    assert summary["audit_form"] == "alleen CI op het label"
    assert summary["certification"] == "hercertificering"
    assert summary["audit_dates"] == ["2026-03-10", "2026-03-11"]
    md = run(data_dir, "report", audit_id, "--format", "md", "-o", "-").stdout
    assert "- Opbouwwerk\n- Jongerenwerk" in md
    assert "10 maart 2026, 11 maart 2026" in md


def test_final_report_advice_and_plans_from_the_command_line(audit, tmp_path: Path) -> None:
    data_dir, audit_id, _ = audit
    refused = run(data_dir, "report", audit_id, "--final", "-o", str(tmp_path / "r.md"), status=2)
    assert "nog geen oordeel van de teamleider bij V1, V2" in refused.stderr
    assert "advies van de CI is nog niet vastgelegd" in refused.stderr
    assert not (tmp_path / "r.md").exists()
    for norm_id in ("V1", "V2", "V3", "V4", "V5"):
        run(data_dir, "verdict", audit_id, norm_id, "-")
    advice = run(data_dir, "advice", audit_id, "positief", status=2)
    assert "5 normen voldoen niet" in advice.stderr
    assert "nog geen oordeel van de teamleider" in advice.stderr
    from interview_assistant.services.data_folder import DataFolder

    review = DataFolder.resolve(str(data_dir)).open_review(audit_id)  # the rest in-process
    for norm_id in review.catalogue.norm_ids:
        if norm_id != "V5":
            review.decide(norm_id, Verdict.VOLDOET)
    assert "V5" in run(data_dir, "advice", audit_id, "positief", status=2).stderr
    assert "alleen die normen" in run(data_dir, "plan", audit_id, "V1", status=2).stderr
    run(data_dir, "plan", audit_id, "v5", "--received", "1-4-2026", "--approved", "8 april 2026")
    run(data_dir, "advice", audit_id, "positief", "--date", "10-4-2026", "--by", "Anna")
    assert run(data_dir, "advice", audit_id).stdout.startswith("positief\t10 april 2026\tAnna")
    target = tmp_path / "definitief.md"
    run(data_dir, "report", audit_id, "--final", "--part", "a", "-o", str(target))
    text = target.read_text()
    assert "CONCEPT" not in text and audit_id not in text
    assert "goedgekeurd op 8 april 2026" in text
    assert "B. Bevindingen" not in text


def test_report_in_a_house_style_template(audit, tmp_path: Path) -> None:
    from interview_assistant.report.house_style import DEFAULT_TEMPLATE

    data_dir, audit_id, _ = audit
    target = tmp_path / "huisstijl.docx"
    args = ("report", audit_id, "--template", str(DEFAULT_TEMPLATE))
    assert run(data_dir, *args, "-o", str(target)).stdout.strip() == str(target)
    assert target.stat().st_mode & 0o077 == 0
    document = Document(io.BytesIO(target.read_bytes()))
    assert document.sections[0].header.paragraphs[0].text.endswith("— CONCEPT")
    md = run(data_dir, *args, "-o", str(tmp_path / "r.md"), status=2)
    assert "alleen met --format docx" in md.stderr
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"geen zip")
    refused = run(
        data_dir,
        "report",
        audit_id,
        "--template",
        str(broken),
        "-o",
        str(tmp_path / "k.docx"),
        status=2,
    )
    assert "kapot.docx is geen Word-bestand" in refused.stderr
