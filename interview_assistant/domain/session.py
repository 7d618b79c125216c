"""One source of evidence: an interview, a document review or an observation round.

Interviewees are recorded by function and role codes only; their names are never
stored, so nothing confidential about a person can leak into a report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from interview_assistant.messages import msg


class SessionKind(StrEnum):
    INTERVIEW = "interview"
    DOCUMENTSTUDIE = "documentstudie"
    OBSERVATIE = "observatie"


@dataclass(frozen=True)
class PersonLink:
    """ "The same person as in interview X": the earlier session's id and the position
    (0-based) of the interviewee there. Anonymous by construction: it names no one, yet
    lets the report count a person heard in two interviews once."""

    session_id: str
    index: int


@dataclass(frozen=True)
class Interviewee:
    function: str
    roles: tuple[str, ...]
    #: set when this person was heard before in another session of the audit
    same_as: PersonLink | None = None

    def label(self) -> str:
        return f"{self.function} ({', '.join(self.roles)})" if self.roles else self.function


@dataclass(frozen=True)
class Session:
    id: str
    audit_id: str
    auditor: str
    kind: SessionKind
    interviewees: tuple[Interviewee, ...]
    location: str
    started: datetime
    ended: datetime | None = None
    #: the norm the auditor was on when they last moved; None in logs written before it was kept
    current_norm: str | None = None
    #: how many times the walk moved: the copy that moved most holds the latest position,
    #: whatever the laptops' clocks say (a merge keeps its ``current_norm``)
    walk_clock: int = 0
    #: how many corrections the header (auditor, kind, partners, location) has seen: a
    #: correction counts one past the copy it changed, so a merge keeps the newest header
    #: whatever the laptops' clocks say
    header_clock: int = 0
    #: removed by the auditor (reversibly): hidden from coverage, lists and the report
    deleted: bool = False
    #: how many times the session was removed or restored: the state with the higher
    #: count wins a merge, so a merge neither brings a removed session back nor loses a
    #: restore, and a correction of the header on another laptop does not interfere
    delete_clock: int = 0
    #: norms asked in this session that got no answer ("gevraagd, geen antwoord"): not a
    #: source (coverage does not count them), but shown, and the walk's gap skips them here
    no_answer: tuple[str, ...] = ()
    #: how many times ``no_answer`` changed: the copy that changed it most wins a merge
    no_answer_clock: int = 0

    def with_no_answer(self, norm_id: str, asked: bool) -> Session:
        """The session with ``norm_id`` marked (or no longer marked) as asked, no answer."""
        if (norm_id in self.no_answer) == asked:
            return self
        marked = (
            (*self.no_answer, norm_id)
            if asked
            else tuple(n for n in self.no_answer if n != norm_id)
        )
        return replace(self, no_answer=marked, no_answer_clock=self.no_answer_clock + 1)

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role code of every interviewee, first occurrence first."""
        seen: list[str] = []
        for interviewee in self.interviewees:
            seen.extend(r for r in interviewee.roles if r not in seen)
        return tuple(seen)

    @property
    def functions(self) -> str:
        return ", ".join(i.function for i in self.interviewees)

    @property
    def is_open(self) -> bool:
        return self.ended is None

    def end(self, at: datetime) -> Session:
        return replace(self, ended=at)

    def header(self) -> tuple:
        """What a correction changes, comparable: a merge keeps the header with the higher
        ``header_clock`` and, on a tie, the greater of these (deterministic)."""
        return (
            self.auditor,
            self.kind.value,
            self.location,
            tuple(
                (
                    i.function,
                    i.roles,
                    (i.same_as.session_id, i.same_as.index) if i.same_as else None,
                )
                for i in self.interviewees
            ),
        )

    def corrected(
        self,
        auditor: str,
        kind: SessionKind,
        interviewees: tuple[Interviewee, ...],
        location: str,
    ) -> Session:
        """This session with a corrected header, its clock one past this copy's."""
        return replace(
            self,
            auditor=auditor,
            kind=kind,
            interviewees=interviewees,
            location=location,
            header_clock=self.header_clock + 1,
        )

    def removed(self, deleted: bool = True) -> Session:
        """This session removed (or restored with ``deleted=False``), counted past this copy."""
        return replace(self, deleted=deleted, delete_clock=self.delete_clock + 1)


PersonKey = tuple[str, int]


@dataclass(frozen=True)
class HeardPerson:
    """An interviewee of an earlier interview a new partner can be linked to."""

    link: PersonLink
    interviewee: Interviewee
    session: Session
    #: the interview's number in the audit (1 for the first interview)
    interview_number: int

    def option_label(self) -> str:
        """'teamleider (TL), gesprek 2 (Anna, 27-11 10:05)': who, without a name."""
        return msg(
            "session.person_option",
            label=self.interviewee.label(),
            number=self.interview_number,
            auditor=self.session.auditor,
            started=self.session.started.astimezone().strftime("%d-%m %H:%M"),
        )


def heard_people(sessions: Iterable[Session]) -> tuple[HeardPerson, ...]:
    """Every person heard in an interview, once: a partner already linked to an earlier
    one is that person and is not offered again. Interviews in the order they started."""
    interviews = sorted(
        (s for s in sessions if s.kind is SessionKind.INTERVIEW), key=lambda s: (s.started, s.id)
    )
    roots = same_person_roots(interviews)
    people: list[HeardPerson] = []
    for number, session in enumerate(interviews, start=1):
        for index, interviewee in enumerate(session.interviewees):
            if roots[(session.id, index)] == (session.id, index):
                people.append(
                    HeardPerson(PersonLink(session.id, index), interviewee, session, number)
                )
    return tuple(people)


def same_person_roots(sessions: Iterable[Session]) -> dict[PersonKey, PersonKey]:
    """Each interviewee's (session id, index) mapped to the first hearing of the same
    person, following ``same_as`` links. A link to a session or position not among
    ``sessions`` (not merged in yet, or not an interview) leaves the person on their own;
    a cycle (only possible in a hand-edited file) stops where it closes."""
    people = {
        (s.id, i): interviewee for s in sessions for i, interviewee in enumerate(s.interviewees)
    }
    roots: dict[PersonKey, PersonKey] = {}
    for key in people:
        seen = [key]
        current = key
        while True:
            link = people[current].same_as
            target = (link.session_id, link.index) if link else None
            if target is None or target not in people or target in seen:
                break
            if target in roots:
                current = roots[target]
                break
            seen.append(target)
            current = target
        for visited in seen:
            roots.setdefault(visited, current)
    return roots
