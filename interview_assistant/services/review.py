"""The lead auditor's review of an opened audit: verdicts, findings, trend points, texts.

This is the service the assessment and preview screens, the line mode and the CLI
share, next to :class:`~interview_assistant.services.audit.AuditWorkspace` for notes. Every
change is stored first (merged with what is on disk, so two processes never lose each
other's work) and only then reflected in memory. Nothing here knows about a UI.

Typical use::

    review = AuditReview.open(store, "3bd6")
    review.decide("V5", Verdict.VERBETERPUNT, "Afspraken ontbreken deels.")
    review.next_unassessed("V5")           # -> "V6"
    model = review.report_model()          # see interview_assistant.report

Threads: the review shares its workspace's ``lock`` and follows the workspace's rule
(see :mod:`interview_assistant.services.audit`): its methods take the lock, a worker
holds it while it reads attributes, and changes other processes made to the audit file
are read with :meth:`AuditReview.read_changes` and swapped in with :meth:`AuditReview.apply`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from interview_assistant.bulk import gc_paused
from interview_assistant.domain.assessment import (
    DRAFT_LIMIT,
    Advice,
    AdviceDecision,
    Assessment,
    Draft,
    LabelAdvice,
    NormState,
    PlanRecord,
    Refusal,
    ReportText,
    ResultTable,
    TextKey,
    TrendEdit,
    TrendKind,
    TrendPoint,
    Verdict,
    advice_from_texts,
    advice_refusals,
    advice_to_texts,
    build_draft,
    final_refusals,
    label_advice,
    lead_verdicts,
    result_table,
    select_trend_points,
    trend_points,
)
from interview_assistant.domain.audit import (
    Audit,
    dutch_date,
    normalise_core_value,
    visit_proposal,
)
from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.ids import new_id, now
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Session
from interview_assistant.services.audit import AuditWorkspace, Refreshed, WorkspaceUpdate
from interview_assistant.storage.note_view import NoteView, log_notes
from interview_assistant.storage.repository import AuditStore
from norm_catalogue import Catalogue

if TYPE_CHECKING:
    from interview_assistant.report.model import ReportModel

_MICROSECOND = timedelta(microseconds=1)


#: verdicts that say something about the norm; ``nvt`` and ``nb`` need no evidence
EVIDENCED_VERDICTS: frozenset[Verdict] = frozenset(
    {Verdict.VOLDOET, Verdict.VERBETERPUNT, Verdict.VOLDOET_NIET}
)


@dataclass(frozen=True)
class EvidenceWarning:
    """A verdict given on thin evidence: below the target, or no factual source at all.

    A warning, never a refusal: the lead may have good reasons (a document seen outside
    the notes); the screens say it once and mark the norm."""

    key: str
    values: dict[str, object]

    def text(self) -> str:
        from interview_assistant.messages import msg

        return msg(self.key, **self.values)


class ReviewError(DomainError):
    """A norm, trend point or text the user named does not exist."""


class Refused(DomainError):
    """A step the label rule or the state of the review does not allow yet, with every reason."""

    def __init__(self, key: str, reasons: list[Refusal]) -> None:
        self.reasons = reasons
        details = "\n".join(f"- {r.text()}" for r in reasons)
        super().__init__(key, reasons=details)


@dataclass(frozen=True)
class ReviewUpdate:
    """Another process's changes to the audit, read into new objects, waiting for apply."""

    workspace: WorkspaceUpdate
    version: int
    #: the review tables as on disk; None when the audit file was not read
    tables: tuple[dict[str, Assessment], dict[str, TrendEdit], dict[TextKey, ReportText]] | None


class AuditReview:
    """Assessments, trend points and report texts of one audit, over its workspace."""

    def __init__(self, workspace: AuditWorkspace, clock: Callable[[], datetime] = now) -> None:
        self.workspace = workspace
        self.store: AuditStore = workspace.store
        self.clock = clock
        #: bumped by every change made through this review (see :meth:`apply`)
        self._version = 0
        with workspace.lock:
            self.assessments, self.trend_edits, self.texts = self._read_tables()

    @classmethod
    def open(
        cls, store: AuditStore, audit_prefix: str, clock: Callable[[], datetime] = now
    ) -> AuditReview:
        return cls(AuditWorkspace.open(store, audit_prefix), clock)

    @property
    def audit(self) -> Audit:
        return self.workspace.audit

    @property
    def catalogue(self) -> Catalogue:
        return self.workspace.catalogue

    def _read_tables(
        self,
    ) -> tuple[dict[str, Assessment], dict[str, TrendEdit], dict[TextKey, ReportText]]:
        audit_id = self.audit.id
        return (
            self.store.load_assessments(audit_id),
            self.store.load_trend_edits(audit_id),
            self.store.load_report_texts(audit_id),
        )

    def reload(self) -> Refreshed:
        """Pick up what other processes (or a merge) changed: notes, metadata, review tables.

        For a single-threaded caller; the TUI reads on a worker and applies on its UI thread.
        """
        return self.apply(self.read_changes())

    def read_changes(self, audit_file: bool = True) -> ReviewUpdate:
        """Read changed session files and (unless told not to) the audit file (any thread)."""
        with self.workspace.lock:
            workspace = self.workspace.read_changes(audit_file)
            tables = self._read_tables() if audit_file else None
            return ReviewUpdate(workspace, self._version, tables)

    def apply(self, update: ReviewUpdate) -> Refreshed:
        """Swap in what :meth:`read_changes` read, on the thread that owns the review."""
        with self.workspace.lock:
            refreshed = self.workspace.apply(update.workspace)
            if update.tables is None:
                return refreshed
            if update.version != self._version:
                return replace(refreshed, retry=True)
            review = update.tables != (self.assessments, self.trend_edits, self.texts)
            if review:
                self.assessments, self.trend_edits, self.texts = update.tables
                self._version += 1
            return replace(refreshed, review=review)

    def _norm(self, norm_id: str) -> str:
        if not self.catalogue.has_norm(norm_id):
            raise ReviewError(
                "report.review.unknown_norm", norm=norm_id, edition=self.catalogue.edition
            )
        return norm_id

    # -- assessments ---------------------------------------------------------------------

    def assessment(self, norm_id: str) -> Assessment:
        return self.assessments.get(self._norm(norm_id)) or Assessment(norm_id)

    def _save(self, assessment: Assessment) -> Assessment:
        with self.workspace.lock:
            stored = self.store.save_assessments(self.audit.id, [assessment])
            self.assessments[assessment.norm_id] = stored[assessment.norm_id]
            self._version += 1
        return stored[assessment.norm_id]

    def decide(
        self, norm_id: str, verdict: Verdict | None, finding: str | None = None, by: str = ""
    ) -> Assessment:
        """Set the lead's final verdict (None clears it); ``finding=None`` keeps the text."""
        current = self.assessment(norm_id)
        return self._save(current.decide(verdict, self.clock(), finding, by))

    def write_finding(self, norm_id: str, finding: str, by: str = "") -> Assessment:
        """Store the finding text and keep the verdict (the screen saves while typing)."""
        return self._save(self.assessment(norm_id).write_finding(finding, self.clock(), by))

    def propose(
        self, norm_id: str, auditor: str, verdict: Verdict, finding: str = ""
    ) -> Assessment:
        """Record one auditor's proposed verdict; differing proposals show as a conflict."""
        auditor = auditor.strip()
        if not auditor:
            raise ReviewError("report.review.no_auditor")
        current = self.assessment(norm_id)
        return self._save(current.propose(auditor, verdict, self.clock(), finding))

    def verdicts(self) -> dict[str, Verdict | None]:
        """The lead's verdict per norm: what the report counts (proposals never count)."""
        return lead_verdicts(self.assessments)

    def state(self, norm_id: str) -> NormState:
        return self.assessment(norm_id).state

    def result_table(self) -> ResultTable:
        return result_table(self.catalogue, self.verdicts())

    def label_advice(self) -> LabelAdvice:
        return label_advice(self.result_table())

    def conflicts(self) -> list[str]:
        """Norms where proposals differ and the lead has not decided, in catalogue order."""
        return [n for n in self.catalogue.norm_ids if self.assessment(n).conflict]

    def next_unassessed(self, after: str | None = None) -> str | None:
        """The next norm without a final verdict after ``after`` (wrapping round), or None."""
        ids = list(self.catalogue.norm_ids)
        start = ids.index(self._norm(after)) + 1 if after else 0
        for norm_id in ids[start:] + ids[:start]:
            if self.assessment(norm_id).verdict is None:
                return norm_id
        return None

    def evidence_warnings(self, norm_id: str, verdict: Verdict | None) -> list[EvidenceWarning]:
        """What is thin about the evidence behind ``verdict`` on the norm (empty: nothing).

        No verdict, ``nvt`` or ``nb``: no warning. Fewer sources than the audit's target:
        one warning; no note with an evidence type (no factual source): another."""
        if verdict not in EVIDENCED_VERDICTS:
            return []
        cov = self.workspace.norm_coverage(self._norm(norm_id))
        warnings = []
        if cov.sources < cov.target:
            values: dict[str, object] = {
                "norm": norm_id,
                "sources": cov.sources,
                "target": cov.target,
            }
            warnings.append(EvidenceWarning("assess.warn.below_target", values))
        if cov.factual == 0:
            warnings.append(EvidenceWarning("assess.warn.no_factual", {"norm": norm_id}))
        return warnings

    def thin_evidence_norms(self) -> list[str]:
        """Norms whose verdict rests on thin evidence (see :meth:`evidence_warnings`)."""
        return [
            n
            for n in self.catalogue.norm_ids
            if self.evidence_warnings(n, self.assessment(n).effective_verdict)
        ]

    def decided_count(self) -> int:
        return sum(1 for n in self.catalogue.norm_ids if self.assessment(n).verdict is not None)

    # -- plans of action and the advice ------------------------------------------------------

    def plans(self) -> dict[str, PlanRecord | None]:
        return {n: a.plan for n, a in self.assessments.items()}

    def record_plan(
        self, norm_id: str, received: date | None, approved: date | None, by: str = ""
    ) -> Assessment:
        """Record the plan of action of a ``-`` or ``+/-`` norm: received and approved when."""
        current = self.assessment(norm_id)
        if current.verdict not in (Verdict.VOLDOET_NIET, Verdict.VERBETERPUNT):
            raise ReviewError("report.plan.not_needed", norm=norm_id)
        if approved is not None and received is not None and approved < received:
            raise ReviewError(
                "report.plan.approved_before_received",
                norm=norm_id,
                received=dutch_date(received),
                approved=dutch_date(approved),
            )
        if approved is not None and received is None:
            received = current.plan.received if current.plan else None
        return self._save(current.record_plan(self.clock(), received, approved, by))

    def advice(self) -> Advice | None:
        """The advice the CI recorded, None while none was."""
        return advice_from_texts(self.texts)

    def advice_refusals(self, decision: AdviceDecision) -> list[Refusal]:
        return advice_refusals(self.label_advice(), self.plans(), decision, self.conflicts())

    def record_advice(
        self, decision: AdviceDecision, when: date | None = None, by: str = "", place: str = ""
    ) -> Advice:
        """Record the CI's advice; refused with every reason when the label rule forbids it."""
        reasons = self.advice_refusals(decision)
        if reasons:
            raise Refused("report.refuse.advice", reasons)
        at = self.clock()
        held = self.texts.get(TextKey.ADVICE_DECISION)
        if held is not None and at <= held.at:
            at = held.at + _MICROSECOND
        advice = Advice(decision, when, " ".join(by.split()), " ".join(place.split()), at)
        with self.workspace.lock:
            stored = self.store.save_report_texts(self.audit.id, advice_to_texts(advice))
            self.texts.update(stored)
            self._version += 1
        recorded = self.advice()
        assert recorded is not None
        return recorded

    def final_refusals(self, check_privacy: bool = True) -> list[Refusal]:
        """Every reason the final report cannot be written yet (empty: it can).

        ``check_privacy`` (the default, the safe choice): also personal data in the
        audit's texts that the lead has not marked as fine (see :mod:`services.privacy`);
        waits for deduce to load, so front ends ask for it off the UI thread. Only a
        caller that checked already, or a test of something else, passes ``False``."""
        reasons = final_refusals(self.label_advice(), self.plans(), self.advice(), self.conflicts())
        if check_privacy:
            from interview_assistant.services.privacy import personal_data_refusals, privacy_guard

            reasons += personal_data_refusals(self, privacy_guard())
        return reasons

    # -- core data -------------------------------------------------------------------------

    def set_core_field(self, name: str, value: str) -> Audit:
        """Change one field of Part A's core data (checked: dates, choices, lists)."""
        if name == "organisation":
            organisation = " ".join(value.split())
            if not organisation:
                raise ReviewError("report.field.organisation_empty")
            return self.workspace.update_audit(organisation=organisation)
        return self.workspace.update_audit(core={name: normalise_core_value(name, value)})

    def visit_proposal(self) -> tuple[str, str]:
        """Visit dates (YYYY-MM-DD, comma-separated) and locations taken from the sessions."""
        return visit_proposal(self.workspace.sessions)

    # -- the notes behind a norm -----------------------------------------------------------

    def notes_by_source(self, norm_id: str) -> list[tuple[Session, list[Note]]]:
        """Every live note on the norm, grouped per session (function, roles, auditor, kind)."""
        groups: dict[str, tuple[Session, list[Note]]] = {}
        for session, note in self.workspace.notes_on_norm(self._norm(norm_id)):
            groups.setdefault(session.id, (session, []))[1].append(note)
        return list(groups.values())

    def draft(self, norm_id: str, limit: int = DRAFT_LIMIT) -> Draft:
        return build_draft(self.workspace.notes_on_norm(self._norm(norm_id)), limit)

    def finding_or_draft(self, norm_id: str) -> str:
        """What the finding editor starts with: the finding, else a draft from the notes."""
        finding = self.assessment(norm_id).effective_finding
        return finding if finding.strip() else self.draft(norm_id).as_text()

    # -- trend points ----------------------------------------------------------------------

    def live_notes(self) -> list[tuple[Session, Note | NoteView]]:
        """Every live note with its session, in session and note order, read in bulk."""
        found = []
        with self.workspace.lock, gc_paused():
            for session in self.workspace.sessions:
                for note in log_notes(self.workspace.logs[session.id]):
                    if not note.deleted:
                        found.append((session, note))
        return found

    def trend_points(self, include_hidden: bool = False) -> list[TrendPoint]:
        """Strong points and concerns as the report will show them (hidden ones on request)."""
        return trend_points(self.live_notes(), self.trend_edits, include_hidden)

    def trend_point(self, prefix: str) -> TrendPoint:
        """A point by its id or a unique prefix of it (hidden points included)."""
        points = self.trend_points(include_hidden=True)
        exact = [p for p in points if p.id == prefix]
        matches = exact or [p for p in points if prefix and p.id.startswith(prefix)]
        if len(matches) != 1:
            key = "report.trend.ambiguous" if matches else "report.trend.missing"
            raise ReviewError(key, point=prefix)
        return matches[0]

    def _save_edit(self, edit: TrendEdit) -> TrendPoint:
        with self.workspace.lock:
            stored = self.store.save_trend_edits(self.audit.id, [edit])[edit.id]
            self.trend_edits[edit.id] = stored
            self._version += 1
            return self.trend_point(edit.id)

    def add_trend_point(self, kind: TrendKind, text: str) -> TrendPoint:
        """A strong point or concern of the lead's own, not taken from a note."""
        text = text.strip()
        if not text:
            raise ReviewError("report.trend.empty")
        at = self.clock()
        point_id = new_id()
        while point_id in self.trend_edits:
            point_id = new_id()
        return self._save_edit(TrendEdit(point_id, kind, text, False, at, at, None))

    def edit_trend_point(
        self, point_id: str, text: str | None = None, hidden: bool | None = None
    ) -> TrendPoint:
        """Reword, hide or show a point; the note it came from is left as it is."""
        point = self.trend_point(point_id)
        if text is not None and not text.strip():
            raise ReviewError("report.trend.empty")
        held = self.trend_edits.get(point.id)
        at = self.clock()
        if held is not None and at <= held.at:
            at = held.at + _MICROSECOND
        base = held or TrendEdit(
            point.id, point.kind, point.text, point.hidden, at, at, point.note_id
        )
        edit = replace(
            base,
            text=text.strip() if text is not None else base.text,
            hidden=base.hidden if hidden is None else hidden,
            at=at,
        )
        return self._save_edit(edit)

    # -- the report's free texts -----------------------------------------------------------

    def text(self, key: TextKey) -> str:
        held = self.texts.get(key)
        return held.text if held else ""

    def set_text(self, key: TextKey, text: str, by: str = "") -> ReportText:
        held = self.texts.get(key)
        at = self.clock()
        if held is not None and at <= held.at:
            at = held.at + _MICROSECOND
        with self.workspace.lock:
            stored = self.store.save_report_texts(self.audit.id, [ReportText(key, text, at, by)])
            self.texts[key] = stored[key]
            self._version += 1
            return stored[key]

    # -- the report --------------------------------------------------------------------------

    def report_model(
        self, final: bool = False, part: str | None = None, check_privacy: bool = True
    ) -> ReportModel:
        """The report as a model, ready for any renderer in interview_assistant.report.

        ``final`` is refused (:class:`Refused`, every reason at once) until every norm has
        the lead's verdict, no conflict is open and the advice is recorded, and (unless
        ``check_privacy`` is turned off) while personal data remains that the lead has not
        marked as fine. ``part`` is ``"A"`` or ``"B"`` for one part only.
        """
        from interview_assistant.report.model import TREND_LIMIT, assemble_report

        if final:
            reasons = self.final_refusals(check_privacy)
            if reasons:
                raise Refused("report.refuse.final", reasons)

        with self.workspace.lock, gc_paused():
            sources = self.live_notes()
            model = assemble_report(
                audit=self.audit,
                catalogue=self.catalogue,
                sources=sources,
                sessions=self.workspace.sessions,
                coverage=self.workspace.coverage,
                assessments=self.assessments,
                trend=select_trend_points(sources, self.trend_edits, TREND_LIMIT),
                explanation=self.text(TextKey.EXPLANATION),
                advice_text=self.text(TextKey.ADVICE),
                advice_record=self.advice(),
                final=final,
                part=part,
                generated=self.clock(),
            )
            del sources  # see exchange.merging: freed before the collector wakes up
        return model
