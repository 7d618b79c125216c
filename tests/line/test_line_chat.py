"""The conversation itself, line by line: what the auditor types and reads, what is stored."""

from __future__ import annotations

from pathlib import Path

from line_driver import reopened

from interview_assistant.domain.session import Interviewee, SessionKind
from interview_assistant.domain.tags import Evidence, NoteKind
from interview_assistant.line.chat import COMMANDS, LineChat
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.storage.repository import AuditStore


def test_opening_names_the_interview_and_the_first_norm_with_its_questions(workspace, session_id):
    chat = LineChat(workspace, session_id)
    text = "\n".join(chat.opening())
    assert "Interview door Anna met maatschappelijk werker (P)" in text
    assert "30 normen voor deze rollen (P)." in text
    v1 = workspace.catalogue.norm("V1")
    assert f"V1 · Vakmanschap 1 — {v1.text}" in text
    assert "Vragen voor P:" in text
    for question in workspace.catalogue.questions_for(v1, ["P"]):
        assert f"  - {question}" in text
    assert "Stand: V1: nog geen bronnen (0 van 3)." in text
    assert chat.prompt() == "V1> "


def test_a_note_without_a_norm_tag_attaches_to_the_current_norm(
    workspace, session_id, isolated_data_dir: Path, audit_id
):
    chat = LineChat(workspace, session_id)
    reply, *_ = chat.handle("Werkt met het competentieprofiel van de BPSW")
    assert reply.startswith("Opgeslagen ")
    assert "V1: 1 van 3 bronnen, nog geen document of registratie: vraag ernaar." in reply
    tagged, *_ = chat.handle("Protocol gezien #v5 @doc !compliment")
    assert "V5: 1 van 3 bronnen, 1 feitelijk." in tagged
    assert chat.norm_id == "V1", "a tag on another norm does not move the walk"

    notes = reopened(isolated_data_dir, audit_id).notes(session_id)
    assert [n.norms for n in notes] == [("V1",), ("V5",)]
    assert notes[1].evidence == (Evidence.DOCUMENT,)
    assert notes[1].kind is NoteKind.COMPLIMENT


def test_the_reply_names_the_next_gap_once_the_target_is_met(store: AuditStore):
    audit = create_audit(store, "Stichting Klein", target=1)
    workspace = AuditWorkspace(store, audit.id)
    session = workspace.start_session("Anna", [Interviewee("teamleider", ("P",))])
    chat = LineChat(workspace, session.id)
    reply, *_ = chat.handle("Registratie van scholing ingezien @reg")
    assert "V1: streefwaarde gehaald (1 van 1 bronnen, 1 feitelijk)." in reply
    assert "Volgende gat: V2 (0 van 1)." in reply


def test_a_note_on_two_norms_is_answered_for_the_first_as_in_the_tui(workspace, session_id):
    chat = LineChat(workspace, session_id)
    reply, *_ = chat.handle("Intervisie elke maand #V4 #V6")
    assert "V4: 1 van 3 bronnen" in reply and "V6" not in reply
    assert workspace.norm_coverage("V6").sources == 1


def test_a_new_session_starts_at_the_biggest_gap(workspace, session_id):
    workspace.add_note(session_id, "Profiel #V1 @doc")
    workspace.end_session(session_id)
    second = workspace.start_session("Bert", [Interviewee("ambulant werker", ("P",))])
    assert LineChat(workspace, second.id).norm_id == "V2"


def test_a_bad_tag_stores_nothing_and_keeps_the_text(
    workspace, session_id, isolated_data_dir, audit_id
):
    chat = LineChat(workspace, session_id)
    (error,) = chat.handle("Klachtenprocedure besproken #V16")
    assert error == (
        "Niet opgeslagen: Onbekende norm '#V16': deze editie kent V1-V15, D1-D11, O1-O23."
    )
    assert reopened(isolated_data_dir, audit_id).notes(session_id) == []
    assert chat.prefill() == "Klachtenprocedure besproken #V16"
    assert chat.prefill() == "", "the text is offered once"
    assert chat.handle("Klachtenprocedure besproken #V15")[0].startswith("Opgeslagen")
    assert chat.rejected == 1

    (kind_error,) = chat.handle("Geen vast overleg !probleem")
    assert "Onbekende soort '!probleem'" in kind_error and "!knelpunt" in kind_error


def test_walking_through_the_norms_for_the_roles(workspace, session_id):
    chat = LineChat(workspace, session_id)
    lines = chat.handle("/volgende")
    assert chat.prompt() == "V2> "
    assert any(line.startswith("V2 · Vakmanschap 2 — ") for line in lines)
    assert any(line.startswith("Vragen voor P:") for line in lines)
    chat.handle("/vorige")
    assert chat.norm_id == "V1"
    assert chat.handle("/vorige") == ["V1 is de eerste norm voor deze rollen."]
    chat.handle("/norm O20")
    assert chat.handle("/volgende") == [
        "O20 is de laatste norm voor deze rollen; /gat zoekt het minst gedekte."
    ]
    chat.handle("/norm O1")  # not a P norm: walking on goes to the next P norm after it
    chat.handle("/volgende")
    assert chat.norm_id == "O4"


def test_norm_by_number_or_by_words(workspace, session_id):
    chat = LineChat(workspace, session_id)
    chat.handle("/norm d3")
    assert chat.norm_id == "D3"
    chat.handle("/norm #V12")
    assert chat.norm_id == "V12"
    chat.handle("/norm klachten")
    assert chat.norm_id == "O17"
    choices = chat.handle("/norm cliënt")
    assert choices[0] == "Meerdere normen passen bij 'cliënt'; kies met /norm en het nummer:"
    assert chat.norm_id == "O17"
    assert chat.handle("/norm zeppelin") == ["Geen norm gevonden voor 'zeppelin'."]
    assert chat.handle("/norm") == ["Gebruik: /norm V5 (of /norm met woorden uit de normtekst)."]


def test_gap_goes_to_the_least_covered_other_norm(workspace, session_id):
    chat = LineChat(workspace, session_id)
    for norm in ("V1", "V2", "V3"):
        chat.handle(f"Besproken #{norm}")
    chat.handle("/gat")
    assert chat.norm_id == "V4"
    chat.handle("/gat")
    assert chat.norm_id == "V5", "a second /gat moves on instead of staying put"


def test_gap_when_every_norm_has_met_its_target(store: AuditStore):
    audit = create_audit(store, "Stichting Klein", target=1)
    workspace = AuditWorkspace(store, audit.id)
    session = workspace.start_session("Anna", [Interviewee("vrijwilliger", ("BV",))])
    chat = LineChat(workspace, session.id)
    assert chat.norms[0].id == "O11"
    chat.handle("Gesprek over de vrijwilligersregeling @doc")
    chat.handle("Besproken " + " ".join(f"#{n.id}" for n in chat.norms[1:]))
    assert chat.handle("/gat") == ["Alle normen voor deze rollen hebben hun streefwaarde gehaald."]


def test_questions_and_evidence_for_the_current_norm(workspace, session_id):
    chat = LineChat(workspace, session_id)
    chat.handle("/norm O17")
    lines = chat.handle("/vragen")
    assert lines[0] == "Vragen (deze norm noemt P niet; de vragen voor andere rollen):"
    assert lines[-1].startswith("Vraag naar: ")


def test_coverage_of_this_interviews_norms_fits_a_small_screen(store: AuditStore):
    audit = create_audit(store, "Stichting Klein", target=2)
    workspace = AuditWorkspace(store, audit.id)
    earlier = workspace.start_session("Bert", [Interviewee("teamleider", ("P",))])
    workspace.add_note(earlier.id, "Profiel besproken #V3")
    session = workspace.start_session("Anna", [Interviewee("buurtwerker", ("P",))])
    chat = LineChat(workspace, session.id)
    chat.handle("Nog een voorbeeld #V3")
    chat.handle("Registratie gezien #V2 @reg")
    chat.handle("En nog een #V2")
    lines = chat.handle("/dekking")
    assert lines[:4] == [
        "Dekking van de 30 normen voor dit gesprek (streefwaarde 2):",
        "Onder streefwaarde (1):",
        "  V2   1 van 2 bronnen, 1 feitelijk; 2 in dit gesprek",
        "Zonder bronnen (28): V1 V4 V5 V6 V7 V8 V9 V10 V11 V12 V13 V14 V15 D1 D2 D3 D4 D5 D6 "
        "D7 D8 D9 D10 D11 O4 O5 O13 O20",
    ]
    assert lines[4:] == ["Gehaald (1):", "  V3   2 van 2 bronnen, 0 feitelijk; 1 in dit gesprek"]


def test_edit_the_last_note_keeps_its_norm_and_history(
    workspace, session_id, isolated_data_dir, audit_id
):
    chat = LineChat(workspace, session_id)
    chat.handle("/norm V7")
    chat.handle("Eerste versie")
    lines = chat.handle("/wijzig")
    assert lines[1] == "Nu: Eerste versie"
    assert chat.prompt() == "wijzig> " and chat.prefill() == "Eerste versie"
    (edited,) = chat.handle("Tweede versie @vb")
    assert edited.startswith("Gewijzigd ") and "V7: 1 van 3 bronnen, 1 feitelijk." in edited
    assert chat.prompt() == "V7> "

    (note,) = reopened(isolated_data_dir, audit_id).notes(session_id)
    assert note.text == "Tweede versie @vb" and note.norms == ("V7",)
    assert [r.text for r in note.revisions] == ["Eerste versie", "Tweede versie @vb"]

    assert chat.handle("/wijzig Derde versie")[0].startswith("Gewijzigd ")
    chat.handle("/wijzig")
    assert chat.handle("") == ["Niet gewijzigd."]
    chat.handle("/wijzig")
    assert chat.cancel() == ["Niet gewijzigd."]
    assert chat.prompt() == "V7> "


def test_a_command_typed_during_an_edit_is_a_command_not_the_new_text(
    workspace, session_id, isolated_data_dir, audit_id
):
    chat = LineChat(workspace, session_id)
    chat.handle("/norm V7")
    chat.handle("Eerste versie")
    chat.handle("/wijzig")
    lines = chat.handle("/verwijder")
    assert lines[0] == "Niet gewijzigd." and lines[1].startswith("Verwijderd: “Eerste versie”")
    assert chat.prompt() == "V7> "
    (note,) = reopened(isolated_data_dir, audit_id).notes(session_id, include_deleted=True)
    assert note.deleted and note.text == "Eerste versie" and len(note.revisions) == 1
    chat.handle("/wijzig")  # a deleted note is not the last note to edit
    assert chat.handle("/herstel")[-1].startswith("Hersteld: “Eerste versie”")


def test_a_bad_tag_in_an_edit_stays_in_the_edit(workspace, session_id, isolated_data_dir, audit_id):
    chat = LineChat(workspace, session_id)
    chat.handle("Origineel")
    chat.handle("/wijzig")
    lines = chat.handle("Verbeterd #X1")
    assert lines[0].startswith("Niet opgeslagen: Onbekende norm '#X1'")
    assert chat.prompt() == "wijzig> " and chat.prefill() == "Verbeterd #X1"
    chat.handle("Verbeterd #V1")
    notes = reopened(isolated_data_dir, audit_id).notes(session_id)
    assert [n.text for n in notes] == ["Verbeterd #V1"], "the fix replaced the note"


def test_delete_and_restore(workspace, session_id, isolated_data_dir, audit_id):
    chat = LineChat(workspace, session_id)
    assert chat.handle("/verwijder") == ["Nog geen notitie in dit gesprek om te verwijderen."]
    assert chat.handle("/herstel") == ["Er is niets om ongedaan te maken."]
    assert chat.handle("/wijzig") == ["Nog geen notitie in dit gesprek om te wijzigen."]
    chat.handle("Eerste")
    chat.handle("Tweede")
    assert chat.handle("/verwijder") == [
        "Verwijderd: “Tweede”. /herstel zet haar terug. V1: 1 van 3 bronnen, "
        "nog geen document of registratie: vraag ernaar."
    ]
    chat.handle("/verwijder")
    assert reopened(isolated_data_dir, audit_id).notes(session_id) == []
    assert chat.handle("/herstel")[0].startswith("Hersteld: “Eerste”. V1: 1 van 3")
    assert chat.handle("/herstel")[0].startswith("Hersteld: “Tweede”.")
    on_disk = reopened(isolated_data_dir, audit_id)
    assert [n.text for n in on_disk.notes(session_id)] == ["Eerste", "Tweede"]


def test_commands_by_unique_beginning_and_errors(workspace, session_id):
    chat = LineChat(workspace, session_id)
    chat.handle("/vol")
    assert chat.norm_id == "V2"
    assert chat.handle("/v") == ["'/v' kan zijn: /volgende, /vorige, /vragen, /verwijder."]
    assert chat.handle("/weg") == ["Onbekende opdracht '/weg'. /help toont de opdrachten."]
    assert chat.handle("/gat V5") == ["/gat heeft geen tekst erachter nodig."]
    assert chat.handle("   ") == []
    assert workspace.notes(session_id) == []


def test_help_explains_every_command_and_the_tags(workspace, session_id):
    text = "\n".join(LineChat(workspace, session_id).handle("/help"))
    for command in COMMANDS:
        assert f"  {command.usage:<15} {command.help}" in text
    assert "@registratie" in text and "@reg" in text and "!knelpunt" in text


def test_stop_ends_the_session(workspace, session_id, isolated_data_dir, audit_id):
    chat = LineChat(workspace, session_id)
    chat.handle("Iets")
    lines = chat.handle("/stop")
    # the summary of the interview (services.interview_summary), then the closing line
    assert lines[:2] == ["Samenvatting: 1 notitie in dit gesprek.", "Gehoord: V1."]
    assert lines[-1] == f"Gesprek beëindigd: 1 notitie opgeslagen in sessie {session_id}."
    assert chat.finished
    assert not reopened(isolated_data_dir, audit_id).session(session_id).is_open
    assert chat.stop() == [], "stopping twice says nothing more"


def test_resuming_starts_at_the_last_notes_norm(workspace, session_id):
    workspace.add_note(session_id, "Over scholing #V9 @doc")
    chat = LineChat(workspace, session_id)
    text = "\n".join(chat.opening())
    assert chat.norm_id == "V9"
    assert f"Verder met sessie {session_id}: 1 notitie tot nu toe." in text
    assert "Over scholing #V9 @doc" in text


def test_resuming_returns_to_the_norm_the_auditor_was_on(
    workspace, session_id, isolated_data_dir, audit_id
):
    chat = LineChat(workspace, session_id)
    chat.handle("Over scholing #V9 @doc")
    chat.handle("/volgende")
    chat.handle("/volgende")
    assert chat.prompt() == "V3> "
    # the terminal is closed without /stop; the next start (another process) goes on at V3
    resumed = LineChat(reopened(isolated_data_dir, audit_id), session_id)
    text = "\n".join(resumed.opening())
    assert resumed.prompt() == "V3> " and "Over scholing #V9 @doc" in text
    assert resumed.handle("Zonder tag")[0].startswith("Opgeslagen")
    assert reopened(isolated_data_dir, audit_id).notes(session_id)[-1].norms == ("V3",)


def test_herstel_undoes_an_edit_and_then_the_note_itself(
    workspace, session_id, isolated_data_dir, audit_id
):
    chat = LineChat(workspace, session_id)
    chat.handle("Eerste versie")
    chat.handle("/wijzig Tweede versie #V4")
    assert chat.handle("/herstel") == [
        "Ongedaan gemaakt: de notitie luidt weer “Eerste versie”. "
        "V1: 1 van 3 bronnen, nog geen document of registratie: vraag ernaar."
    ]
    assert chat.handle("/herstel")[0] == (
        "Ongedaan gemaakt: “Eerste versie” is verwijderd. V1: nog geen bronnen (0 van 3)."
    )
    assert reopened(isolated_data_dir, audit_id).notes(session_id) == []


def test_notes_from_another_process_count_after_refresh(
    workspace, session_id, isolated_data_dir, audit_id
):
    chat = LineChat(workspace, session_id)
    elsewhere = reopened(isolated_data_dir, audit_id)  # the TUI on the same audit
    other = elsewhere.start_session("Bert", [Interviewee("teamleider", ("Mng", "P"))])
    elsewhere.add_note(other.id, "Competentieprofielen besproken #V1 @doc")
    assert chat.refresh() == []
    reply, *_ = chat.handle("Ook hier genoemd")
    assert "V1: 2 van 3 bronnen, 1 feitelijk." in reply


def test_an_unreadable_file_is_reported(workspace, session_id, isolated_data_dir, audit_id):
    chat = LineChat(workspace, session_id)
    elsewhere = reopened(isolated_data_dir, audit_id)
    other = elsewhere.start_session("Bert", [Interviewee("teamleider", ("Mng",))])
    broken = isolated_data_dir / "audits" / audit_id / "sessions" / f"{other.id}.json"
    broken.write_text('{"meta": {"1": {"format": "interview-assi')
    lines = chat.refresh()
    assert len(lines) == 1 and lines[0].startswith(f"Let op: Bestand {broken} is beschadigd")
    assert not chat.finished
    assert chat.handle("Gaat gewoon door")[0].startswith("Opgeslagen")


def test_a_session_without_interviewees_walks_all_norms(workspace):
    session = workspace.start_session("Anna", [], SessionKind.DOCUMENTSTUDIE)
    chat = LineChat(workspace, session.id)
    text = "\n".join(chat.opening())
    assert "Documentstudie door Anna, audit Stichting Welzijn Oost." in text
    assert "Alle 49 normen (geen rollen opgegeven)." in text
    assert "Vragen:" in text


def test_a_role_no_norm_names_walks_its_second_source_norms_only(workspace):
    session = workspace.start_session("Anna", [Interviewee("vrijwilliger", ("nbV",))])
    chat = LineChat(workspace, session.id)
    text = "\n".join(chat.opening())
    assert (
        "Geen norm noemt nbV in de kolom Wie; het gesprek loopt 7 normen langs waarover nbV "
        "als aanvullende bron kan vertellen." in text
    )
    assert len(chat.norms) == 7
    assert "Aanvullende bron voor nbV; de kolom Wie noemt P." in text  # V9, the first
    assert "Vragen voor nbV:" in text


def test_a_client_hears_which_norms_are_the_templates_and_which_a_second_source(workspace):
    session = workspace.start_session("Anna", [Interviewee("bezoeker", ("CB",))])
    chat = LineChat(workspace, session.id)
    opening = chat.opening()
    assert (
        "9 normen voor deze rollen (CB): 1 volgens het template, daarna 8 als aanvullende bron."
        in opening
    )
    title = next(i for i, line in enumerate(opening) if line.startswith("O13 · "))
    assert opening[title + 1] == "Volgens het template (kolom Wie: Mng, P, CB)."
    lines = chat.handle("/volgende")
    assert (
        lines[1].startswith("D1 ")
        and lines[2] == "Aanvullende bron voor CB; de kolom Wie noemt P, BKC."
    )
    assert lines[4] == "Vragen voor CB:"
    assert (
        chat.handle("/norm V1")[2]
        == "Buiten de normen voor deze rollen; de kolom Wie noemt P, P&O."
    )
