"""Starting an interview from the line mode: the questions, their defaults, wrong answers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.session import Interviewee, PersonLink, SessionKind
from interview_assistant.line.setup import Question, ask_new_session, parse_kind, parse_roles
from interview_assistant.services.identity import current_auditor, set_current_auditor


class Answers:
    """Answers the questions in order and remembers what was asked."""

    def __init__(self, *answers: str) -> None:
        self._answers: Iterator[str] = iter(answers)
        self.asked: list[Question] = []

    def __call__(self, question: Question) -> str:
        self.asked.append(question)
        try:
            return next(self._answers)
        except StopIteration:
            raise EOFError from None


def test_asks_four_questions_and_starts_the_session(workspace):
    answers = Answers("Anna", "", "ambulant hulpverlener", "p, mng")
    written: list[str] = []
    session = ask_new_session(workspace, answers, written.append)
    assert [q.prompt for q in answers.asked] == [
        "Auditor: ",
        "Soort (interview, documentstudie, observatie) [interview]: ",
        "Functie van de gesprekspartner (geen naam): ",
        "Rollen (codes uit de legenda, meerdere met spaties): ",
    ]
    assert session.kind is SessionKind.INTERVIEW
    assert session.interviewees == (Interviewee("ambulant hulpverlener", ("P", "Mng")),)
    assert workspace.session(session.id).auditor == "Anna"
    assert "  P    professional (ook stagiaire en invalkracht)" in written
    assert written[-1] == f"Gesprek gestart (sessie {session.id})."


def test_offers_earlier_auditors_and_functions(workspace, session_id):
    set_current_auditor("Anna")  # the default is this computer's auditor ("ik ben ...")
    answers = Answers("", "obs", "", "")
    session = ask_new_session(workspace, answers, lambda line: None)
    auditor_question, _, function_question, roles_question = answers.asked
    assert auditor_question.prompt == "Auditor [Anna]: "
    assert ("Anna", "") in auditor_question.choices
    assert ("maatschappelijk werker", "") in function_question.choices
    assert roles_question.several and ("S", "Stagiaire") in roles_question.choices
    assert session.auditor == "Anna" and session.kind is SessionKind.OBSERVATIE
    assert session.interviewees == ()


def test_wrong_answers_are_explained_and_asked_again(workspace):
    answers = Answers("", "Bert", "gesprek", "interview", "", "stagiaire", "X", "", "s")
    written: list[str] = []
    session = ask_new_session(workspace, answers, written.append)
    assert "Dit is nodig om het gesprek te starten." in written
    assert "Onbekende soort 'gesprek'. Kies interview, documentstudie of observatie." in written
    assert any(line.startswith("Onbekende rol 'X'. Geldig: P, Mng, P&O") for line in written)
    assert "Geef minstens één rol van de geïnterviewde op (bijv. P)." in written
    assert session.interviewees == (Interviewee("stagiaire", ("S",)),)
    assert [s.id for s in workspace.sessions] == [session.id], "only the valid answers stored"


def test_from_a_script_a_wrong_answer_stops_at_once(workspace):
    with pytest.raises(DomainError, match="Onbekende rol 'Q'"):
        ask_new_session(workspace, Answers("Anna", "", "coach", "Q"), print, ask_again=False)
    assert workspace.sessions == []


def test_giving_up_midway_stores_nothing(workspace):
    with pytest.raises(EOFError):
        ask_new_session(workspace, Answers("Anna", "interview"), lambda line: None)
    assert workspace.sessions == []


def test_kind_and_roles_parsing():
    assert parse_kind("Doc") is SessionKind.DOCUMENTSTUDIE
    assert parse_kind(" o ") is SessionKind.OBSERVATIE
    for bad in ("", "x"):
        with pytest.raises(DomainError):
            parse_kind(bad)
    known = ["P", "Mng", "P&O", "S"]
    assert parse_roles("p&o;MNG  p,p", known) == ("P&O", "Mng", "P")
    assert parse_roles("  ", known) == ()


def test_a_partner_of_a_function_heard_before_can_be_the_same_person(workspace, session_id):
    answers = Answers("Bert", "", "Maatschappelijk werker", "1", "p")
    written: list[str] = []
    session = ask_new_session(workspace, answers, written.append)
    question = answers.asked[3]
    assert question.prompt.startswith("Dezelfde persoon als in een eerder gesprek?")
    assert question.choices[0][1].startswith("maatschappelijk werker (P), gesprek 1 (Anna, ")
    assert any(line.startswith("  1  maatschappelijk werker (P), gesprek 1") for line in written)
    (interviewee,) = session.interviewees
    assert interviewee.same_as == PersonLink(session_id, 0)


def test_the_same_person_question_is_not_asked_for_a_new_function(workspace, session_id):
    answers = Answers("Bert", "", "teamleider", "mng")
    session = ask_new_session(workspace, answers, lambda line: None)
    assert len(answers.asked) == 4 and session.interviewees[0].same_as is None


def test_the_default_auditor_is_this_computers_never_the_last_interviews(workspace, session_id):
    answers = Answers("Bert", "", "coach", "p")
    written: list[str] = []
    ask_new_session(workspace, answers, written.append)
    assert answers.asked[0].prompt == "Auditor: "  # Anna did the last interview: no default
    assert current_auditor() == "Bert"  # the first session here: remembered
    assert written[-2].startswith("Auditor op deze computer: Bert")
    answers = Answers("", "", "stagiair", "s")
    session = ask_new_session(workspace, answers, lambda line: None)
    assert answers.asked[0].prompt == "Auditor [Bert]: " and session.auditor == "Bert"
