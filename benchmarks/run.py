"""All benchmarks in one run: ``python benchmarks/run.py`` prints one JSON object.

Each area's figures are reported next to the floor measured in the same run, so the
ratios stay meaningful on a busy or slow machine.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_interview
import bench_note_import
import bench_processes
import bench_report
import bench_store
import bench_tui

AREAS = {
    "store": bench_store.run,
    "report": bench_report.run,
    "tui": bench_tui.run,
    "interview": bench_interview.run,
    "processes": bench_processes.run,
    "note_import": bench_note_import.run,
}


def main() -> int:
    results = {name: run() for name, run in AREAS.items()}
    json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
