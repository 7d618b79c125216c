"""``/zoek`` in the line mode, typed through the real prompt on a pipe."""

from __future__ import annotations

from line_driver import ENTER, type_into_chat

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
