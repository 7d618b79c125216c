"""``note -`` under load: an import of N lines must be linear, not one rewrite per line.

Lines are stored in groups (one durable write per group read so far), so 8x the lines
should take at most 12x the time (the goal of issue 9). Each size runs the real command
in a subprocess, as an auditor pipes a file in; the floor is the same command with one
line, which is the start-up and the first write.

``run()`` returns JSON-serialisable figures; ``python benchmarks/bench_note_import.py`` prints them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (12_500, 100_000)


def cli(data: Path, *args: str, stdin: bytes = b"") -> bytes:
    result = subprocess.run(
        [sys.executable, "-m", "interview_assistant", *args, "--data-dir", str(data)],
        input=stdin,
        capture_output=True,
        check=True,
    )
    return result.stdout


def timed_import(lines: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        audit = cli(data, "audit", "new", "Benchmark Welzijn").decode().strip()
        session = cli(
            data, "session", "start", audit, "--auditor", "Anna", "--function", "werker",
            "--role", "P",
        ).decode().strip()  # fmt: skip
        text = "".join(
            f"Notitie {i} over het inwerkplan #V{i % 15 + 1} @doc\n" for i in range(lines)
        )
        start = time.perf_counter()
        ids = cli(data, "note", audit, session, "-", stdin=text.encode()).split()
        elapsed = time.perf_counter() - start
        assert len(ids) == lines
        return elapsed


def run() -> dict[str, object]:
    floor = timed_import(1)
    times = {n: timed_import(n) for n in SIZES}
    small, large = SIZES
    return {
        "floor_one_line_s": round(floor, 3),
        **{f"lines_{n}_s": round(t, 3) for n, t in times.items()},
        "ms_per_line_at_largest": round(times[large] / large * 1000, 4),
        "ratio_8x_lines": round(times[large] / times[small], 2),
        "goal_ratio_at_most": 12,
    }


if __name__ == "__main__":
    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
