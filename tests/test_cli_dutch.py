"""The command line's help, usage and argparse errors read in Dutch (run as a user would)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from interview_assistant.cli_parser import dutch_error, dutch_help


def run(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    extra = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return subprocess.run(
        [sys.executable, "-m", "interview_assistant", *args, *extra],
        capture_output=True,
        text=True,
    )


ENGLISH = ("usage:", "error:", "positional arguments", "options:", "show this help", "required")


def test_help_is_dutch_at_every_level(tmp_path: Path) -> None:
    for args in (["--help"], ["audit", "--help"], ["session", "start", "--help"]):
        result = run(*args, data_dir=tmp_path)
        assert result.returncode == 0, result.stderr
        out = result.stdout
        assert out.startswith("gebruik: interview-assistant")
        assert "toon deze hulp en stop" in out
        assert not any(word in out for word in ENGLISH), out
    start = run("session", "start", "--help").stdout
    assert "--auditor NAAM" in start and "--kind SOORT" in start and "opties:" in start


def test_a_missing_argument_is_named_in_dutch(tmp_path: Path) -> None:
    result = run("audit", "show", data_dir=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("gebruik: interview-assistant audit show")
    assert "interview-assistant audit show: fout: deze argumenten ontbreken: AUDIT" in result.stderr
    assert not any(word in result.stderr for word in ENGLISH)


def test_bad_values_and_unknown_words_are_refused_in_dutch(tmp_path: Path) -> None:
    bad_int = run("audit", "new", "Stichting", "--target", "drie", data_dir=tmp_path)
    assert bad_int.returncode == 2
    assert "fout: argument --target: 'drie' is geen geheel getal" in bad_int.stderr
    unknown = run("frobnicate", data_dir=tmp_path)
    assert "fout: argument SUBCOMMANDO: ongeldige keuze: 'frobnicate' (kies uit" in (unknown.stderr)
    extra = run("audit", "list", "--kleur", data_dir=tmp_path)
    assert "fout: onbekende argumenten: --kleur" in extra.stderr
    no_value = run("audit", "new", "Stichting", "--target", data_dir=tmp_path)
    assert "fout: argument --target: verwacht één waarde" in no_value.stderr
    for result in (bad_int, unknown, extra, no_value):
        assert result.returncode == 2 and not any(w in result.stderr for w in ENGLISH)


def test_audit_show_labels_the_core_data_in_dutch(tmp_path: Path) -> None:
    audit_id = run("audit", "new", "Stichting Oost", data_dir=tmp_path).stdout.strip()
    run("audit", "set", audit_id, "contact_name", "Mevrouw de Boer", data_dir=tmp_path)
    run("audit", "set", audit_id, "scope", "Jongerenwerk", data_dir=tmp_path)
    result = run("audit", "show", audit_id, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  Naam contactpersoon: Mevrouw de Boer" in lines
    assert "  Scope: Jongerenwerk" in lines
    assert "  Catalogus-editie: 2019   Streefwaarde: 3 bronnen" in lines
    assert not any(line.strip().startswith(("contact_name", "scope")) for line in lines)


def test_an_unknown_argparse_message_passes_unchanged_and_usage_lines_stay_aligned() -> None:
    assert dutch_error("something new in Python 3.99") == "something new in Python 3.99"
    usage = "usage: prog [-a]\n            [-b]\n\nrest"
    assert dutch_help(usage) == "gebruik: prog [-a]\n              [-b]\n\nrest"


def test_report_and_export_go_to_the_documents_folder_and_never_replace_unasked(
    tmp_path: Path,
) -> None:
    documents = tmp_path / "documents"  # XDG_DOCUMENTS_DIR of every test (conftest)
    documents.mkdir()
    data_dir = tmp_path / "data"
    audit_id = run("audit", "new", "Welzijn Oost", data_dir=data_dir).stdout.strip()
    report = run("report", audit_id, data_dir=data_dir)
    assert report.returncode == 0, report.stderr
    assert report.stdout.strip() == str(documents / "rapport-welzijn-oost.md")
    bundle = run("export", audit_id, data_dir=data_dir)
    assert bundle.returncode == 0, bundle.stderr
    assert bundle.stdout.strip() == str(documents / "sessielogs-welzijn-oost.zip")

    written = (documents / "rapport-welzijn-oost.md").read_bytes()
    (documents / "rapport-welzijn-oost.md").write_text("eigen aantekeningen")
    again = run("report", audit_id, data_dir=data_dir)
    assert again.returncode == 2
    assert "rapport-welzijn-oost.md bestaat al; er is niets geschreven" in again.stderr
    assert "--overwrite" in again.stderr
    assert (documents / "rapport-welzijn-oost.md").read_text() == "eigen aantekeningen"
    forced = run("report", audit_id, "--overwrite", data_dir=data_dir)
    assert forced.returncode == 0, forced.stderr
    assert (documents / "rapport-welzijn-oost.md").read_bytes() == written
    refused = run("export", audit_id, data_dir=data_dir)
    assert refused.returncode == 2 and "bestaat al" in refused.stderr
    assert run("export", audit_id, "--force", data_dir=data_dir).returncode == 0


def test_a_missing_output_folder_is_said_in_dutch(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    audit_id = run("audit", "new", "Welzijn Oost", data_dir=data_dir).stdout.strip()
    missing = tmp_path / "nergens"
    for command, name in (("report", "uit.md"), ("export", "uit.zip")):
        result = run(command, audit_id, "-o", str(missing / name), data_dir=data_dir)
        assert result.returncode == 2
        assert f"De map {missing} bestaat niet; maak hem eerst aan" in result.stderr
        assert "Errno" not in result.stderr and "Traceback" not in result.stderr
    assert not missing.exists()


def test_a_verdict_on_thin_evidence_is_stored_with_a_warning(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    audit_id = run("audit", "new", "Welzijn Oost", data_dir=data_dir).stdout.strip()
    start = ["session", "start", audit_id, "--auditor", "Anna", "--function", "werker"]
    session = run(*start, "--role", "P", data_dir=data_dir).stdout.strip()
    run("note", audit_id, session, "Signaleert schulden vroeg #V3", data_dir=data_dir)
    result = run("verdict", audit_id, "V3", "+", data_dir=data_dir)
    assert result.returncode == 0 and result.stdout.strip() == "V3"
    assert "Let op: V3 heeft een oordeel op 1 van de 3 bronnen" in result.stderr
    assert "Let op: V3 heeft een oordeel zonder feitelijke bron" in result.stderr
    quiet = run("verdict", audit_id, "V4", "nvt", data_dir=data_dir)
    assert quiet.returncode == 0 and "Let op" not in quiet.stderr
