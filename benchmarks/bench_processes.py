"""Whole processes side by side: each CLI command next to a process that only loads the files.

What an auditor waits for is a whole command: interpreter start, imports, reading the
audit, the work, the output. So each figure here is a fresh ``interview-assistant``
process, timed against the floor of a fresh Python process that ``json.load``-s the same
audit's files (and keeps them), in the same run, on a 100-session, 20,000-note audit.
The ratio is what the goals in issue 8 are stated in; start-up costs count on both sides.

``python benchmarks/bench_processes.py`` prints the figures as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import build_audit

RUNS = 5

FLOOR = r"""
import json, sys
from pathlib import Path
audit = Path(sys.argv[1])
kept = [json.load(open(audit / "audit.json", "rb"))]
for path in sorted((audit / "sessions").glob("*.json")):
    with open(path, "rb") as handle:
        kept.append(json.load(handle))
"""

#: goal per command, as a multiple of the floor (issue 8)
GOALS = {
    "coverage_json": 2.0,
    "merge": 3.0,
    "remerge": 1.5,
    "report_md": 3.0,
    "report_html": 3.0,
    "report_docx": 5.0,
}


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "interview_assistant", *args]


def _timed(command: list[str], prepare=None) -> float:
    """Median wall time of ``command`` over RUNS fresh processes (``prepare`` runs untimed)."""
    times = []
    for _ in range(RUNS):
        if prepare is not None:
            prepare()
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run() -> dict:
    with tempfile.TemporaryDirectory(prefix="ia-bench-proc-") as tmp:
        root = Path(tmp)
        data = root / "data"
        audit_id = build_audit(data)
        audit_dir = data / "audits" / audit_id
        bundle = root / "bundle.zip"
        subprocess.run(
            _cli("--data-dir", str(data), "export", audit_id, "-o", str(bundle)),
            check=True,
            capture_output=True,
        )
        merged = root / "merged"

        def fresh_target() -> None:
            shutil.rmtree(merged, ignore_errors=True)

        def merged_target() -> None:
            if not merged.exists():
                subprocess.run(
                    _cli("--data-dir", str(merged), "merge", str(bundle)),
                    check=True,
                    capture_output=True,
                )

        out = root / "out"
        seconds = {
            "floor_json_load": _timed([sys.executable, "-c", FLOOR, str(audit_dir)]),
            "python_start": _timed([sys.executable, "-c", "pass"]),
            "cli_help": _timed(_cli("--help")),
            "coverage_json": _timed(_cli("--data-dir", str(data), "coverage", audit_id, "--json")),
            "merge": _timed(_cli("--data-dir", str(merged), "merge", str(bundle)), fresh_target),
            "remerge": _timed(_cli("--data-dir", str(merged), "merge", str(bundle)), merged_target),
        }
        for fmt in ("md", "html", "docx"):
            target = str(out.with_suffix(f".{fmt}"))
            report = ("report", audit_id, "--format", fmt, "-o", target, "--overwrite")
            seconds[f"report_{fmt}"] = _timed(_cli("--data-dir", str(data), *report))
    floor = seconds["floor_json_load"]
    result: dict = {
        "audit": {"sessions": 100, "notes": 20000},
        "runs": RUNS,
        "ms": {name: round(value * 1000, 1) for name, value in seconds.items()},
        "ratio_to_floor": {},
    }
    for name, goal in GOALS.items():
        ratio = seconds[name] / floor
        result["ratio_to_floor"][name] = {
            "ratio": round(ratio, 2),
            "goal": goal,
            "met": ratio <= goal,
        }
    return result


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "0")
    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
