"""The example report's Part B findings are the held-out test of the norm suggestions.

The suggestions must never be built or tuned on them: no phrase of a Part B finding may
appear in the vocabulary, the labelled sentences, the suggestion code or its benchmarks.
This test reads the findings only to compare word sequences; it keeps the rule checked
instead of trusted.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "report" / "data" / "example_report_003.txt"

#: what the suggester is built, tested or measured from
GUARDED = [
    *sorted((ROOT / "norm_catalogue" / "vocabulary").glob("*.toml")),
    *sorted((ROOT / "norm_catalogue" / "vocabulary").glob("*-examples.tsv")),
    ROOT / "tests" / "services" / "data" / "suggest_labelled.tsv",
    ROOT / "tests" / "services" / "data" / "suggest_dev.tsv",
    ROOT / "interview_assistant" / "services" / "suggest.py",
    ROOT / "benchmarks" / "bench_suggest.py",
    *sorted((ROOT / "tests" / "services").glob("test_suggest*.py")),
]

#: a run of this many words in common is a copied phrase, not shared vocabulary
PHRASE = 5


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _phrases(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + PHRASE]) for i in range(len(words) - PHRASE + 1)}


def _part_b_findings() -> list[str]:
    """The middle column of Part B's tables (the norm text and the verdict left out)."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Kwaliteitsnormen "))
    findings = []
    for line in lines[start:]:
        columns = line.split("\t")
        if len(columns) >= 2 and not line.startswith("Kwaliteitsnormen "):
            findings.append(columns[1])
    return findings


def test_the_held_out_findings_are_where_this_test_expects_them() -> None:
    findings = _part_b_findings()
    assert len(findings) >= 49
    assert sum(len(_words(f)) for f in findings) > 3000


def test_no_phrase_of_a_part_b_finding_feeds_the_suggestions() -> None:
    held_out: set[tuple[str, ...]] = set()
    for finding in _part_b_findings():
        held_out |= _phrases(_words(finding))
    for path in GUARDED:
        assert path.exists(), path
        shared = held_out & _phrases(_words(path.read_text(encoding="utf-8")))
        assert not shared, f"{path.name} repeats held-out phrases: {sorted(shared)[:5]}"
