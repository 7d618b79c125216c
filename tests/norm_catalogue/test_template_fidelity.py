"""Fidelity of the default norm catalogue (edition 2019) to the interview template.

The catalogue ``norm_catalogue/editions/2019.toml`` is checked against the
authoritative source, the published interview template, vendored unchanged next to
this file as ``interview_template.txt`` so that a fresh clone runs these tests: every
norm text must be the template's text character for character, and every norm's roles
must be the template's "Wie" column (with the template's ``BK`` read as ``BKC`` and
``BKV`` as ``BV``).  The auditor aids (questions, evidence) are checked for shape.

Only the standard library and pytest are used: this test does not depend on the
application's loader.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CATALOGUE_PATH = REPO / "norm_catalogue" / "editions" / "2019.toml"
TEMPLATE_PATH = Path(__file__).with_name("interview_template.txt")
#: SHA-256 of the published form: the vendored copy must stay byte for byte the same.
TEMPLATE_SHA256 = "62c0e81b77871c4bcbc1a9de2fae37eb492a869116d5bc4be26e0edda9ff11ff"

# Section heading in the template -> (section id, number of norms).
SECTIONS = {
    "Vakmanschap": ("V", 15),
    "Dienstverlening": ("D", 11),
    "Organisatie en bestuur": ("O", 23),
}
SECTION_NAMES = {sid: name for name, (sid, _) in SECTIONS.items()}
ROLE_CODES = ["P", "Mng", "P&O", "CB", "BV", "nbV", "S", "BKC"]
# Spellings in the template's Wie column that stand for a legend code.
ALIASES = {"BK": "BKC", "BKV": "BV"}

ALL_IDS = [f"{sid}{n}" for sid, count in SECTIONS.values() for n in range(1, count + 1)]

SECTION_RE = re.compile(r"^\s*Kwaliteitsnormen (?P<name>.+?)\s*$")
NORM_RE = re.compile(r"^\t(?P<number>\d+)\. (?P<text>.*)$")
LEGEND_RE = re.compile(r"^·\s*(?P<code>\S+?)\s*=\s*(?P<desc>.*?)\s*$")


# --------------------------------------------------------------------------- parsing


def parse_template(raw: str) -> dict:
    """Return {"legend": [(code, description)], "norms": {id: {...}}} from the template."""
    legend: list[tuple[str, str]] = []
    norms: dict[str, dict] = {}
    order: list[str] = []
    section: str | None = None
    current: dict | None = None

    for line in raw.split("\n"):
        m = LEGEND_RE.match(line)
        if m and section is None:
            legend.append((m["code"], m["desc"].rstrip(";").strip()))
            continue
        m = SECTION_RE.match(line)
        if m:
            assert m["name"] in SECTIONS, f"unexpected section heading {line!r}"
            section = SECTIONS[m["name"]][0]
            current = None  # "Wie" / "Bevindingen ..." column headings follow
            continue
        m = NORM_RE.match(line)
        if m and section is not None:
            norm_id = f"{section}{int(m['number'])}"
            assert norm_id not in norms, f"norm {norm_id} occurs twice in the template"
            current = {
                "section": section,
                "number": int(m["number"]),
                "text": m["text"].strip(),
                "wie": [],
            }
            norms[norm_id] = current
            order.append(norm_id)
            continue
        stripped = line.strip()
        if current is not None and stripped:
            # Between a norm and the next one only Wie codes may appear.
            assert stripped in ROLE_CODES or stripped in ALIASES, (
                f"unexpected line after norm {order[-1]} in the template: {stripped!r}"
            )
            current["wie"].append(stripped)

    return {"legend": legend, "norms": norms, "order": order}


@pytest.fixture(scope="module")
def catalogue() -> dict:
    with CATALOGUE_PATH.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def norms_by_id(catalogue) -> dict[str, dict]:
    return {norm["id"]: norm for norm in catalogue["norms"]}


@pytest.fixture(scope="module")
def template() -> dict:
    return parse_template(TEMPLATE_PATH.read_text(encoding="utf-8"))


def test_vendored_template_is_the_published_form() -> None:
    assert hashlib.sha256(TEMPLATE_PATH.read_bytes()).hexdigest() == TEMPLATE_SHA256


def _norm(norms_by_id: dict, norm_id: str) -> dict:
    assert norm_id in norms_by_id, f"norm {norm_id} missing from the catalogue"
    return norms_by_id[norm_id]


# --------------------------------------------------------------------------- catalogue header


def test_header(catalogue):
    assert catalogue["schema"] == 1
    assert catalogue["edition"] == "2019"
    assert catalogue["target"] == 3
    assert catalogue["title"].strip()
    assert "000_fbb4520257545c33.txt" in catalogue["source"]
    assert [(s["id"], s["name"]) for s in catalogue["sections"]] == [
        ("V", "Vakmanschap"),
        ("D", "Dienstverlening"),
        ("O", "Organisatie en bestuur"),
    ]


def test_norm_ids_in_template_order(catalogue):
    assert [n["id"] for n in catalogue["norms"]] == ALL_IDS
    for norm in catalogue["norms"]:
        assert norm["id"] == f"{norm['section']}{norm['number']}"


# --------------------------------------------------------------------------- against the template


def test_template_section_counts(template):
    counts = {sid: 0 for sid, _ in SECTIONS.values()}
    for norm in template["norms"].values():
        counts[norm["section"]] += 1
    assert counts == {sid: count for sid, count in SECTIONS.values()}
    assert template["order"] == ALL_IDS


def test_catalogue_section_counts(catalogue):
    counts = {sid: 0 for sid, _ in SECTIONS.values()}
    for norm in catalogue["norms"]:
        counts[norm["section"]] += 1
    assert counts == {"V": 15, "D": 11, "O": 23}
    assert len(catalogue["norms"]) == 49


@pytest.mark.parametrize("norm_id", ALL_IDS)
def test_norm_text_matches_template(norm_id, template, norms_by_id):
    assert norm_id in template["norms"], f"norm {norm_id} not found in the template"
    expected = template["norms"][norm_id]["text"]
    assert _norm(norms_by_id, norm_id)["text"].strip() == expected


@pytest.mark.parametrize("norm_id", ALL_IDS)
def test_norm_roles_match_wie_column(norm_id, template, norms_by_id):
    norm = _norm(norms_by_id, norm_id)
    wie = template["norms"][norm_id]["wie"]
    assert wie, f"norm {norm_id} has no Wie codes in the template"
    assert norm["roles"] == [ALIASES.get(code, code) for code in wie]
    if any(code in ALIASES for code in wie):
        # The template's own spelling is recorded, with an explanation.
        assert norm.get("template_roles") == wie
        assert norm.get("note", "").strip(), f"{norm_id} needs a note on the template's spelling"
        for code in wie:
            if code in ALIASES:
                assert f"'{code}'" in norm["note"]
    else:
        assert "template_roles" not in norm


def test_legend_roles(template, catalogue):
    legend = template["legend"]
    assert [code for code, _ in legend] == ROLE_CODES
    roles = catalogue["roles"]
    assert list(roles) == ROLE_CODES
    for code, description in legend:
        assert roles[code]["description"] == description, code
        assert roles[code]["includes"] == (["P"] if code == "S" else [])


def test_roles_named_by_no_norm_have_a_note(catalogue):
    named = {role for norm in catalogue["norms"] for role in norm["roles"]}
    unnamed = set(ROLE_CODES) - named
    assert unnamed == {"nbV", "S"}
    for code in unnamed:
        assert catalogue["roles"][code].get("note", "").strip(), code


# --------------------------------------------------------------------------- auditor aids


@pytest.mark.parametrize("norm_id", ALL_IDS)
def test_questions(norm_id, norms_by_id):
    norm = _norm(norms_by_id, norm_id)
    questions = norm["questions"]
    assert set(questions) <= set(norm["roles"]), (
        "questions keyed under a role the norm does not list"
    )
    for role in norm["roles"]:
        assert len(questions.get(role, [])) >= 1, f"no question for role {role}"
    flat = [q for role in norm["roles"] for q in questions.get(role, [])]
    assert 2 <= len(flat) <= 4
    assert len(set(flat)) == len(flat), "duplicate question"
    for question in flat:
        assert question == question.strip() and question.endswith("?"), question


@pytest.mark.parametrize("norm_id", ALL_IDS)
def test_evidence(norm_id, norms_by_id):
    evidence = _norm(norms_by_id, norm_id)["evidence"]
    assert 2 <= len(evidence) <= 5
    assert len(set(evidence)) == len(evidence)
    for item in evidence:
        assert item.strip() and item == item.strip()


# --------------------------------------------------------------------------- the tool's addition


def test_second_source_is_the_tools_addition_beside_the_wie_column(catalogue):
    """The per-role second source is marked as the tool's and never repeats the Wie column."""
    extra = catalogue["second_source"]
    assert extra["origin"] == "interview-assistant" and extra["note"].strip()
    norms = {n["id"]: n for n in catalogue["norms"]}
    assert set(extra["roles"]) <= set(ROLE_CODES)
    for code, role in extra["roles"].items():
        assert role["note"].strip(), code
        for norm_id, questions in role["questions"].items():
            assert norm_id in norms, (code, norm_id)
            assert code not in norms[norm_id]["roles"], (code, norm_id)
            assert 1 <= len(questions) <= 2 and len(set(questions)) == len(questions)
            for question in questions:
                assert question == question.strip() and question.endswith("?"), question
