"""The real prompt-toolkit loop, typed into through a pipe as a user would type."""

from __future__ import annotations

from line_driver import (
    BACKSPACE,
    CTRL_C,
    CTRL_D,
    CTRL_U,
    ENTER,
    TAB,
    UP,
    reopened,
    type_into_chat,
    type_step_by_step,
)

from interview_assistant.domain.session import Interviewee, SessionKind
from interview_assistant.domain.tags import Evidence, NoteKind


def test_a_whole_interview(workspace, isolated_data_dir, audit_id):
    keys = ENTER.join(
        [
            "Fatima",  # auditor
            "",  # kind: interview
            "jongerenwerker",
            "P S",
            "Werkt met het competentieprofiel van de BPSW",
            "Scholingsplan gezien #V9 @doc",
            "/volgende",
            "Inwerkmap besproken @vb !compliment",
            "/stop",
            "",
        ]
    )
    run = type_into_chat(workspace, keys)
    assert run.status == 0

    on_disk = reopened(isolated_data_dir, audit_id)
    (session,) = on_disk.sessions
    assert session.auditor == "Fatima" and session.kind is SessionKind.INTERVIEW
    assert session.interviewees == (Interviewee("jongerenwerker", ("P", "S")),)
    assert not session.is_open, "/stop ended the session"
    notes = on_disk.notes(session.id)
    assert [(n.text, n.norms) for n in notes] == [
        ("Werkt met het competentieprofiel van de BPSW", ("V1",)),
        ("Scholingsplan gezien #V9 @doc", ("V9",)),
        ("Inwerkmap besproken @vb !compliment", ("V2",)),
    ]
    assert notes[2].evidence == (Evidence.VOORBEELD,) and notes[2].kind is NoteKind.COMPLIMENT

    text = run.text
    assert f"Gesprek gestart (sessie {session.id})." in text
    assert "Interview door Fatima met jongerenwerker (P, S), audit Stichting Welzijn Oost." in text
    opening_norm = text.index("V1 · Vakmanschap 1 — Professionals beschikken")
    first_reply = text.index("Opgeslagen ")
    assert opening_norm < text.index("Vragen voor P:") < first_reply, "norm and questions first"
    saved = [line for line in run.lines if line.startswith("Opgeslagen ")]
    assert len(saved) == 3
    assert saved[0].endswith(
        "— V1: 1 van 3 bronnen, nog geen document of registratie: vraag ernaar. "
        "Vraag naar: Beroepscompetentieprofiel / functieprofiel."
    )
    assert saved[1].endswith("— V9: 1 van 3 bronnen, 1 feitelijk.")
    assert run.lines[-1] == f"Gesprek beëindigd: 3 notities opgeslagen in sessie {session.id}."


def test_every_command_through_the_prompt(workspace, session_id, isolated_data_dir, audit_id):
    commands = [
        "/help",
        "/volgende",
        "/vorige",
        "/norm V7",
        "Over reflectie",
        "/gat",
        "/vragen",
        "/dekking",
        "/wijzig",
        CTRL_U + "Over reflectie en intervisie @vb",
        "/verwijder",
        "/herstel",
        "/stop",
    ]
    run = type_into_chat(workspace, ENTER.join(commands) + ENTER, session_id)
    text = run.text
    assert "  /stop           het gesprek beëindigen en stoppen" in text  # /help
    assert "V2 · Vakmanschap 2 — " in text  # /volgende
    assert "V7 · Vakmanschap 7 — " in text  # /norm
    assert "V1 · Vakmanschap 1 — " in text.split("V7 · ")[0].split("V2 · ")[1]  # /vorige
    assert "V1 · Vakmanschap 1 — " in text.split("V7 · ")[1]  # /gat: least covered
    assert "Dekking van de 30 normen voor dit gesprek (streefwaarde 3):" in text
    assert "Nu: Over reflectie" in text
    assert "Gewijzigd " in text and "Verwijderd: “Over reflectie en intervisie @vb”" in text
    assert "Hersteld: “Over reflectie en intervisie @vb”. V7: 1 van 3 bronnen, 1 feitelijk." in text

    on_disk = reopened(isolated_data_dir, audit_id)
    (note,) = on_disk.notes(session_id)
    assert note.text == "Over reflectie en intervisie @vb" and note.norms == ("V7",)
    assert not on_disk.session(session_id).is_open


def test_edit_starts_from_the_notes_text(workspace, session_id, isolated_data_dir, audit_id):
    keys = ENTER.join(["Teamoverleg elke week", "/wijzig", " #V3", "/stop", ""])
    type_into_chat(workspace, keys, session_id)
    (note,) = reopened(isolated_data_dir, audit_id).notes(session_id)
    assert note.text == "Teamoverleg elke week #V3" and note.norms == ("V3",)


def test_a_bad_tag_is_explained_and_the_text_comes_back_to_fix(
    workspace, session_id, isolated_data_dir, audit_id
):
    keys = (
        "Klachtenregeling besproken #V16"
        + ENTER
        + BACKSPACE * 3
        + "O17"  # fix the tag on the pre-filled line
        + ENTER
        + "Volgende notitie zonder problemen"
        + ENTER
        + CTRL_D
    )
    run = type_into_chat(workspace, keys, session_id)
    assert (
        "Niet opgeslagen: Onbekende norm '#V16': deze editie kent V1-V15, D1-D11, O1-O23."
        in run.lines
    )
    assert "De tekst staat weer klaar om te verbeteren; Ctrl-C wist hem." in run.lines
    notes = reopened(isolated_data_dir, audit_id).notes(session_id)
    assert [(n.text, n.norms) for n in notes] == [
        ("Klachtenregeling besproken #O17", ("O17",)),
        ("Volgende notitie zonder problemen", ("V1",)),
    ]


def test_ctrl_c_clears_the_line_and_ctrl_d_ends_the_session(
    workspace, session_id, isolated_data_dir, audit_id
):
    keys = (
        "Eerste notitie"
        + ENTER
        + "half getypt, weggegooid"
        + CTRL_C
        + "Tweede notitie"
        + ENTER
        + "/wijzig"
        + ENTER
        + CTRL_C  # leaves the edit
        + CTRL_D
    )
    run = type_into_chat(workspace, keys, session_id)
    assert run.status == 0
    assert "Niet gewijzigd." in run.lines
    on_disk = reopened(isolated_data_dir, audit_id)
    assert [n.text for n in on_disk.notes(session_id)] == ["Eerste notitie", "Tweede notitie"]
    assert not on_disk.session(session_id).is_open
    assert run.lines[-1] == f"Gesprek beëindigd: 2 notities opgeslagen in sessie {session_id}."


def test_ctrl_d_while_starting_stores_no_session(workspace):
    run = type_into_chat(workspace, "Anna" + ENTER + CTRL_D)
    assert run.status == 1 and run.lines[-1] == "Geen gesprek gestart."
    assert workspace.sessions == []


def test_up_arrow_recalls_earlier_lines(workspace, session_id, isolated_data_dir, audit_id):
    workspace.add_note(session_id, "Van voor de herstart #V4")
    steps = [
        ("", "V4>"),  # resumed at the norm of the last note
        ("Nieuw" + ENTER, "V4>"),
        (UP, "Nieuw"),
        (UP, "herstart"),  # the note typed before this run
        (ENTER, "V4>"),
        (UP, "herstart"),
        (" nog eens" + ENTER, "V4>"),
        (CTRL_D, None),
    ]
    type_step_by_step(workspace, steps, session_id)
    texts = [n.text for n in reopened(isolated_data_dir, audit_id).notes(session_id)]
    assert texts == [
        "Van voor de herstart #V4",
        "Nieuw",
        "Van voor de herstart #V4",
        "Van voor de herstart #V4 nog eens",
    ]


def test_tab_completes_a_tag_and_the_menu_shows_the_norm_text(
    workspace, session_id, isolated_data_dir, audit_id
):
    steps = [
        ("", "V1>"),
        ("Protocol ingezien @reg", "ook @reg"),  # the menu opens while typing
        (TAB, "istratie"),
        (" #klachten", "/AVG, klachten, meldcode"),  # O17, shown around the word it matched
        (TAB, "O17"),
        (ENTER, "V1>"),
        ("/stop" + ENTER, None),
    ]
    type_step_by_step(workspace, steps, session_id)
    (note,) = reopened(isolated_data_dir, audit_id).notes(session_id)
    assert note.text == "Protocol ingezien @registratie #O17"
    assert note.norms == ("O17",) and note.evidence == (Evidence.REGISTRATIE,)


def test_the_prompt_shows_the_current_norm(workspace, session_id):
    steps = [
        ("", "V1>"),
        ("/volgende" + ENTER, "V2>"),
        ("/norm O20" + ENTER, "O20>"),
        ("/wijzig" + ENTER, "O20>"),
        ("/stop" + ENTER, None),
    ]
    run = type_step_by_step(workspace, steps, session_id)
    assert "Nog geen notitie in dit gesprek om te wijzigen." in run.lines


def test_a_note_stored_by_the_tui_while_typing_counts_in_the_reply(
    workspace, session_id, isolated_data_dir, audit_id
):
    def tui_stores_a_note() -> None:
        tui = reopened(isolated_data_dir, audit_id)
        other = tui.start_session("Bert", [Interviewee("teamleider", ("P", "Mng"))])
        tui.add_note(other.id, "Profielen besproken in het teamoverleg #V1 @doc")

    steps = [
        ("", "V1>"),
        ("Zelf ook het profiel genoemd", None),
        (tui_stores_a_note, None),
        (ENTER, "V1>"),
        ("/stop" + ENTER, None),
    ]
    run = type_step_by_step(workspace, steps, session_id)
    (reply,) = [line for line in run.lines if line.startswith("Opgeslagen")]
    assert reply.endswith("— V1: 2 van 3 bronnen, 1 feitelijk.")
