"""Corrected report texts: only evident typos, marked, with the template text kept verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from norm_catalogue import CatalogueError, load_catalogue, load_catalogue_file
from norm_catalogue.loader import EDITIONS_DIR

EDITION = EDITIONS_DIR / "2019.toml"


def test_the_template_typos_have_a_listed_correction_and_the_template_text_stays() -> None:
    catalogue = load_catalogue("2019")
    corrected = {n.id: n for n in catalogue.norms if n.report_text}
    assert sorted(corrected) == ["O17", "O4", "O9", "V7"]
    assert ", ," in corrected["O17"].text and ", ," not in corrected["O17"].report_text
    assert "  " in corrected["V7"].text and "  " not in corrected["V7"].report_text
    assert all(n.correction for n in corrected.values())


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('report_text = "Iets heel anders."\ncorrection = "x"', "alleen witruimte"),
        (
            'report_text = "Professionals houden zich aan de voor hun werk van toepassing zijnde '
            'beroepscode en aan de gedragscode van de organisatie."',
            "zonder 'correction'",
        ),
    ],
)
def test_a_report_text_beyond_a_typo_is_refused(tmp_path: Path, line: str, message: str) -> None:
    source = EDITION.read_text(encoding="utf-8")
    start = source.index('report_text = "Professionals houden zich')
    end = source.index("\n", source.index("correction = ", start))
    broken = tmp_path / "2019.toml"
    broken.write_text(source[:start] + line + source[end:], encoding="utf-8")
    with pytest.raises(CatalogueError, match=message):
        load_catalogue_file(broken)
