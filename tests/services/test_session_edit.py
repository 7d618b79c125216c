"""Correcting and removing sessions: validation, storage, coverage and merging."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.merge import merge_sessions
from interview_assistant.domain.session import Interviewee, PersonLink, Session, SessionKind
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore, StoreError


@pytest.fixture
def workspace(store: AuditStore) -> AuditWorkspace:
    return AuditWorkspace(store, create_audit(store, "Stichting Welzijn Oost").id)


def reopened(workspace: AuditWorkspace) -> AuditWorkspace:
    return AuditWorkspace(AuditStore(workspace.store.data_dir), workspace.audit.id)


def test_a_correction_is_stored_and_coverage_follows_at_once(workspace):
    session = workspace.start_session("Anna", [Interviewee("teamleider", ("P",))], location="Oost")
    workspace.add_note(session.id, "Werkoverleg elke week #V1")
    assert workspace.norm_coverage("V1").roles == ("P",)

    edited = workspace.edit_session(
        session.id,
        auditor=" Bert ",
        kind=SessionKind.INTERVIEW,
        location="West",
        interviewees=[Interviewee("manager", ("Mng",))],
    )
    assert (edited.auditor, edited.location, edited.functions) == ("Bert", "West", "manager")
    assert edited.header_clock == 1
    assert workspace.norm_coverage("V1").roles == ("Mng",)
    assert "Bert" in workspace.audit.team

    again = reopened(workspace)
    stored = again.session(session.id)
    assert (stored.auditor, stored.location, stored.interviewees) == (
        "Bert",
        "West",
        (Interviewee("manager", ("Mng",)),),
    )
    assert again.norm_coverage("V1").roles == ("Mng",)
    assert [n.text for n in again.notes(session.id)] == ["Werkoverleg elke week #V1"]


def test_an_unchanged_correction_writes_nothing(workspace):
    session = workspace.start_session("Anna", [Interviewee("teamleider", ("P",))])
    assert workspace.edit_session(session.id, auditor="Anna") == session
    assert reopened(workspace).session(session.id).header_clock == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"auditor": "  "}, "naam van de auditor is leeg"),
        ({"interviewees": [Interviewee(" ", ("P",))]}, "functie van een gesprekspartner is leeg"),
        ({"interviewees": [Interviewee("teamleider", ("X",))]}, "Onbekende rol 'X'"),
        ({"interviewees": [Interviewee("teamleider", ())]}, "minstens één rol"),
        ({"removed": [3]}, "geen gesprekspartner 4"),
    ],
)
def test_a_bad_correction_is_refused_in_dutch_and_nothing_changes(workspace, changes, message):
    session = workspace.start_session("Anna", [Interviewee("teamleider", ("P",))])
    with pytest.raises(DomainError, match=message):
        workspace.edit_session(session.id, **changes)
    assert reopened(workspace).session(session.id) == session


def test_a_partner_is_added_and_one_taken_out_of_a_group(workspace):
    session = workspace.start_session(
        "Anna", [Interviewee("teamleider", ("Mng",)), Interviewee("sociaal werker", ("P",))]
    )
    workspace.edit_session(
        session.id,
        interviewees=[*session.interviewees, Interviewee("stagiair", ("S",))],
    )
    edited = workspace.edit_session(session.id, removed=[0])
    assert edited.functions == "sociaal werker, stagiair"
    assert reopened(workspace).session(session.id).roles == ("P", "S")


def test_a_partner_another_interview_links_to_cannot_be_taken_out(workspace):
    group = workspace.start_session(
        "Anna", [Interviewee("teamleider", ("Mng",)), Interviewee("sociaal werker", ("P",))]
    )
    workspace.start_session(
        "Bert", [Interviewee("sociaal werker", ("P",), PersonLink(group.id, 1))]
    )
    # neither the linked partner nor one before it (the linked one would move up a place)
    for index in (0, 1):
        with pytest.raises(DomainError, match=r"gesprek .* noemt sociaal werker \(P\)"):
            workspace.edit_session(group.id, removed=[index])
    with pytest.raises(DomainError, match="geen documentstudie"):
        workspace.edit_session(group.id, kind=SessionKind.DOCUMENTSTUDIE)
    # a correction of the linked partner keeps their place, so it is fine
    edited = workspace.edit_session(
        group.id,
        interviewees=[group.interviewees[0], Interviewee("jongerenwerker", ("P",))],
    )
    assert edited.interviewees[1].function == "jongerenwerker"


def test_an_empty_session_is_removed_for_good(workspace):
    session = workspace.start_session("Anna", [Interviewee("teamleider", ("P",))])
    assert workspace.delete_session(session.id) is True
    assert workspace.sessions == [] and workspace.removed_sessions == []
    assert workspace.store.session_ids(workspace.audit.id) == []


def test_a_session_with_notes_is_hidden_everywhere_and_restored(workspace):
    kept = workspace.start_session("Anna", [Interviewee("teamleider", ("Mng",))])
    workspace.add_note(kept.id, "Visie besproken #V1")
    gone = workspace.start_session("Anna", [Interviewee("sociaal werker", ("P",))])
    workspace.add_note(gone.id, "Intervisie elke maand #V1 #V2 @doc")
    assert workspace.norm_coverage("V1").sources == 2

    assert workspace.delete_session(gone.id) is False
    for ws in (workspace, reopened(workspace)):
        assert [s.id for s in ws.sessions] == [kept.id]
        assert [s.id for s in ws.removed_sessions] == [gone.id]
        assert ws.norm_coverage("V1").sources == 1 and ws.norm_coverage("V2").sources == 0
        model = AuditReview(ws).report_model()
        assert {p.function for p in model.partners} == {"teamleider"}
        with pytest.raises(StoreError):
            ws.session(gone.id)

    restored = workspace.restore_session(gone.id)
    assert not restored.deleted and restored.delete_clock == 2
    again = reopened(workspace)
    assert {s.id for s in again.sessions} == {kept.id, gone.id}
    assert again.norm_coverage("V1").sources == 2
    assert [n.text for n in again.notes(gone.id)] == ["Intervisie elke maand #V1 #V2 @doc"]
    with pytest.raises(StoreError, match="niet verwijderd"):
        workspace.restore_session(gone.id)
    workspace.delete_session(gone.id)
    with pytest.raises(StoreError, match=r"is verwijderd\. Herstellen: "):
        workspace.edit_session(gone.id, location="Elders")


def test_the_list_of_audits_counts_the_sessions_not_removed(workspace):
    from interview_assistant.services.data_folder import DataFolder

    sessions = [workspace.start_session("Anna", [Interviewee("tl", ("Mng",))]) for _ in range(3)]
    workspace.add_note(sessions[0].id, "é" * 20_000 + " #V1")  # the header still reads
    workspace.add_note(sessions[1].id, "Visie besproken #V1")
    workspace.delete_session(sessions[1].id)
    folder = DataFolder(workspace.store.data_dir)
    assert folder.session_count(workspace.audit.id) == 2
    workspace.restore_session(sessions[1].id)
    assert folder.session_count(workspace.audit.id) == 3


def test_another_process_sees_a_removal_on_refresh(workspace):
    session = workspace.start_session("Anna", [Interviewee("teamleider", ("Mng",))])
    workspace.add_note(session.id, "Visie besproken #V1")
    other = reopened(workspace)
    workspace.delete_session(session.id)
    assert other.refresh().sessions == {session.id}
    assert other.sessions == [] and other.norm_coverage("V1").sources == 0
    workspace.restore_session(session.id)
    other.refresh()
    assert [s.id for s in other.sessions] == [session.id]


def test_a_correction_keeps_a_walk_stored_meanwhile_by_another_process(workspace):
    session = workspace.start_session("Anna", [Interviewee("teamleider", ("Mng",))])
    other = reopened(workspace)
    other.save_current_norm(session.id, "O5")
    workspace.edit_session(session.id, location="Noord")
    stored = reopened(workspace).session(session.id)
    assert (stored.current_norm, stored.location) == ("O5", "Noord")


T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))
BASE = Session("s1", "a1", "Anna", SessionKind.INTERVIEW, (Interviewee("tl", ("Mng",)),), "", T0)


def test_a_merge_keeps_the_most_corrected_header_whatever_the_order():
    lead = replace(BASE, current_norm="V3", walk_clock=4)  # walked further, never corrected
    auditor = BASE.corrected("Anna", SessionKind.INTERVIEW, (Interviewee("manager", ("Mng",)),), "")
    for a, b in ((lead, auditor), (auditor, lead)):
        merged = merge_sessions(a, b)
        assert merged.functions == "manager" and merged.header_clock == 1
        assert (merged.current_norm, merged.walk_clock) == ("V3", 4)
    twice = auditor.corrected("Anna", SessionKind.INTERVIEW, (Interviewee("tl", ("Mng",)),), "")
    assert merge_sessions(auditor, twice).functions == "tl"  # the later correction, not "newer"
    assert merge_sessions(twice, auditor) == merge_sessions(auditor, twice)


def test_a_merge_neither_resurrects_a_removed_session_nor_loses_a_restore():
    removed = BASE.removed()
    corrected = BASE.corrected("Bert", SessionKind.INTERVIEW, BASE.interviewees, "")
    assert merge_sessions(BASE, removed).deleted
    merged = merge_sessions(corrected, removed)  # corrected on one laptop, removed on the other
    assert merged.deleted and merged.auditor == "Bert"
    assert merge_sessions(merged, corrected) == merged
    restored = removed.removed(False)
    assert not merge_sessions(removed, restored).deleted
    assert not merge_sessions(restored, BASE).deleted


def _copies():
    from hypothesis import strategies as st

    partners = st.sampled_from(
        [(Interviewee("tl", ("Mng",)),), (Interviewee("manager", ("Mng",)),), ()]
    )
    return st.builds(
        lambda auditor, who, location, header_clock, deleted, delete_clock, walk, ended: replace(
            BASE,
            auditor=auditor,
            interviewees=who,
            location=location,
            header_clock=header_clock,
            deleted=deleted,
            delete_clock=delete_clock,
            current_norm=walk[0],
            walk_clock=walk[1],
            ended=T0 + timedelta(hours=1) if ended else None,
        ),
        st.sampled_from(["Anna", "Bert"]),
        partners,
        st.sampled_from(["", "Oost"]),
        st.integers(0, 3),
        st.booleans(),
        st.integers(0, 3),
        st.tuples(st.sampled_from([None, "V1", "D2"]), st.integers(0, 3)),
        st.booleans(),
    )


def test_merging_session_copies_is_order_independent_and_idempotent():
    from hypothesis import given, settings

    @settings(max_examples=300, deadline=None)
    @given(_copies(), _copies(), _copies())
    def check(a: Session, b: Session, c: Session) -> None:
        assert merge_sessions(a, a) == a
        assert merge_sessions(a, b) == merge_sessions(b, a)
        assert merge_sessions(merge_sessions(a, b), c) == merge_sessions(a, merge_sessions(b, c))
        merged = merge_sessions(a, b)
        assert merged.header_clock == max(a.header_clock, b.header_clock)
        assert merged.delete_clock == max(a.delete_clock, b.delete_clock)

    check()


def test_a_partner_notes_are_attributed_to_stays_and_coverage_follows_a_correction(workspace):
    group = workspace.start_session(
        "Anna",
        [
            Interviewee("teamleider", ("Mng",)),
            Interviewee("sociaal werker", ("P",)),
            Interviewee("stagiair", ("S",)),
        ],
    )
    workspace.add_note(group.id, "Werkdruk besproken #V6", speaker=1)
    for index in (0, 1):  # the speaker, or one before (the speaker would move up a place)
        with pytest.raises(
            DomainError, match=r"1 notitie in dit gesprek staan op naam van sociaal"
        ):
            workspace.edit_session(group.id, removed=[index])
    edited = workspace.edit_session(group.id, removed=[2])  # after the speaker: fine
    assert edited.functions == "teamleider, sociaal werker"
    assert workspace.norm_coverage("V6").roles == ("P",)
    workspace.edit_session(
        group.id,
        interviewees=[edited.interviewees[0], Interviewee("jongerenwerker", ("BV",))],
    )
    assert workspace.norm_coverage("V6").roles == ("BV",)  # the speaker's corrected roles
    assert reopened(workspace).norm_coverage("V6").roles == ("BV",)
