"""Combine two copies of the same note, session, assessment or whole audit, losing nothing.

Two laptops (or the TUI and the line mode) may both have changed a note. Merging keeps
the union of their revisions, so the newest text shows and every earlier one stays in
the history, and takes the deleted/restored state that was set last. A purged note's
tombstone wins over every copy of the note that still has text, whatever its clock, so a
merge can never bring purged text back. The functions are commutative, associative and
idempotent, which is what makes merging bundles in any order, any number of times, give
the same audit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import reduce
from typing import TYPE_CHECKING, Protocol, TypeVar

from interview_assistant.domain.audit import Audit
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Session

if TYPE_CHECKING:  # imported lazily: start-up of the TUI and the CLI does not need it
    from interview_assistant.domain.assessment import Assessment, ReportText, TextKey, TrendEdit


def merge_notes(a: Note, b: Note) -> Note:
    """The note that holds every revision of ``a`` and ``b``; the same id is assumed.

    Revisions are ordered by their logical clock, and the delete or restore with the
    highest clock sets the state (see :mod:`interview_assistant.domain.note`). A tombstone
    absorbs everything: the result is the greatest tombstone of the two (by clock, time,
    auditor), created at the earliest creation time either copy knows.
    """
    if a == b:
        return a
    if a.purged is not None or b.purged is not None:
        stones = [n for n in (a, b) if n.purged is not None]
        stone = max(stones, key=_purge_key)
        return replace(stone, created=min(a.created, b.created))
    revisions = {r.order(): r for r in (*a.revisions, *b.revisions)}
    ordered = tuple(revisions[k] for k in sorted(revisions))
    state = max((a, b), key=_state_key)
    return replace(
        a,
        created=min(a.created, b.created),
        revisions=ordered,
        deleted_at=state.deleted_at,
        state_changed=state.state_changed,
        state_clock=state.state_clock,
        speaker=_speaker(a.speaker, b.speaker),
    )


def _purge_key(note: Note) -> tuple:
    assert note.purged is not None
    return (note.state_clock, note.purged.at, note.purged.by, note.created)


def _speaker(a: int | None, b: int | None) -> int | None:
    # Set once when the note is typed, so both copies agree; should a hand-edited file
    # disagree, an attribution beats none and the lower place wins (order-independent).
    known = [s for s in (a, b) if s is not None]
    return min(known) if known else None


def _state_key(note: Note) -> tuple:
    # The higher clock wins; on equal clocks (schema-1 notes have 0) the later time, then
    # never-changed loses to changed and deleted wins (deterministic).
    return (
        note.state_clock,
        note.state_changed is not None,
        note.state_changed.timestamp() if note.state_changed else 0.0,
        note.deleted_at is not None,
        note.deleted_at.timestamp() if note.deleted_at else 0.0,
    )


def merge_sessions(a: Session, b: Session) -> Session:
    """Session metadata from two copies: an ended copy beats an open one, the walk's
    position comes from the copy whose walk moved most, the header (auditor, kind,
    partners, location) from the copy corrected most, removed-or-not from the copy
    removed or restored most, and the norms asked without an answer from the copy that
    changed them most: logical counts, not whichever laptop's clock is later."""
    if a == b:
        return a
    ended_times = [s.ended for s in (a, b) if s.ended is not None]
    base = max((a, b), key=lambda s: (s.ended is not None, repr(s)))
    walk = max((a, b), key=lambda s: (s.walk_clock, s.current_norm or ""))
    header = max((a, b), key=lambda s: (s.header_clock, s.header()))
    state = max((a, b), key=lambda s: (s.delete_clock, s.deleted))
    marks = max((a, b), key=lambda s: (s.no_answer_clock, s.no_answer))
    return replace(
        base,
        auditor=header.auditor,
        kind=header.kind,
        interviewees=header.interviewees,
        location=header.location,
        header_clock=header.header_clock,
        ended=max(ended_times) if ended_times else None,
        current_norm=walk.current_norm,
        walk_clock=walk.walk_clock,
        deleted=state.deleted,
        delete_clock=state.delete_clock,
        no_answer=marks.no_answer,
        no_answer_clock=marks.no_answer_clock,
    )


# -- audit level ---------------------------------------------------------------------------


def merge_assessments(a: Assessment, b: Assessment) -> Assessment:
    """Every decision and proposal of both copies; the newest of each still counts."""
    from interview_assistant.domain.assessment import Assessment

    if a == b:
        return a
    decisions = {d.sort_key(): d for d in (*a.decisions, *b.decisions)}
    proposals = {p.sort_key(): p for p in (*a.proposals, *b.proposals)}
    plans = {p.sort_key(): p for p in (*a.plans, *b.plans)}
    return Assessment(
        a.norm_id,
        tuple(decisions[k] for k in sorted(decisions)),
        tuple(proposals[k] for k in sorted(proposals)),
        tuple(plans[k] for k in sorted(plans)),
    )


class _Versioned(Protocol):
    def sort_key(self) -> tuple: ...


V = TypeVar("V", bound=_Versioned)


def merge_latest(a: V, b: V) -> V:
    """The newer of two versions of a trend point or report text (a total order: ties cannot
    depend on the argument order)."""
    return a if a.sort_key() >= b.sort_key() else b


def merge_audit_metadata(local: Audit, incoming: Audit) -> Audit:
    """The local audit, completed from an incoming copy of the same audit.

    The audit's metadata has no per-field history, and the lead auditor's copy is the
    one people edit, so a filled-in field is never overwritten by a bundle (which may
    be older). Empty fields are filled in and new team members are added, so an
    auditor who joined from a bundle picks up what the lead filled in later.
    """
    if local == incoming:
        return local
    core_changes = {
        name: getattr(incoming.core, name)
        for name in local.core.field_names()
        if not getattr(local.core, name).strip() and getattr(incoming.core, name).strip()
    }
    new_members = sorted(set(incoming.team) - set(local.team))
    return replace(
        local,
        organisation=local.organisation or incoming.organisation,
        created=min(local.created, incoming.created),
        team=(*local.team, *new_members),
        core=replace(local.core, **core_changes) if core_changes else local.core,
    )


def combine_incoming_metadata(a: Audit, b: Audit) -> Audit:
    """Two incoming copies of one audit as one, whatever their order (fields: the filled,
    then the greater value), so merging several bundles at once is order-independent."""
    if a == b:
        return a
    core = {
        name: max(getattr(a.core, name), getattr(b.core, name)) for name in a.core.field_names()
    }
    return replace(
        a,
        organisation=max(a.organisation, b.organisation),
        created=min(a.created, b.created),
        target=max(a.target, b.target),
        team=tuple(sorted(set(a.team) | set(b.team))),
        core=replace(a.core, **core),
    )


NoteKey = tuple[str, str]  # (session id, note id)


@dataclass(frozen=True)
class AuditSnapshot:
    """An audit with everything recorded on it, as plain objects (what a bundle carries).

    ``audit`` is None for a part that carries no audit metadata (a loose session log, or
    the local side of a merge that creates the audit). A snapshot may be partial: what
    it leaves out is neither changed nor dropped by a merge.
    """

    audit: Audit | None
    sessions: Mapping[str, Session] = field(default_factory=dict)
    notes: Mapping[NoteKey, Note] = field(default_factory=dict)
    assessments: Mapping[str, Assessment] = field(default_factory=dict)
    trend: Mapping[str, TrendEdit] = field(default_factory=dict)
    texts: Mapping[TextKey, ReportText] = field(default_factory=dict)


K = TypeVar("K")
T = TypeVar("T")


def _union(a: Mapping[K, T], b: Mapping[K, T], merge: Callable[[T, T], T]) -> dict[K, T]:
    merged = dict(a)
    for key, value in b.items():
        held = merged.get(key)
        merged[key] = value if held is None else merge(held, value)
    return merged


def _contents(a: AuditSnapshot, b: AuditSnapshot, audit: Audit | None) -> AuditSnapshot:
    return AuditSnapshot(
        audit=audit,
        sessions=_union(a.sessions, b.sessions, merge_sessions),
        notes=_union(a.notes, b.notes, merge_notes),
        assessments=_union(a.assessments, b.assessments, merge_assessments),
        trend=_union(a.trend, b.trend, merge_latest),
        texts=_union(a.texts, b.texts, merge_latest),
    )


def _check_same_audit(a: AuditSnapshot, b: AuditSnapshot) -> None:
    if a.audit is not None and b.audit is not None and a.audit.id != b.audit.id:
        raise ValueError(f"audit {b.audit.id} is not audit {a.audit.id}")


def combine_snapshots(a: AuditSnapshot, b: AuditSnapshot) -> AuditSnapshot:
    """Two incoming snapshots as one, whatever their order (metadata by
    :func:`combine_incoming_metadata`): how several inputs of one merge come together."""
    _check_same_audit(a, b)
    if a.audit is None or b.audit is None:
        audit = a.audit or b.audit
    else:
        audit = combine_incoming_metadata(a.audit, b.audit)
    return _contents(a, b, audit)


def merge_snapshots(local: AuditSnapshot, incoming: AuditSnapshot) -> AuditSnapshot:
    """``local`` with everything of ``incoming`` merged in; nothing of either is dropped.

    Sessions, notes, assessments, trend points and texts merge commutatively,
    associatively and idempotently; the audit's metadata follows
    :func:`merge_audit_metadata` (the local copy is authoritative), and every auditor
    of a session joins the team.
    """
    _check_same_audit(local, incoming)
    merged = _contents(local, incoming, None)
    if local.audit is None or incoming.audit is None:
        audit = local.audit or incoming.audit
    else:
        audit = merge_audit_metadata(local.audit, incoming.audit)
    if audit is not None:
        joining = {s.auditor for s in merged.sessions.values() if s.auditor} - set(audit.team)
        if joining:
            audit = replace(audit, team=(*audit.team, *sorted(joining)))
    return replace(merged, audit=audit)


def merge_all(local: AuditSnapshot, inputs: Iterable[AuditSnapshot]) -> AuditSnapshot:
    """``local`` with every input merged in: the inputs are combined first, so their
    order does not matter. This is what a merge of several bundles runs."""
    return merge_snapshots(local, reduce(combine_snapshots, inputs, AuditSnapshot(None)))
