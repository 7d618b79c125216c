"""TUI figures: cold start on a 100-session audit next to a minimal Textual app, the
time from Enter to the note visible in a 1,000-note session, and the time from another
process's change on disk to the open dashboard showing it.

Cold start is measured in fresh subprocesses (interpreter start, imports, up to the
frame), the median of a few runs, for a minimal Textual app (Header, Input, Footer) and
for ``interview-assistant open AUDIT`` in the same run, so the ratio does not depend on
the machine. Two moments are reported for the TUI: its first interactive frame (the
dashboard drawn, keys live, the audit still loading in a worker thread) and the
dashboard filled with the audit's coverage.

``run()`` returns JSON-serialisable figures; ``python benchmarks/bench_tui.py`` prints them.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from interview_assistant.domain.audit import Audit
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import parse_note
from interview_assistant.storage.repository import AuditStore
from norm_catalogue import load_catalogue

SESSIONS = 100
NOTES_PER_SESSION = 200
BIG_SESSION_NOTES = 1000
COLD_RUNS = 5
ENTER_RUNS = 30
CHANGE_RUNS = 10
START = datetime(2024, 3, 4, 9, 0, tzinfo=timezone(timedelta(hours=1)))

#: run in a child process: start an app headless, note the time of the wanted frame (since
#: the parent started the process), exit. Both apps are timed the same way.
CHILD = r"""
import asyncio, sys, time
from pathlib import Path

from textual.app import App

mode, spawned = sys.argv[1], float(sys.argv[2])
frame_at = []


async def run_until_first_frame_of(app, screen_type):
    # The frame after ``screen_type`` is first mounted and laid out (headless: the same
    # work, nothing written): what a user would first see. Public API only: the screen
    # is watched from a task and its first refresh awaited with call_after_refresh.
    def frame():
        frame_at.append(time.time())
        app.exit()

    async def watch():
        while not (isinstance(app.screen, screen_type) and app.screen.is_mounted):
            await asyncio.sleep(0.001)
        app.screen.call_after_refresh(frame)

    watcher = asyncio.get_running_loop().create_task(watch())
    await app.run_async(headless=True, size=(120, 40))
    watcher.cancel()


if mode == "minimal":
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Input

    class Minimal(App):
        def compose(self):
            yield Header()
            yield Input()
            yield Footer()

    asyncio.run(run_until_first_frame_of(Minimal(), Screen))
elif mode == "minimal-loaded":
    # The floor for the filled dashboard: a minimal app that reads the same audit's files
    # (json.load of each) and lists one line per norm, drawn once the files are read.
    import json

    from textual.widgets import Footer, Header, OptionList

    audit_dir = Path(sys.argv[3]) / "audits" / sys.argv[4]

    class MinimalLoaded(App):
        def compose(self):
            yield Header()
            yield OptionList()
            yield Footer()

        def on_mount(self):
            counts = {}
            for path in sorted((audit_dir / "sessions").glob("*.json")):
                with open(path, "rb") as handle:
                    for note in json.load(handle).get("notes", {}).values():
                        for norm in note["revisions"][-1]["norms"]:
                            counts[norm] = counts.get(norm, 0) + 1
            self.query_one(OptionList).add_options(f"{n} {c}" for n, c in sorted(counts.items()))
            self.call_after_refresh(self.frame)

        def frame(self):
            frame_at.append(time.time())
            self.exit()

    asyncio.run(MinimalLoaded().run_async(headless=True, size=(120, 40)))
else:
    from interview_assistant.tui.app import make_app
    from interview_assistant.tui.screens.dashboard import DashboardScreen

    app = make_app(Path(sys.argv[3]), sys.argv[4])
    if mode == "first-frame":
        asyncio.run(run_until_first_frame_of(app, DashboardScreen))
    else:

        def frame():
            frame_at.append(time.time())
            app.exit()

        async def stop_at_ready():
            await app.ready.wait()
            app.screen.call_after_refresh(frame)

        async def main():
            stopper = asyncio.get_running_loop().create_task(stop_at_ready())
            await app.run_async(headless=True, size=(120, 40))
            stopper.cancel()

        asyncio.run(main())
print(frame_at[0] - spawned)
"""


def build_audit(data_dir: Path) -> tuple[str, str]:
    """An audit of SESSIONS x NOTES_PER_SESSION notes plus one session of BIG_SESSION_NOTES."""
    store = AuditStore(data_dir)
    catalogue = load_catalogue()
    norm_ids = dict.fromkeys(catalogue.norm_ids)
    ids = catalogue.norm_ids
    audit = Audit("benchaudit01", "Benchmark Welzijn", catalogue.edition, START)
    store.save_audit(audit)

    def add_session(index: int, note_count: int) -> str:
        session = Session(
            id=f"bench{index:07d}",
            audit_id=audit.id,
            auditor="Anna",
            kind=SessionKind.INTERVIEW,
            interviewees=(Interviewee("sociaal werker", ("P",)),),
            location="",
            started=START + timedelta(hours=index),
        )
        store.save_session(session)
        notes = [
            Note.create(
                f"{session.id}n{n:05d}",
                session.id,
                parse_note(
                    f"Voorbeeld {n} uit de praktijk #{ids[(index + n) % len(ids)]}"
                    + (" @doc" if n % 3 == 0 else ""),
                    norm_ids,
                ),
                session.started + timedelta(seconds=10 * n),
            )
            for n in range(note_count)
        ]
        store.save_notes(audit.id, session.id, notes)
        return session.id

    for index in range(SESSIONS):
        add_session(index, NOTES_PER_SESSION)
    big = add_session(SESSIONS, BIG_SESSION_NOTES)
    return audit.id, big


def _cold(mode: str, *args: str) -> float:
    """Seconds from starting the process to the wanted frame, as the child measured it."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode, repr(time.time()), *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def cold_start(data_dir: Path, audit_id: str) -> dict[str, float]:
    modes = {
        "minimal": (),
        "minimal-loaded": (str(data_dir), audit_id),
        "first-frame": (str(data_dir), audit_id),
        "ready": (str(data_dir), audit_id),
    }
    for mode, args in modes.items():  # warm the file cache and bytecode once
        _cold(mode, *args)
    times: dict[str, list[float]] = {mode: [] for mode in modes}
    for _ in range(COLD_RUNS):  # interleaved, so drift affects all alike
        for mode, args in modes.items():
            times[mode].append(_cold(mode, *args))
    minimal = statistics.median(times["minimal"])
    first = statistics.median(times["first-frame"])
    ready = statistics.median(times["ready"])
    loaded = statistics.median(times["minimal-loaded"])
    return {
        "minimal_textual_app_s": round(minimal, 4),
        "minimal_app_loading_the_audit_s": round(loaded, 4),
        "tui_first_interactive_frame_s": round(first, 4),
        "tui_dashboard_filled_s": round(ready, 4),
        "first_frame_ratio": round(first / minimal, 3),
        "filled_ratio": round(ready / minimal, 3),
        "filled_ratio_to_loading_app": round(ready / loaded, 3),
        "goal_ratio": 1.3,
    }


async def _enter_latency(data_dir: Path, audit_id: str, session_id: str) -> dict[str, float]:
    from textual import events

    from interview_assistant.tui.app import make_app
    from interview_assistant.tui.screens.interview import InterviewScreen
    from interview_assistant.tui.widgets.notes_log import NotesLog

    app = make_app(data_dir, audit_id, session_id)
    samples: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        opened = time.perf_counter()
        await app.ready.wait()
        open_s = time.perf_counter() - opened
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        log = screen.query_one(NotesLog)
        for index in range(ENTER_RUNS):
            screen.composer.set_text(f"Meting {index}: casus besproken in het team #V5 @doc")
            await pilot.pause()
            before = log.option_count
            drawn = asyncio.Event()
            started = time.perf_counter()
            app.post_message(events.Key("enter", "\r"))
            while log.option_count == before:
                await asyncio.sleep(0)
            app.call_after_refresh(drawn.set)
            await drawn.wait()
            samples.append(time.perf_counter() - started)
    samples.sort()
    floor = await _log_floor()
    median, floor_median = statistics.median(samples), statistics.median(floor)
    return {
        "session_notes": BIG_SESSION_NOTES,
        "minimal_log_app_median_ms": round(floor_median * 1000, 2),
        "ratio_to_minimal_log_app": round(median / floor_median, 2),
        "goal_ratio": 2.0,
        "open_1000_note_session_s": round(open_s, 4),
        "enter_to_visible_median_ms": round(statistics.median(samples) * 1000, 2),
        "enter_to_visible_p95_ms": round(samples[int(len(samples) * 0.95) - 1] * 1000, 2),
        "enter_to_visible_max_ms": round(samples[-1] * 1000, 2),
        "goal_ms": 50,
    }


async def _log_floor() -> list[float]:
    """Enter to visible in a minimal app: an Input that appends to a Log of 1,000 lines."""
    from textual import events, on
    from textual.app import App
    from textual.widgets import Input, Log

    class Floor(App[None]):
        def compose(self):
            yield Log()
            yield Input()

        def on_mount(self) -> None:
            self.query_one(Log).write_lines(f"notitie {n}" for n in range(BIG_SESSION_NOTES))
            self.query_one(Input).focus()

        @on(Input.Submitted)
        def append(self, event: Input.Submitted) -> None:
            self.query_one(Log).write_line(event.value)
            event.input.value = ""

    samples: list[float] = []
    app = Floor()
    async with app.run_test(size=(120, 40)) as pilot:
        log, field = app.query_one(Log), app.query_one(Input)
        for index in range(ENTER_RUNS):
            field.value = f"Meting {index}: casus besproken in het team"
            await pilot.pause()
            before = log.line_count
            drawn = asyncio.Event()
            started = time.perf_counter()
            app.post_message(events.Key("enter", "\r"))
            while log.line_count == before:
                await asyncio.sleep(0)
            app.call_after_refresh(drawn.set)
            await drawn.wait()
            samples.append(time.perf_counter() - started)
    return sorted(samples)


async def _change_latency(data_dir: Path, audit_id: str) -> dict[str, float]:
    """Another process (a second DataFolder) writes; time until the dashboard shows it.

    Measured from the moment the write is on disk (the save returned) to the frame after
    the screen changed: the watcher's debounce, reading the changed file, rebuilding the
    coverage of the whole audit and redrawing the dashboard.
    """
    from textual.widgets import DataTable, OptionList

    from interview_assistant.domain.assessment import Verdict
    from interview_assistant.messages import msg
    from interview_assistant.services.data_folder import DataFolder
    from interview_assistant.tui.app import make_app

    app = make_app(data_dir, audit_id)
    conflict = msg("tui.dashboard.conflict_mark")  # how the norm list marks a conflict
    notes: list[float] = []
    verdicts: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.ready.wait()
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)  # the watcher armed and its catch-up read done
        screen = app.screen
        table = screen.query_one("#session-table", DataTable)
        norm_list = screen.query_one("#norm-list", OptionList)
        other = DataFolder(data_dir).open_review(audit_id)
        session_id = other.workspace.sessions[0].id

        async def shown(condition) -> float:
            started = time.perf_counter()
            while not condition():
                if time.perf_counter() - started > 10:  # the screen never showed it
                    raise TimeoutError("the dashboard did not show the change within 10 s")
                await asyncio.sleep(0.001)
            drawn = asyncio.Event()
            app.call_after_refresh(drawn.set)
            await drawn.wait()
            return time.perf_counter() - started

        for index in range(CHANGE_RUNS):
            other.workspace.add_note(session_id, f"Van elders {index} #V5 @doc")
            count = str(other.workspace.note_count(session_id))
            notes.append(await shown(lambda c=count: str(table.get_cell(session_id, "notes")) == c))
            norm_id = load_catalogue().norm_ids[index]
            other.propose(norm_id, "Anna", Verdict.VOLDOET)
            other.propose(norm_id, "Bert", Verdict.VERBETERPUNT)
            verdicts.append(
                await shown(lambda n=norm_id: conflict in str(norm_list.get_option(n).prompt))
            )
            await pilot.pause(0.1)
    notes.sort()
    verdicts.sort()
    return {
        "runs": CHANGE_RUNS,
        "note_to_dashboard_median_ms": round(statistics.median(notes) * 1000, 1),
        "note_to_dashboard_max_ms": round(notes[-1] * 1000, 1),
        "conflict_to_dashboard_median_ms": round(statistics.median(verdicts) * 1000, 1),
        "conflict_to_dashboard_max_ms": round(verdicts[-1] * 1000, 1),
        "goal_ms": 1000,
    }


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        audit_id, big_session = build_audit(data_dir)
        cold = cold_start(data_dir, audit_id)
        enter = asyncio.run(_enter_latency(data_dir, audit_id, big_session))
        change = asyncio.run(_change_latency(data_dir, audit_id))
    return {
        "audit": {
            "sessions": SESSIONS + 1,
            "notes": SESSIONS * NOTES_PER_SESSION + BIG_SESSION_NOTES,
        },
        "cold_start": cold,
        "enter_to_visible": enter,
        "change_on_disk_to_screen": change,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
