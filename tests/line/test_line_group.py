"""Starting a group interview from the line mode: a + after the roles asks for the next
partner, until an empty function; a one-person interview keeps its four questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.session import Interviewee, PersonLink
from interview_assistant.line.setup import ask_new_session, split_more
from tests.line.line_driver import ENTER, reopened, type_into_chat
from tests.line.test_line_cli import cli, shown
from tests.line.test_line_setup import Answers


@pytest.fixture
def audit(tmp_path: Path) -> tuple[Path, str]:
    data_dir = tmp_path / "cli"
    audit_id = cli(data_dir, "audit", "new", "Stichting Welzijn Oost").stdout.strip()
    return data_dir, audit_id


NEXT = "Nog een gesprekspartner? Functie, of Enter als dat alles is: "


def test_a_plus_after_the_roles_asks_for_partners_until_an_empty_answer(workspace):
    answers = Answers(
        "Anna", "", "sociaal werker", "p +", "vrijwilliger", "nbv", "stagiaire", "S, P", ""
    )
    written: list[str] = []
    session = ask_new_session(workspace, answers, written.append)
    assert [q.prompt for q in answers.asked][3:] == [
        "Rollen (codes uit de legenda, meerdere met spaties): ",
        NEXT,
        "Rollen van vrijwilliger (codes uit de legenda, meerdere met spaties): ",
        NEXT,
        "Rollen van stagiaire (codes uit de legenda, meerdere met spaties): ",
        NEXT,
    ]
    assert session.interviewees == (
        Interviewee("sociaal werker", ("P",)),
        Interviewee("vrijwilliger", ("nbV",)),
        Interviewee("stagiaire", ("S", "P")),
    )
    assert "Gesprekspartner 3: stagiaire (S, P)." in written
    assert workspace.session(session.id).interviewees == session.interviewees
    hint = "Groepsgesprek? Zet een + achter de rollen, dan vraag ik naar de volgende"
    assert any(line.startswith(hint) for line in written), "the + is explained before asking"


def test_a_partner_without_roles_is_asked_again(workspace):
    answers = Answers("Anna", "", "sociaal werker", "+", "P+", "vrijwilliger", "", "XX", "nbV", "")
    written: list[str] = []
    session = ask_new_session(workspace, answers, written.append)
    assert "Geef minstens één rol op voor sociaal werker (bijv. P)." in written
    assert "Geef minstens één rol op voor vrijwilliger (bijv. P)." in written
    assert any(line.startswith("Onbekende rol 'XX'.") for line in written)
    assert [i.roles for i in session.interviewees] == [("P",), ("nbV",)]


def test_from_a_script_a_partner_without_roles_stops_before_storing(workspace):
    answers = Answers("Anna", "", "sociaal werker", "p +", "vrijwilliger", "")
    with pytest.raises(DomainError, match="vrijwilliger"):
        ask_new_session(workspace, answers, lambda line: None, ask_again=False)
    assert workspace.sessions == []


def test_a_later_partner_heard_before_can_be_the_same_person(workspace, session_id):
    answers = Answers("Bert", "", "teamleider", "mng +", "Maatschappelijk werker", "1", "p", "")
    session = ask_new_session(workspace, answers, lambda line: None)
    assert session.interviewees[1].same_as == PersonLink(session_id, 0)
    assert session.interviewees[0].same_as is None


def test_split_more():
    assert split_more(" p mng + ") == ("p mng", True)
    assert split_more("P&O+") == ("P&O", True)
    assert split_more("p, mng") == ("p, mng", False)


def test_set_up_with_two_partners_through_the_prompt_then_spreker_2(
    workspace, isolated_data_dir, audit_id
):
    keys = ENTER.join(
        [
            "Anna",
            "",
            "teamcoach",
            "Mng +",
            "stagiaire",
            "S",
            "",
            "/spreker 2",
            "Heeft een vaste praktijkbegeleider #O12 @vb",
            "/stop",
            "",
        ]
    )
    run = type_into_chat(workspace, keys)
    assert run.status == 0
    assert "Volgende notities van 2. stagiaire (S)." in run.lines
    on_disk = reopened(isolated_data_dir, audit_id)
    (session,) = on_disk.sessions
    assert session.interviewees == (
        Interviewee("teamcoach", ("Mng",)),
        Interviewee("stagiaire", ("S",)),
    )
    assert [(n.text, n.speaker) for n in on_disk.notes(session.id)] == [
        ("Heeft een vaste praktijkbegeleider #O12 @vb", 1),
    ]


def test_a_script_piped_into_chat_sets_up_a_group(audit):
    data_dir, audit_id = audit
    script = "Anna\n\nteamcoach\nMng +\nstagiaire\nS\n\n/spreker 2\nStage #O12\n"
    result = cli(data_dir, "chat", audit_id, stdin=script)
    assert result.returncode == 0, result.stderr
    started = next(line for line in result.stdout.splitlines() if "Gesprek gestart" in line)
    session_id = started.removeprefix("Gesprek gestart (sessie ").removesuffix(").")
    session = shown(data_dir, audit_id, session_id)
    assert session["interviewees"] == [
        {"function": "teamcoach", "roles": ["Mng"]},
        {"function": "stagiaire", "roles": ["S"]},
    ]
    assert [(n["text"], n["speaker"]) for n in session["notes"]] == [("Stage #O12", 2)]
