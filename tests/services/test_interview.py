"""The interview session without any UI: walking, the stored current norm, notes and undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.session import Interviewee
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.interview import (
    InterviewSession,
    NoNote,
    NoteIsDeleted,
    OutsideChanges,
    Undone,
)
from interview_assistant.storage.repository import AuditStore, StoreError
from norm_catalogue import WalkSource


@pytest.fixture
def workspace(store: AuditStore) -> AuditWorkspace:
    return AuditWorkspace(store, create_audit(store, "Stichting Welzijn West").id)


@pytest.fixture
def session_id(workspace: AuditWorkspace) -> str:
    """An interview with a social worker (role P): 30 norms, V1 first."""
    return workspace.start_session("Anna", [Interviewee("maatschappelijk werker", ("P",))]).id


def reopened(data_dir: Path, workspace: AuditWorkspace) -> AuditWorkspace:
    """The audit as another process (or the next start) reads it from disk."""
    return AuditWorkspace(AuditStore(data_dir), workspace.audit.id)


# -- walking ---------------------------------------------------------------------------------


def test_walking_follows_the_norms_for_the_roles_and_stops_at_both_ends(workspace, session_id):
    interview = InterviewSession(workspace, session_id)
    ids = [n.id for n in interview.norms]
    assert ids[:3] == ["V1", "V2", "V3"] and len(ids) == 30
    assert interview.current == "V1" and interview.position() == (1, 30)
    assert interview.step(-1) is False and interview.current == "V1"
    assert interview.step(1) is True and interview.current == "V2"
    interview.go_to(ids[-1])
    assert interview.step(1) is False and interview.current == ids[-1]


def test_after_a_jump_outside_the_roles_the_walk_goes_on_from_there(workspace, session_id):
    interview = InterviewSession(workspace, session_id)
    interview.go_to("O1")  # no P norm
    assert interview.position() is None
    interview.step(1)
    assert interview.current == "O4"
    interview.go_to("O1")
    interview.step(-1)
    assert interview.current == "D11"


def test_an_unknown_norm_is_refused_before_anything_is_stored(
    workspace, session_id, isolated_data_dir
):
    interview = InterviewSession(workspace, session_id)
    with pytest.raises(KeyError):
        interview.go_to("V99")
    assert interview.current == "V1"
    assert reopened(isolated_data_dir, workspace).session(session_id).current_norm is None


def test_the_gap_is_the_least_covered_other_norm_until_every_target_is_met(store: AuditStore):
    workspace = AuditWorkspace(store, create_audit(store, "Stichting Klein", target=1).id)
    session = workspace.start_session("Anna", [Interviewee("vrijwilliger", ("BV",))])
    interview = InterviewSession(workspace, session.id)
    walk = [n.id for n in interview.norms]
    assert walk[0] == "O11" and interview.current == "O11"
    interview.add("Over de vrijwilligersregeling")
    assert interview.gap() == walk[1]  # a second-source norm is a gap like any other
    interview.add(" ".join(f"#{norm_id}" for norm_id in walk[1:]) + " besproken")
    assert interview.gap() is None
    assert interview.go_to_gap() is False and interview.current == "O11"


# -- the walk per role: the template's Wie norms, then the second source -------------------------


def walk_of(workspace: AuditWorkspace, *people: tuple[str, tuple[str, ...]]) -> InterviewSession:
    session = workspace.start_session("Anna", [Interviewee(f, roles) for f, roles in people])
    return InterviewSession(workspace, session.id, fresh=True)


def test_a_client_walks_o13_then_the_service_norms_from_the_template_first(workspace):
    interview = walk_of(workspace, ("bezoeker", ("CB",)))
    ids = [n.id for n in interview.norms]
    assert ids[0] == "O13" and interview.current == "O13"
    assert interview.source() is WalkSource.TEMPLATE
    assert all(i.startswith("D") for i in ids[1:]) and len(ids) >= 6
    interview.step(1)  # from the template's norm into the second source
    assert interview.current == "D1" and interview.source() is WalkSource.SECOND
    assert interview.second_source_roles() == ("CB",)
    assert interview.questions()[0].startswith("Hoe bent u bij de organisatie")
    assert interview.step(-1) is True and interview.current == "O13"
    interview.go_to(ids[-1])
    assert interview.step(1) is False


def test_volunteers_and_interns_walk_their_own_norms(workspace):
    volunteer = walk_of(workspace, ("vrijwilliger bar", ("nbV",)))
    assert 5 <= len(volunteer.norms) <= 8  # not all 49
    assert {volunteer.source(n.id) for n in volunteer.norms} == {WalkSource.SECOND}
    critical = walk_of(workspace, ("maatje", ("BV",)))
    assert critical.norms[0].id == "O11" and "D10" in [n.id for n in critical.norms]
    intern = walk_of(workspace, ("stagiaire", ("S",)))
    ids = [n.id for n in intern.norms]
    assert ids[-1] == "O12" and len(ids) == 31 and "O12" not in ids[:-1]
    assert intern.source("V1") is WalkSource.TEMPLATE and intern.source("O12") is WalkSource.SECOND
    intern.go_to("O12")
    assert any("stage" in question for question in intern.questions())


def test_a_group_walks_the_union_with_every_wie_norm_first(workspace):
    group = walk_of(workspace, ("vrijwilliger", ("BV",)), ("bezoeker", ("CB",)))
    ids = [n.id for n in group.norms]
    assert ids[:2] == ["O11", "O13"]
    assert len(ids) == len(set(ids)) and {"D1", "D10", "O17"} <= set(ids[2:])
    # a norm the Wie column names for one interviewee is no second source for the group
    mixed = walk_of(workspace, ("sociaal werker", ("P",)), ("bezoeker", ("CB",)))
    assert mixed.source("D1") is WalkSource.TEMPLATE
    assert [n.id for n in mixed.norms] == [n.id for n in walk_of(workspace, ("x", ("P",))).norms]


def test_after_a_jump_outside_a_two_part_walk_it_goes_on_by_catalogue_order(workspace):
    interview = walk_of(workspace, ("bezoeker", ("CB",)))
    interview.go_to("V4")  # not in a client's walk, before every D norm
    assert interview.position() is None and interview.source() is None
    interview.step(1)
    assert interview.current == "D1"
    interview.go_to("O1")
    interview.step(-1)
    assert interview.current == interview.norms[-1].id  # the last D norm of the walk


def test_gap_moves_on_to_the_next_gap(workspace, session_id):
    interview = InterviewSession(workspace, session_id)
    for norm in ("V1", "V2", "V3"):
        interview.add(f"Besproken #{norm}")
    assert interview.go_to_gap() is True and interview.current == "V4"
    interview.go_to_gap()
    assert interview.current == "V5"


# -- the current norm is stored ----------------------------------------------------------------


def test_every_move_is_stored_and_a_reopen_returns_to_it(workspace, session_id, isolated_data_dir):
    interview = InterviewSession(workspace, session_id)
    interview.add("Over scholing #V9")  # the last note's norm is not where the auditor is
    interview.step(1)
    assert InterviewSession(reopened(isolated_data_dir, workspace), session_id).current == "V2"
    interview.go_to("D1")
    assert InterviewSession(reopened(isolated_data_dir, workspace), session_id).current == "D1"
    interview.go_to_gap()
    gap = interview.current
    assert gap != "D1"
    assert InterviewSession(reopened(isolated_data_dir, workspace), session_id).current == gap


def test_a_log_without_a_stored_norm_resumes_at_the_last_notes_norm(workspace, session_id):
    workspace.add_note(session_id, "Over scholing #V9 @doc")
    workspace.add_note(session_id, "Over intervisie #V6")
    assert InterviewSession(workspace, session_id).current == "V6"


def test_a_new_session_starts_at_the_biggest_gap(workspace, session_id):
    workspace.add_note(session_id, "Profiel #V1 @doc")
    second = workspace.start_session("Bert", [Interviewee("ambulant werker", ("P",))])
    assert InterviewSession(workspace, second.id, fresh=True).current == "V2"
    assert InterviewSession(workspace, second.id).current == "V2"


def test_a_stored_norm_the_edition_does_not_know_falls_back(store, workspace, session_id):
    from dataclasses import replace

    session = workspace.session(session_id)
    store.save_session(replace(session, current_norm="X1"))
    workspace.add_note(session_id, "Over scholing #V9")
    assert InterviewSession(reopened(store.data_dir, workspace), session_id).current == "V9"


def test_storing_the_norm_keeps_an_end_made_by_another_process(
    workspace, session_id, isolated_data_dir
):
    interview = InterviewSession(workspace, session_id)
    elsewhere = reopened(isolated_data_dir, workspace)
    elsewhere.add_note(session_id, "Van elders #V5")
    elsewhere.end_session(session_id)
    interview.go_to("V7")
    on_disk = reopened(isolated_data_dir, workspace)
    session = on_disk.session(session_id)
    assert not session.is_open and session.current_norm == "V7"
    assert [n.text for n in on_disk.notes(session_id)] == ["Van elders #V5"]
    assert interview.refresh().notes_changed, "the note read while storing the norm is shown"


def test_a_session_removed_elsewhere_is_not_brought_back_by_a_move(
    workspace, session_id, isolated_data_dir
):
    interview = InterviewSession(workspace, session_id)
    path = isolated_data_dir / "audits" / workspace.audit.id / "sessions" / f"{session_id}.json"
    path.unlink()
    with pytest.raises(StoreError, match=session_id):
        interview.step(1)
    assert not path.exists() and interview.current == "V1"


# -- notes -------------------------------------------------------------------------------------


def test_a_note_without_a_norm_tag_goes_to_the_current_norm(workspace, session_id):
    interview = InterviewSession(workspace, session_id)
    interview.go_to("V7")
    assert interview.add("Werkt met een inwerkplan").norms == ("V7",)
    assert interview.add("Protocol gezien #v5 @doc").norms == ("V5",)
    assert interview.current == "V7", "a tag on another norm does not move the walk"


def test_edit_and_delete_act_on_the_chosen_note_or_the_newest_live_one(workspace, session_id):
    interview = InterviewSession(workspace, session_id)
    with pytest.raises(NoNote):
        interview.begin_edit()
    with pytest.raises(NoNote):
        interview.delete()
    first = interview.add("Eerste")
    second = interview.add("Tweede")
    assert interview.begin_edit().id == second.id and interview.editing == second.id
    interview.cancel_edit()
    assert interview.editing is None
    interview.delete()
    assert interview.begin_edit().id == first.id, "the deleted note is skipped"
    with pytest.raises(NoteIsDeleted):
        interview.begin_edit(second.id)
    with pytest.raises(NoteIsDeleted):
        interview.delete(second.id)


def test_an_edit_that_cannot_be_stored_stays_open(workspace, session_id, isolated_data_dir):
    interview = InterviewSession(workspace, session_id)
    note = interview.add("Origineel")
    interview.begin_edit()
    with pytest.raises(Exception, match="#X1"):
        interview.finish_edit("Verbeterd #X1")
    assert interview.editing == note.id
    assert interview.finish_edit("Verbeterd #V2").norms == ("V2",)
    assert interview.editing is None
    assert interview.finish_edit("Verbeterd #V2", note.id) is None, "an unchanged text"
    (stored,) = reopened(isolated_data_dir, workspace).notes(session_id)
    assert [r.text for r in stored.revisions] == ["Origineel", "Verbeterd #V2"]


def test_an_edit_of_a_note_deleted_meanwhile_is_refused_and_stays_open(
    workspace, session_id, isolated_data_dir
):
    """Editing starts on a live note; deleting it (here, or in another process) before the
    new text is stored must not store that text on the deleted note, as starting an
    edit of a deleted note is refused."""
    interview = InterviewSession(workspace, session_id)
    note = interview.add("Origineel")
    interview.begin_edit(note.id)
    interview.delete(note.id)
    with pytest.raises(DomainError, match="intussen verwijderd"):
        interview.finish_edit("Verbeterd", note.id)
    assert interview.editing == note.id, "the text can be stored once the note is back"
    (stored,) = reopened(isolated_data_dir, workspace).notes(session_id, include_deleted=True)
    assert stored.deleted and stored.text == "Origineel"
    interview.undo(note.id)
    assert interview.finish_edit("Verbeterd", note.id).text == "Verbeterd"
    (stored,) = reopened(isolated_data_dir, workspace).notes(session_id)
    assert stored.text == "Verbeterd" and not stored.deleted


def test_undo_takes_back_an_edit_a_delete_and_an_add_newest_first(
    workspace, session_id, isolated_data_dir
):
    interview = InterviewSession(workspace, session_id)
    kept = interview.add("Blijft staan #V3")
    note = interview.add("Feedback uit het jaargesprek")  # untagged: about V1
    interview.begin_edit(note.id)
    interview.finish_edit("Feedback staat in het verslag #V2 @doc")
    interview.delete(kept.id)
    assert workspace.norm_coverage("V3").sources == 0

    undone, restored = interview.undo()
    assert undone is Undone.DELETE and restored.id == kept.id and not restored.deleted
    assert workspace.norm_coverage("V3").sources == 1

    undone, edited_back = interview.undo()
    assert undone is Undone.EDIT
    assert edited_back.text == "Feedback uit het jaargesprek"
    assert edited_back.norms == ("V1",) and edited_back.evidence == ()
    assert workspace.norm_coverage("V2").sources == 0

    undone, removed = interview.undo()
    assert undone is Undone.ADD and removed.id == note.id and removed.deleted

    on_disk = reopened(isolated_data_dir, workspace)
    assert [n.text for n in on_disk.notes(session_id)] == ["Blijft staan #V3"]
    (gone,) = [n for n in on_disk.notes(session_id, include_deleted=True) if n.deleted]
    assert [r.text for r in gone.revisions] == [
        "Feedback uit het jaargesprek",
        "Feedback staat in het verslag #V2 @doc",
        "Feedback uit het jaargesprek",
    ], "undo adds a revision; no text is ever lost"


def test_undo_skips_changes_that_no_longer_hold(workspace, session_id):
    interview = InterviewSession(workspace, session_id)
    first = interview.add("Eerste")
    second = interview.add("Tweede")
    interview.delete(first.id)
    undone, note = interview.undo(first.id)  # the chosen deleted note comes back
    assert undone is Undone.DELETE and note.id == first.id and not note.deleted
    undone, note = interview.undo()  # that delete is undone already: the add of Tweede next
    assert undone is Undone.ADD and note.id == second.id and note.deleted
    # Tweede, chosen after its add was undone, is not restored: undo goes further back
    undone, note = interview.undo(second.id)
    assert undone is Undone.ADD and note.id == first.id and note.deleted
    with pytest.raises(NoNote):
        interview.undo()


def test_with_nothing_left_to_undo_the_last_deleted_note_comes_back(
    workspace, session_id, isolated_data_dir
):
    earlier = InterviewSession(workspace, session_id)  # before a restart
    first = earlier.add("Eerste")
    second = earlier.add("Tweede")
    earlier.delete(second.id)
    earlier.delete(first.id)
    later = InterviewSession(reopened(isolated_data_dir, workspace), session_id)
    assert later.undo()[1].id == first.id
    assert later.undo()[1].id == second.id
    with pytest.raises(NoNote):
        later.undo()


def test_undo_with_nothing_to_undo(workspace, session_id):
    with pytest.raises(NoNote):
        InterviewSession(workspace, session_id).undo()


def test_an_undo_stack_does_not_undo_an_edit_made_elsewhere(
    workspace, session_id, isolated_data_dir
):
    interview = InterviewSession(workspace, session_id)
    note = interview.add("Eerste")
    interview.begin_edit()
    interview.finish_edit("Tweede")
    elsewhere = reopened(isolated_data_dir, workspace)
    elsewhere.edit_note(session_id, note.id, "Derde van elders")
    interview.refresh()
    undone, result = interview.undo()
    assert undone is Undone.ADD and result.deleted and result.text == "Derde van elders"


# -- replies and other processes --------------------------------------------------------------


def test_the_reply_speaks_about_the_notes_first_norm_and_the_next_gap(store: AuditStore):
    workspace = AuditWorkspace(store, create_audit(store, "Stichting Klein", target=1).id)
    session = workspace.start_session("Anna", [Interviewee("teamleider", ("P",))])
    interview = InterviewSession(workspace, session.id)
    note = interview.add("Registratie van scholing ingezien #V1 #V4 @reg")
    reply = interview.reply_to(note)
    assert reply.startswith("V1: streefwaarde gehaald (1 van 1 bronnen, 1 feitelijk).")
    assert "Volgende gat: V2 (0 van 1)." in reply and "V4" not in reply
    assert interview.status_of(note).count("streefwaarde gehaald") == 2


def test_refresh_tells_whether_this_interviews_notes_changed(
    workspace, session_id, isolated_data_dir
):
    interview = InterviewSession(workspace, session_id)
    interview.add("Eigen notitie")
    assert interview.refresh() == OutsideChanges(changed=False, notes_changed=False)
    elsewhere = reopened(isolated_data_dir, workspace)
    other = elsewhere.start_session("Bert", [Interviewee("teamleider", ("Mng",))])
    elsewhere.add_note(other.id, "In een ander gesprek #V1")
    refreshed = interview.refresh()
    assert refreshed.changed and not refreshed.notes_changed
    assert interview.coverage("V1").sources == 2
    elsewhere.add_note(session_id, "In dit gesprek, van elders")
    assert interview.refresh().notes_changed
    assert len(interview.notes()) == 2


# -- the speaker of a group interview ----------------------------------------------------------


def test_notes_are_attributed_to_the_chosen_speaker_and_kept_on_disk(workspace, isolated_data_dir):
    interview = walk_of(workspace, ("teamcoach", ("Mng",)), ("stagiaire", ("S",)))
    assert interview.is_group and interview.speaker is None
    assert interview.speaker_label == "de groep"
    group_note = interview.add("Samen over het stagebeleid #O12")
    assert interview.next_speaker() == 0 and interview.speaker_label == "1. teamcoach (Mng)"
    assert interview.next_speaker() == 1 and interview.speaker_label == "2. stagiaire (S)"
    intern_note = interview.add("Heeft een stagecontract met de opleiding #D11")
    assert interview.next_speaker() is None  # round again to the group
    interview.set_speaker(0)
    coach_note = interview.add("Bespreekt de stage in het teamoverleg #D11")
    stored = reopened(isolated_data_dir, workspace)
    by_id = {n.id: n for n in stored.notes(interview.session_id)}
    assert by_id[group_note.id].speaker is None
    assert by_id[intern_note.id].speaker == 1 and by_id[coach_note.id].speaker == 0
    # an edit keeps who said it
    edited = interview.finish_edit("Heeft een stagecontract #D11 @doc", intern_note.id)
    assert edited is not None and edited.speaker == 1
    assert stored.norm_coverage("O12").roles == ("Mng", "S")  # a group note: every role


def test_roles_heard_follow_the_speaker_after_a_reopen(workspace, isolated_data_dir):
    interview = walk_of(workspace, ("teamcoach", ("Mng",)), ("stagiaire", ("S",)))
    interview.set_speaker(1)
    interview.add("Over de begeleiding door de praktijkopleider #O12")
    assert workspace.norm_coverage("O12").roles == ("S",)
    stored = reopened(isolated_data_dir, workspace)  # the tally read from the documents
    assert stored.norm_coverage("O12").roles == ("S",)
    interview.set_speaker(None)
    interview.add("Beiden: de stagiair heeft een vaste werkplek #O12")
    assert workspace.norm_coverage("O12").roles == ("Mng", "S")


def test_a_speaker_can_only_be_chosen_among_the_interviewees(workspace):
    alone = walk_of(workspace, ("sociaal werker", ("P",)))
    with pytest.raises(DomainError, match="Eén gesprekspartner"):
        alone.next_speaker()
    pair = walk_of(workspace, ("teamcoach", ("Mng",)), ("stagiaire", ("S",)))
    with pytest.raises(DomainError, match="Spreker 3 bestaat niet in dit gesprek; kies 1 tot 2"):
        pair.set_speaker(2)
    assert pair.speaker is None
    with pytest.raises(DomainError, match="Spreker 5 bestaat niet"):
        workspace.add_note(pair.session_id, "Iets #O12", speaker=4)
    assert pair.notes() == []


def test_interviewees_corrected_elsewhere_change_the_walk_and_the_speaker(
    workspace, isolated_data_dir
):
    from dataclasses import replace

    interview = walk_of(workspace, ("teamcoach", ("Mng",)), ("bezoeker", ("CB",)))
    interview.set_speaker(1)
    assert "D1" in [n.id for n in interview.norms]
    other = AuditStore(isolated_data_dir)  # another process corrects the session
    alone = replace(interview.session, interviewees=(Interviewee("teamcoach", ("Mng",)),))
    other.save_session(alone)
    assert interview.refresh().changed
    assert "D1" not in [n.id for n in interview.norms]
    assert interview.norms == workspace.catalogue.norms_for_roles(["Mng"])
    assert interview.speaker is None and not interview.is_group
