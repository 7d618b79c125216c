"""``/wis [N]`` in the line mode: asks "Weet u het zeker? [j/N]", then the text is gone for good."""

from __future__ import annotations

from pathlib import Path

from line_driver import CTRL_C, ENTER, reopened, type_into_chat

from interview_assistant.line.chat import LineChat

NAME = "Jan Smit"


def disk(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())


def test_wis_asks_and_j_removes_the_note_and_its_history(
    workspace, session_id, isolated_data_dir: Path, audit_id
) -> None:
    keys = ENTER.join(
        [
            "Jaarplan gezien #V2 @doc",
            f"{NAME} vertelde over #V1",
            f"/wijzig {NAME} vertelde uitgebreid over #V1",
            "/wis",
            "j",
            "/stop",
            "",
        ]
    )
    run = type_into_chat(workspace, keys, session_id)
    assert run.status == 0
    text = run.text
    assert "Definitief wissen: notitie van" in text and f"{NAME} vertelde uitgebreid" in text
    assert "niet ongedaan" in text
    assert "is definitief gewist" in text
    assert NAME.encode() not in disk(isolated_data_dir)
    notes = reopened(isolated_data_dir, audit_id).notes(session_id, include_deleted=True)
    assert [n.text for n in notes] == ["Jaarplan gezien #V2 @doc"]


def test_anything_but_j_or_ctrl_c_keeps_the_note(
    workspace, session_id, isolated_data_dir: Path
) -> None:
    keys = f"{NAME} #V1{ENTER}/wis{ENTER}nee{ENTER}/wis{ENTER}{CTRL_C}/stop{ENTER}"
    run = type_into_chat(workspace, keys, session_id)
    assert run.text.count("Niets gewist.") == 2
    assert NAME.encode() in disk(isolated_data_dir)


def test_the_prompt_asks_and_a_deleted_note_can_be_purged_and_not_restored(
    workspace, session_id, isolated_data_dir: Path, audit_id
) -> None:
    chat = LineChat(workspace, session_id)
    chat.handle("Jaarplan gezien #V2 @doc")
    chat.handle(f"{NAME} vertelde #V1")
    chat.handle("/verwijder")  # deleted: the text is still on disk
    assert NAME.encode() in disk(isolated_data_dir)
    shown = chat.handle("/wis")
    assert "(verwijderd)" in shown[0] and NAME in shown[0]
    assert chat.prompt() == "Weet u het zeker? [j/N] "
    done = chat.handle("j")
    assert "definitief gewist" in done[0]
    assert chat.prompt() == "V1> "
    assert NAME.encode() not in disk(isolated_data_dir)
    undone = chat.handle("/herstel")  # the purged note does not come back
    assert NAME not in "\n".join(undone)
    notes = reopened(isolated_data_dir, audit_id).notes(session_id, include_deleted=True)
    assert [n.text for n in notes] == ["Jaarplan gezien #V2 @doc"]
    assert reopened(isolated_data_dir, audit_id).norm_coverage("V1").sources == 0


def test_wis_n_counts_back_from_the_newest(workspace, session_id) -> None:
    chat = LineChat(workspace, session_id)
    chat.handle("eerste #V1")
    chat.handle("tweede #V2")
    assert "eerste" in chat.handle("/wis 2")[0]
    assert chat.handle("n") == ["Niets gewist."]
    assert "Er is geen notitie 3" in chat.handle("/wis 3")[0]
    assert "Gebruik: /wis" in chat.handle("/wis twee")[0]
    assert chat.prompt() == "V1> "


def test_a_note_purged_elsewhere_while_being_edited_ends_the_edit(
    workspace, session_id, isolated_data_dir: Path, audit_id
) -> None:
    chat = LineChat(workspace, session_id)
    chat.handle(f"{NAME} #V1")
    chat.handle("/wijzig")  # the next line would be the note's new text
    assert NAME in chat.prefill()
    note_id = chat.editing
    assert note_id is not None
    reopened(isolated_data_dir, audit_id).purge_note(session_id, note_id)  # the TUI, say
    chat.refresh()
    assert chat.editing is None and chat.prompt() == "V1> "
    assert chat.prefill() == ""
    assert NAME.encode() not in disk(isolated_data_dir)
