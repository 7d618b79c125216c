"""Norm search, tag completion and note search: what one keystroke costs.

Run ``python benchmarks/bench_search.py``; prints JSON, the best of several runs.
``complete_*`` (microseconds per call) is what the TUI's note input and the line mode's
completer ask on every keystroke; ``search_*`` what the command palette asks per query;
``build_ms`` the one-off cost of the engine for an edition (cached per catalogue).

``notes_*`` (milliseconds) is the note search over the 20,000-note benchmark audit of
``bench_report`` (100 sessions of 200 notes), opened from disk as the CLI does:
``notes_index_ms`` the first search (reads every note into the index), then one search
per query as the TUI's search screen runs it on a keystroke: ``word_all`` a word in
every note, ``word_one`` two words that narrow to one note, ``typo`` a misspelt word
(near matches over every note), ``none`` a word in no note (near matches tried on
all), ``filters`` tags only (``#V3 !knelpunt``), ``filtered_word`` a word within a role.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.norm_search import NormSearch
from interview_assistant.services.note_search import NoteSearch
from interview_assistant.storage.repository import AuditStore
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
    figures.update(note_search_figures())
    return {key: round(value, 1) for key, value in figures.items()}


NOTE_QUERIES = {
    "word_all": "werkwijze",
    "word_one": "voorbeeld 12345:",
    "typo": "werkwjize",
    "none": "olifanten",
    "filters": "#V3 !knelpunt",
    "filtered_word": "verslag rol:Mng",
}


def note_search_figures() -> dict[str, float]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_report import build_source

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="ia-bench-search-") as tmp:
        audit_id, _ = build_source(Path(tmp))
        index_runs = []
        for _ in range(3):
            search = NoteSearch(AuditWorkspace(AuditStore(Path(tmp)), audit_id))
            started = time.perf_counter()
            search.search("werkwijze")
            index_runs.append(time.perf_counter() - started)
        figures["notes_index_ms"] = min(index_runs) * 1e3
        for name, query in NOTE_QUERIES.items():
            assert search.search(query, limit=None) or name == "none", name
            figures[f"notes_{name}_ms"] = best_per_call(lambda q=query: search.search(q), 3) * 1e3
    return figures


if __name__ == "__main__":
    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
