"""Merge and report benchmarks, each next to a plain ``json.load`` of the same files.

Run ``python benchmarks/bench_report.py``; prints JSON. The audit is 100 session logs of
200 notes (20,000 notes). Figures:

- ``merge``: the 100 session files merged into an empty audit (checked, written
  durably: one fsync'd file per session), and the same files merged again (a no-op);
- ``report``: the draft report of that audit in each format, from the audit on disk
  (open, build the model, render) as ``interview-assistant report`` does, and the
  render alone from an audit already open (the TUI's preview).

The floor is ``json.load`` of the same 100 files, keeping the parsed documents (as any
use of them must; the same floor as the store benchmark), and for reference dropping
each at once. Ratios are to the kept floor; ``*_to_discarding`` to the other. Every
figure is the best of several runs, each started after a garbage collection, because
the machine is shared and wall-clock times vary by a factor of two between runs.
"""

from __future__ import annotations

import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from interview_assistant.domain.assessment import Assessment, Verdict
from interview_assistant.domain.ids import new_note_id
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import parse_note
from interview_assistant.exchange import merge_inputs
from interview_assistant.report import render
from interview_assistant.report.house_style import DEFAULT_TEMPLATE, render_with_template
from interview_assistant.services.audit import create_audit
from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore
from norm_catalogue import load_catalogue

SESSIONS = 100
NOTES_PER_SESSION = 200
REPEATS = 5
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone(timedelta(hours=1)))
ROLES = [("P",), ("Mng",), ("P&O",), ("BKC",), ("P", "S")]
GOALS = {"merge": 3.0, "remerge": 1.5, "md": 3.0, "html": 3.0, "docx": 5.0}


def note_text(i: int, norm_ids: tuple[str, ...]) -> str:
    evidence = ["", " @doc", " @vb", " @reg"][i % 4]
    kind = ["", "", " !knelpunt", " !suggestie", "", " !compliment", "", " !zorgpunt"][i % 8]
    return (
        f"Besproken voorbeeld {i}: de professional licht de werkwijze toe en laat het "
        f"verslag zien #{norm_ids[i % len(norm_ids)]}{evidence}{kind}"
    )


def build_source(data_dir: Path) -> tuple[str, Path]:
    """An audit of 100 session logs written by the store, some notes edited."""
    store = AuditStore(data_dir)
    audit = create_audit(store, "Benchmark Welzijn", team=["Anna", "Bram"])
    norm_ids = load_catalogue(audit.edition).norm_ids
    known = dict.fromkeys(norm_ids)
    for s in range(SESSIONS):
        session = Session(
            id=f"s{s:011d}",
            audit_id=audit.id,
            auditor=["Anna", "Bram"][s % 2],
            kind=SessionKind.INTERVIEW,
            interviewees=(Interviewee(f"functie {s % 12}", ROLES[s % len(ROLES)]),),
            location="Hoofdkantoor",
            started=T0 + timedelta(hours=s),
        )
        store.save_session(session)
        notes = []
        for i in range(NOTES_PER_SESSION):
            moment = session.started + timedelta(seconds=i * 20)
            parsed = parse_note(note_text(s * NOTES_PER_SESSION + i, norm_ids), known)
            note = Note.create(new_note_id(), session.id, parsed, moment)
            if i % 10 == 0:
                note = note.edit(parsed, moment + timedelta(minutes=5))
            notes.append(note)
        store.save_notes(audit.id, session.id, notes)
    decided = T0 + timedelta(days=2)
    store.save_assessments(
        audit.id,
        [
            Assessment(n).decide(Verdict.VOLDOET if i % 7 else Verdict.VERBETERPUNT, decided)
            for i, n in enumerate(norm_ids[:40])
        ],
    )
    return audit.id, store.audit_dir(audit.id) / "sessions"


def json_load_all(files: list[Path], keep: bool) -> float:
    kept = []
    gc.collect()
    started = time.perf_counter()
    for path in files:
        with open(path, "rb") as handle:
            data = json.load(handle)
        if keep:
            kept.append(data)
    elapsed = time.perf_counter() - started
    kept.clear()
    return elapsed


def best(runs: list[float]) -> float:
    return min(runs)


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()  # every step starts from the same heap, as the floor does
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def run() -> dict:
    with tempfile.TemporaryDirectory(prefix="ia-bench-report-") as tmp:
        root = Path(tmp)
        t, (audit_id, sessions_dir) = timed(lambda: build_source(root / "source"))
        build_seconds = t
        source = AuditStore(root / "source")
        audit = source.load_audit(audit_id)
        files = sorted(sessions_dir.glob("*.json"))

        kept, dropped, merges, remerges = [], [], [], []
        merged_dir = root / "merged0"
        for attempt in range(REPEATS):
            kept.append(json_load_all(files, keep=True))
            dropped.append(json_load_all(files, keep=False))
            target = AuditStore(root / f"merged{attempt}")
            target.save_audit(audit)  # the empty audit the logs are merged into
            t, first = timed(lambda target=target: merge_inputs(target, [sessions_dir]))
            merges.append(t)
            t, again = timed(
                lambda attempt=attempt: merge_inputs(
                    AuditStore(root / f"merged{attempt}"), [sessions_dir]
                )
            )
            remerges.append(t)
            assert sum(a.notes.added for a in first.auditors.values()) == 20_000
            assert not again.changed

        report_runs: dict[str, list[float]] = {fmt: [] for fmt in ("md", "html", "docx", "json")}
        render_runs: dict[str, list[float]] = {fmt: [] for fmt in report_runs}
        sizes: dict[str, int] = {}
        house_runs: list[float] = []
        for _ in range(REPEATS):
            for fmt in report_runs:
                t, data = timed(
                    lambda fmt=fmt: render(
                        AuditReview.open(AuditStore(merged_dir), audit_id).report_model(), fmt
                    )
                )
                report_runs[fmt].append(t)
                sizes[fmt] = len(data)
            review = AuditReview.open(AuditStore(merged_dir), audit_id)
            model = review.report_model()
            for fmt in render_runs:
                render_runs[fmt].append(timed(lambda fmt=fmt, m=model: render(m, fmt))[0])
            house_runs.append(
                timed(lambda m=model: render_with_template(m, DEFAULT_TEMPLATE.read_bytes()))[0]
            )
        t_open = best(
            [
                timed(lambda: AuditReview.open(AuditStore(merged_dir), audit_id))[0]
                for _ in range(REPEATS)
            ]
        )

    floor, floor_dropping = best(kept), best(dropped)
    ms = 1000.0

    def figure(seconds: float, goal: float | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ms": round(seconds * ms, 1),
            "ratio": round(seconds / floor, 2),
            "ratio_to_discarding": round(seconds / floor_dropping, 2),
        }
        if goal is not None:
            out["goal"] = f"within {goal}x json.load"
            out["met"] = seconds / floor <= goal
        return out

    return {
        "audit": {"sessions": SESSIONS, "notes": SESSIONS * NOTES_PER_SESSION},
        "build_seconds": round(build_seconds, 2),
        "json_load_ms": {
            "kept": round(floor * ms, 1),
            "discarding": round(floor_dropping * ms, 1),
        },
        "merge": {
            "into_empty_audit": figure(best(merges), GOALS["merge"]),
            "again_no_op": figure(best(remerges), GOALS["remerge"]),
        },
        "report_from_disk": {
            fmt: figure(best(runs), GOALS.get(fmt)) for fmt, runs in report_runs.items()
        },
        "report_render_only": {fmt: figure(best(runs)) for fmt, runs in render_runs.items()},
        "report_render_only_house_style_docx": figure(best(house_runs)),
        "open_audit_for_review": figure(t_open),
        "report_bytes": sizes,
    }


if __name__ == "__main__":
    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
