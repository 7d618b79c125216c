"""The loader refuses inconsistent catalogues and answers role questions as the legend means."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from norm_catalogue import CatalogueError, WalkSource, load_catalogue, load_catalogue_file
from norm_catalogue.loader import EDITIONS_DIR


@pytest.fixture
def raw() -> dict:
    return tomllib.loads((EDITIONS_DIR / "2019.toml").read_text(encoding="utf-8"))


def dump(data: dict, path: Path) -> Path:
    """A tiny TOML writer for the shapes the catalogue uses (no external dependency)."""

    def value(v) -> str:
        if isinstance(v, str):
            return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        if isinstance(v, list | tuple):
            return "[" + ", ".join(value(x) for x in v) + "]"
        if isinstance(v, dict):
            return "{" + ", ".join(f'"{k}" = {value(x)}' for k, x in v.items()) + "}"
        raise TypeError(v)

    lines = []
    for key, v in data.items():
        if not isinstance(v, dict) and not (isinstance(v, list) and v and isinstance(v[0], dict)):
            lines.append(f"{key} = {value(v)}")
    for code, role in data.get("roles", {}).items():
        lines.append(f'[roles."{code}"]')
        lines.extend(f"{k} = {value(x)}" for k, x in role.items())
    for key in ("sections", "norms"):
        for item in data.get(key, []):
            lines.append(f"[[{key}]]")
            lines.extend(f"{k} = {value(x)}" for k, x in item.items())
    extra = data.get("second_source")
    if extra is not None:
        lines.append("[second_source]")
        lines.extend(f"{k} = {value(x)}" for k, x in extra.items() if k != "roles")
        for code, role in extra.get("roles", {}).items():
            lines.append(f'[second_source.roles."{code}"]')
            lines.extend(f"{k} = {value(x)}" for k, x in role.items() if k != "questions")
            lines.append(f'[second_source.roles."{code}".questions]')
            lines.extend(f'"{k}" = {value(x)}' for k, x in role["questions"].items())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_default_edition_has_49_norms_in_three_sections() -> None:
    catalogue = load_catalogue()
    assert catalogue.edition == "2019"
    assert len(catalogue.norms) == 49
    assert [len(catalogue.norms_in_section(s.id)) for s in catalogue.sections] == [15, 11, 23]
    assert catalogue.norm_ids[:2] == ("V1", "V2") and catalogue.norm_ids[-1] == "O23"
    assert catalogue.target == 3


def test_an_intern_walks_through_the_professional_norms() -> None:
    catalogue = load_catalogue()
    p_norms = {n.id for n in catalogue.norms_for_roles(["P"])}
    s_norms = {n.id for n in catalogue.norms_for_roles(["S"])}
    assert s_norms == p_norms
    v1 = catalogue.norm("V1")
    assert catalogue.questions_for(v1, ["S"]) == v1.questions["P"]


def test_roles_no_norm_names_are_listed() -> None:
    catalogue = load_catalogue()
    assert "nbV" in catalogue.roles_naming_no_norm()
    assert catalogue.norms_for_roles(["nbV"]) == ()
    assert "BKC" in catalogue.norm("V8").roles and "BV" in catalogue.norm("O11").roles


def test_unknown_edition_is_a_clear_error() -> None:
    with pytest.raises(CatalogueError, match="Onbekende catalogus-editie '1999'"):
        load_catalogue("1999")


def test_the_shipped_file_round_trips_through_the_test_writer(raw: dict, tmp_path: Path) -> None:
    catalogue = load_catalogue_file(dump(raw, tmp_path / "copy.toml"))
    assert catalogue.norm_ids == load_catalogue().norm_ids
    shipped = load_catalogue().second_source
    assert {c: s.questions for c, s in catalogue.second_source.items()} == {
        c: s.questions for c, s in shipped.items()
    }


def test_duplicate_norm_id_names_file_and_norm(raw: dict, tmp_path: Path) -> None:
    raw["norms"][5] = dict(raw["norms"][4])
    with pytest.raises(CatalogueError, match=r"bad\.toml, norm V5: dubbel norm-id"):
        load_catalogue_file(dump(raw, tmp_path / "bad.toml"))


def test_missing_norm_is_a_gap_in_the_numbering(raw: dict, tmp_path: Path) -> None:
    del raw["norms"][20]  # D6
    with pytest.raises(CatalogueError, match=r"bad\.toml, norm D6: gat in de nummering"):
        load_catalogue_file(dump(raw, tmp_path / "bad.toml"))


def test_unknown_role_names_file_and_norm(raw: dict, tmp_path: Path) -> None:
    raw["norms"][0]["roles"] = ["P", "XYZ"]
    with pytest.raises(CatalogueError, match=r"bad\.toml, norm V1: onbekende rol 'XYZ'"):
        load_catalogue_file(dump(raw, tmp_path / "bad.toml"))


def test_role_without_question_names_file_and_norm(raw: dict, tmp_path: Path) -> None:
    del raw["norms"][0]["questions"]["P&O"]
    with pytest.raises(CatalogueError, match=r"bad\.toml, norm V1: rol P&O heeft geen vraag"):
        load_catalogue_file(dump(raw, tmp_path / "bad.toml"))


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("schema = [", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"broken\.toml: kan de catalogus niet lezen"):
        load_catalogue_file(path)


# -- the second source per role (the tool's addition to the template) ---------------------------


def ids(norms) -> list[str]:
    return [n.id for n in norms]


def test_the_second_source_is_marked_as_the_tools_addition(raw: dict) -> None:
    assert raw["second_source"]["origin"] == "interview-assistant"
    assert "niet uit het template" in EDITIONS_DIR.joinpath("2019.toml").read_text().lower()
    catalogue = load_catalogue()
    # the Wie column stays the template's: the addition lives beside it
    assert catalogue.norm("D1").roles == ("P", "BKC")
    assert "CB" in catalogue.norm("D1").second_source


def test_a_client_walks_o13_then_the_service_norms_they_experience() -> None:
    catalogue = load_catalogue()
    walk = ids(catalogue.walk_for_roles(["CB"]))
    assert walk[0] == "O13"  # the Wie norm first
    assert set(walk[1:]) <= {f"D{n}" for n in range(1, 12)} and len(walk[1:]) >= 5
    assert walk[1:] == sorted(walk[1:], key=lambda i: int(i[1:]))
    d3 = catalogue.norm("D3")
    asked = catalogue.questions_for(d3, ["CB"])
    assert asked == catalogue.second_source["CB"].questions["D3"]
    assert all(" u " in f" {q} " or "uw" in q for q in asked)  # the client is addressed as u


def test_volunteers_and_interns_get_their_own_walk() -> None:
    catalogue = load_catalogue()
    bv = ids(catalogue.walk_for_roles(["BV"]))
    assert bv[0] == "O11" and "D10" in bv and len(bv) > 1
    nbv = ids(catalogue.walk_for_roles(["nbV"]))
    assert catalogue.norms_for_roles(["nbV"]) == ()  # the template names it nowhere
    assert 5 <= len(nbv) <= 8
    intern = ids(catalogue.walk_for_roles(["S"]))
    assert intern == [*ids(catalogue.norms_for_roles(["P"])), "O12"]


def test_several_roles_walk_the_union_with_the_wie_norms_first() -> None:
    catalogue = load_catalogue()
    walk = ids(catalogue.walk_for_roles(["BV", "CB"]))
    wie = ids(catalogue.norms_for_roles(["BV", "CB"]))
    assert walk[: len(wie)] == wie == ["O11", "O13"]
    assert len(walk) == len(set(walk))
    assert {"D3", "D10", "D8"} <= set(walk[len(wie) :])
    # a professional covers D3 by the Wie column: it is not a second source there
    assert catalogue.walk_source(catalogue.norm("D3"), ["P", "CB"]) == WalkSource.TEMPLATE
    assert catalogue.walk_source(catalogue.norm("D3"), ["CB"]) == WalkSource.SECOND
    assert catalogue.walk_source(catalogue.norm("V1"), ["CB"]) is None


def test_unknown_norm_in_the_second_source_names_role_and_id(raw: dict, tmp_path: Path) -> None:
    raw["second_source"]["roles"]["CB"]["questions"]["D12"] = ["Hoe ging het?"]
    with pytest.raises(
        CatalogueError, match=r"bad\.toml: tweede bron voor rol CB: onbekende norm 'D12'"
    ):
        load_catalogue_file(dump(raw, tmp_path / "bad.toml"))


def test_unknown_role_in_the_second_source_is_refused(raw: dict, tmp_path: Path) -> None:
    raw["second_source"]["roles"]["XYZ"] = {"questions": {"D1": ["Hoe ging het?"]}}
    with pytest.raises(CatalogueError, match=r"tweede bron voor rol XYZ: onbekende rol 'XYZ'"):
        load_catalogue_file(dump(raw, tmp_path / "bad.toml"))


def test_a_second_source_norm_the_wie_column_names_is_refused(raw: dict, tmp_path: Path) -> None:
    raw["second_source"]["roles"]["S"]["questions"]["V2"] = ["Hoe bent u ingewerkt?"]
    with pytest.raises(
        CatalogueError, match=r"bad\.toml, norm V2: tweede bron voor rol S: de kolom Wie noemt S"
    ):
        load_catalogue_file(dump(raw, tmp_path / "bad.toml"))


def test_a_second_source_without_questions_or_mark_is_refused(raw: dict, tmp_path: Path) -> None:
    raw["second_source"]["roles"]["CB"]["questions"]["D1"] = []
    with pytest.raises(CatalogueError, match=r"norm D1: tweede bron voor rol CB: verwacht een"):
        load_catalogue_file(dump(raw, tmp_path / "bad.toml"))
    raw["second_source"]["roles"]["CB"]["questions"]["D1"] = ["Hoe ging het?"]
    del raw["second_source"]["origin"]
    with pytest.raises(CatalogueError, match=r"'second_source' moet met 'origin'"):
        load_catalogue_file(dump(raw, tmp_path / "bad2.toml"))
