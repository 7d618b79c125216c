"""Edits keep history, deletes are reversible, merges keep every revision."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from interview_assistant.domain.merge import merge_notes
from interview_assistant.domain.note import Note, Revision
from interview_assistant.domain.tags import parse_note
from norm_catalogue import load_catalogue

NORMS = dict.fromkeys(load_catalogue().norm_ids)
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def test_edit_keeps_the_earlier_text() -> None:
    note = Note.create("n1", "s1", parse_note("eerste #V1", NORMS), T0)
    edited = note.edit(parse_note("tweede #V2 @doc", NORMS), T0 + timedelta(minutes=1))
    assert edited.text == "tweede #V2 @doc" and edited.norms == ("V2",)
    assert [r.text for r in edited.revisions] == ["eerste #V1", "tweede #V2 @doc"]


def test_edit_with_a_clock_that_went_back_still_becomes_current() -> None:
    note = Note.create("n1", "s1", parse_note("eerste #V1", NORMS), T0)
    edited = note.edit(parse_note("later #V1", NORMS), T0 - timedelta(hours=1))
    assert edited.text == "later #V1"


def test_edits_within_one_clock_tick_stay_in_order() -> None:
    """A frozen or coarse clock (every edit at the same instant, even at .999999) must
    not wrap an edit back before the one it replaces."""
    tick = T0.replace(microsecond=999_999)
    first = Note.create("n1", "s1", parse_note("eerste #V1", NORMS), tick)
    note = first
    for text in ("tweede #V1", "derde #V1", "vierde #V1"):
        note = note.edit(parse_note(text, NORMS), tick)
    merged = merge_notes(first, note)  # revisions sorted as a merge or a reload sorts them
    texts = [r.text for r in merged.revisions]
    assert texts == ["eerste #V1", "tweede #V1", "derde #V1", "vierde #V1"]
    assert merged.text == note.text == "vierde #V1"
    assert merge_notes(note, note) == note


def test_a_change_made_after_seeing_another_wins_whatever_the_dates() -> None:
    ahead, behind = T0 + timedelta(days=365), T0 - timedelta(days=365)
    note = Note.create("n1", "s1", parse_note("x #V1", NORMS), T0)
    deleted = note.delete(ahead)  # a laptop whose clock runs a year ahead
    restored = deleted.restore(T0)
    assert not merge_notes(deleted, restored).deleted
    assert not merge_notes(restored, deleted).deleted
    edited = restored.edit(parse_note("later #V2", NORMS), behind)  # a year behind
    assert merge_notes(edited, deleted).text == "later #V2"
    assert not merge_notes(edited, deleted).deleted


def test_delete_and_restore() -> None:
    note = Note.create("n1", "s1", parse_note("x #V1", NORMS), T0)
    deleted = note.delete(T0 + timedelta(minutes=1))
    assert deleted.deleted
    restored = deleted.restore(T0 + timedelta(minutes=2))
    assert not restored.deleted and restored.text == "x #V1"


def _variants(draw_edits: list[int], deletes: list[int]) -> list[Note]:
    base = Note.create("n1", "s1", parse_note("basis #V1", NORMS), T0)
    notes = [base]
    for i, minute in enumerate(draw_edits):
        notes.append(
            notes[-1].edit(parse_note(f"versie {i} #V1", NORMS), T0 + timedelta(minutes=minute))
        )
    for minute in deletes:
        notes.append(notes[-1].delete(T0 + timedelta(minutes=minute, seconds=30)))
    return notes


edits = st.lists(st.integers(1, 50), max_size=4)


@given(edits, edits, st.lists(st.integers(1, 50), max_size=2))
def test_merge_is_commutative_idempotent_and_keeps_every_revision(
    a_edits, b_edits, deletes
) -> None:
    a = _variants(a_edits, deletes)[-1]
    b = _variants(b_edits, [])[-1]
    ab, ba = merge_notes(a, b), merge_notes(b, a)
    assert ab == ba
    assert merge_notes(ab, ab) == ab
    assert merge_notes(ab, a) == ab
    texts = {r.text for r in (*a.revisions, *b.revisions)}
    assert {r.text for r in ab.revisions} >= texts
    assert ab.current == max((*a.revisions, *b.revisions), key=Revision.order)


def test_a_purged_note_keeps_no_text_and_wins_over_a_later_edit() -> None:
    note = Note.create("n1", "s1", parse_note("Jan de Vries zei dit #V1", NORMS), T0)
    stone = note.purge(T0 + timedelta(minutes=1), "Anna")
    assert stone.revisions == () and stone.deleted
    assert stone.purged is not None and stone.purged.by == "Anna"
    assert stone.clock == note.clock + 1
    # a copy edited much later (higher clock) on another laptop still loses to the purge
    edited = note
    for text in ("a #V1", "b #V1", "c #V1"):
        edited = edited.edit(parse_note(text, NORMS), T0 + timedelta(days=1))
    assert edited.clock > stone.clock
    assert merge_notes(stone, edited) == stone == merge_notes(edited, stone)
    assert merge_notes(stone, stone) == stone


def test_who_said_a_note_survives_edits_deletes_and_merges_in_any_order() -> None:
    note = Note.create("n1", "s1", parse_note("over de stage #O12", NORMS), T0, speaker=1)
    edited = note.edit(parse_note("over de stage #O12 @doc", NORMS), T0 + timedelta(minutes=1))
    deleted = note.delete(T0 + timedelta(minutes=2))
    assert edited.speaker == deleted.speaker == 1
    merged = merge_notes(edited, deleted)
    assert merged.speaker == 1 and merged == merge_notes(deleted, edited)
    # a copy that lost the attribution (written by an older build) does not erase it
    unattributed = Note(note.id, note.session_id, note.created, note.revisions)
    assert (
        merge_notes(unattributed, edited).speaker == merge_notes(edited, unattributed).speaker == 1
    )
