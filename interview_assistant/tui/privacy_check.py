"""A saved text of the review (core data, a finding, a trend point) read for personal data.

The text is on disk before it is read: the check runs on a worker of the app (so leaving
the screen does not cancel it), waits for deduce if it is still loading, and ends in a
notification that names what was found; the lead's marks ("this one is fine") are left out.
The screen that saved the text can then mark what was found as fine (:func:`mark_warned_fine`).
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.privacy import PrivacyGuardError, PrivacyMarks, privacy_guard

#: what was last warned about per place, so a text saved again while the lead types on
#: does not repeat the same warning
_warned: dict[tuple[str, str, str], tuple[str, ...]] = {}


def warned(workspace: AuditWorkspace, place: str, ref: str) -> tuple[str, ...]:
    """What the last warning about this saved text named (empty: none, or marked fine)."""
    return _warned.get((workspace.audit.id, place, ref), ())


def mark_warned_fine(workspace: AuditWorkspace, place: str, ref: str) -> list[str]:
    """Mark what the last warning about this text named as fine for the whole audit (a place
    or organisation name): not warned about again, no reason to refuse the final report.
    Returns the marked texts (empty: there was no warning)."""
    texts = warned(workspace, place, ref)
    if not texts:
        return []
    marked = PrivacyMarks(workspace).mark(texts)
    _warned[(workspace.audit.id, place, ref)] = ()
    return marked


def check_saved_text(
    app: App[Any], workspace: AuditWorkspace, place: str, ref: str, text: str
) -> None:
    """Read ``text`` (stored as ``place``/``ref``, see :class:`PlacedText`) off the UI thread."""
    if not text.strip():
        return

    def read() -> None:
        try:
            found = privacy_guard().check(text)
        except PrivacyGuardError:
            return  # no guard: the text is stored regardless
        if found:
            fine = PrivacyMarks(workspace).fine()
            found = [f for f in found if not PrivacyMarks.matches(f, fine)]
        key = (workspace.audit.id, place, ref)
        texts = tuple(f.text for f in found)
        if _warned.get(key) == texts:
            return
        _warned[key] = texts
        if not found:
            return
        listed = ", ".join(
            msg("privacy.line_finding", text=f.text, kind=msg(f"privacy.kind.{f.kind}"))
            for f in found
        )
        where = msg(f"privacy.place.{place}", ref=ref)
        audit_id = workspace.audit.id
        warning = msg("privacy.tui_saved_warning", place=where, found=listed, audit=audit_id)
        app.call_from_thread(app.notify, warning, severity="warning", timeout=15, markup=False)

    app.run_worker(read, thread=True, group="privacy", exit_on_error=False)
