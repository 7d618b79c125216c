"""The labelled example texts of an edition: read strictly, like the rest of the catalogue
data, so a typo in a norm id stops the suggester's build with the line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from norm_catalogue import CatalogueError, load_catalogue, load_examples, loader


def _write(folder: Path, text: str) -> None:
    (folder / "2019-examples.tsv").write_text(text, encoding="utf-8")


def test_the_shipped_examples_cover_every_norm_with_findings_and_notes() -> None:
    examples = load_examples("2019")
    norms = load_catalogue("2019").norm_ids
    for kind in ("b", "n"):
        labelled = {e.norms[0] for e in examples if e.kind == kind}
        assert labelled == set(norms), f"soort {kind} mist {set(norms) - labelled}"
    texts = [e.text for e in examples]
    assert len(texts) == len(set(texts)), "a text is in the file twice"


def test_a_line_is_read_as_kind_norms_and_text(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(loader, "VOCABULARY_DIR", tmp_path)
    _write(tmp_path, "# comment\n\nn\tV13,V12\tIntervisie elke maand.\nb\tO16\tRI&E gezien. \n")
    examples = load_examples("2019")
    assert [(e.kind, e.norms, e.text) for e in examples] == [
        ("n", ("V13", "V12"), "Intervisie elke maand."),
        ("b", ("O16",), "RI&E gezien."),
    ]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("n\tV99\tIntervisie elke maand.", "onbekende norm 'V99'"),
        ("x\tV13\tIntervisie elke maand.", "verwacht soort<TAB>normen<TAB>tekst"),
        ("n\tV13", "verwacht soort<TAB>normen<TAB>tekst"),
        ("n\tV13\t  ", "verwacht soort<TAB>normen<TAB>tekst"),
    ],
)
def test_a_bad_line_is_refused_with_its_number(tmp_path, monkeypatch, line, problem) -> None:
    monkeypatch.setattr(loader, "VOCABULARY_DIR", tmp_path)
    _write(tmp_path, f"# comment\nn\tV13\tIntervisie elke maand.\n{line}\n")
    with pytest.raises(CatalogueError) as caught:
        load_examples("2019")
    assert str(caught.value) == f"vocabulary/2019-examples.tsv, regel 3: {problem}"


def test_an_edition_without_examples_has_none(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(loader, "VOCABULARY_DIR", tmp_path)
    assert load_examples("2019") == ()
