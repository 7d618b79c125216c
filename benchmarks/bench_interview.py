"""Interview figures without a UI: what a walk, a note and an undo cost in a 1,000-note session.

Every move stores the current norm in the session log, which rewrites the session's
file like a note does; these figures show that a walk costs no more than a note. The
floor is a whole-file ``json.load`` of the same session log, measured in the same run.

``run()`` returns JSON-serialisable figures; ``python benchmarks/bench_interview.py`` prints them.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from interview_assistant.domain.audit import Audit
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import parse_note
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.interview import InterviewSession
from interview_assistant.storage.repository import AuditStore
from norm_catalogue import load_catalogue

NOTES = 1000
RUNS = 30
START = datetime(2024, 3, 4, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def build(data_dir: Path) -> tuple[AuditStore, str, str]:
    store = AuditStore(data_dir)
    catalogue = load_catalogue()
    norm_ids = dict.fromkeys(catalogue.norm_ids)
    audit = Audit("benchinterv1", "Benchmark Welzijn", catalogue.edition, START)
    store.save_audit(audit)
    session = Session(
        "benchsession", audit.id, "Anna", SessionKind.INTERVIEW,
        (Interviewee("sociaal werker", ("P",)),), "", START,
    )  # fmt: skip
    store.save_session(session)
    notes = [
        Note.create(
            f"n{n:06d}",
            session.id,
            parse_note(f"Voorbeeld {n} #{catalogue.norm_ids[n % 49]} @doc", norm_ids),
            START + timedelta(seconds=10 * n),
        )
        for n in range(NOTES)
    ]
    store.save_notes(audit.id, session.id, notes)
    return store, audit.id, session.id


def _median_ms(action: Callable[[], object]) -> float:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return round(statistics.median(samples) * 1000, 2)


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        store, audit_id, session_id = build(data_dir)
        path = next((data_dir / "audits" / audit_id / "sessions").glob("*.json"))
        floor = _median_ms(lambda: json.loads(path.read_bytes()))
        started = time.perf_counter()
        interview = InterviewSession(AuditWorkspace(store, audit_id), session_id)
        interview.notes()
        open_ms = round((time.perf_counter() - started) * 1000, 2)
        directions = iter([1, -1] * RUNS)
        step = _median_ms(lambda: interview.step(next(directions)))
        add = _median_ms(lambda: interview.add("Casus besproken in het team @doc"))
        undo = _median_ms(interview.undo)
    return {
        "session_notes": NOTES,
        "json_load_session_ms": floor,
        "open_ms": open_ms,
        "walk_step_ms": step,
        "add_note_ms": add,
        "undo_ms": undo,
        "walk_step_ratio": round(step / floor, 2),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
