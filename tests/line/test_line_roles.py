"""The line mode per role: who is speaking in a group interview, typed through a pipe."""

from __future__ import annotations

from line_driver import ENTER, reopened, type_into_chat

from interview_assistant.domain.session import Interviewee
from interview_assistant.line.chat import LineChat


def group_session(workspace) -> str:
    people = [Interviewee("teamcoach", ("Mng",)), Interviewee("stagiaire", ("S",))]
    return workspace.start_session("Anna", people).id


def test_spreker_attributes_the_next_notes_typed_through_the_prompt(
    workspace, isolated_data_dir, audit_id
):
    session_id = group_session(workspace)
    keys = ENTER.join(
        [
            "Samen over de stage #O12",
            "/spreker 2",
            "Heeft een vaste praktijkbegeleider #O12 @vb",
            "/spreker",
            "/spreker 1",
            "Bespreekt de stage in het jaargesprek #O10",
            "/spreker groep",
            "Beiden noemen de stageovereenkomst #O12 @doc",
            "/spreker 3",
            "/stop",
            "",
        ]
    )
    run = type_into_chat(workspace, keys, session_id)
    assert run.status == 0
    assert "Volgende notities van 2. stagiaire (S)." in run.lines
    assert "Spreker nu: 2. stagiaire (S)." in run.lines
    assert "Sprekers: 1. teamcoach (Mng), 2. stagiaire (S), groep." in run.lines
    assert "Volgende notities van de groep." in run.lines
    assert "Spreker 3 bestaat niet in dit gesprek; kies 1 tot 2 of groep." in run.lines
    on_disk = reopened(isolated_data_dir, audit_id)
    assert [(n.text, n.speaker) for n in on_disk.notes(session_id)] == [
        ("Samen over de stage #O12", None),
        ("Heeft een vaste praktijkbegeleider #O12 @vb", 1),
        ("Bespreekt de stage in het jaargesprek #O10", 0),
        ("Beiden noemen de stageovereenkomst #O12 @doc", None),
    ]
    assert on_disk.norm_coverage("O10").roles == ("Mng",)  # only the coach spoke to it


def test_the_prompt_shows_who_speaks_and_one_interviewee_has_no_choice(workspace, session_id):
    chat = LineChat(workspace, group_session(workspace))
    assert chat.prompt() == f"{chat.norm_id} · groep> "
    chat.handle("/spreker 1")
    assert chat.prompt() == f"{chat.norm_id} · teamcoach> "
    alone = LineChat(workspace, session_id)
    assert alone.prompt() == f"{alone.norm_id}> "
    assert alone.handle("/spreker 1") == ["Eén gesprekspartner: er is geen spreker te kiezen."]
    assert any("/spreker N|groep" in line for line in alone.handle("/help"))
