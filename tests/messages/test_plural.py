"""Counts read as Dutch: one norm, two norms; the verb agrees with the count."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.messages import plural
from interview_assistant.tui.screens.interview import session_title


@pytest.mark.parametrize(
    ("number", "name", "expected"),
    [
        (1, "norm", "1 norm"),
        (2, "norm", "2 normen"),
        (0, "norm", "0 normen"),
        (1, "note", "1 notitie"),
        (7, "note", "7 notities"),
        (1, "conversation", "1 gesprek"),
        (2, "conversation", "2 gesprekken"),
        (1, "session", "1 sessie"),
        (3, "source", "3 bronnen"),
        (1, "personal_data", "1 mogelijk persoonsgegeven"),
        (4, "personal_data", "4 mogelijke persoonsgegevens"),
    ],
)
def test_a_count_takes_the_noun_that_goes_with_it(number: int, name: str, expected: str) -> None:
    assert plural.count(number, name) == expected


def test_the_verb_follows_the_count_not_the_total() -> None:
    assert plural.count_of(1, 49, "norm", "has") == "1 van de 49 normen heeft"
    assert plural.count_of(26, 49, "norm", "has") == "26 van de 49 normen hebben"
    assert plural.count_of(0, 49, "norm", "has") == "0 van de 49 normen hebben"


def _session(kind: SessionKind, *interviewees: Interviewee) -> Session:
    return Session(
        id="5e55",
        audit_id="a1",
        auditor="Anna",
        kind=kind,
        interviewees=interviewees,
        location="",
        started=datetime(2024, 3, 4, 9, tzinfo=UTC),
    )


def test_a_document_review_or_observation_is_not_called_a_conversation_with_nobody() -> None:
    assert session_title(_session(SessionKind.DOCUMENTSTUDIE)) == "Documentstudie"
    assert session_title(_session(SessionKind.OBSERVATIE)) == "Observatie"
    worker = Interviewee("maatschappelijk werker", ("P",))
    assert session_title(_session(SessionKind.INTERVIEW, worker)) == (
        "Gesprek met maatschappelijk werker (P)"
    )
    assert session_title(_session(SessionKind.OBSERVATIE, worker)) == (
        "Observatie bij maatschappelijk werker (P)"
    )
