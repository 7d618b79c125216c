"""Store benchmarks: note-save latency against the fsync floor, coverage against json.load.

Run ``python benchmarks/bench_store.py``; prints JSON. Figures are wall-clock on this
machine, so each is reported next to its floor measured in the same run.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from interview_assistant.domain.ids import new_note_id
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import parse_note
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.storage.durable import fsync_dir
from interview_assistant.storage.repository import AuditStore
from norm_catalogue import load_catalogue

SESSIONS = 100
NOTES_PER_SESSION = 200
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone(timedelta(hours=1)))
ROLES = [("P",), ("Mng",), ("P&O",), ("BKC",), ("P", "S")]


def note_text(i: int, norm_ids: tuple[str, ...]) -> str:
    evidence = ["", " @doc", " @vb", " @reg"][i % 4]
    kind = ["", "", " !knelpunt", " !suggestie"][i % 4]
    return (
        f"Besproken voorbeeld {i}: de professional licht de werkwijze toe en laat het "
        f"verslag zien #{norm_ids[i % len(norm_ids)]}{evidence}{kind}"
    )


def build_audit(data_dir: Path, sessions: int = SESSIONS, notes: int = NOTES_PER_SESSION) -> str:
    """A realistic large audit written through the store (one batched write per session)."""
    store = AuditStore(data_dir)
    audit = create_audit(store, "Benchmark Welzijn")
    catalogue = load_catalogue(audit.edition)
    norm_ids = dict.fromkeys(catalogue.norm_ids)
    ordered = catalogue.norm_ids
    for s in range(sessions):
        session = Session(
            id=f"s{s:011d}",
            audit_id=audit.id,
            auditor=["Anna", "Bram"][s % 2],
            kind=SessionKind.INTERVIEW,
            interviewees=(Interviewee(f"functie {s}", ROLES[s % len(ROLES)]),),
            location="Hoofdkantoor",
            started=T0 + timedelta(hours=s),
        )
        store.save_session(session)
        batch = [
            Note.create(
                new_note_id(),
                session.id,
                parse_note(note_text(s * notes + i, ordered), norm_ids),
                session.started + timedelta(seconds=i * 20),
            )
            for i in range(notes)
        ]
        store.save_notes(audit.id, session.id, batch)
    return audit.id


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def bare_publish(path: Path, data: bytes) -> None:
    """The floor: temp file, write, fsync, replace, fsync the folder — nothing else."""
    tmp = path.with_name(path.name + ".floor")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.write(fd, data)
    os.fsync(fd)
    os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def plain_json_load(audit_dir: Path, keep: bool = True) -> float:
    """The floor for coverage: ``json.load`` every file of the audit.

    With ``keep`` the parsed documents are kept in a list, as any use of them must;
    without it each is dropped at once (cheaper: the GC never sees a large heap).
    """
    kept = []
    started = time.perf_counter()
    for path in sorted(audit_dir.rglob("*.json")):
        with open(path, "rb") as handle:
            data = json.load(handle)
        if keep:
            kept.append(data)
    elapsed = time.perf_counter() - started
    kept.clear()
    return elapsed


def run() -> dict:
    with tempfile.TemporaryDirectory(prefix="ia-bench-") as tmp:
        data_dir = Path(tmp)
        t = time.perf_counter()
        audit_id = build_audit(data_dir)
        build_seconds = time.perf_counter() - t
        store = AuditStore(data_dir)
        audit_dir = store.audit_dir(audit_id)

        # Coverage of the whole audit from disk vs a plain json.load of the same files.
        load_runs, discard_runs, coverage_runs = [], [], []
        for _ in range(5):
            load_runs.append(plain_json_load(audit_dir))
            discard_runs.append(plain_json_load(audit_dir, keep=False))
            started = time.perf_counter()
            ws = AuditWorkspace(AuditStore(data_dir), audit_id)
            ws.coverage.all()
            coverage_runs.append(time.perf_counter() - started)

        # Note-save latency: a new session growing to 200 notes inside the large audit.
        ws = AuditWorkspace(AuditStore(data_dir), audit_id)
        session = ws.start_session("Anna", [Interviewee("sociaal werker", ("P",))])
        ordered = ws.catalogue.norm_ids
        saves = []
        for i in range(NOTES_PER_SESSION):
            text = note_text(i, ordered)
            started = time.perf_counter()
            ws.add_note(session.id, text)
            saves.append(time.perf_counter() - started)
        session_file = audit_dir / "sessions" / f"{session.id}.json"
        payload = session_file.read_bytes()
        floor_path = Path(tmp) / "floor.json"
        floors = []
        for _ in range(NOTES_PER_SESSION):
            started = time.perf_counter()
            bare_publish(floor_path, payload)
            floors.append(time.perf_counter() - started)

        # Incremental coverage update after one note, for the live UI.
        note = ws.notes(session.id)[-1]
        started = time.perf_counter()
        for _ in range(1000):
            ws.coverage.apply(note, note)
            ws.coverage.norm(note.norms[0])
        incremental = (time.perf_counter() - started) / 1000

    ms = 1000.0
    save_median, save_p99 = statistics.median(saves), percentile(saves, 0.99)
    floor_median, floor_p99 = statistics.median(floors), percentile(floors, 0.99)
    load, coverage = min(load_runs), min(coverage_runs)
    return {
        "audit": {"sessions": SESSIONS, "notes": SESSIONS * NOTES_PER_SESSION},
        "build_seconds": round(build_seconds, 2),
        "note_save_ms": {
            "median": round(save_median * ms, 3),
            "p99": round(save_p99 * ms, 3),
            "floor_median": round(floor_median * ms, 3),
            "floor_p99": round(floor_p99 * ms, 3),
            "p99_over_floor_p99": round(save_p99 / floor_p99, 2),
            "p99_over_floor_median": round(save_p99 / floor_median, 2),
            "goal": "p99 within 3x the floor",
        },
        "coverage_ms": {
            "open_and_cover": round(coverage * ms, 1),
            "plain_json_load": round(load * ms, 1),
            "ratio": round(coverage / load, 2),
            "plain_json_load_discarding": round(min(discard_runs) * ms, 1),
            "ratio_to_discarding": round(coverage / min(discard_runs), 2),
            "incremental_update_us": round(incremental * 1e6, 2),
            "goal": "within 2x json.load",
        },
    }


if __name__ == "__main__":
    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
