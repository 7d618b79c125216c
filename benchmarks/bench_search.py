"""Norm search and tag completion: what one keystroke costs.

Run ``python benchmarks/bench_search.py``; prints JSON, microseconds per call, the best
of several runs. ``complete_*`` is what the TUI's note input and the line mode's
completer ask on every keystroke; ``search_*`` what the command palette asks per query;
``build_ms`` the one-off cost of the engine for an edition (cached per catalogue).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from interview_assistant.services.norm_search import NormSearch
from norm_catalogue import load_catalogue

RUNS = 5
CALLS = 500


def best_per_call(work: Callable[[], object], calls: int = CALLS) -> float:
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        for _ in range(calls):
            work()
        best = min(best, (time.perf_counter() - started) / calls)
    return best


def run() -> dict[str, float]:
    catalogue = load_catalogue()
    engine = NormSearch(catalogue)
    note = "Werkbegeleider bespreekt elke week de voortgang met de nieuwe collega "
    figures = {"build_ms": best_per_call(lambda: NormSearch(catalogue), 20) * 1e3}
    for name, query in [("id", "v1"), ("word", "klachten"), ("two_words", "cliënt veilig")]:
        figures[f"search_{name}_us"] = best_per_call(lambda q=query: engine.search(q)) * 1e6
    for name, tail in [("id", "#v1"), ("word", "#klacht"), ("evidence", "@re")]:
        text = note + tail
        figures[f"complete_{name}_us"] = (
            best_per_call(lambda t=text: engine.complete(t, len(t))) * 1e6
        )
    return {key: round(value, 1) for key, value in figures.items()}


if __name__ == "__main__":
    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
