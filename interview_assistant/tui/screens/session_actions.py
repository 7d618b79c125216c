"""What the dashboard does with the session under its cursor: view it, correct it,
remove or restore it, and start a new one.

Kept apart from the dashboard's module so the dashboard stays about showing the audit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview_assistant.domain.errors import DomainError, describe_os_error
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace

if TYPE_CHECKING:
    from interview_assistant.tui.screens.dashboard import DashboardScreen


def new_session(screen: DashboardScreen, workspace: AuditWorkspace) -> None:
    """The new-session form, with this computer's auditor filled in (the first time on
    this computer the form asks for it and remembers it)."""
    screen.app.new_session(workspace)


def _chosen(screen: DashboardScreen) -> str | None:
    session_id = screen.chosen_session()
    if session_id is None:
        screen.app.notify(msg("session_tui.no_session"))
    return session_id


def view_session(screen: DashboardScreen) -> None:
    session_id = _chosen(screen)
    if session_id is not None and screen.workspace is not None:
        from interview_assistant.tui.screens.session_view import SessionViewScreen

        screen.app.push_screen(SessionViewScreen(screen.workspace, session_id))


def edit_session(screen: DashboardScreen) -> None:
    session_id = _chosen(screen)
    if session_id is not None and screen.workspace is not None:
        from interview_assistant.tui.screens.new_session import EditSessionScreen

        screen.app.push_screen(
            EditSessionScreen(screen.workspace, session_id), lambda _: screen.redraw()
        )


def delete_session(screen: DashboardScreen) -> None:
    session_id = _chosen(screen)
    workspace = screen.workspace
    if session_id is None or workspace is None:
        return
    from interview_assistant.tui.screens.choice import ConfirmDeleteScreen
    from interview_assistant.tui.screens.dashboard import source_label

    session = workspace.session(session_id)

    def answered(answer: str | None) -> None:
        if answer != "yes":
            return
        try:
            for_good = workspace.delete_session(session_id)
        except (DomainError, OSError) as exc:
            _error(screen, exc)
            return
        key = "session_tui.deleted_for_good" if for_good else "session_tui.deleted"
        screen.app.notify(msg(key))
        screen.redraw()

    notes = workspace.note_count(session_id)
    screen.app.push_screen(ConfirmDeleteScreen(source_label(session), notes), answered)


def restore_session(screen: DashboardScreen) -> None:
    workspace = screen.workspace
    if workspace is None:
        return
    removed = workspace.removed_sessions
    if not removed:
        screen.app.notify(msg("session_tui.restore_none"))
        return
    from interview_assistant.tui.screens.session_dialogs import RestoreScreen

    def chosen(session_id: str | None) -> None:
        if session_id is None:
            return
        try:
            workspace.restore_session(session_id)
        except (DomainError, OSError) as exc:
            _error(screen, exc)
            return
        screen.app.notify(msg("session_tui.restored"))
        screen.redraw()

    counts = [
        (s, sum(1 for n in workspace.removed_logs[s.id].notes if not n.deleted)) for s in removed
    ]
    screen.app.push_screen(RestoreScreen(counts), chosen)


def _error(screen: DashboardScreen, exc: Exception) -> None:
    text = (
        msg("store.write_failed", reason=describe_os_error(exc))
        if isinstance(exc, OSError)
        else str(exc)
    )
    screen.app.notify(text, title=msg("tui.notify.error_title"), severity="error")
