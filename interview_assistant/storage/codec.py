"""Turn domain objects into JSON documents, and the audit and session headers back.

The documents are the on-disk format described by :mod:`interview_assistant.storage.schema`
(which also decodes notes); changing them means bumping the schema version there. An
optional key that a reader may ignore needs no bump: an interviewee's ``same_as`` (the
same person as a partner of an earlier interview) is written only when set, so a file
without it reads as before and an older release reads a file with it, counting the
person twice as it always did. So are a session's ``header_clock`` (how often its header was
corrected) and ``deleted``/``delete_clock`` (removed by the auditor, reversibly): written
once set, read as 0 and not removed when absent; an older release shows a removed session.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from interview_assistant.domain.audit import Audit, CoreData
from interview_assistant.domain.ids import from_iso, to_iso
from interview_assistant.domain.note import Note, Revision
from interview_assistant.domain.session import Interviewee, PersonLink, Session, SessionKind

Doc = dict[str, Any]


def _opt_time(value: str | None):
    return from_iso(value) if value else None


def audit_to_doc(audit: Audit) -> Doc:
    return {
        "id": audit.id,
        "organisation": audit.organisation,
        "edition": audit.edition,
        "created": to_iso(audit.created),
        "target": audit.target,
        "team": list(audit.team),
        "core": asdict(audit.core),
    }


def audit_from_doc(doc: Doc) -> Audit:
    core_fields = set(CoreData.field_names())
    core = {k: str(v) for k, v in (doc.get("core") or {}).items() if k in core_fields}
    return Audit(
        id=str(doc["id"]),
        organisation=str(doc["organisation"]),
        edition=str(doc["edition"]),
        created=from_iso(doc["created"]),
        target=int(doc.get("target", 3)),
        team=tuple(doc.get("team", ())),
        core=CoreData(**core),
    )


def _interviewee_to_doc(interviewee: Interviewee) -> Doc:
    doc: Doc = {"function": interviewee.function, "roles": list(interviewee.roles)}
    if interviewee.same_as is not None:  # absent in files without a link: read as before
        link = interviewee.same_as
        doc["same_as"] = {"session": link.session_id, "index": link.index}
    return doc


def _interviewee_from_doc(doc: Doc) -> Interviewee:
    link = doc.get("same_as")
    same_as = None
    if link is not None:
        session_id = link.get("session") if isinstance(link, dict) else None
        index = link.get("index") if isinstance(link, dict) else None
        if not isinstance(session_id, str) or type(index) is not int or index < 0:
            raise ValueError("verwijzing naar dezelfde gesprekspartner is onleesbaar")
        same_as = PersonLink(session_id, index)
    return Interviewee(str(doc["function"]), tuple(doc["roles"]), same_as)


def session_to_doc(session: Session) -> Doc:
    doc: Doc = {
        "id": session.id,
        "audit_id": session.audit_id,
        "auditor": session.auditor,
        "kind": session.kind.value,
        "interviewees": [_interviewee_to_doc(i) for i in session.interviewees],
        "location": session.location,
        "started": to_iso(session.started),
        "ended": to_iso(session.ended) if session.ended else None,
    }
    if session.current_norm is not None:  # absent until the auditor first moves
        doc["current_norm"] = session.current_norm
        doc["walk_clock"] = session.walk_clock
    if session.header_clock:  # absent until the header is first corrected
        doc["header_clock"] = session.header_clock
    if session.delete_clock:  # absent until first removed: an older release shows it
        doc["deleted"] = session.deleted
        doc["delete_clock"] = session.delete_clock
    if session.no_answer_clock:  # absent until a norm is first marked asked, no answer
        doc["no_answer"] = list(session.no_answer)
        doc["no_answer_clock"] = session.no_answer_clock
    return doc


def _count(doc: Doc, key: str, what: str) -> int:
    value = doc.get(key, 0)
    if type(value) is not int or value < 0:
        raise ValueError(f"{what} van de sessie is geen natuurlijk getal")
    return value


def session_from_doc(doc: Doc) -> Session:
    current_norm = doc.get("current_norm")
    if current_norm is not None and not isinstance(current_norm, str):
        raise ValueError("huidige norm van de sessie is geen tekst")
    walk_clock = _count(doc, "walk_clock", "looptelling")
    deleted = doc.get("deleted", False)
    if type(deleted) is not bool:
        raise ValueError("'verwijderd' van de sessie is geen ja of nee")
    no_answer = doc.get("no_answer", [])
    if not isinstance(no_answer, list) or not all(isinstance(n, str) for n in no_answer):
        raise ValueError("normen zonder antwoord van de sessie zijn geen lijst van normen")
    return Session(
        id=str(doc["id"]),
        audit_id=str(doc["audit_id"]),
        auditor=str(doc["auditor"]),
        kind=SessionKind(doc["kind"]),
        interviewees=tuple(_interviewee_from_doc(i) for i in doc["interviewees"]),
        location=str(doc.get("location", "")),
        started=from_iso(doc["started"]),
        ended=_opt_time(doc.get("ended")),
        current_norm=current_norm,
        walk_clock=walk_clock,
        header_clock=_count(doc, "header_clock", "wijzigingstelling"),
        deleted=deleted,
        delete_clock=_count(doc, "delete_clock", "verwijdertelling"),
        no_answer=tuple(dict.fromkeys(no_answer)),
        no_answer_clock=_count(doc, "no_answer_clock", "telling van normen zonder antwoord"),
    )


def revision_to_doc(revision: Revision) -> Doc:
    doc: Doc = {
        "at": to_iso(revision.at),
        "text": revision.text,
        "norms": list(revision.norms),
        "evidence": [e.value for e in revision.evidence],
        "kind": revision.kind.value,
        "clock": revision.clock,
    }
    if len(revision.kinds) > 1:
        doc["kinds"] = [k.value for k in revision.kinds]
    return doc


def note_to_doc(note: Note) -> Doc:
    """A note's document; a tombstone's has ``purged`` and no revisions (schema 3; the
    key is absent on every other note, so files without tombstones stay schema 2)."""
    doc: Doc = {
        "id": note.id,
        "session_id": note.session_id,
        "created": to_iso(note.created),
        "revisions": [revision_to_doc(r) for r in note.revisions],
        "deleted_at": to_iso(note.deleted_at) if note.deleted_at else None,
        "state_changed": to_iso(note.state_changed) if note.state_changed else None,
        "state_clock": note.state_clock,
    }
    if note.purged is not None:
        doc["purged"] = {"at": to_iso(note.purged.at), "by": note.purged.by}
    if note.speaker is not None:  # a group note is written as before
        doc["speaker"] = note.speaker
    return doc
