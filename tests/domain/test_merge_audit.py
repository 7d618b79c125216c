"""Audit-level merge: idempotent, order-independent, and nothing is ever lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from interview_assistant.domain.assessment import (
    Assessment,
    Decision,
    Proposal,
    ReportText,
    TextKey,
    TrendEdit,
    TrendKind,
    Verdict,
)
from interview_assistant.domain.audit import Audit, CoreData
from interview_assistant.domain.merge import (
    AuditSnapshot,
    combine_incoming_metadata,
    merge_all,
    merge_assessments,
    merge_audit_metadata,
    merge_latest,
    merge_sessions,
    merge_snapshots,
)
from interview_assistant.domain.note import Note, Purge, Revision, tombstone
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import NoteKind

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone(timedelta(hours=1)))
AUDIT = Audit("audit1", "Stichting", "2019", T0, team=("Anna",))


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


minutes = st.integers(0, 40)

clocks = st.integers(0, 3)  # 0: a schema-1 revision, ordered by its time

revisions = st.builds(
    lambda t, text, norm, clock: Revision(at(t), text, (norm,), (), (NoteKind.BEVINDING,), clock),
    minutes,
    st.sampled_from(["eerste", "tweede", "derde"]),
    st.sampled_from(["V1", "V2"]),
    clocks,
)


@st.composite
def notes(draw, note_id: str, session_id: str) -> Note:
    revs = sorted(set(draw(st.lists(revisions, min_size=1, max_size=3))), key=Revision.order)
    state = draw(st.sampled_from(["live", "deleted", "restored", "purged"]))
    changed = at(draw(minutes))
    if state == "purged":  # a tombstone: no text left, whatever the other copies say
        purge = Purge(changed, draw(st.sampled_from(["Anna", "Bram"])))
        created = min(r.at for r in revs)
        return tombstone(note_id, session_id, created, purge, draw(clocks) + 1)
    return Note(
        note_id,
        session_id,
        min(r.at for r in revs),
        tuple(revs),
        deleted_at=changed if state == "deleted" else None,
        state_changed=None if state == "live" else changed,
        state_clock=0 if state == "live" else draw(clocks),
    )


@st.composite
def sessions(draw, session_id: str) -> Session:
    ended = draw(st.one_of(st.none(), minutes.map(at)))
    walk_clock = draw(st.integers(0, 3))
    current_norm = draw(st.sampled_from(["V1", "V2", "D1"])) if walk_clock else None
    return Session(
        session_id,
        AUDIT.id,
        "Anna" if session_id == "s1" else "Bram",
        SessionKind.INTERVIEW,
        (Interviewee("sociaal werker", ("P",)),),
        "",
        T0,
        ended,
        current_norm,
        walk_clock,
    )


assessments = st.builds(
    lambda norm, decisions, proposals: Assessment(norm, tuple(decisions), tuple(proposals)),
    st.sampled_from(["V1", "V2", "D3"]),
    st.lists(
        st.builds(
            Decision,
            minutes.map(at),
            st.one_of(st.none(), st.sampled_from(list(Verdict))),
            st.sampled_from(["", "Goed.", "Deels."]),
        ),
        max_size=2,
    ),
    st.lists(
        st.builds(
            Proposal,
            minutes.map(at),
            st.sampled_from(["Anna", "Bram"]),
            st.sampled_from(list(Verdict)),
        ),
        max_size=3,
    ),
)

trend_edits = st.builds(
    lambda point, text, hidden, t: TrendEdit(point, TrendKind.STRONG, text, hidden, at(t), T0),
    st.sampled_from(["p1", "p2"]),
    st.sampled_from(["Sterk", "Heel sterk"]),
    st.booleans(),
    minutes,
)


@st.composite
def snapshots(draw) -> AuditSnapshot:
    note_keys = draw(
        st.sets(st.tuples(st.sampled_from(["s1", "s2"]), st.sampled_from(["n1", "n2", "n3"])))
    )
    found_notes = {key: draw(notes(key[1], key[0])) for key in note_keys}
    found_sessions = {sid: draw(sessions(sid)) for sid, _ in note_keys}
    found_assessments = {}
    for assessment in draw(st.lists(assessments, max_size=3)):
        held = found_assessments.get(assessment.norm_id)
        found_assessments[assessment.norm_id] = (
            assessment if held is None else merge_assessments(held, assessment)
        )
    trend = {e.id: e for e in draw(st.lists(trend_edits, max_size=2))}
    texts = {
        t.key: t
        for t in draw(
            st.lists(
                st.builds(
                    ReportText,
                    st.sampled_from(list(TextKey)),
                    st.sampled_from(["a", "b"]),
                    minutes.map(at),
                ),
                max_size=2,
            )
        )
    }
    # as in a real audit, whoever held a session is on the team
    auditors = sorted({s.auditor for s in found_sessions.values()} - set(AUDIT.team))
    audit = replace(AUDIT, team=(*AUDIT.team, *auditors))
    return AuditSnapshot(audit, found_sessions, found_notes, found_assessments, trend, texts)


@settings(max_examples=150)
@given(snapshots())
def test_merging_a_snapshot_into_itself_changes_nothing(a) -> None:
    assert merge_snapshots(a, a) == a


@settings(max_examples=150)
@given(snapshots(), snapshots())
def test_merge_is_order_independent(a, b) -> None:
    assert merge_snapshots(a, b) == merge_snapshots(b, a)


@settings(max_examples=100)
@given(snapshots(), snapshots(), snapshots())
def test_merge_is_associative(a, b, c) -> None:
    assert merge_snapshots(merge_snapshots(a, b), c) == merge_snapshots(a, merge_snapshots(b, c))


@settings(max_examples=150)
@given(snapshots(), snapshots())
def test_no_note_revision_decision_or_proposal_is_lost(a, b) -> None:
    merged = merge_snapshots(a, b)
    for source in (a, b):
        assert set(source.notes) <= set(merged.notes)
        assert set(source.sessions) <= set(merged.sessions)
        for key, note in source.notes.items():
            if merged.notes[key].purged is not None:  # a tombstone keeps nothing, and wins
                assert merged.notes[key].revisions == ()
                continue
            assert set(note.revisions) <= set(merged.notes[key].revisions)
        for norm_id, assessment in source.assessments.items():
            held = merged.assessments[norm_id]
            assert set(assessment.decisions) <= set(held.decisions)
            assert set(assessment.proposals) <= set(held.proposals)


@settings(max_examples=100)
@given(snapshots(), st.lists(snapshots(), min_size=1, max_size=3), st.randoms())
def test_merging_several_inputs_at_once_ignores_their_order(local, inputs, rng) -> None:
    """What a merge of several bundles runs: any order of inputs, any grouping, twice."""
    merged = merge_all(local, inputs)
    shuffled = list(inputs)
    rng.shuffle(shuffled)
    assert merge_all(local, shuffled) == merged
    assert merge_all(merged, inputs) == merged
    one_by_one = local
    for snapshot in shuffled:
        one_by_one = merge_all(one_by_one, [snapshot])
    assert one_by_one == merged


@settings(max_examples=100)
@given(snapshots(), snapshots())
def test_a_session_auditor_joins_the_team_and_nothing_of_a_partial_input_is_dropped(
    local, incoming
) -> None:
    """A loose session log carries no audit metadata; its auditor still joins the team."""
    partial = replace(incoming, audit=None)
    merged = merge_all(local, [partial])
    assert merged.audit is not None and merged.audit.id == AUDIT.id
    assert {s.auditor for s in merged.sessions.values()} <= set(merged.audit.team)
    assert merged.notes == merge_snapshots(local, incoming).notes
    created = merge_all(AuditSnapshot(None), [incoming])
    assert created == merge_snapshots(incoming, incoming) == incoming


def test_a_note_edited_on_two_laptops_keeps_both_edits_and_shows_the_newest() -> None:
    original = Revision(at(0), "Inwerkmap gezien", ("V2",), (), (NoteKind.BEVINDING,))
    base = Note("n1", "s1", at(0), (original,))
    on_anna = replace(base, revisions=(original, replace(original, at=at(5), text="Anna's edit")))
    on_bram = replace(base, revisions=(original, replace(original, at=at(9), text="Bram's edit")))
    a = AuditSnapshot(AUDIT, notes={("s1", "n1"): on_anna})
    b = AuditSnapshot(AUDIT, notes={("s1", "n1"): on_bram})
    merged = merge_snapshots(a, b).notes[("s1", "n1")]
    assert [r.text for r in merged.revisions] == ["Inwerkmap gezien", "Anna's edit", "Bram's edit"]
    assert merged.text == "Bram's edit"


def test_the_newest_trend_edit_and_text_win_whatever_the_order() -> None:
    old = TrendEdit("p", TrendKind.CONCERN, "oud", False, at(1), T0)
    new = TrendEdit("p", TrendKind.CONCERN, "nieuw", True, at(2), T0)
    assert merge_latest(old, new) == merge_latest(new, old) == new
    first = ReportText(TextKey.ADVICE, "Positief", at(1))
    later = ReportText(TextKey.ADVICE, "Positief na plan", at(3))
    assert merge_latest(later, first).text == "Positief na plan"


def test_audit_metadata_keeps_the_local_fields_and_fills_empty_ones() -> None:
    local = replace(AUDIT, core=CoreData(scope="Jongerenwerk"))
    incoming = replace(
        AUDIT,
        organisation="Andere naam",
        team=("Bram", "Anna"),
        core=CoreData(scope="Oud", address="Kerkstraat 1"),
    )
    merged = merge_audit_metadata(local, incoming)
    assert merged.organisation == "Stichting"
    assert merged.core.scope == "Jongerenwerk"
    assert merged.core.address == "Kerkstraat 1"
    assert merged.team == ("Anna", "Bram")
    assert merge_audit_metadata(merged, incoming) == merged


def test_incoming_copies_combine_in_any_order() -> None:
    a = replace(AUDIT, team=("Anna",), core=CoreData(scope="A"))
    b = replace(AUDIT, team=("Bram",), core=CoreData(scope="B", website="x.nl"))
    assert combine_incoming_metadata(a, b) == combine_incoming_metadata(b, a)
    assert combine_incoming_metadata(a, a) == a


def test_the_walk_resumes_where_the_auditor_last_moved_after_the_lead_merges_an_older_copy() -> (
    None
):
    """The lead's copy of a session (from an earlier bundle) does not move the auditor back."""
    lead_copy = Session("s1", AUDIT.id, "Anna", SessionKind.INTERVIEW, (), "", T0, None, "V2", 1)
    auditor_copy = replace(lead_copy, current_norm="D1", walk_clock=7, ended=at(90))
    for a, b in ((lead_copy, auditor_copy), (auditor_copy, lead_copy)):
        merged = merge_sessions(a, b)
        assert (merged.current_norm, merged.walk_clock, merged.ended) == ("D1", 7, at(90))


@settings(max_examples=150)
@given(snapshots(), snapshots())
def test_a_tombstone_wins_over_every_copy_with_text(a, b) -> None:
    merged = merge_snapshots(a, b)
    for key in set(a.notes) | set(b.notes):
        copies = [s.notes[key] for s in (a, b) if key in s.notes]
        stones = [n for n in copies if n.purged is not None]
        assert (merged.notes[key].purged is not None) == bool(stones)
        if stones:
            assert merged.notes[key].revisions == () and merged.notes[key].deleted
