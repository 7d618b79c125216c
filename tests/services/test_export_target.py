"""Where an export goes by default and what may be written where."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_assistant.services.export_target import (
    ExportTargetError,
    check_target,
    default_export_dir,
    default_report_base,
    report_path,
)


def test_the_default_is_the_documents_folder_else_home(tmp_path: Path, monkeypatch) -> None:
    documents = tmp_path / "documents"  # XDG_DOCUMENTS_DIR of every test (conftest)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_export_dir() == tmp_path / "home"  # no documents folder (yet)
    documents.mkdir()
    assert default_export_dir() == documents
    assert default_report_base("Welzijn Noord & Oost") == documents / "rapport-welzijn-noord-oost"
    assert not Path.cwd().samefile(default_export_dir())


def test_a_typed_name_gets_the_suffix_and_a_folder_the_default_name(tmp_path: Path) -> None:
    assert report_path(str(tmp_path / "r"), "X", ".md") == tmp_path / "r.md"
    assert report_path(str(tmp_path / "r.MD"), "X", ".md") == tmp_path / "r.MD"
    assert report_path(str(tmp_path / "r.txt"), "X", ".html") == tmp_path / "r.html"
    assert report_path(str(tmp_path), "Welzijn", ".docx") == tmp_path / "rapport-welzijn.docx"


def test_check_target_says_what_is_wrong(tmp_path: Path) -> None:
    assert check_target(tmp_path / "nieuw.md") is False
    (tmp_path / "oud.md").write_text("x")
    assert check_target(tmp_path / "oud.md") is True
    with pytest.raises(ExportTargetError, match=r"De map .*geen-map bestaat niet"):
        check_target(tmp_path / "geen-map" / "r.md")
    with pytest.raises(ExportTargetError, match=r"oud\.md is een bestand, geen map"):
        check_target(tmp_path / "oud.md" / "r.md")
    with pytest.raises(ExportTargetError, match="is een map; geef er een bestandsnaam bij"):
        check_target(tmp_path)
