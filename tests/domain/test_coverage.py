"""Coverage counts distinct sources, not notes, and updates one note at a time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from interview_assistant.domain.coverage import Coverage, CoverageStatus
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import parse_note
from norm_catalogue import load_catalogue

CAT = load_catalogue()
NORMS = dict.fromkeys(CAT.norm_ids)
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def session(sid: str, *roles: str) -> Session:
    return Session(sid, "a1", "Anna", SessionKind.INTERVIEW, (Interviewee("f", roles),), "", T0)


def note(nid: str, sid: str, text: str, minutes: int = 0) -> Note:
    return Note.create(nid, sid, parse_note(text, NORMS), T0 + timedelta(minutes=minutes))


def test_many_notes_in_one_session_count_once() -> None:
    cov = Coverage.build(
        CAT.norm_ids, 3, [session("s1", "P")], [note(f"n{i}", "s1", "#V5 iets") for i in range(5)]
    )
    c = cov.norm("V5")
    assert (c.sources, c.factual, c.status) == (1, 0, CoverageStatus.BELOW)


def test_three_sessions_meet_the_target_and_roles_are_collected() -> None:
    sessions = [session("s1", "P"), session("s2", "Mng"), session("s3", "P", "BKC")]
    notes = [
        note("n1", "s1", "#V5 @doc"),
        note("n2", "s2", "#V5"),
        note("n3", "s3", "#V5 @vb"),
    ]
    c = Coverage.build(CAT.norm_ids, 3, sessions, notes).norm("V5")
    assert (c.sources, c.factual, c.status) == (3, 2, CoverageStatus.MET)
    assert c.roles == ("P", "Mng", "BKC")
    assert c.missing == 0


def test_incremental_updates_match_a_full_rebuild() -> None:
    sessions = [session("s1", "P"), session("s2", "P&O")]
    cov = Coverage(CAT.norm_ids, 3)
    for s in sessions:
        cov.add_session(s)
    a = note("n1", "s1", "#V1 @doc")
    b = note("n2", "s2", "#V1")
    cov.apply(None, a)
    cov.apply(None, b)
    edited = a.edit(parse_note("nu over #V2", NORMS), T0 + timedelta(hours=1))
    cov.apply(a, edited)
    deleted = b.delete(T0 + timedelta(hours=2))
    cov.apply(b, deleted)
    rebuilt = Coverage.build(CAT.norm_ids, 3, sessions, [edited, deleted])
    assert cov.all() == rebuilt.all()
    assert cov.norm("V1").status is CoverageStatus.NONE
    assert cov.norm("V2").sources == 1


def test_least_covered_prefers_no_sources_then_no_facts() -> None:
    cov = Coverage.build(CAT.norm_ids, 3, [session("s1", "P")], [note("n1", "s1", "#V1 #V2 @doc")])
    assert cov.least_covered(["V1", "V2", "V3"]) == "V3"
    assert cov.least_covered(["V1", "V2"]) == "V1"


# -- roles heard in a group interview ----------------------------------------------------------


def group(sid: str) -> Session:
    people = (Interviewee("teamcoach", ("Mng",)), Interviewee("stagiaire", ("S",)))
    return Session(sid, "a1", "Anna", SessionKind.INTERVIEW, people, "", T0)


def said(nid: str, text: str, speaker: int | None, minutes: int = 0) -> Note:
    parsed = parse_note(text, NORMS)
    return Note.create(nid, "g1", parsed, T0 + timedelta(minutes=minutes), speaker=speaker)


def test_an_attributed_note_hears_its_speakers_roles_and_a_group_note_everyones() -> None:
    notes = [said("n1", "#O12 stagebeleid", 1), said("n2", "#O10 jaargesprek", 0)]
    cov = Coverage.build(CAT.norm_ids, 3, [group("g1")], notes)
    assert cov.norm("O12").roles == ("S",)
    assert cov.norm("O10").roles == ("Mng",)
    everyone = said("n3", "#O12 samen verteld", None)
    cov.apply(None, everyone)
    assert cov.norm("O12").roles == ("Mng", "S")
    assert cov.norm("O12").sources == 1  # still one source: the session
    cov.apply(everyone, everyone.delete(T0))
    assert cov.norm("O12").roles == ("S",)
    cov.apply(notes[0], notes[0].delete(T0))
    assert cov.norm("O12").roles == () and cov.norm("O12").sources == 0


def test_a_speaker_no_interviewee_has_any_more_counts_as_the_group() -> None:
    cov = Coverage.build(CAT.norm_ids, 3, [group("g1")], [said("n1", "#V2 inwerken", 5)])
    assert cov.norm("V2").roles == ("Mng", "S")


def test_the_tally_of_stored_speakers_gives_what_counting_each_note_gives() -> None:
    notes = [
        said("n1", "#O12 #V2 stage", 1),
        said("n2", "#O12", 0, 1),
        said("n3", "#V2", None, 2),
    ]
    counted = Coverage.build(CAT.norm_ids, 3, [group("g1")], notes)
    tallied = Coverage(CAT.norm_ids, 3)
    tallied.add_session(group("g1"))
    tallied.add_tally("g1", {"O12": [2, 0], "V2": [2, 0]}, {"O12": {1: 1, 0: 1}, "V2": {1: 1}})
    assert tallied.all() == counted.all()
    assert counted.norm("O12").roles == ("Mng", "S") and counted.norm("V2").roles == ("Mng", "S")
