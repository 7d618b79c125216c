"""The loader refuses inconsistent catalogues and answers role questions as the legend means."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from norm_catalogue import CatalogueError, load_catalogue, load_catalogue_file
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
