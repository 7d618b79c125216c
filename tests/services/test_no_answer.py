"""'Gevraagd, geen antwoord': a norm asked in a session without an answer."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.merge import merge_sessions
from interview_assistant.domain.session import Interviewee
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.interview import InterviewSession
from interview_assistant.storage.repository import AuditStore


@pytest.fixture
def workspace(store: AuditStore) -> AuditWorkspace:
    return AuditWorkspace(store, create_audit(store, "Stichting Welzijn West", target=1).id)


@pytest.fixture
def session_id(workspace: AuditWorkspace) -> str:
    return workspace.start_session("Anna", [Interviewee("maatschappelijk werker", ("P",))]).id


def test_a_mark_is_stored_not_counted_and_can_be_taken_away(
    workspace, session_id, isolated_data_dir: Path
) -> None:
    interview = InterviewSession(workspace, session_id)
    interview.go_to("V3")
    assert interview.toggle_no_answer() is True
    assert interview.toggle_no_answer("V5") is True
    assert workspace.norm_coverage("V3").sources == 0, "not a source"
    again = AuditWorkspace(AuditStore(isolated_data_dir), workspace.audit.id)
    assert again.session(session_id).no_answer == ("V3", "V5")
    assert [s.id for s in again.no_answer_sessions("V3")] == [session_id]
    assert interview.toggle_no_answer("V3") is False
    again = AuditWorkspace(AuditStore(isolated_data_dir), workspace.audit.id)
    assert again.session(session_id).no_answer == ("V5",)


def test_the_gap_skips_a_norm_asked_without_answer_in_this_session_only(
    workspace, session_id
) -> None:
    other = workspace.start_session("Bert", [Interviewee("sociaal werker", ("P",))]).id
    first_gap = workspace.next_gap(session_id)
    assert first_gap is not None
    workspace.mark_no_answer(session_id, first_gap)
    assert workspace.next_gap(session_id) not in (None, first_gap)
    assert workspace.next_gap(other) == first_gap, "another interview may still ask it"


def test_an_unknown_norm_is_refused_before_anything_is_stored(workspace, session_id) -> None:
    with pytest.raises(DomainError, match="Onbekende norm 'V99'"):
        workspace.mark_no_answer(session_id, "V99")
    assert workspace.session(session_id).no_answer == ()


def test_a_merge_keeps_the_marks_of_the_copy_that_changed_them_most(workspace, session_id):
    base = workspace.session(session_id)
    here = base.with_no_answer("V3", True).with_no_answer("V4", True)
    there = base.with_no_answer("V6", True)
    assert merge_sessions(here, there).no_answer == ("V3", "V4")
    assert merge_sessions(there, here) == merge_sessions(here, there)
    walked = replace(there, current_norm="V9", walk_clock=5)
    merged = merge_sessions(here, walked)
    assert (merged.no_answer, merged.current_norm) == (("V3", "V4"), "V9")
