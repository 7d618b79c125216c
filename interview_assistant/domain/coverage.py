"""How well each norm has been tested: distinct sources, factual sources, roles heard.

The target is to test every norm at least three times and as factually as possible.
A norm counts once per session however many notes it got, so typing five notes in one
interview does not fake three sources. The tally is incremental: storing one note
touches only the counters of that note's norms, so the UI can update live.

Roles heard: a note attributed to one interviewee of a group (``Note.speaker``) counts
that interviewee's roles; a note of the group (no speaker) counts every role present.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Session


class CoverageStatus(StrEnum):
    NONE = "none"
    BELOW = "below"
    MET = "met"


@dataclass(frozen=True)
class NormCoverage:
    norm_id: str
    sources: int
    factual: int
    roles: tuple[str, ...]
    target: int

    @property
    def status(self) -> CoverageStatus:
        if self.sources == 0:
            return CoverageStatus.NONE
        if self.sources < self.target:
            return CoverageStatus.BELOW
        return CoverageStatus.MET

    @property
    def missing(self) -> int:
        return max(0, self.target - self.sources)


class Coverage:
    """Per norm, per session: how many live notes and how many with evidence."""

    def __init__(self, norm_ids: Iterable[str], target: int) -> None:
        self.target = target
        self._norm_ids = tuple(norm_ids)
        # norm -> session id -> [notes, factual notes]
        self._tally: dict[str, dict[str, list[int]]] = {n: {} for n in self._norm_ids}
        self._session_roles: dict[str, tuple[str, ...]] = {}
        #: each session's interviewees' roles, by place (what an attributed note heard)
        self._people_roles: dict[str, tuple[tuple[str, ...], ...]] = {}
        # norm -> session id -> speaker -> live notes attributed to that interviewee
        self._heard: dict[str, dict[str, dict[int, int]]] = {}

    @classmethod
    def build(
        cls,
        norm_ids: Iterable[str],
        target: int,
        sessions: Iterable[Session],
        notes: Iterable[Note],
    ) -> Coverage:
        coverage = cls(norm_ids, target)
        for session in sessions:
            coverage.add_session(session)
        for note in notes:
            coverage.apply(None, note)
        return coverage

    def add_tally(
        self,
        session_id: str,
        tally: dict[str, list[int]],
        speakers: dict[str, dict[int, int]] | None = None,
    ) -> None:
        """Count one session's live notes given per norm as [notes, factual notes], and
        (``speakers``) per norm the live notes attributed to each interviewee."""
        for norm_id, (notes, factual) in tally.items():
            per_session = self._tally.get(norm_id)
            if per_session is None or notes <= 0:
                continue
            counts = per_session.setdefault(session_id, [0, 0])
            counts[0] += notes
            counts[1] += factual
        for norm_id, by_speaker in (speakers or {}).items():
            if norm_id in self._tally:
                heard = self._heard.setdefault(norm_id, {}).setdefault(session_id, {})
                for speaker, notes in by_speaker.items():
                    heard[speaker] = heard.get(speaker, 0) + notes

    def add_session(self, session: Session) -> None:
        self._session_roles[session.id] = session.roles
        self._people_roles[session.id] = tuple(i.roles for i in session.interviewees)

    def apply(self, before: Note | None, after: Note | None) -> None:
        """Account for one note changing from ``before`` to ``after`` (either may be None)."""
        if before is not None and not before.deleted:
            self._count(before.session_id, before.norms, before.factual, -1, before.speaker)
        if after is not None and not after.deleted:
            self._count(after.session_id, after.norms, after.factual, +1, after.speaker)

    def _count(
        self,
        session_id: str,
        norms: Iterable[str],
        factual: bool,
        step: int,
        speaker: int | None = None,
    ) -> None:
        for norm_id in norms:
            per_session = self._tally.get(norm_id)
            if per_session is None:
                continue
            counts = per_session.setdefault(session_id, [0, 0])
            counts[0] += step
            counts[1] += step * factual
            if counts[0] <= 0:
                del per_session[session_id]
            if speaker is not None:
                heard = self._heard.setdefault(norm_id, {}).setdefault(session_id, {})
                heard[speaker] = heard.get(speaker, 0) + step
                if heard[speaker] <= 0:
                    del heard[speaker]

    def _roles_heard(self, norm_id: str, session_id: str, notes: int) -> tuple[str, ...]:
        """The roles a session's live notes on a norm heard: an attributed note its
        interviewee's, a group note (or one whose interviewee is gone) every role."""
        everyone = self._session_roles.get(session_id, ())
        attributed = self._heard.get(norm_id, {}).get(session_id)
        if not attributed:
            return everyone
        people = self._people_roles.get(session_id, ())
        group = notes - sum(attributed.values())
        heard: set[str] = set(everyone) if group > 0 else set()
        for speaker, count in attributed.items():
            if count > 0:
                heard.update(people[speaker] if speaker < len(people) else everyone)
        return tuple(r for r in everyone if r in heard)

    def norm(self, norm_id: str) -> NormCoverage:
        per_session = self._tally[norm_id]
        roles: list[str] = []
        factual = 0
        for session_id, (notes, factual_notes) in per_session.items():
            if factual_notes > 0:
                factual += 1
            heard = self._roles_heard(norm_id, session_id, notes)
            roles.extend(r for r in heard if r not in roles)
        return NormCoverage(norm_id, len(per_session), factual, tuple(roles), self.target)

    def sessions_for(self, norm_id: str) -> tuple[str, ...]:
        return tuple(self._tally[norm_id])

    def all(self) -> dict[str, NormCoverage]:
        return {n: self.norm(n) for n in self._norm_ids}

    def least_covered(self, norm_ids: Iterable[str]) -> str | None:
        """The norm among ``norm_ids`` furthest from its target (first in order on ties)."""
        best: tuple[int, int, str] | None = None
        for norm_id in norm_ids:
            cov = self.norm(norm_id)
            key = (cov.sources, cov.factual, norm_id)
            if best is None or key[:2] < best[:2]:
                best = key
        return best[2] if best else None
