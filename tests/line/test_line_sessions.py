"""The line mode, piped: this computer's auditor as the default, and the summary when the
interview ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.line.test_line_cli import cli


@pytest.fixture
def audit(tmp_path: Path) -> tuple[Path, str]:
    data_dir = tmp_path / "cli"
    audit_id = cli(data_dir, "audit", "new", "Stichting Welzijn Oost").stdout.strip()
    return data_dir, audit_id


def test_a_piped_interview_ends_with_its_summary_and_remembers_the_auditor(audit) -> None:
    data_dir, audit_id = audit
    script = "Anna\n\nbuurtwerker\nP\nInwerkmap gezien #V2 @doc\nCasus besproken #V3\n"
    result = cli(data_dir, "chat", audit_id, stdin=script)
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert "Auditor op deze computer: Anna" in "\n".join(out)
    end = out.index("Samenvatting: 2 notities in dit gesprek.")
    assert out[end + 1] == "Gehoord: V2, V3."
    assert out[end + 2] == "Geen norm haalde de streefwaarde (3) dankzij dit gesprek."
    assert out[end + 3] == "Nog onder de streefwaarde voor de rollen P: V2 (1/3), V3 (1/3)."
    assert out[end + 4].startswith("Nog zonder bron voor de rollen P: V1, V4, V5")
    assert out[-1].startswith("Gesprek beëindigd: 2 notities")

    # the next interview on this computer offers Anna: Enter takes her
    result = cli(data_dir, "chat", audit_id, stdin="\n\nteamleider\nMng\n")
    assert result.returncode == 0, result.stderr
    started = next(line for line in result.stdout.splitlines() if "Gesprek gestart" in line)
    session_id = started.removeprefix("Gesprek gestart (sessie ").removesuffix(").")
    shown = cli(data_dir, "session", "show", audit_id, session_id).stdout
    assert shown.startswith(f"Sessie {session_id} (interview) door Anna\n")
    assert cli(data_dir, "ik-ben").stdout == "Anna\n"
