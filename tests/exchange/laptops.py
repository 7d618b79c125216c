"""Helpers for merge tests: one laptop per auditor, and a folder's exact state."""

from __future__ import annotations

from pathlib import Path

from interview_assistant.domain.session import Interviewee
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.storage.repository import AuditStore


def folder_state(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (but the lock) with its bytes: 'exactly as before' is equality."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


class Laptop:
    """One auditor's machine: a data folder and a name."""

    def __init__(self, root: Path, auditor: str) -> None:
        self.root = root
        self.auditor = auditor
        self.store = AuditStore(root)

    def fresh_store(self) -> AuditStore:
        return AuditStore(self.root)

    def workspace(self, audit_id: str) -> AuditWorkspace:
        return AuditWorkspace(self.fresh_store(), audit_id)

    def interview(self, audit_id: str, function: str, notes: list[str], role: str = "P") -> str:
        workspace = self.workspace(audit_id)
        session = workspace.start_session(self.auditor, [Interviewee(function, (role,))])
        for text in notes:
            workspace.add_note(session.id, text)
        return session.id
