"""The line mode offers norms for a stored note (``Ook V13 (intervisie)? /tag 1``) and
``/tag`` adds one to the note as an edit that ``/herstel`` takes back."""

from __future__ import annotations

from line_driver import reopened

from interview_assistant.line.chat import LineChat


def test_a_note_about_another_norm_gets_an_offer_and_tag_1_adds_it(
    workspace, session_id, isolated_data_dir, audit_id
):
    chat = LineChat(workspace, session_id)
    chat.handle("/norm V2")
    saved, offer = chat.handle("Maandelijks intervisie met het hele team")
    assert saved.startswith("Opgeslagen ")
    assert offer.startswith("Ook V13 (intervisie") and offer.endswith("? /tag 1")
    (reply,) = chat.handle("/tag 1")
    assert reply.startswith("V13 toegevoegd aan de notitie van ")
    (note,) = reopened(isolated_data_dir, audit_id).notes(session_id)
    assert note.norms == ("V2", "V13")
    assert note.text == "Maandelijks intervisie met het hele team #V2 #V13"
    assert chat.handle("/tag 1") != [reply]  # the proposal is used up


def test_herstel_takes_an_added_norm_back(workspace, session_id, isolated_data_dir, audit_id):
    chat = LineChat(workspace, session_id)
    chat.handle("/norm V2")
    chat.handle("Maandelijks intervisie met het hele team")
    chat.handle("/tag 1")
    (undone,) = chat.handle("/herstel")
    assert "Maandelijks intervisie met het hele team" in undone
    (note,) = reopened(isolated_data_dir, audit_id).notes(session_id)
    assert note.norms == ("V2",)


def test_a_note_that_fits_its_norm_gets_no_offer(workspace, session_id):
    chat = LineChat(workspace, session_id)
    chat.handle("/norm V13")
    assert len(chat.handle("Maandelijks intervisie met het hele team")) == 1


def test_tag_with_a_norm_id_tags_the_newest_note_and_wrong_input_is_explained(
    workspace, session_id, isolated_data_dir, audit_id
):
    chat = LineChat(workspace, session_id)
    assert chat.handle("/tag 1") == ["Er is geen voorstel 1; /tag V13 voegt een norm toe."]
    assert chat.handle("/tag V5") == [
        "Nog geen notitie in dit gesprek om een norm aan toe te voegen."
    ]
    chat.handle("Kent de afspraken #V8")
    (reply,) = chat.handle("/tag v05")
    assert reply.startswith("V5 toegevoegd")
    assert chat.handle("/tag V5") == ["De notitie hoort al bij V5."]
    assert chat.handle("/tag X99") == ["Geen norm gevonden voor 'X99'."]
    assert chat.handle("/tag") == ["Gebruik: /tag 1 (het nummer van een voorstel) of /tag V13."]
    (note,) = reopened(isolated_data_dir, audit_id).notes(session_id)
    assert note.norms == ("V8", "V5")
