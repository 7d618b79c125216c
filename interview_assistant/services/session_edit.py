"""The rules for correcting a session's header after it started.

A session is corrected where it was recorded wrongly: the auditor, the kind, the
location, a partner's function or roles, a partner added to or taken out of a group.
Partners are known elsewhere by their position in the session: another interview's
"the same person as partner 2 of this one" (``same_as``). So a partner keeps their
place when corrected, new partners join at the end, and taking one out is refused
while anything points at them or at a partner after them (who would move up a place
and be taken for someone else). The correction itself is stored by
:meth:`AuditWorkspace.edit_session <interview_assistant.services.audit.AuditWorkspace.edit_session>`
under the audit's lock, counted on the header's logical clock so a merge keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.messages import msg, plural

if TYPE_CHECKING:
    from interview_assistant.services.audit import AuditWorkspace


def referenced_partners(workspace: AuditWorkspace, session: Session) -> dict[int, str]:
    """Per position of a partner of ``session``: the id of a session that links a person
    to them ("the same person as"), removed sessions included (they may come back)."""
    found: dict[int, str] = {}
    for log in (*workspace.logs.values(), *workspace.removed_logs.values()):
        if log.session.id == session.id:
            continue
        for interviewee in log.session.interviewees:
            link = interviewee.same_as
            if link is not None and link.session_id == session.id:
                found.setdefault(link.index, log.session.id)
    return found


def spoken_by(workspace: AuditWorkspace, session: Session) -> dict[int, int]:
    """Per position of a partner: how many notes of the session (deleted ones too: they
    may be restored) are attributed to them (a note's ``speaker``)."""
    counts: dict[int, int] = {}
    log = workspace.logs.get(session.id) or workspace.removed_logs.get(session.id)
    for note in log.notes if log is not None else ():
        if note.speaker is not None:
            counts[note.speaker] = counts.get(note.speaker, 0) + 1
    return counts


def removal_refused(workspace: AuditWorkspace, session: Session, index: int) -> str | None:
    """Why partner ``index`` (as recorded) cannot be taken out, in Dutch; None if it can:
    nothing may point at them or at a partner after them (who would move up a place)."""
    label = session.interviewees[index].label()
    spoken = spoken_by(workspace, session)
    for speaker in sorted(spoken):
        if speaker >= index:
            return msg(
                "session.partner_spoke",
                label=label,
                who=session.interviewees[speaker].label()
                if speaker < len(session.interviewees)
                else str(speaker + 1),
                notes=plural.count(spoken[speaker], "note"),
            )
    links = referenced_partners(workspace, session)
    for linked in sorted(links):
        if linked >= index:
            return msg(
                "session.partner_linked",
                label=label,
                who=session.interviewees[linked].label(),
                other=links[linked],
            )
    return None


def corrected_header(
    workspace: AuditWorkspace,
    session: Session,
    auditor: str | None,
    kind: SessionKind | None,
    location: str | None,
    interviewees: Sequence[Interviewee] | None,
    removed: tuple[int, ...],
) -> Session | None:
    """``session`` with the header corrected as asked, checked; None if nothing changes.

    ``interviewees`` are the partners kept, in their order, each possibly corrected,
    followed by any new ones; ``removed`` the positions (from 0) of the partners taken
    out. Without ``interviewees`` the partners are the current ones minus ``removed``.
    """
    current = session.interviewees
    for index in removed:
        if not 0 <= index < len(current):
            raise DomainError("session.no_partner", number=index + 1, count=len(current))
    if interviewees is None:
        interviewees = [p for i, p in enumerate(current) if i not in removed]
    partners = tuple(
        replace(p, function=p.function.strip(), roles=tuple(dict.fromkeys(p.roles)))
        for p in interviewees
    )
    if len(partners) < len(current) - len(set(removed)):
        raise DomainError("session.partners_missing")
    new_auditor = session.auditor if auditor is None else auditor.strip()
    new_kind = session.kind if kind is None else kind
    new_location = session.location if location is None else location.strip()
    links = referenced_partners(workspace, session)
    if removed:
        refused = removal_refused(workspace, session, min(removed))
        if refused:
            raise DomainError("session.refused", reason=refused)
    if new_kind is not SessionKind.INTERVIEW and session.kind is SessionKind.INTERVIEW and links:
        raise DomainError("session.kind_linked", other=next(iter(links.values())))
    for interviewee in partners:
        if interviewee.same_as is not None and interviewee.same_as.session_id == session.id:
            raise DomainError("session.same_as_self")
    workspace.check_header(new_auditor, new_kind, partners)
    corrected = replace(
        session,
        auditor=new_auditor,
        kind=new_kind,
        interviewees=partners,
        location=new_location,
    )
    return None if corrected.header() == session.header() else corrected
