"""Bulk note views read the same notes, in the same order, as the built notes."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import parse_note
from interview_assistant.services.audit import create_audit
from interview_assistant.storage.note_view import NoteView, log_notes
from interview_assistant.storage.repository import AuditStore
from norm_catalogue import load_catalogue

WINTER = timezone(timedelta(hours=1))
SUMMER = timezone(timedelta(hours=2))
NORMS = load_catalogue("2019").norm_ids


def stored_log(store: AuditStore, notes: list[tuple[str, datetime, str]]) -> tuple[str, str]:
    audit = create_audit(store, "Stichting")
    start = datetime(2026, 3, 28, 9, tzinfo=WINTER)
    session = Session(
        "s1",
        audit.id,
        "Anna",
        SessionKind.INTERVIEW,
        (Interviewee("teamcoach", ("Mng",)),),
        "",
        start,
    )
    store.save_session(session)
    built = [Note.create(i, "s1", parse_note(t, NORMS), at) for i, at, t in notes]
    # saved newest first, as a merge may append them
    store.save_notes(audit.id, "s1", list(reversed(built)))
    return audit.id, "s1"


def test_views_match_built_notes_in_order_across_a_clock_change(store: AuditStore) -> None:
    notes = [
        ("b", datetime(2026, 3, 28, 23, 30, tzinfo=WINTER), "Voor de klok #V1 @doc"),
        ("a", datetime(2026, 3, 29, 1, 10, tzinfo=SUMMER), "Na de klok #V2 !compliment"),
        ("c", datetime(2026, 3, 29, 0, 20, tzinfo=WINTER), "Tussenin #V3 @vb @reg"),
    ]
    audit_id, session_id = stored_log(store, notes)
    fresh = AuditStore(store.data_dir)
    views = log_notes(fresh.load_session_log(audit_id, session_id))
    assert all(isinstance(v, NoteView) for v in views)
    built = AuditStore(store.data_dir).load_session_log(audit_id, session_id).notes
    assert [
        (v.id, v.text, tuple(v.norms), v.evidence, v.kind, v.factual, v.deleted) for v in views
    ] == [(n.id, n.text, n.norms, n.evidence, n.kind, n.factual, n.deleted) for n in built]
    assert [v.id for v in views] == ["b", "a", "c"]  # 22:30, 23:10, 23:20 UTC


def test_a_bad_note_sets_the_file_aside_when_it_is_loaded(store: AuditStore) -> None:
    """One schema check at load time: a log that loads has no note a view could trip on."""
    audit_id, session_id = stored_log(
        store, [("a", datetime(2026, 3, 1, 9, tzinfo=WINTER), "Iets #V1")]
    )
    path = store.audit_dir(audit_id) / "sessions" / f"{session_id}.json"
    data = json.loads(path.read_text())
    next(iter(data["notes"].values()))["revisions"][-1]["kind"] = "roddel"
    path.write_text(json.dumps(data))
    fresh = AuditStore(store.data_dir)
    assert fresh.load_session_log(audit_id, session_id) is None
    (problem,) = fresh.take_problems()
    assert "notes" in problem.message and problem.quarantined_to.exists()
    assert not path.exists()
