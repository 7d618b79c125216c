"""Starting a group interview in one go from the command line: ``--partner``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import run


@pytest.fixture
def audit(tmp_path: Path) -> tuple[Path, str]:
    data_dir = tmp_path / "cli"
    audit_id = run(data_dir, "audit", "new", "Stichting Welzijn Oost").stdout.strip()
    return data_dir, audit_id


def start(data_dir: Path, audit_id: str, *extra: str, check: bool = True):
    args = ["session", "start", audit_id, "--auditor", "Anna", "--function", "sociaal werker"]
    return run(data_dir, *args, "--role", "P", *extra, check=check)


def shown(data_dir: Path, audit_id: str, session_id: str) -> dict:
    return json.loads(run(data_dir, "session", "show", audit_id, session_id, "--json").stdout)


def test_two_partners_are_on_disk_with_their_roles(audit) -> None:
    data_dir, audit_id = audit
    session_id = start(data_dir, audit_id, "--partner", "vrijwilliger=nbV").stdout.strip()
    assert shown(data_dir, audit_id, session_id)["interviewees"] == [
        {"function": "sociaal werker", "roles": ["P"]},
        {"function": "vrijwilliger", "roles": ["nbV"]},
    ]
    text = run(data_dir, "session", "show", audit_id, session_id).stdout
    assert "Gesprekspartner: sociaal werker (P)" in text
    assert "Gesprekspartner: vrijwilliger (nbV)" in text


def test_three_partners_in_the_order_given_and_notes_name_the_second(audit) -> None:
    data_dir, audit_id = audit
    partners = ["--partner", "ervaren vrijwilliger=nbV", "--partner", "stagiaire = S, P"]
    session_id = start(data_dir, audit_id, *partners).stdout.strip()
    people = shown(data_dir, audit_id, session_id)["interviewees"]
    assert [(p["function"], p["roles"]) for p in people] == [
        ("sociaal werker", ["P"]),
        ("ervaren vrijwilliger", ["nbV"]),
        ("stagiaire", ["S", "P"]),
    ]
    run(data_dir, "note", audit_id, session_id, "Inwerken door een maatje #V2", "--speaker", "2")
    run(data_dir, "note", audit_id, session_id, "Stagebegeleiding #O12", "--speaker", "3")
    notes = shown(data_dir, audit_id, session_id)["notes"]
    assert [(n["text"], n["speaker"]) for n in notes] == [
        ("Inwerken door een maatje #V2", 2),
        ("Stagebegeleiding #O12", 3),
    ]
    text = run(data_dir, "session", "show", audit_id, session_id).stdout
    assert "ervaren vrijwilliger: Inwerken door een maatje #V2" in text
    coverage = json.loads(run(data_dir, "coverage", audit_id, "--json").stdout)
    assert coverage["norms"]["V2"]["roles"] == ["nbV"]  # only the volunteer spoke to it


def test_an_unknown_role_of_a_partner_is_named_and_nothing_is_started(audit) -> None:
    data_dir, audit_id = audit
    wrong = start(data_dir, audit_id, "--partner", "vrijwilliger=XX", check=False)
    assert wrong.returncode == 2
    assert "Onbekende rol 'XX'. Geldig: P, Mng" in wrong.stderr
    listed = json.loads(run(data_dir, "audit", "show", audit_id, "--json").stdout)
    assert listed["sessions"] == []


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("vrijwilliger", "--partner 'vrijwilliger': schrijf FUNCTIE=ROL[,ROL...]"),
        ("=nbV", "--partner '=nbV': de functie ontbreekt vóór de '='."),
        ("vrijwilliger=", "--partner 'vrijwilliger=': geef minstens één rol na de '='"),
    ],
)
def test_a_malformed_partner_says_how_to_write_it(audit, value: str, error: str) -> None:
    data_dir, audit_id = audit
    wrong = start(data_dir, audit_id, "--partner", value, check=False)
    assert wrong.returncode == 2 and error in wrong.stderr


def test_same_as_still_links_the_first_partner(audit) -> None:
    data_dir, audit_id = audit
    first = start(data_dir, audit_id).stdout.strip()
    second = start(data_dir, audit_id, "--same-as", first, "--partner", "stagiaire=S")
    people = shown(data_dir, audit_id, second.stdout.strip())["interviewees"]
    assert people[0]["same_as"] == {"session": first, "partner": 1}
    assert people[1] == {"function": "stagiaire", "roles": ["S"]}


def test_the_help_explains_the_option_in_dutch(audit) -> None:
    data_dir, _ = audit
    help_text = run(data_dir, "session", "start", "--help").stdout
    assert "--partner FUNCTIE=ROL" in help_text
    assert "groepsgesprek" in help_text
