"""``/zoek`` and ``/geenantwoord`` in the line mode, typed through the real prompt on a pipe."""

from __future__ import annotations

import json
import subprocess
import sys

from line_driver import ENTER, reopened, type_into_chat

from interview_assistant.domain.session import Interviewee


def test_zoek_prints_the_best_notes_of_every_session(workspace, session_id) -> None:
    other = workspace.start_session("Bert", [Interviewee("manager", ("Mng",))])
    workspace.add_note(other.id, "Wachtlijst staat op de agenda van het MT #V3 !knelpunt")
    workspace.add_note(other.id, "Evil \x1b[31mwachtlijst\x1b[0m \u202eachterstevoren #V4")
    commands = [
        "De wachtlijst voor nieuwe cliënten is lang #V3 !knelpunt !suggestie",
        "/zoek wachtlijst #V3",
        "/zoek wachtlyjst auditor:bert #V3",
        "/zoek olifant",
        "/zoek achterstevoren",
        "/zoek",
        "/stop",
    ]
    run = type_into_chat(workspace, ENTER.join(commands) + ENTER, session_id)
    text = run.text
    assert run.status == 0
    assert "2 notities gevonden." in text
    assert f"{session_id}" in text and "maatschappelijk werker (Anna)" in text
    assert "[V3 knelpunt suggestie]" in text and "manager (Bert)" in text
    assert "1 notitie gevonden." in text, "a typo and a filter on the auditor"
    assert "Geen notities gevonden." in text
    assert "Gebruik: /zoek" in text
    assert "achterstevoren #V4" in text
    assert "\x1b[31m" not in text and "\u202e" not in text, "user text is terminal-safe"


def test_geenantwoord_marks_and_unmarks_and_session_show_lists_it(
    workspace, session_id, isolated_data_dir
) -> None:
    commands = ["/norm V3", "/geenantwoord", "/geenantwoord V5", "/geenantwoord V99", "/norm V3"]
    commands += ["/geenantwoord v5", "/stop"]
    run = type_into_chat(workspace, ENTER.join(commands) + ENTER, session_id)
    text = run.text
    assert "V3: gevraagd, geen antwoord (telt niet als bron" in text
    assert "V5: gevraagd, geen antwoord" in text
    assert "Onbekende norm 'V99'." in text
    assert "In dit gesprek gevraagd, geen antwoord." in text, "the norm's intro says so"
    assert "V5: markering 'gevraagd, geen antwoord' weggehaald." in text
    on_disk = reopened(isolated_data_dir, workspace.audit.id)
    assert on_disk.session(session_id).no_answer == ("V3",)
    assert on_disk.norm_coverage("V3").sources == 0

    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "interview_assistant",
            "session",
            "show",
            workspace.audit.id,
            session_id,
            "--data-dir",
            str(isolated_data_dir),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Gevraagd, geen antwoord: V3" in shown
    as_json = subprocess.run(
        [
            sys.executable,
            "-m",
            "interview_assistant",
            "session",
            "show",
            workspace.audit.id,
            session_id,
            "--json",
            "--data-dir",
            str(isolated_data_dir),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(as_json)["no_answer"] == ["V3"]
