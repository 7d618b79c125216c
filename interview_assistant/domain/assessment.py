"""Verdicts, findings and the label rule: what the lead auditor concludes per norm.

An assessment keeps every decision the lead took and every verdict an auditor
proposed, each with its time, instead of overwriting them. That is what lets the
audit-level merge be a plain union (nothing is lost, any order gives the same
result) and what shows a conflict when two auditors proposed different verdicts and
the lead has not decided yet. Counts in the report come from here, never typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from interview_assistant.domain.session import Session
from interview_assistant.domain.tags import Evidence, NoteKind, strip_tags
from interview_assistant.messages import msg


class NoteReading(Protocol):
    """What drafts, trend points and the report read of a note: a :class:`Note`, or a bulk
    view of a stored one with the same read-only properties (``storage.note_view``)."""

    @property
    def id(self) -> str: ...
    @property
    def norms(self) -> Sequence[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def evidence(self) -> tuple[Evidence, ...]: ...
    @property
    def kinds(self) -> tuple[NoteKind, ...]: ...
    @property
    def factual(self) -> bool: ...
    @property
    def deleted(self) -> bool: ...


class Verdict(StrEnum):
    """The verdict column of Part B. ``nb`` (niet beoordeeld) is a deliberate verdict of
    the lead; a norm without the lead's verdict is *open*, never counted as nb."""

    VOLDOET = "+"
    VERBETERPUNT = "+/-"
    VOLDOET_NIET = "-"
    NVT = "nvt"
    NB = "nb"


#: Order of the columns of the result table in Part A.
VERDICT_ORDER: tuple[Verdict, ...] = tuple(Verdict)

#: Words accepted for a verdict besides its symbol (the CLI and line mode take either).
VERDICT_WORDS: dict[str, Verdict] = {
    **{v.value: v for v in Verdict},
    "voldoet": Verdict.VOLDOET,
    "verbeterpunt": Verdict.VERBETERPUNT,
    "voldoet-niet": Verdict.VOLDOET_NIET,
    "voldoet niet": Verdict.VOLDOET_NIET,
    "n.v.t.": Verdict.NVT,
    "niet-beoordeeld": Verdict.NB,
    "niet beoordeeld": Verdict.NB,
}


def parse_verdict(word: str) -> Verdict | None:
    """The verdict a user typed (symbol or Dutch word, any case), or None if unknown."""
    return VERDICT_WORDS.get(" ".join(word.strip().lower().split()))


def _after(at: datetime, previous: datetime | None) -> datetime:
    """``at``, moved just past ``previous`` so a newer entry always sorts last."""
    if previous is None or at > previous:
        return at
    return previous + timedelta(microseconds=1)


@dataclass(frozen=True)
class Decision:
    """The lead auditor's final verdict and finding as set at one moment."""

    at: datetime
    verdict: Verdict | None
    finding: str
    by: str = ""

    def sort_key(self) -> tuple:
        return (self.at, self.verdict.value if self.verdict else "", self.finding, self.by)


@dataclass(frozen=True)
class Proposal:
    """One auditor's proposed verdict (and finding) for a norm, at one moment."""

    at: datetime
    auditor: str
    verdict: Verdict
    finding: str = ""

    def sort_key(self) -> tuple:
        return (self.at, self.auditor, self.verdict.value, self.finding)


class NormState(StrEnum):
    """Where the lead's decision on a norm stands; only DECIDED counts in the report."""

    OPEN = "open"  # nothing proposed, no verdict of the lead
    PROPOSED = "voorstel"  # auditors proposed (and agree), the lead has not decided
    CONFLICT = "conflict"  # auditors proposed different verdicts, the lead has not decided
    DECIDED = "besloten"  # the lead set the verdict


@dataclass(frozen=True)
class PlanRecord:
    """The status of a norm's plan of action (needed for every ``-`` and ``+/-``) at one moment."""

    at: datetime
    received: date | None
    approved: date | None
    by: str = ""

    def sort_key(self) -> tuple:
        return (self.at, str(self.received or ""), str(self.approved or ""), self.by)


@dataclass(frozen=True)
class Assessment:
    """Everything decided and proposed about one norm; the newest entry counts."""

    norm_id: str
    decisions: tuple[Decision, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    plans: tuple[PlanRecord, ...] = ()

    @property
    def state(self) -> NormState:
        if self.verdict is not None:
            return NormState.DECIDED
        if self.conflict:
            return NormState.CONFLICT
        return NormState.PROPOSED if self.current_proposals else NormState.OPEN

    @property
    def plan(self) -> PlanRecord | None:
        """The newest plan-of-action record, None while nothing was recorded."""
        return max(self.plans, key=PlanRecord.sort_key) if self.plans else None

    # -- the lead's final word -------------------------------------------------------------

    @property
    def current_decision(self) -> Decision | None:
        return max(self.decisions, key=Decision.sort_key) if self.decisions else None

    @property
    def verdict(self) -> Verdict | None:
        """The final verdict, None while the lead has not set one."""
        decision = self.current_decision
        return decision.verdict if decision else None

    @property
    def finding(self) -> str:
        """The final finding text ('' while none was written)."""
        decision = self.current_decision
        return decision.finding if decision else ""

    # -- the auditors' proposals -----------------------------------------------------------

    @property
    def current_proposals(self) -> tuple[Proposal, ...]:
        """Each auditor's newest proposal, ordered by auditor."""
        newest: dict[str, Proposal] = {}
        for proposal in self.proposals:
            held = newest.get(proposal.auditor)
            if held is None or proposal.sort_key() > held.sort_key():
                newest[proposal.auditor] = proposal
        return tuple(newest[a] for a in sorted(newest))

    @property
    def conflict(self) -> bool:
        """Auditors proposed different verdicts and the lead has not decided."""
        if self.verdict is not None:
            return False
        return len({p.verdict for p in self.current_proposals}) > 1

    @property
    def agreed_verdict(self) -> Verdict | None:
        """The verdict every proposing auditor agrees on, if any."""
        verdicts = {p.verdict for p in self.current_proposals}
        return verdicts.pop() if len(verdicts) == 1 else None

    @property
    def effective_verdict(self) -> Verdict | None:
        """What the draft report shows: the final verdict, else a unanimous proposal."""
        return self.verdict if self.verdict is not None else self.agreed_verdict

    @property
    def effective_finding(self) -> str:
        """The final finding, else the one finding the proposals agree on."""
        if self.finding.strip():
            return self.finding
        findings = {p.finding for p in self.current_proposals if p.finding.strip()}
        return findings.pop() if len(findings) == 1 else ""

    # -- changes (each returns a new Assessment) -------------------------------------------

    def decide(
        self, verdict: Verdict | None, at: datetime, finding: str | None = None, by: str = ""
    ) -> Assessment:
        """Set the final verdict; ``finding=None`` keeps the current finding."""
        current = self.current_decision
        text = self.finding if finding is None else finding
        decision = Decision(_after(at, current.at if current else None), verdict, text, by)
        return replace(self, decisions=(*self.decisions, decision))

    def write_finding(self, finding: str, at: datetime, by: str = "") -> Assessment:
        """Change the final finding text and keep the verdict."""
        return self.decide(self.verdict, at, finding, by)

    def propose(
        self, auditor: str, verdict: Verdict, at: datetime, finding: str = ""
    ) -> Assessment:
        held = {p.auditor: p for p in self.current_proposals}.get(auditor)
        proposal = Proposal(_after(at, held.at if held else None), auditor, verdict, finding)
        return replace(self, proposals=(*self.proposals, proposal))

    def record_plan(
        self, at: datetime, received: date | None, approved: date | None, by: str = ""
    ) -> Assessment:
        """Record when the norm's plan of action was received and approved (None: not yet)."""
        held = self.plan
        record = PlanRecord(_after(at, held.at if held else None), received, approved, by)
        return replace(self, plans=(*self.plans, record))


def effective_verdicts(assessments: Mapping[str, Assessment]) -> dict[str, Verdict | None]:
    """The verdict each norm shows while reviewing: the lead's, else a unanimous proposal."""
    return {norm_id: a.effective_verdict for norm_id, a in assessments.items()}


def lead_verdicts(assessments: Mapping[str, Assessment]) -> dict[str, Verdict | None]:
    """The lead's verdicts only: what the report counts (proposals never count)."""
    return {norm_id: a.verdict for norm_id, a in assessments.items()}


# -- the draft finding built from notes ------------------------------------------------------

#: Notes shown per norm in a draft finding. A real audit has a handful per norm; a
#: draft of hundreds would not be read, so the rest is counted instead of listed.
DRAFT_LIMIT = 20


@dataclass(frozen=True)
class DraftLine:
    """One note as raw material for a finding: prose, source function and evidence."""

    note_id: str
    session_id: str
    text: str
    function: str
    evidence: tuple[Evidence, ...]
    kinds: tuple[NoteKind, ...]

    @property
    def source(self) -> str:
        """'functie; document, voorbeeld': where the note comes from and its evidence."""
        evidence = ", ".join(msg(f"evidence.{e.value}") for e in self.evidence)
        return f"{self.function}; {evidence}" if evidence else self.function


@dataclass(frozen=True)
class Draft:
    lines: tuple[DraftLine, ...]
    omitted: int

    @property
    def empty(self) -> bool:
        return not self.lines

    def as_text(self) -> str:
        """The draft as plain text, one note per line, to start a finding from."""
        lines = [f"- {line.text} ({line.source})" for line in self.lines]
        if self.omitted:
            lines.append(omitted_text(self.omitted))
        return "\n".join(lines)


def omitted_text(count: int) -> str:
    """'… en nog 3 notities' (one: 'notitie') for the notes a draft leaves out."""
    if count == 1:
        return msg("report.draft.omitted_one")
    return msg("report.draft.omitted", count=count)


def build_draft(sources: Iterable[tuple[Session, NoteReading]], limit: int = DRAFT_LIMIT) -> Draft:
    """The notes on one norm as a draft, in session order.

    When there are more than ``limit`` notes, each source gets its turn before any
    source gets a second note, and factual notes (with evidence) go first within a
    source, so the draft shows the breadth and the proof before the repetition.
    """
    # session id -> (factual entries, other entries); an entry is (position, session, note)
    per_session: dict[str, tuple[list, list]] = {}
    total = 0
    for position, (session, note) in enumerate(sources):
        if note.deleted:
            continue
        queues = per_session.get(session.id)
        if queues is None:
            queues = per_session[session.id] = ([], [])
        queues[0 if note.factual else 1].append((position, session, note))
        total += 1
    if total > limit:
        rounds = [factual + other for factual, other in per_session.values()]
        chosen: list[tuple[int, Session, NoteReading]] = []
        depth = 0
        while len(chosen) < limit:
            for queue in rounds:
                if depth < len(queue) and len(chosen) < limit:
                    chosen.append(queue[depth])
            depth += 1
    else:
        chosen = [entry for queues in per_session.values() for entry in (*queues[0], *queues[1])]
    chosen.sort(key=lambda entry: entry[0])
    lines = tuple(
        DraftLine(
            note_id=note.id,
            session_id=session.id,
            text=strip_tags(note.text),
            function=session.functions,
            evidence=note.evidence,
            kinds=note.kinds,
        )
        for _, session, note in chosen
    )
    return Draft(lines, total - len(lines))


# -- the result table and the label rule -----------------------------------------------------


class _Section(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


class _Norm(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def number(self) -> int: ...


class _Catalogue(Protocol):
    @property
    def sections(self) -> tuple[_Section, ...]: ...
    @property
    def norms(self) -> tuple[_Norm, ...]: ...


@dataclass(frozen=True)
class SectionResult:
    """One row of the overall result table: the norms of a section per verdict."""

    section_id: str
    name: str
    norms: Mapping[Verdict, tuple[str, ...]]
    numbers: Mapping[Verdict, tuple[int, ...]]
    #: norms without the lead's verdict (counted in no verdict column)
    open: tuple[str, ...] = ()
    open_numbers: tuple[int, ...] = ()

    @property
    def size(self) -> int:
        return sum(len(ids) for ids in self.norms.values()) + len(self.open)


@dataclass(frozen=True)
class ResultTable:
    sections: tuple[SectionResult, ...]

    @property
    def total(self) -> int:
        return sum(s.size for s in self.sections)

    def norms(self, verdict: Verdict) -> tuple[str, ...]:
        return tuple(n for s in self.sections for n in s.norms[verdict])

    def count(self, verdict: Verdict) -> int:
        return len(self.norms(verdict))

    @property
    def open(self) -> tuple[str, ...]:
        """Norms without a verdict, in catalogue order."""
        return tuple(n for s in self.sections for n in s.open)


def result_table(catalogue: _Catalogue, verdicts: Mapping[str, Verdict | None]) -> ResultTable:
    """Every norm of the edition in exactly one verdict column, or open when it has none."""
    sections = []
    for section in catalogue.sections:
        norms: dict[Verdict, list[str]] = {v: [] for v in VERDICT_ORDER}
        numbers: dict[Verdict, list[int]] = {v: [] for v in VERDICT_ORDER}
        open_ids: list[str] = []
        open_numbers: list[int] = []
        for norm in catalogue.norms:
            if norm.section != section.id:
                continue
            verdict = verdicts.get(norm.id)
            if verdict is None:
                open_ids.append(norm.id)
                open_numbers.append(norm.number)
                continue
            norms[verdict].append(norm.id)
            numbers[verdict].append(norm.number)
        sections.append(
            SectionResult(
                section.id,
                section.name,
                {v: tuple(ids) for v, ids in norms.items()},
                {v: tuple(ns) for v, ns in numbers.items()},
                tuple(open_ids),
                tuple(open_numbers),
            )
        )
    return ResultTable(tuple(sections))


#: The label rule of the 2019 edition: a positive advice is possible with at most this
#: many norms that do not meet (-) and at most this many with an improvement point (+/-).
MAX_NOT_MET = 3
MAX_IMPROVEMENT = 8


@dataclass(frozen=True)
class LabelAdvice:
    """The label rule applied to a result table; every tuple is in catalogue order."""

    not_met: tuple[str, ...]
    improvement: tuple[str, ...]
    unassessed: tuple[str, ...]
    plan_of_action: tuple[str, ...]
    #: norms without the lead's verdict: the outcome is provisional while there are any
    open: tuple[str, ...] = ()

    @property
    def within_limits(self) -> bool:
        return len(self.not_met) <= MAX_NOT_MET and len(self.improvement) <= MAX_IMPROVEMENT

    @property
    def provisional(self) -> bool:
        return bool(self.open)

    @property
    def positive_possible(self) -> bool:
        """Only once every norm has the lead's verdict, and then by the label rule."""
        return not self.provisional and self.within_limits

    @property
    def status(self) -> LabelStatus:
        if self.provisional:
            return LabelStatus.PROVISIONAL
        return LabelStatus.POSITIVE_POSSIBLE if self.within_limits else LabelStatus.NEGATIVE


class LabelStatus(StrEnum):
    PROVISIONAL = "provisional"
    POSITIVE_POSSIBLE = "positive_possible"
    NEGATIVE = "negative"


def label_advice(table: ResultTable) -> LabelAdvice:
    """Which norms block a positive advice and which need an approved plan of action."""
    plan: list[str] = []
    for section in table.sections:
        needing = [
            (number, norm_id)
            for verdict in (Verdict.VERBETERPUNT, Verdict.VOLDOET_NIET)
            for number, norm_id in zip(
                section.numbers[verdict], section.norms[verdict], strict=True
            )
        ]
        plan.extend(norm_id for _, norm_id in sorted(needing))
    return LabelAdvice(
        not_met=table.norms(Verdict.VOLDOET_NIET),
        improvement=table.norms(Verdict.VERBETERPUNT),
        unassessed=table.norms(Verdict.NB),
        plan_of_action=tuple(plan),
        open=table.open,
    )


# -- the recorded advice and the final report --------------------------------------------------


class AdviceDecision(StrEnum):
    """The CI's advice on granting the label, as the example report's options name it."""

    POSITIEF = "positief"
    NEGATIEF = "negatief"


@dataclass(frozen=True)
class Advice:
    """The advice the CI recorded, with the signature block's date, name and place."""

    decision: AdviceDecision
    date: date | None
    by: str
    place: str
    at: datetime


@dataclass(frozen=True)
class Refusal:
    """One reason a step is refused: a message key and its values (the UI words it)."""

    key: str
    values: Mapping[str, object]

    def text(self) -> str:
        return msg(self.key, **self.values)


def _ids(norms: Iterable[str]) -> str:
    return ", ".join(norms)


def advice_refusals(
    label: LabelAdvice,
    plans: Mapping[str, PlanRecord | None],
    decision: AdviceDecision,
    conflicts: Sequence[str] = (),
) -> list[Refusal]:
    """Every reason the label rule forbids ``decision`` now (empty: it may be recorded)."""
    reasons: list[Refusal] = []
    if conflicts:
        reasons.append(Refusal("report.refuse.conflicts", {"norms": _ids(conflicts)}))
    pending = [n for n in label.open if n not in conflicts]
    if pending:
        reasons.append(Refusal("report.refuse.open", {"norms": _ids(pending)}))
    if decision is not AdviceDecision.POSITIEF:
        return reasons
    if len(label.not_met) > MAX_NOT_MET:
        reasons.append(
            Refusal(
                "report.refuse.too_many_not_met",
                {"count": len(label.not_met), "max": MAX_NOT_MET, "norms": _ids(label.not_met)},
            )
        )
    if len(label.improvement) > MAX_IMPROVEMENT:
        reasons.append(
            Refusal(
                "report.refuse.too_many_improvement",
                {"count": len(label.improvement), "max": MAX_IMPROVEMENT},
            )
        )
    unapproved = [
        n for n in label.plan_of_action if (plan := plans.get(n)) is None or plan.approved is None
    ]
    if unapproved:
        reasons.append(Refusal("report.refuse.plan_not_approved", {"norms": _ids(unapproved)}))
    return reasons


def final_refusals(
    label: LabelAdvice,
    plans: Mapping[str, PlanRecord | None],
    advice: Advice | None,
    conflicts: Sequence[str] = (),
) -> list[Refusal]:
    """Every reason the final report cannot be written yet (empty: it can)."""
    if advice is None:
        reasons = advice_refusals(label, plans, AdviceDecision.NEGATIEF, conflicts)
        return [*reasons, Refusal("report.refuse.no_advice", {})]
    return advice_refusals(label, plans, advice.decision, conflicts)


# -- trend points: strong points and concerns for the sector ---------------------------------


class TrendKind(StrEnum):
    STRONG = "sterk"
    CONCERN = "zorg"


TREND_KIND_OF_NOTE: dict[NoteKind, TrendKind] = {
    NoteKind.COMPLIMENT: TrendKind.STRONG,
    NoteKind.ZORGPUNT: TrendKind.CONCERN,
}


@dataclass(frozen=True)
class TrendEdit:
    """The lead's change to a trend point (or a point of their own), as of ``at``.

    ``id`` is the note's id for a point that comes from a note, else an id of its own.
    The newest edit of a point wins a merge.
    """

    id: str
    kind: TrendKind
    text: str
    hidden: bool
    at: datetime
    created: datetime
    note_id: str | None = None

    def sort_key(self) -> tuple:
        return (self.at, self.text, self.hidden, self.kind.value, self.created, self.note_id or "")


@dataclass(frozen=True)
class TrendPoint:
    id: str
    kind: TrendKind
    text: str
    note_id: str | None
    hidden: bool
    edited: bool
    function: str = ""


def trend_points(
    sources: Iterable[tuple[Session, NoteReading]],
    edits: Mapping[str, TrendEdit],
    include_hidden: bool = False,
) -> list[TrendPoint]:
    """Points from ``!compliment`` and ``!zorgpunt`` notes, then the lead's own, with edits applied.

    A point from a note exists while its note is live and of one of those kinds (a note
    of both is a point of each); the lead's edit changes its wording or hides it, never
    the note itself.
    """
    return select_trend_points(sources, edits, include_hidden=include_hidden).points


@dataclass(frozen=True)
class TrendSelection:
    points: list[TrendPoint]
    #: shown points per kind before any limit (what a report column would hold)
    totals: Mapping[TrendKind, int]


def select_trend_points(
    sources: Iterable[tuple[Session, NoteReading]],
    edits: Mapping[str, TrendEdit],
    limit: int | None = None,
    include_hidden: bool = False,
) -> TrendSelection:
    """:func:`trend_points`, at most ``limit`` of each kind, with the totals counted."""
    points: list[TrendPoint] = []
    totals = dict.fromkeys(TrendKind, 0)
    kinds = TREND_KIND_OF_NOTE

    def keep(kind: TrendKind) -> bool:
        totals[kind] += 1
        return limit is None or totals[kind] <= limit

    for session, note in sources:
        if note.deleted:
            continue
        first = True
        for kind in dict.fromkeys(k for k in map(kinds.get, note.kinds) if k is not None):
            # a note that is a compliment and a concern is a point in each column; the
            # first keeps the note's id (and any edit made under it)
            point_id = note.id if first else f"{note.id}/{kind.value}"
            first = False
            edit = edits.get(point_id)
            hidden = edit.hidden if edit else False
            if (hidden and not include_hidden) or not keep(kind):
                continue
            text = edit.text if edit else strip_tags(note.text)
            points.append(
                TrendPoint(
                    point_id, kind, text, note.id, hidden, edit is not None, session.functions
                )
            )
    own = sorted((e for e in edits.values() if e.note_id is None), key=lambda e: (e.created, e.id))
    for edit in own:
        if (edit.hidden and not include_hidden) or not keep(edit.kind):
            continue
        points.append(TrendPoint(edit.id, edit.kind, edit.text, None, edit.hidden, True))
    return TrendSelection(points, totals)


# -- the report's free texts -----------------------------------------------------------------


class TextKey(StrEnum):
    EXPLANATION = "toelichting"
    ADVICE = "advies"
    # the recorded advice: written together, one row each, so a merge keeps the newest whole
    ADVICE_DECISION = "advies_besluit"
    ADVICE_DATE = "advies_datum"
    ADVICE_BY = "advies_teamleider"
    ADVICE_PLACE = "advies_plaats"


#: The texts a user edits as free text (the others hold the recorded advice).
FREE_TEXT_KEYS: tuple[TextKey, ...] = (TextKey.EXPLANATION, TextKey.ADVICE)


@dataclass(frozen=True)
class ReportText:
    key: TextKey
    text: str
    at: datetime
    by: str = ""

    def sort_key(self) -> tuple:
        return (self.at, self.text, self.by)


def advice_from_texts(texts: Mapping[TextKey, ReportText]) -> Advice | None:
    """The recorded advice held in the report texts, None while none was recorded."""
    held = texts.get(TextKey.ADVICE_DECISION)
    if held is None or held.text not in set(AdviceDecision):
        return None

    def value(key: TextKey) -> str:
        row = texts.get(key)
        return row.text if row else ""

    try:
        when = (
            date.fromisoformat(value(TextKey.ADVICE_DATE)) if value(TextKey.ADVICE_DATE) else None
        )
    except ValueError:
        when = None
    return Advice(
        AdviceDecision(held.text),
        when,
        value(TextKey.ADVICE_BY),
        value(TextKey.ADVICE_PLACE),
        held.at,
    )


def advice_to_texts(advice: Advice) -> list[ReportText]:
    """The rows that record ``advice``; all carry the same time so a merge keeps them together."""
    return [
        ReportText(TextKey.ADVICE_DECISION, advice.decision.value, advice.at, advice.by),
        ReportText(TextKey.ADVICE_DATE, advice.date.isoformat() if advice.date else "", advice.at),
        ReportText(TextKey.ADVICE_BY, advice.by, advice.at),
        ReportText(TextKey.ADVICE_PLACE, advice.place, advice.at),
    ]
