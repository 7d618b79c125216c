"""Purging in the interview session: not undoable, and nothing of the note stays in play."""

from __future__ import annotations

import pytest

from interview_assistant.domain.session import Interviewee
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.interview import InterviewSession, NoNote, Undone
from interview_assistant.storage.repository import AuditStore


@pytest.fixture
def interview(store: AuditStore) -> InterviewSession:
    workspace = AuditWorkspace(store, create_audit(store, "Stichting Welzijn West").id)
    session = workspace.start_session("Anna", [Interviewee("maatschappelijk werker", ("P",))])
    return InterviewSession(workspace, session.id)


def test_purge_is_not_undone_and_undo_goes_on_past_it(interview: InterviewSession) -> None:
    first = interview.add("Eerste #V1")
    named = interview.add("Piet zei dit #V2")
    interview.finish_edit("Piet zei dat #V2", named.id)
    interview.delete(named.id)
    gone = interview.purge()  # the newest live note is the first: choose the deleted one
    assert gone.id == first.id
    interview.undo()  # the delete of the named note
    purged = interview.purge(named.id)
    assert purged.text == "Piet zei dat #V2"
    assert not interview.has_note(named.id) and interview.notes(include_deleted=True) == []
    with pytest.raises(NoNote):  # every step of both notes left the undo stack
        interview.undo()
    assert interview.coverage("V2").sources == 0


def test_purging_the_note_being_edited_ends_the_edit(interview: InterviewSession) -> None:
    note = interview.add("Tekst #V1")
    interview.begin_edit(note.id)
    interview.purge(note.id)
    assert interview.editing is None
    with pytest.raises(NoNote):
        interview.purge()


def test_undo_skips_a_note_purged_by_another_process(
    interview: InterviewSession, store: AuditStore
) -> None:
    kept = interview.add("Blijft #V1")
    interview.delete(kept.id)
    named = interview.add("Naam #V2")
    other = AuditWorkspace(AuditStore(store.data_dir), interview.workspace.audit.id)
    other.purge_note(interview.session_id, named.id)
    assert interview.refresh().notes_changed
    undone, note = interview.undo()  # the add of the purged note is skipped
    assert (undone, note.id) == (Undone.DELETE, kept.id) and not note.deleted
