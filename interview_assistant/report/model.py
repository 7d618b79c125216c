"""The report as data: Part A (summary) and Part B (findings per norm), draft or final.

Every renderer (Markdown, HTML, Word, JSON) and the TUI's preview reads this one
model, so the formats cannot disagree. All figures are computed here from the lead's
verdicts (proposals never count); nothing is typed. A draft carries the working data
(open norms, coverage, draft notes); a final carries none of it. Text from users passes
:func:`clean` so no control character can break a format (Word refuses them outright).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime

from interview_assistant import __version__
from interview_assistant.domain.assessment import (
    DRAFT_LIMIT,
    Advice,
    Assessment,
    LabelAdvice,
    NormState,
    NoteReading,
    PlanRecord,
    ResultTable,
    TrendKind,
    TrendSelection,
    Verdict,
    build_draft,
    label_advice,
    lead_verdicts,
    result_table,
)
from interview_assistant.domain.audit import (
    Audit,
    FieldKind,
    core_field_kind,
    dutch_date,
    stored_dates,
)
from interview_assistant.domain.coverage import Coverage
from interview_assistant.domain.session import Session, SessionKind, same_person_roots
from interview_assistant.domain.tags import strip_tags
from interview_assistant.messages import msg
from norm_catalogue import Catalogue

#: Strong points and concerns listed per column in Part A. The example report lists five
#: of each, "the most striking"; the lead picks them by hiding the rest. Beyond this many
#: the report counts the others rather than print a table nobody reads.
TREND_LIMIT = 25

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """User text without control characters or lone surrogates; newlines normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("\ufffd", text)


#: an empty field or text in a final report (a draft asks for it: "(nog invullen)")
EMPTY_FINAL = "–"


@dataclass(frozen=True)
class CoreRow:
    """One row of 'Kerngegevens toetsing'; a multi-line field keeps its lines (a list)."""

    key: str
    label: str
    lines: tuple[str, ...]
    #: what an empty field shows: "(nog invullen)" in a draft, a dash in a final
    empty: str = ""

    @property
    def value(self) -> str:
        return "; ".join(self.lines) if self.lines else (self.empty or EMPTY_FINAL)

    @property
    def is_list(self) -> bool:
        return len(self.lines) > 1


@dataclass(frozen=True)
class PartnerCount:
    """Interviewees of one function over all interviews; functions only, never names."""

    function: str
    count: int

    def label(self) -> str:
        if self.count == 1:
            return self.function
        return f"{self.count} {plural(self.function)}"


def plural(function: str) -> str:
    """Dutch plural of a function name's last word: 'sociaal werker' -> 'sociaal werkers'."""
    head, _, last = function.rpartition(" ")
    word = last.lower()
    if word.endswith("or"):
        last += "en"  # coördinator -> coördinatoren
    elif word.endswith(("ch", "sh")):
        last += "es"  # coach -> coaches
    elif word.endswith(("ent", "ant", "ist")):
        last += "en"  # consulent -> consulenten, specialist -> specialisten
    elif not word.endswith("s") and word[-1:].isalpha():
        last += "s"  # werker, stagiaire, bestuurder, adviseur, manager
    return f"{head} {last}" if head else last


@dataclass(frozen=True)
class DraftNote:
    text: str
    function: str
    evidence: tuple[str, ...]  # Dutch words, e.g. ("document", "voorbeeld")
    kind: str  # Dutch words, ", " between kinds; "bevinding" for plain notes

    @property
    def source(self) -> str:
        return f"{self.function}; {', '.join(self.evidence)}" if self.evidence else self.function


@dataclass(frozen=True)
class Proposed:
    auditor: str
    verdict: Verdict


@dataclass(frozen=True)
class PlanStatus:
    """A ``-`` or ``+/-`` norm's plan of action as the report states it."""

    norm_id: str
    verdict: Verdict
    received: date | None
    approved: date | None


@dataclass(frozen=True)
class NormFinding:
    """One row of Part B."""

    norm_id: str
    number: int
    text: str
    #: the lead's finding; in a draft of an undecided norm, the proposals' agreed finding
    finding: str
    #: the lead's verdict; None while the norm is open
    verdict: Verdict | None
    state: NormState
    draft: tuple[DraftNote, ...]
    omitted: int
    sources: int
    target: int
    proposals: tuple[Proposed, ...]

    @property
    def conflict(self) -> tuple[Proposed, ...]:
        return self.proposals if self.state is NormState.CONFLICT else ()

    @property
    def below_target(self) -> bool:
        """Coverage is working data: flagged only while the lead has not decided."""
        return self.verdict is None and self.sources < self.target

    @property
    def verdict_symbol(self) -> str:
        return self.verdict.value if self.verdict else msg("report.partb.open")


@dataclass(frozen=True)
class OpenQuestion:
    """Working data of a draft: a question an auditor noted that is still open.

    A note whose prose (tags left out) ends in "?" is a question the team wrote down to
    find out; it stays open until the lead decides the norm. A quoted question (ending
    ``?'``) is what an interviewee asked, not a question of the team. ``function`` says in
    which conversation it came up (functions only, as everywhere in the report).
    """

    norm_id: str
    text: str
    function: str


@dataclass(frozen=True)
class SectionFindings:
    id: str
    name: str
    norms: tuple[NormFinding, ...]


@dataclass(frozen=True)
class TrendItem:
    text: str
    norms: tuple[str, ...]


@dataclass(frozen=True)
class ReportModel:
    audit_id: str
    organisation: str
    edition: str
    core: tuple[CoreRow, ...]
    partners: tuple[PartnerCount, ...]
    result: ResultTable
    explanation: str
    strong_points: tuple[str, ...]
    concerns: tuple[str, ...]
    strong_omitted: int
    concerns_omitted: int
    advice: LabelAdvice
    advice_text: str
    lead_auditor: str
    sections: tuple[SectionFindings, ...]
    conflicts: tuple[str, ...]
    #: a final report: no audit id, coverage, draft notes or tool instructions
    final: bool = False
    #: "A" or "B" for one part only; None for both
    part: str | None = None
    advice_record: Advice | None = None
    plans: tuple[PlanStatus, ...] = ()
    strong_items: tuple[TrendItem, ...] = ()
    concern_items: tuple[TrendItem, ...] = ()
    observations: tuple[str, ...] = ()
    audit_dates: tuple[date, ...] = ()
    audit_form: str = ""
    certification: str = ""
    scope: tuple[str, ...] = ()
    size: tuple[str, ...] = ()
    generated: datetime | None = None
    tool_version: str = __version__
    #: in a draft only: questions noted and not answered (see :class:`OpenQuestion`)
    open_questions: tuple[OpenQuestion, ...] = ()
    #: in a draft only: norms without a verdict that no note touches yet
    not_discussed: tuple[str, ...] = ()

    @property
    def has_open_questions(self) -> bool:
        return bool(self.open_questions or self.not_discussed)

    @property
    def norm_count(self) -> int:
        return self.result.total

    @property
    def provisional(self) -> bool:
        return self.advice.provisional

    @property
    def empty(self) -> str:
        """What an empty field or text shows: a request in a draft, a dash in a final."""
        return EMPTY_FINAL if self.final else msg("report.core.empty")

    @property
    def shows_a(self) -> bool:
        return self.part in (None, "A")

    @property
    def shows_b(self) -> bool:
        return self.part in (None, "B")

    def norm(self, norm_id: str) -> NormFinding:
        for section in self.sections:
            for norm in section.norms:
                if norm.norm_id == norm_id:
                    return norm
        raise KeyError(norm_id)

    def plan(self, norm_id: str) -> PlanStatus | None:
        return next((p for p in self.plans if p.norm_id == norm_id), None)


def partner_counts(sessions: Iterable[Session]) -> tuple[PartnerCount, ...]:
    """Interviewees per function in order of first appearance (case and spaces ignored).

    Only interviews count: a document review heard nobody, and an observation round is
    listed apart (:func:`observation_rounds`), as the example report does. A person heard
    in several interviews (linked with "dezelfde persoon als in gesprek X") counts once,
    under the function of the first hearing.
    """
    interviews = [s for s in sessions if s.kind is SessionKind.INTERVIEW]
    roots = same_person_roots(interviews)
    counted: set[tuple[str, int]] = set()
    counts: dict[str, list] = {}
    for session in interviews:
        for index, interviewee in enumerate(session.interviewees):
            function = " ".join(clean(interviewee.function).split())
            if not function:
                continue
            person = roots[(session.id, index)]
            if person in counted:
                continue
            counted.add(person)
            entry = counts.setdefault(function.lower(), [function, 0])
            entry[1] += 1
    return tuple(PartnerCount(name, count) for name, count in counts.values())


def open_questions(
    catalogue: Catalogue,
    per_norm: Mapping[str, list[tuple[Session, NoteReading]]],
    verdicts: Mapping[str, Verdict | None],
) -> tuple[tuple[OpenQuestion, ...], tuple[str, ...]]:
    """The draft's open questions and the norms not yet discussed, in catalogue order.
    A norm the lead has decided has neither: the decision answered them."""
    questions: list[OpenQuestion] = []
    untouched: list[str] = []
    for norm_id in catalogue.norm_ids:
        if verdicts.get(norm_id) is not None:
            continue
        pairs = per_norm.get(norm_id, [])
        if not pairs:
            untouched.append(norm_id)
            continue
        seen: set[str] = set()
        for session, note in pairs:
            if "?" not in note.text:  # most notes: no question, no need to strip tags
                continue
            text = " ".join(clean(strip_tags(note.text)).split())
            if text.endswith("?") and text.lower() not in seen:
                seen.add(text.lower())
                function = ", ".join(
                    " ".join(clean(i.function).split()) for i in session.interviewees
                )
                questions.append(OpenQuestion(norm_id, text, function))
    return tuple(questions), tuple(untouched)


def observation_rounds(sessions: Iterable[Session]) -> tuple[str, ...]:
    """'tijdens rondgang op locatie X: deelnemers' per observation round, once each."""
    rounds: dict[str, str] = {}
    for session in sessions:
        if session.kind is not SessionKind.OBSERVATIE:
            continue
        place = " ".join(clean(session.location).split())
        people = ", ".join(
            dict.fromkeys(" ".join(clean(i.function).split()) for i in session.interviewees)
        )
        if place and people:
            text = msg("report.core.observation_with", location=place, people=people)
        elif place:
            text = msg("report.core.observation", location=place)
        elif people:
            text = msg("report.core.observation_nowhere", people=people)
        else:
            continue
        rounds.setdefault(text.lower(), text)
    return tuple(rounds.values())


def _lines(name: str, value: str) -> tuple[str, ...]:
    kind = core_field_kind(name)
    if kind in (FieldKind.DATE, FieldKind.DATES):
        dates = stored_dates(value)
        if dates:
            return (", ".join(dutch_date(d) for d in dates),)
    return tuple(line.strip() for line in clean(value).split("\n") if line.strip())


def _core_rows(
    audit: Audit,
    partners: tuple[PartnerCount, ...],
    observations: tuple[str, ...],
    empty: str,
) -> tuple[CoreRow, ...]:
    core = audit.core
    form = "; ".join(v for v in (core.audit_form.strip(), core.certification.strip()) if v)
    visit = _lines("visit_dates", core.visit_dates) + _lines("locations", core.locations)
    heard = ", ".join(p.label() for p in partners)
    heard_lines = ((heard,) if heard else ()) + observations
    rows = [
        CoreRow("organisation", msg("report.core.organisation"), _lines("", audit.organisation)),
        *(
            CoreRow(key, msg(f"report.core.{key}"), _lines(key, getattr(core, key)))
            for key in ("address", "website", "contact_name", "contact_email", "contact_phone")
        ),
        CoreRow("scope", msg("report.core.scope"), _lines("scope", core.scope)),
        CoreRow("size", msg("report.core.size"), _lines("size", core.size)),
        CoreRow("audit_form", msg("report.core.audit_form"), _lines("", form)),
        CoreRow(
            "self_evaluation",
            msg("report.core.self_evaluation"),
            _lines("self_evaluation", core.self_evaluation),
        ),
        CoreRow("visit", msg("report.core.visit"), visit),
        CoreRow(
            "peer_auditors",
            msg("report.core.peer_auditors"),
            _lines("peer_auditors", core.peer_auditors),
        ),
        CoreRow(
            "lead_auditor",
            msg("report.core.lead_auditor"),
            _lines("", core.lead_auditor or ", ".join(audit.team)),
        ),
        CoreRow("partners", msg("report.core.partners"), heard_lines),
        *(
            CoreRow(key, msg(f"report.core.{key}"), _lines(key, getattr(core, key)))
            for key in (
                "report_to_member",
                "improvement_plan_received",
                "report_final",
                "summary_sent",
            )
        ),
    ]
    return tuple(replace(row, empty=empty) for row in rows)


def assemble_report(
    audit: Audit,
    catalogue: Catalogue,
    sources: Iterable[tuple[Session, NoteReading]],
    sessions: Iterable[Session],
    coverage: Coverage,
    assessments: Mapping[str, Assessment],
    trend: TrendSelection,
    explanation: str,
    advice_text: str,
    draft_limit: int = DRAFT_LIMIT,
    advice_record: Advice | None = None,
    final: bool = False,
    part: str | None = None,
    generated: datetime | None = None,
) -> ReportModel:
    """The report from plain domain objects; ``sources`` are every live note with its
    session, in session and note order (:class:`Note` or anything with its read-only
    properties, such as ``storage.note_view.NoteView``). ``final`` leaves out every piece
    of working data; the caller checks first that a final report may be written."""
    if part not in (None, "A", "B"):
        raise ValueError(f"part {part!r}")
    sources = list(sources)
    sessions = list(sessions)
    per_norm: dict[str, list[tuple[Session, NoteReading]]] = {n: [] for n in catalogue.norm_ids}
    note_norms: dict[str, tuple[str, ...]] = {}
    for pair in sources:
        note_norms[pair[1].id] = tuple(pair[1].norms)
        for norm_id in pair[1].norms:
            bucket = per_norm.get(norm_id)
            if bucket is not None:
                bucket.append(pair)
    verdicts = lead_verdicts(assessments)
    table = result_table(catalogue, verdicts)
    sections = []
    plans: list[PlanStatus] = []
    for section in catalogue.sections:
        rows = []
        for norm in catalogue.norms_in_section(section.id):
            assessment = assessments.get(norm.id) or Assessment(norm.id)
            decided = assessment.verdict is not None
            finding_text = (
                assessment.finding if (final or decided) else assessment.effective_finding
            )
            finding = clean(finding_text).strip()
            draft: tuple[DraftNote, ...] = ()
            omitted = 0
            if not finding and not final:
                built = build_draft(per_norm[norm.id], draft_limit)
                omitted = built.omitted
                draft = tuple(
                    DraftNote(
                        clean(line.text),
                        clean(line.function),
                        tuple(msg(f"evidence.{e.value}") for e in line.evidence),
                        ", ".join(msg(f"kind.{k.value}") for k in line.kinds),
                    )
                    for line in built.lines
                )
            proposals = (
                ()
                if final or decided
                else tuple(
                    Proposed(clean(p.auditor), p.verdict) for p in assessment.current_proposals
                )
            )
            covered = coverage.norm(norm.id)
            rows.append(
                NormFinding(
                    norm.id,
                    norm.number,
                    norm.report_text or norm.text,
                    finding,
                    assessment.verdict,
                    assessment.state,
                    draft,
                    omitted,
                    covered.sources,
                    covered.target,
                    proposals,
                )
            )
            if assessment.verdict in (Verdict.VOLDOET_NIET, Verdict.VERBETERPUNT):
                record: PlanRecord | None = assessment.plan
                plans.append(
                    PlanStatus(
                        norm.id,
                        assessment.verdict,
                        record.received if record else None,
                        record.approved if record else None,
                    )
                )
        sections.append(SectionFindings(section.id, section.name, tuple(rows)))
    strong = [p for p in trend.points if p.kind is TrendKind.STRONG]
    concerns = [p for p in trend.points if p.kind is TrendKind.CONCERN]

    def items(points) -> tuple[TrendItem, ...]:
        return tuple(
            TrendItem(clean(p.text), note_norms.get(p.note_id, ()) if p.note_id else ())
            for p in points
        )

    questions, untouched = ((), ()) if final else open_questions(catalogue, per_norm, verdicts)
    partners = partner_counts(sessions)
    observations = observation_rounds(sessions)
    advice = label_advice(table)
    order = {n: i for i, n in enumerate(advice.plan_of_action)}
    core = audit.core
    return ReportModel(
        audit_id=audit.id,
        organisation=clean(audit.organisation),
        edition=audit.edition,
        core=_core_rows(
            audit,
            partners,
            observations,
            EMPTY_FINAL if final else msg("report.core.empty"),
        ),
        partners=partners,
        result=table,
        explanation=clean(explanation).strip(),
        strong_points=tuple(clean(p.text) for p in strong),
        concerns=tuple(clean(p.text) for p in concerns),
        strong_omitted=trend.totals[TrendKind.STRONG] - len(strong),
        concerns_omitted=trend.totals[TrendKind.CONCERN] - len(concerns),
        advice=advice,
        advice_text=clean(advice_text).strip(),
        lead_auditor=clean(audit.core.lead_auditor).strip(),
        sections=tuple(sections),
        conflicts=tuple(
            r.norm_id for s in sections for r in s.norms if r.state is NormState.CONFLICT
        ),
        final=final,
        part=part,
        advice_record=advice_record,
        plans=tuple(sorted(plans, key=lambda p: order.get(p.norm_id, 0))),
        strong_items=items(strong),
        concern_items=items(concerns),
        observations=observations,
        audit_dates=stored_dates(core.visit_dates),
        audit_form=clean(core.audit_form).strip(),
        certification=clean(core.certification).strip(),
        scope=_lines("scope", core.scope),
        size=_lines("size", core.size),
        generated=generated,
        open_questions=questions,
        not_discussed=untouched,
    )
