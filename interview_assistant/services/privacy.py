"""A guard for personal data: names, e-mail addresses, phone numbers, BSNs and addresses.

Interviewees are recorded by function only and the report must name no one, yet names
slip into notes, functions and findings during a fast interview. The guard reads texts
with deduce (the Dutch de-identification library) after they are stored: saving never
waits for it, and what it finds is a warning with a way to fix it, never a refusal.

deduce takes seconds to load (and, once per installation, a couple of minutes to build
its lookup structures, cached in its package folder), so it runs in a separate process:
the front end's process starts at once, the auditor's typing never competes with it for
the GIL, and the cost is paid once per session of the program. Everything runs on this
computer; no text is sent anywhere.

Only kinds that point at a person are reported: dates and ages are left out, as audit
notes are full of document dates and durations ("5 jaar in dienst") that are no one's.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from interview_assistant.domain.assessment import Refusal
from interview_assistant.domain.ids import from_iso, now, to_iso
from interview_assistant.messages import msg, plural

if TYPE_CHECKING:
    from interview_assistant.services.audit import AuditWorkspace
    from interview_assistant.services.review import AuditReview

#: deduce's tag -> the kind shown to the user (a key of the message catalogue)
KINDS: dict[str, str] = {
    "persoon": "persoon",
    "emailadres": "e-mail",
    "telefoonnummer": "telefoon",
    "bsn": "bsn",
    "locatie": "adres",
    "url": "url",
    "patientnummer": "nummer",
}


#: texts sent to the checking process before its answers are read
BATCH = 50

#: texts whose findings a guard remembers
CACHE_LIMIT = 20_000


@dataclass(frozen=True)
class PrivacyFinding:
    """A span of a text that looks like personal data."""

    text: str
    kind: str
    start: int
    end: int

    def as_json(self) -> dict[str, object]:
        return {"text": self.text, "kind": self.kind, "start": self.start, "end": self.end}


#: what replaces a span of each kind when the auditor has it taken out of a text
PLACEHOLDERS: dict[str, str] = {
    "persoon": "[naam]",
    "e-mail": "[e-mail]",
    "telefoon": "[telefoon]",
    "bsn": "[bsn]",
    "adres": "[adres]",
    "url": "[url]",
    "nummer": "[nummer]",
}


def redacted(text: str, findings: Iterable[PrivacyFinding]) -> str:
    """``text`` with every finding replaced by its placeholder (``[naam]``, ...)."""
    return replaced(text, findings)[0]


def replaced(
    text: str, findings: Iterable[PrivacyFinding], person: str | None = None
) -> tuple[str, list[PrivacyFinding]]:
    """``text`` with every finding replaced: a person by ``person`` (an interviewee's
    function) when given, everything else by its placeholder; and where the person's
    replacements now stand (to replace them again by another function). A finding whose
    span no longer holds its text is left alone."""
    spans = sorted((f for f in findings if text[f.start : f.end] == f.text), key=lambda f: f.start)
    out: list[str] = []
    placed: list[PrivacyFinding] = []
    at = 0
    for finding in spans:
        if finding.start < at:
            continue  # overlaps the one before
        out.append(text[at : finding.start])
        start = sum(len(part) for part in out)
        if person is not None and finding.kind == "persoon":
            out.append(person)
            placed.append(PrivacyFinding(person, "persoon", start, start + len(person)))
        else:
            out.append(PLACEHOLDERS[finding.kind])
        at = finding.end
    out.append(text[at:])
    return "".join(out), placed


class PrivacyGuardError(RuntimeError):
    """The checking process could not be started or stopped answering."""


class PrivacyGuard:
    """deduce in a separate process: :meth:`check` answers at once once it is loaded;
    :meth:`submit` and :meth:`ready` let a front end check without waiting at all."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()  # one request at a time on the pipe
        #: starting never waits for a request in flight (which may wait for deduce to load)
        self._start_lock = threading.Lock()
        self._pending: queue.Queue[tuple[str, str] | None] = queue.Queue()
        self._done: queue.Queue[tuple[str, list[PrivacyFinding]]] = queue.Queue()
        self._runner: threading.Thread | None = None
        #: the checking process has answered (deduce is loaded)
        self._loaded = False
        #: findings by text: an audit is read again for every final report, and most of
        #: its texts have not changed since
        self._cache: dict[str, list[PrivacyFinding]] = {}

    @property
    def loaded(self) -> bool:
        """deduce is loaded: a check answers at once."""
        return self._loaded

    def start(self) -> None:
        """Start the checking process (it loads deduce in the background); never waits."""
        with self._start_lock:
            if self._process is None:
                self._process = subprocess.Popen(
                    [sys.executable, "-m", "interview_assistant.services.privacy"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                    encoding="utf-8",
                )

    def check(self, text: str) -> list[PrivacyFinding]:
        """The personal data in ``text``; waits for deduce to load on the first call."""
        return self.check_many([text])[0]

    def check_many(self, texts: Iterable[str]) -> list[list[PrivacyFinding]]:
        """The personal data in each text, in order."""
        texts = list(texts)
        cache = self._cache
        found: dict[str, list[PrivacyFinding]] = {}
        for text in texts:
            # .get, not `in` then [...]: another thread may clear the cache in between
            if (hit := cache.get(text)) is not None:
                found[text] = hit
        unread = [t for t in dict.fromkeys(texts) if t not in found]
        for first in range(0, len(unread), BATCH):
            batch = unread[first : first + BATCH]
            answers = dict(zip(batch, self._check_batch(batch), strict=True))
            found.update(answers)
            if len(cache) > CACHE_LIMIT:
                cache.clear()
            cache.update(answers)
        return [list(found[t]) for t in texts]

    def _check_batch(self, texts: list[str]) -> list[list[PrivacyFinding]]:
        # a batch small enough that neither pipe fills while the other is written
        self.start()
        with self._lock:
            process = self._process
            assert process is not None and process.stdin and process.stdout
            try:
                for text in texts:
                    process.stdin.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
                process.stdin.flush()
                answers = [process.stdout.readline() for _ in texts]
            except (BrokenPipeError, OSError) as exc:
                raise PrivacyGuardError(str(exc)) from exc
        if any(not answer for answer in answers):
            raise PrivacyGuardError("the checking process stopped")
        self._loaded = True
        return [
            [PrivacyFinding(**found) for found in json.loads(answer)["findings"]]
            for answer in answers
        ]

    # -- without waiting -----------------------------------------------------------------

    def submit(self, key: str, text: str) -> None:
        """Check ``text`` in the background; its findings come back from :meth:`ready`."""
        if self._runner is None:
            self._runner = threading.Thread(target=self._run, name="privacy", daemon=True)
            self._runner.start()
        self._pending.put((key, text))

    def ready(self) -> list[tuple[str, list[PrivacyFinding]]]:
        """(key, findings) of every submitted text checked so far, without waiting."""
        done = []
        while True:
            try:
                done.append(self._done.get_nowait())
            except queue.Empty:
                return done

    def _run(self) -> None:
        while (item := self._pending.get()) is not None:
            key, text = item
            try:
                self._done.put((key, self.check(text)))
            except PrivacyGuardError:
                return  # no guard: the texts are stored regardless

    def close(self) -> None:
        """Stop the checking process; one still loading deduce is stopped at once, so a
        short run of the program never waits for it."""
        if self._runner is not None:
            self._pending.put(None)
        process, self._process = self._process, None
        if process is None:
            return
        if not self._loaded:
            process.kill()
        elif process.stdin:
            with contextlib.suppress(OSError):
                process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


_guard: PrivacyGuard | None = None
_guard_lock = threading.Lock()


def privacy_guard() -> PrivacyGuard:
    """The process's one guard (one checking process, however many screens ask)."""
    global _guard
    with _guard_lock:
        if _guard is None:
            _guard = PrivacyGuard()
            atexit.register(_guard.close)
        return _guard


@dataclass(frozen=True)
class PlacedText:
    """A text of an audit and where it stands: ``place`` is a message key's last part
    (notitie, functie, kerngegevens, bevinding, trendpunt), ``ref`` names which one."""

    place: str
    ref: str
    text: str


#: core-data fields that name people, addresses and places on purpose: Part A of the report
#: shows the organisation's contact person and address, its locations and the auditors
NAMED_BY_DESIGN = frozenset(
    {
        "address",
        "website",
        "contact_name",
        "contact_email",
        "contact_phone",
        "locations",
        "peer_auditors",
        "lead_auditor",
    }
)


def audit_texts(review: AuditReview) -> list[PlacedText]:
    """Every text of an audit that may end up in the report or be read by others: notes,
    interviewees' functions, core data, findings and trend points."""
    workspace = review.workspace
    texts: list[PlacedText] = []
    core = workspace.audit.core
    for name in core.field_names():
        value = getattr(core, name)
        if name in NAMED_BY_DESIGN:
            continue
        if isinstance(value, str) and value.strip():
            texts.append(PlacedText("kerngegevens", name, value))
    for session in workspace.sessions:
        for interviewee in session.interviewees:
            texts.append(PlacedText("functie", session.id, interviewee.function))
        for note in workspace.notes(session.id):
            texts.append(PlacedText("notitie", f"{session.id}/{note.id}", note.text))
    for norm in workspace.catalogue.norms:
        finding = review.assessment(norm.id).effective_finding
        if finding.strip():
            texts.append(PlacedText("bevinding", norm.id, finding))
    for point in review.trend_points():
        texts.append(PlacedText("trendpunt", point.id, point.text))
    return texts


# -- the lead's marks: findings that are fine (an organisation or place name) -------------


def mark_key(text: str) -> str:
    """What a mark matches: the finding's text, whatever its case and spacing."""
    return " ".join(text.split()).casefold()


class PrivacyMarks:
    """Findings the lead marked as fine, for one audit: stored in the audit file (merged
    like the other review rows, the newest mark of a text wins) and matched on the text
    wherever it stands in the audit."""

    def __init__(self, workspace: AuditWorkspace, clock: Callable[[], datetime] = now) -> None:
        self.workspace = workspace
        self.clock = clock

    def fine(self) -> dict[str, str]:
        """The marked texts, by :func:`mark_key`, as the lead typed them."""
        with self.workspace.lock:
            stored = self.workspace.store.load_privacy_marks(self.workspace.audit.id)
        return {key: row["text"] for key, row in stored.items() if row["ok"]}

    @staticmethod
    def matches(finding: PrivacyFinding, fine: dict[str, str]) -> bool:
        """``finding`` is one of the ``fine`` texts (as :meth:`fine` gives them)."""
        return mark_key(finding.text) in fine

    def mark(self, texts: Iterable[str], ok: bool = True) -> list[str]:
        """Mark texts as fine (``ok=False``: no longer); returns them, tidied, in order."""
        tidied = list(dict.fromkeys(" ".join(t.split()) for t in texts if t.strip()))
        if not tidied:
            return []
        audit_id = self.workspace.audit.id
        with self.workspace.lock:
            held = self.workspace.store.load_privacy_marks(audit_id)
            rows = []
            for text in tidied:
                at = self.clock()
                before = held.get(mark_key(text))
                if before is not None and at <= from_iso(before["at"]):
                    at = from_iso(before["at"]) + timedelta(microseconds=1)
                rows.append({"key": mark_key(text), "text": text, "ok": ok, "at": to_iso(at)})
            self.workspace.store.save_privacy_marks(audit_id, rows)
        return tidied


@dataclass(frozen=True)
class PlacedFinding:
    """A finding in a text of an audit; ``fine``: the lead marked it as fine."""

    placed: PlacedText
    finding: PrivacyFinding
    fine: bool

    def place(self) -> str:
        """Where it stands, in words (``notitie S1/N3``, ``bevinding V5``, ...)."""
        return msg(f"privacy.place.{self.placed.place}", ref=self.placed.ref)


def audit_findings(review: AuditReview, guard: PrivacyGuard) -> list[PlacedFinding]:
    """Every finding in the audit's texts, with where it stands and whether it is fine;
    waits for deduce to load (call it off the UI thread)."""
    with review.workspace.lock:  # a worker reads the texts while the UI thread may change them
        texts = audit_texts(review)
    results = guard.check_many(t.text for t in texts)
    fine = PrivacyMarks(review.workspace).fine()
    return [
        PlacedFinding(placed, finding, mark_key(finding.text) in fine)
        for placed, found in zip(texts, results, strict=True)
        for finding in found
    ]


#: findings a refusal names one by one; the rest are counted
REFUSAL_LIMIT = 20


def personal_data_refusals(review: AuditReview, guard: PrivacyGuard) -> list[Refusal]:
    """Why the final report may not be written yet as far as personal data goes: one
    reason per finding the lead has not marked as fine (empty: none)."""
    try:
        open_ = [f for f in audit_findings(review, guard) if not f.fine]
    except PrivacyGuardError as exc:  # unknown is not "none": the final report waits
        return [Refusal("privacy.refuse.unavailable", {"reason": str(exc)})]
    reasons = [
        Refusal(
            "privacy.refuse.finding",
            {
                "place": f.place(),
                "text": f.finding.text,
                "kind": msg(f"privacy.kind.{f.finding.kind}"),
            },
        )
        for f in open_[:REFUSAL_LIMIT]
    ]
    if len(open_) > REFUSAL_LIMIT:
        more = plural.count(len(open_) - REFUSAL_LIMIT, "personal_data")
        reasons.append(Refusal("privacy.refuse.more", {"found": more}))
    if open_:
        reasons.append(Refusal("privacy.refuse.how", {"audit": review.audit.id}))
    return reasons


def find_personal_data(deidentifier: object, text: str) -> list[PrivacyFinding]:
    """What deduce finds in ``text``, in reading order, kinds as :data:`KINDS` names them."""
    document = deidentifier.deidentify(text)  # type: ignore[attr-defined]
    found = [
        PrivacyFinding(a.text, KINDS[a.tag], a.start_char, a.end_char)
        for a in document.annotations
        if a.tag in KINDS
    ]
    return sorted(found, key=lambda f: (f.start, f.end))


def serve() -> int:
    """The checking process: one JSON line in (``{"text": ...}``), one JSON line out."""
    import logging

    logging.disable(logging.INFO)  # deduce logs its first build; stderr is the user's
    from deduce import Deduce  # type: ignore[import-untyped]

    try:
        deidentifier = Deduce()
    except (EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        # deduce's cache of lookup structures was cut short (a build stopped while it was
        # being saved): build it again instead of leaving the guard broken for good
        deidentifier = Deduce(build_lookup_structs=True)
    for line in sys.stdin:
        text = json.loads(line)["text"]
        findings = [f.as_json() for f in find_personal_data(deidentifier, text)]
        sys.stdout.write(json.dumps({"findings": findings}, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(serve())
