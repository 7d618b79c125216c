"""Turn domain objects into JSON documents and back.

The documents are the on-disk format; changing them means bumping the schema version
in :mod:`interview_assistant.storage.repository`.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from interview_assistant.domain.audit import Audit, CoreData
from interview_assistant.domain.ids import from_iso, to_iso
from interview_assistant.domain.note import Note, Revision
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import Evidence, NoteKind

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


def session_to_doc(session: Session) -> Doc:
    doc = {
        "id": session.id,
        "audit_id": session.audit_id,
        "auditor": session.auditor,
        "kind": session.kind.value,
        "interviewees": [
            {"function": i.function, "roles": list(i.roles)} for i in session.interviewees
        ],
        "location": session.location,
        "started": to_iso(session.started),
        "ended": to_iso(session.ended) if session.ended else None,
    }
    if session.current_norm is not None:  # absent until the auditor first moves
        doc["current_norm"] = session.current_norm
    return doc


def session_from_doc(doc: Doc) -> Session:
    current_norm = doc.get("current_norm")
    if current_norm is not None and not isinstance(current_norm, str):
        raise ValueError("huidige norm van de sessie is geen tekst")
    return Session(
        id=str(doc["id"]),
        audit_id=str(doc["audit_id"]),
        auditor=str(doc["auditor"]),
        kind=SessionKind(doc["kind"]),
        interviewees=tuple(
            Interviewee(str(i["function"]), tuple(i["roles"])) for i in doc["interviewees"]
        ),
        location=str(doc.get("location", "")),
        started=from_iso(doc["started"]),
        ended=_opt_time(doc.get("ended")),
        current_norm=current_norm,
    )


def revision_to_doc(revision: Revision) -> Doc:
    return {
        "at": to_iso(revision.at),
        "text": revision.text,
        "norms": list(revision.norms),
        "evidence": [e.value for e in revision.evidence],
        "kind": revision.kind.value,
        "clock": revision.clock,
    }


def _clock(doc: Doc, key: str) -> int:
    """A logical clock; absent in schema-1 files, which are read as clock 0."""
    value = doc.get(key, 0)
    if type(value) is not int or value < 0:
        raise ValueError(f"ongeldige klok: {value!r}")
    return value


# Direct value lookups: calling an Enum class is ~20x slower, and an audit has 20,000 notes.
_EVIDENCE = {e.value: e for e in Evidence}
_KINDS = {k.value: k for k in NoteKind}


def revision_from_doc(doc: Doc) -> Revision:
    try:
        evidence = tuple(_EVIDENCE[e] for e in doc["evidence"])
        kind = _KINDS[doc["kind"]]
    except (KeyError, TypeError) as exc:
        raise ValueError(f"onbekend bewijstype of soort: {exc}") from exc
    text = doc["text"]
    if not isinstance(text, str):
        raise ValueError("notitietekst is geen tekst")
    at = from_iso(doc["at"])
    return Revision(at, text, tuple(doc["norms"]), evidence, kind, _clock(doc, "clock"))


def note_to_doc(note: Note) -> Doc:
    return {
        "id": note.id,
        "session_id": note.session_id,
        "created": to_iso(note.created),
        "revisions": [revision_to_doc(r) for r in note.revisions],
        "deleted_at": to_iso(note.deleted_at) if note.deleted_at else None,
        "state_changed": to_iso(note.state_changed) if note.state_changed else None,
        "state_clock": note.state_clock,
    }


def note_from_doc(doc: Doc) -> Note:
    revisions = tuple(revision_from_doc(r) for r in doc["revisions"])
    if not revisions:
        raise ValueError(f"notitie {doc.get('id')} heeft geen tekst")
    if len(revisions) > 1:
        revisions = tuple(sorted(revisions, key=Revision.order))
    return Note(
        id=str(doc["id"]),
        session_id=str(doc["session_id"]),
        created=from_iso(doc["created"]),
        revisions=revisions,
        deleted_at=_opt_time(doc.get("deleted_at")),
        state_changed=_opt_time(doc.get("state_changed")),
        state_clock=_clock(doc, "state_clock"),
    )
