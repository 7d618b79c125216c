"""What a purged note leaves behind outside its session log, and taking it away too.

Purging removes a note's text and history from its session log (``AuditStore.purge_note``).
Two tables of the audit file can hold words of that text as well: the lead's marks on
personal-data findings ("this name is fine") store the finding's text, and a trend point
taken from the note stores the lead's rewording of it. A mark is forgotten when its text
stood in the purged note and stands nowhere else in the audit; a trend point's wording is
replaced by an empty, hidden edit (newer than the one it replaces, so a merge of an older
copy of the audit file keeps it empty).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from interview_assistant.domain.ids import now
from interview_assistant.domain.note import Note

if TYPE_CHECKING:
    from interview_assistant.services.audit import AuditWorkspace

_MICROSECOND = timedelta(microseconds=1)


def forget_traces(workspace: AuditWorkspace, note: Note) -> None:
    """Take the words of ``note`` (as it was before the purge; already gone from the
    workspace) out of the audit file's privacy marks and trend edits. Call it holding
    ``workspace.lock``."""
    from interview_assistant.services.privacy import audit_texts, mark_key
    from interview_assistant.services.review import AuditReview

    store, audit_id = workspace.store, workspace.audit.id
    purged = [mark_key(revision.text) for revision in note.revisions]
    marks = store.load_privacy_marks(audit_id)
    candidates = [key for key in marks if any(key in text for text in purged)]
    if candidates:
        elsewhere = [mark_key(placed.text) for placed in audit_texts(AuditReview(workspace))]
        gone = [key for key in candidates if not any(key in text for text in elsewhere)]
        if gone:
            store.forget_privacy_marks(audit_id, gone)
    held = store.load_trend_edits(audit_id).get(note.id)
    if held is not None and held.note_id == note.id and (held.text or not held.hidden):
        at = max(now(), held.at + _MICROSECOND)
        store.save_trend_edits(audit_id, [replace(held, text="", hidden=True, at=at)])


def set_aside_copies(workspace: AuditWorkspace, note: Note) -> list[str]:
    """Files in the audit's quarantine (unreadable files, kept untouched) that still hold
    a text of ``note`` (as it was before the purge): for the front end to point out."""
    texts = [revision.text for revision in note.revisions]
    with workspace.lock:
        return [str(p) for p in workspace.store.set_aside_with(workspace.audit.id, texts)]
