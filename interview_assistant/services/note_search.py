"""Search every note of an audit: by words (forgiving typos), norm, kind, evidence, role,
auditor and session. One engine for the TUI's search screen, the line mode's ``/zoek``
and the ``search`` command.

A query is typed as one line, in the note syntax the auditor already knows: ``#V13``
keeps notes on that norm, ``!knelpunt`` notes of that kind, ``@doc`` notes with that
evidence; ``rol:P``, ``auditor:Anna`` and ``sessie:3f2a`` narrow to sessions; every
other word must occur in the note's text (as a word or inside one), or be near one of
its words (rapidfuzz, for the typo made while typing fast: 'wachtlisjt'). A hit names
the session, the interviewees' functions (never a person's name: none is stored) and
the auditor, so it can be found again.

Deleted notes are never found. The index over the audit's notes is built once and again
only after the workspace changed, so a search on 20,000 notes costs what matching costs
(see ``benchmarks/bench_search.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz import fuzz, process

from interview_assistant.domain.session import Session, SessionKind
from interview_assistant.domain.tags import (
    EVIDENCE_WORDS,
    KIND_WORDS,
    TAG_PATTERN,
    Evidence,
    NoteKind,
    normalise_norm_id,
)
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.norm_search import fold
from interview_assistant.storage.note_view import log_notes

#: Results a search returns unless asked for more.
DEFAULT_LIMIT = 50
#: Words shorter than this must occur exactly: a near match of three letters is noise
#: (and so must a word with a digit: 2023 is not nearly 2024).
FUZZY_MIN = 5
#: How near a word must be to a word of the note (rapidfuzz's ratio, 0-100; the typed
#: word may also be near the beginning of a longer word) to count as found.
FUZZY_CUTOFF = 80.0
#: Facet words in a query: ``rol:P``, ``auditor:Anna``, ``sessie:3f2a``.
FACETS = {"rol": "roles", "auditor": "auditors", "sessie": "sessions"}
_FACET = re.compile(r"(?<!\S)(rol|auditor|sessie):(\S*)", re.IGNORECASE)

Span = tuple[int, int]


@dataclass(frozen=True)
class NoteQuery:
    """What to look for; an empty field does not narrow. Several values in one field are
    alternatives (``#V1 #V2``: on either norm); different fields must all hold."""

    words: tuple[str, ...] = ()
    norms: tuple[str, ...] = ()
    kinds: tuple[NoteKind, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    roles: tuple[str, ...] = ()
    auditors: tuple[str, ...] = ()
    sessions: tuple[str, ...] = ()
    #: tags and facets of the typed query that were not understood, as typed
    unknown: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        filters = (self.norms, self.kinds, self.evidence, self.roles, self.auditors)
        return not self.words and not self.sessions and not any(filters)


def parse_query(text: str, norm_ids: Iterable[str]) -> NoteQuery:
    """The query typed in one line. An unknown tag (``#V99``, a norm being typed) does
    not fail a search as you type: it is listed in ``unknown`` and does not narrow."""
    known = set(norm_ids)
    norms: list[str] = []
    kinds: list[NoteKind] = []
    evidence: list[Evidence] = []
    facets: dict[str, list[str]] = {name: [] for name in FACETS.values()}
    unknown: list[str] = []

    def facet(match: re.Match[str]) -> str:
        value = match.group(2)
        if value:
            facets[FACETS[match.group(1).lower()]].append(value)
        else:
            unknown.append(match.group(0))
        return " "

    rest = _FACET.sub(facet, text)

    def tag(match: re.Match[str]) -> str:
        sigil, word = match.group(1), match.group(2)
        if not word:
            return " "
        lower = word.lower()
        if sigil == "#":
            norm_id = normalise_norm_id(word)
            if norm_id in known:
                _add(norms, norm_id)
            else:
                unknown.append(match.group(0))
        elif sigil == "@" and lower in EVIDENCE_WORDS:
            _add(evidence, EVIDENCE_WORDS[lower])
        elif sigil == "!" and lower in KIND_WORDS:
            _add(kinds, KIND_WORDS[lower])
        else:
            unknown.append(match.group(0))
        return " "

    rest = TAG_PATTERN.sub(tag, rest)
    words = tuple(dict.fromkeys(w for w in (fold(w) for w in rest.split()) if w))
    return NoteQuery(
        words,
        tuple(norms),
        tuple(kinds),
        tuple(evidence),
        tuple(facets["roles"]),
        tuple(facets["auditors"]),
        tuple(facets["sessions"]),
        tuple(unknown),
    )


def _add(values: list, value: object) -> None:
    if value not in values:
        values.append(value)


@dataclass(frozen=True)
class NoteHit:
    """One note found, with what a result list shows and what opens it."""

    session_id: str
    note_id: str
    #: the interviewees' functions ("teamleider, sociaal werker"); never a name
    functions: str
    roles: tuple[str, ...]
    auditor: str
    session_kind: SessionKind
    created: datetime
    norms: tuple[str, ...]
    kinds: tuple[NoteKind, ...]
    evidence: tuple[Evidence, ...]
    text: str
    #: where the query's words stand in ``text`` (start, end), in text order
    spans: tuple[Span, ...]
    #: 0-100: how well the words matched (100 for exact, or when only filters were given)
    score: float

    def as_json(self) -> dict:
        return {
            "session": self.session_id,
            "note": self.note_id,
            "function": self.functions,
            "roles": list(self.roles),
            "auditor": self.auditor,
            "session_kind": self.session_kind.value,
            "time": self.created.isoformat(),
            "norms": list(self.norms),
            "kinds": [k.value for k in self.kinds],
            "evidence": [e.value for e in self.evidence],
            "text": self.text,
            "spans": [list(span) for span in self.spans],
            "score": round(self.score, 1),
        }


@dataclass(frozen=True)
class SearchResults:
    query: NoteQuery
    hits: list[NoteHit]
    #: how many notes matched, of which ``hits`` are the best
    total: int

    @property
    def summary(self) -> str:
        """'3 notities gevonden.', '50 van 212 notities gevonden.', 'Geen notities gevonden.'"""
        return count_text(len(self.hits), self.total)


@dataclass
class _Index:
    version: int
    sessions: list[Session] = field(default_factory=list)
    #: per entry: position of its session in ``sessions``
    session_of: list[int] = field(default_factory=list)
    notes: list = field(default_factory=list)
    folded: list[str] = field(default_factory=list)
    #: every word of the notes (folded) and the entries it stands in, for near matches
    postings: dict[str, list[int]] = field(default_factory=dict)


class NoteSearch:
    """The search over one opened audit; cheap to keep, rebuilt when the audit changes."""

    def __init__(self, workspace: AuditWorkspace) -> None:
        self.workspace = workspace
        self._index: _Index | None = None

    def parse(self, text: str) -> NoteQuery:
        return parse_query(text, self.workspace.catalogue.norm_ids)

    def search(self, query: NoteQuery | str, limit: int | None = DEFAULT_LIMIT) -> list[NoteHit]:
        """The notes that match, best first; with no words, in the order they were taken
        (session, then time). Thread-safe: a worker may call it."""
        return self.results(query, limit).hits

    def results(self, query: NoteQuery | str, limit: int | None = DEFAULT_LIMIT) -> SearchResults:
        """:meth:`search` with how many notes matched in all (``limit`` shown)."""
        if isinstance(query, str):
            query = self.parse(query)
        index = self._current_index()
        candidates = self._filtered(index, query)
        if not query.words:
            ranked = [(100.0, i) for i in candidates]
        else:
            ranked = self._matched(index, candidates, query.words)
        shown = ranked if limit is None else ranked[:limit]
        hits = [self._hit(index, i, score, query.words) for score, i in shown]
        return SearchResults(query, hits, len(ranked))

    # -- the index ------------------------------------------------------------------------

    def _current_index(self) -> _Index:
        workspace = self.workspace
        with workspace.lock:
            index = self._index
            if index is not None and index.version == workspace.version:
                return index
            index = _Index(workspace.version)
            postings = index.postings
            for position, session in enumerate(workspace.sessions):
                index.sessions.append(session)
                for note in log_notes(workspace.logs[session.id]):
                    if note.deleted:
                        continue
                    index.session_of.append(position)
                    index.notes.append(note)
                    text = note.text
                    folded = text.lower() if text.isascii() else fold(text)
                    entry = len(index.folded)
                    index.folded.append(folded)
                    for word in set(_WORD.findall(folded)):
                        held = postings.get(word)
                        if held is None:
                            postings[word] = [entry]
                        else:
                            held.append(entry)
            self._index = index
            return index

    # -- matching -------------------------------------------------------------------------

    def _filtered(self, index: _Index, query: NoteQuery) -> list[int]:
        allowed = [_session_allowed(s, query) for s in index.sessions]
        norms = set(query.norms)
        kinds = set(query.kinds)
        evidence = set(query.evidence)
        found = []
        for i, note in enumerate(index.notes):
            if not allowed[index.session_of[i]]:
                continue
            if norms and norms.isdisjoint(note.norms):
                continue
            if kinds and kinds.isdisjoint(note.kinds):
                continue
            if evidence and evidence.isdisjoint(note.evidence):
                continue
            found.append(i)
        return found

    def _matched(
        self, index: _Index, candidates: list[int], words: Sequence[str]
    ) -> list[tuple[float, int]]:
        folded = index.folded
        scores: dict[int, float] = dict.fromkeys(candidates, 0.0)
        for word in words:
            found: dict[int, float] = {}
            for i in scores:
                at = folded[i].find(word)
                if at >= 0:
                    # a word that starts a word of the note beats one inside a word
                    found[i] = 100.0 if at == 0 or not folded[i][at - 1].isalnum() else 99.0
            if _may_be_near(word):
                for near, score in _near_words(word, index.postings).items():
                    for i in index.postings[near]:
                        if i in scores and found.get(i, 0.0) < score:
                            found[i] = score
            scores = {i: scores[i] + found[i] for i in scores if i in found}
            if not scores:
                return []
        count = len(words)
        ranked = [(total / count, i) for i, total in scores.items()]
        # best first; among equals the later note first (the index is in session and
        # note order)
        ranked.sort(key=lambda pair: (-pair[0], -pair[1]))
        return ranked

    def _hit(self, index: _Index, i: int, score: float, words: Sequence[str]) -> NoteHit:
        note = index.notes[i]
        session = index.sessions[index.session_of[i]]
        return NoteHit(
            session_id=session.id,
            note_id=note.id,
            functions=session.functions,
            roles=session.roles,
            auditor=session.auditor,
            session_kind=session.kind,
            created=note.created,
            norms=tuple(note.norms),
            kinds=tuple(note.kinds),
            evidence=tuple(note.evidence),
            text=note.text,
            spans=_spans(index.folded[i], words),
            score=score,
        )


def _session_allowed(session: Session, query: NoteQuery) -> bool:
    if query.roles:
        wanted = {r.upper() for r in query.roles}
        if wanted.isdisjoint(r.upper() for r in session.roles):
            return False
    if query.auditors:
        auditor = fold(session.auditor)
        if not any(auditor.startswith(fold(a)) for a in query.auditors):
            return False
    return not query.sessions or any(session.id.startswith(s) for s in query.sessions)


def _may_be_near(word: str) -> bool:
    return len(word) >= FUZZY_MIN and not any(c.isdigit() for c in word)


def _nearness(typed: str, word: str) -> float:
    """How near a typed word is to a word of a note (0-100): the whole word, or its
    beginning as long as what was typed ('klahcten' is near 'klachtenregeling')."""
    whole = fuzz.ratio(typed, word)
    if len(word) > len(typed):
        return max(whole, fuzz.ratio(typed, word[: len(typed)]))
    return whole


def _near_words(typed: str, postings: dict[str, list[int]]) -> dict[str, float]:
    """The notes' words near ``typed`` with their score (below an exact match's)."""
    vocabulary = list(postings)
    near: dict[str, float] = {}
    for _, score, position in process.extract(
        typed, vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
    ):
        near[vocabulary[position]] = min(score, 98.0)
    size = len(typed)
    longer = [w for w in vocabulary if len(w) > size]
    for _, score, position in process.extract(
        typed, [w[:size] for w in longer], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
    ):
        word = longer[position]
        near[word] = max(near.get(word, 0.0), min(score, 97.0))
    return near


_WORD = re.compile(r"\w+")


def _spans(folded: str, words: Sequence[str]) -> tuple[Span, ...]:
    """Where each word stands in the note (the folded text keeps every position): where
    it occurs, else the note's word nearest to it."""
    spans: list[Span] = []
    for word in words:
        at = folded.find(word)
        if at >= 0:
            spans.append((at, at + len(word)))
            continue
        if not _may_be_near(word):
            continue
        best = max(
            ((_nearness(word, m.group(0)), m.span()) for m in _WORD.finditer(folded)),
            default=None,
        )
        if best is not None and best[0] >= FUZZY_CUTOFF:
            spans.append(best[1])
    return tuple(sorted(set(spans)))


def hit_source(hit: NoteHit) -> str:
    """'teamleider (Anna)': who was heard, by function, and who heard them; a session
    without interviewees by its kind ('documentstudie (Anna)')."""
    if hit.functions:
        return msg("notesearch.source", functions=hit.functions, auditor=hit.auditor)
    kind = msg(f"session_kind.{hit.session_kind.value}")
    return msg("notesearch.source_without_people", kind=kind, auditor=hit.auditor)


def hit_tags(hit: NoteHit) -> str:
    """'V3 knelpunt suggestie @document': the note's norms, kinds beyond a plain finding
    and evidence, as a result list shows them."""
    kinds = [k.value for k in hit.kinds if k is not NoteKind.BEVINDING]
    return " ".join([*hit.norms, *kinds, *(f"@{e.value}" for e in hit.evidence)])


def hit_row(hit: NoteHit) -> str:
    """One hit as one line of plain text (front ends make it safe for their output)."""
    return msg(
        "notesearch.row",
        session=hit.session_id,
        time=hit.created.astimezone().strftime("%d-%m %H:%M"),
        source=hit_source(hit),
        tags=hit_tags(hit),
        text=" ".join(hit.text.split()),
    )


def count_text(shown: int, total: int) -> str:
    """'3 notities gevonden.' or '50 van 212 notities gevonden.'"""
    if total == 0:
        return msg("notesearch.none")
    if total == 1:
        return msg("notesearch.count_one")
    if shown < total:
        return msg("notesearch.count", shown=shown, total=total)
    return msg("notesearch.count_all", total=total)
