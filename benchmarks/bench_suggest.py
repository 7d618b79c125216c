"""Norm suggestions: how often the right norm comes first or in the top three, and speed.

Run ``python benchmarks/bench_suggest.py``; prints JSON. Quality is measured on sets of
our own: ``sentences``, the labelled note-like sentences in
``tests/services/data/suggest_labelled.tsv`` (a hit is any of a sentence's norms; written
alongside the vocabulary, so they flatter it); ``dev``, the independent dev set in
``tests/services/data/suggest_dev.tsv`` (sentences and whole multi-sentence findings
written from the norm texts, not from the vocabulary), split into the part tuned on and
every third row held back (never tuned on), with made-up findings that mix two sentences
of one norm with one of another; and ``demo_notes``, the whole notes of the
shipped demo audit with their tags taken out (a hit is any norm the note was tagged
with). The example report's findings are held out and are not used here. Speed:
``build_ms`` for the index of an edition, ``suggest_us`` per call (the best of several
runs), and whole ``suggest`` processes for 1 and for 1,000 lines of input.

Dev set top-1 / top-3 (sentences z, whole findings a, made-up mixed findings), before the
dev set was used (commit 4c12c36) and after lemmas, the broader vocabulary, the apostrophe
fix and sentence votes:

    ==================  ===============  ===============
    part                before           after
    ==================  ===============  ===============
    sentences tune      67.1 / 83.5      80.6 / 91.8
    sentences holdout   59.3 / 88.4      74.4 / 89.5
    findings tune       96.0 / 100       99.0 / 100
    findings holdout    100 / 100        97.9 / 100
    mixed tune          71.0 / 90.7      89.3 / 98.0
    mixed holdout       63.7 / 88.3      85.0 / 93.0
    ==================  ===============  ===============

``examples_cross_validated``: the edition's labelled example texts
(``norm_catalogue/vocabulary/2019-examples.tsv``, written from the norm texts by writers who
never saw an audit report), each third measured on an index built from the other two:
whole findings, their sentences one by one, and interview notes.

After the examples joined the index (weight 0.3, chosen on the examples' cross-validation
and the dev set's tuning part), against the same index without them:

    ======================  ===============  ===============
    part                    before           after
    ======================  ===============  ===============
    dev sentences holdout   74.4 / 89.5      82.6 / 94.2
    dev mixed holdout       85.0 / 93.0      87.3 / 98.3
    labelled sentences      90.1 / 98.8      94.2 / 99.2
    demo notes              69.0 / 85.3      73.6 / 89.9
    examples, findings      94.9 / 99.3      96.9 / 100
    examples, sentences     52.0 / 71.1      54.8 / 76.1
    examples, notes         53.7 / 77.1      57.1 / 83.1
    ======================  ===============  ===============

With ``--tui``: the TUI's Enter-to-visible with the assistant (suggestions and the
personal-data guard) reading every stored note, and without it.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the demo's builder, in sessions/
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_tui

from interview_assistant.services.suggest import NormSuggester, suggester_for  # noqa: E402
from norm_catalogue import (  # noqa: E402
    NormExample,
    load_catalogue,
    load_examples,
    load_vocabulary,
)

LABELLED = ROOT / "tests" / "services" / "data" / "suggest_labelled.tsv"
DEV = ROOT / "tests" / "services" / "data" / "suggest_dev.tsv"
#: every HOLDOUT-th data row of the dev set is held back: measured, never tuned on
HOLDOUT = 3
RUNS = 5


def labelled_sentences(path: Path = LABELLED) -> list[Row]:
    """(acceptable norms, sentence, no roles) from the labelled file, comments skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        norms, sentence = line.split("\t", 1)
        rows.append((frozenset(norms.split(",")), sentence, ()))
    return rows


Row = tuple[frozenset[str], str, tuple[str, ...]]


def dev_rows(kind: str, held_out: bool, path: Path = DEV) -> list[Row]:
    """Rows of the dev set of one kind (``z`` sentence, ``a`` paragraph), either the rows
    to tune on or the held-back third (every third data row of the file)."""
    rows = []
    data = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for number, line in enumerate(data, start=1):
        row_kind, norms, text = line.split("\t", 2)
        if row_kind == kind and (number % HOLDOUT == 0) == held_out:
            rows.append((frozenset(norms.split(",")), text, ()))
    return rows


def mixed_findings(rows: list[Row], count: int = 300, seed: int = 7) -> list[Row]:
    """Made-up findings of three sentences: two about one norm and one about another, in a
    random order (as a real finding mixes in words of other norms); a hit is the norm of
    the two. Built from the dev set's sentences with a fixed seed."""
    rnd = random.Random(seed)
    by_norm: dict[str, list[str]] = {}
    for norms, text, _ in rows:
        if len(norms) == 1:
            by_norm.setdefault(next(iter(norms)), []).append(text)
    main = sorted(norm for norm, texts in by_norm.items() if len(texts) >= 2)
    mixed = []
    for _ in range(count):
        norm = rnd.choice(main)
        other = rnd.choice(sorted(n for n in by_norm if n != norm))
        parts = [*rnd.sample(by_norm[norm], 2), rnd.choice(by_norm[other])]
        rnd.shuffle(parts)
        mixed.append((frozenset([norm]), " ".join(parts), ()))
    return mixed


def dev_figures(suggester: NormSuggester) -> dict[str, dict[str, float]]:
    """The dev set's figures: sentences, paragraphs and made-up mixed findings, each for
    the tuning part and the held-back part."""
    figures = {}
    for part, held_out in (("tune", False), ("holdout", True)):
        sentences = dev_rows("z", held_out)
        figures[f"sentences_{part}"] = accuracy(suggester, sentences)
        figures[f"paragraphs_{part}"] = accuracy(suggester, dev_rows("a", held_out))
        figures[f"mixed_{part}"] = accuracy(suggester, mixed_findings(sentences))
    return figures


#: how the example texts are split for cross-validation: each fold is measured on an index
#: built without it
FOLDS = 3
#: a sentence of a finding: split after . ! ? before a capital or a quote; a sentence of
#: fewer than MIN_SENTENCE_WORDS words is a fragment and not measured
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'‘])")
MIN_SENTENCE_WORDS = 5


def finding_sentences(text: str) -> list[str]:
    """The sentences of a whole finding worth measuring one by one."""
    return [part for part in _SENTENCE.split(text) if len(part.split()) >= MIN_SENTENCE_WORDS]


def example_figures(
    examples: tuple[NormExample, ...] | None = None, folds: int = FOLDS
) -> dict[str, dict[str, float]]:
    """Cross-validated figures on the edition's example texts: every ``folds``-th example
    is measured on an index built from the others, so no text is measured on an index
    that learnt it. Whole findings, their sentences one by one (as a note that quotes a
    finding), and interview notes."""
    catalogue, vocabulary = load_catalogue(), load_vocabulary()
    examples = load_examples() if examples is None else examples
    parts: dict[str, list[tuple[NormSuggester, Row]]] = {
        "findings": [],
        "finding_sentences": [],
        "notes": [],
    }
    for fold in range(folds):
        learnt = [e for i, e in enumerate(examples) if i % folds != fold]
        suggester = NormSuggester(catalogue, vocabulary, examples=learnt)
        for example in examples[fold::folds]:
            norms = frozenset(example.norms)
            if example.kind == "b":
                parts["findings"].append((suggester, (norms, example.text, ())))
                for sentence in finding_sentences(example.text):
                    parts["finding_sentences"].append((suggester, (norms, sentence, ())))
            else:
                parts["notes"].append((suggester, (norms, example.text, ())))
    return {name: pooled_accuracy(rows) for name, rows in parts.items() if rows}


def pooled_accuracy(rows: list[tuple[NormSuggester, Row]]) -> dict[str, float]:
    """``accuracy`` over rows that each name the index to ask."""
    top1 = top3 = silent = 0
    for suggester, (norms, text, roles) in rows:
        ranked = [s.norm_id for s in suggester.suggest(text, roles=roles)]
        top1 += bool(ranked) and ranked[0] in norms
        top3 += bool(norms.intersection(ranked[:3]))
        silent += not ranked
    count = len(rows)
    return {
        "count": count,
        "top1": round(top1 / count, 3),
        "top3": round(top3 / count, 3),
        "no_suggestion": round(silent / count, 3),
    }


def demo_notes() -> list[Row]:
    """The demo audit's notes: the norms they were tagged with, the text without tags, and
    the roles of the session's interviewees (the prior an interview gives)."""
    from interview_assistant.domain.tags import TAG_PATTERN
    from sessions.build_demo import SESSIONS

    rows = []
    for session in SESSIONS:
        roles = tuple(role for person in session.interviewees for role in person.roles)
        for text in session.notes:
            norms = frozenset(
                m.group(2).upper() for m in TAG_PATTERN.finditer(text) if m.group(1) == "#"
            )
            if norms:
                rows.append((norms, TAG_PATTERN.sub("", text), roles))
    return rows


def accuracy(suggester: NormSuggester, rows: list[Row]) -> dict[str, float]:
    return pooled_accuracy([(suggester, row) for row in rows])


def process_seconds(lines: int) -> float:
    text = "\n".join(["In de intervisie bespreken we lastige casussen"] * lines) + "\n"
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "interview_assistant", "suggest", "--json", "-"],
            input=text.encode(),
            stdout=subprocess.DEVNULL,
            check=True,
        )
        best = min(best, time.perf_counter() - started)
    return best


def tui_effect() -> dict[str, object]:
    """Enter-to-visible in a 1,000-note interview (``bench_tui``'s measure) with the
    assistant reading each stored note (suggestions, and the personal-data guard whose
    deduce process loads during the first notes) and with both switched off."""
    import asyncio
    import tempfile

    import bench_tui

    from interview_assistant.tui.screens.interview import InterviewScreen

    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        audit_id, session_id = bench_tui.build_audit(data_dir)
        for name in ("with_assistant", "without_assistant", "with_assistant_again"):
            saved = InterviewScreen._read, InterviewScreen._guard
            if name == "without_assistant":
                InterviewScreen._read = lambda self, *args: None  # type: ignore[method-assign]
                InterviewScreen._guard = lambda self, *args: None  # type: ignore[method-assign]
            try:
                figures[name] = asyncio.run(
                    bench_tui._enter_latency(data_dir, audit_id, session_id)
                )
            finally:
                InterviewScreen._read, InterviewScreen._guard = saved
    return figures


def run() -> dict[str, object]:
    catalogue = load_catalogue()
    vocabulary = load_vocabulary()
    started = time.perf_counter()
    NormSuggester(catalogue, vocabulary, examples=load_examples())
    build_ms = (time.perf_counter() - started) * 1e3
    suggester = suggester_for()
    sentences = labelled_sentences()
    texts = [text for _, text, _ in sentences]
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        for text in texts:
            suggester.suggest(text)
        best = min(best, (time.perf_counter() - started) / len(texts))
    one, thousand = process_seconds(1), process_seconds(1000)
    return {
        "sentences": accuracy(suggester, sentences),
        "dev": dev_figures(suggester),
        "examples_cross_validated": example_figures(),
        "demo_notes": accuracy(suggester, demo_notes()),
        "demo_notes_without_roles": accuracy(
            suggester, [(norms, text, ()) for norms, text, _ in demo_notes()]
        ),
        "build_ms": round(build_ms, 1),
        "suggest_us": round(best * 1e6, 1),
        "process_1_line_s": round(one, 3),
        "process_1000_lines_s": round(thousand, 3),
        "process_ratio": round(thousand / one, 2),
    }


if __name__ == "__main__":
    figures = run()
    if "--tui" in sys.argv:
        figures["tui"] = tui_effect()
    json.dump(figures, sys.stdout, indent=2)
    sys.stdout.write("\n")
