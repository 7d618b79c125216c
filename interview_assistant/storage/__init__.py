"""Persistence of audits and session logs: the only code that touches files on disk."""

from interview_assistant.storage.repository import AuditStore, FileProblem, StoreError

__all__ = ["AuditStore", "FileProblem", "StoreError"]
