"""Fixtures for the line mode: an audit and an interview with a social worker."""

from __future__ import annotations

import pytest

from interview_assistant.domain.session import Interviewee
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.storage.repository import AuditStore


@pytest.fixture
def audit_id(store: AuditStore) -> str:
    return create_audit(store, "Stichting Welzijn Oost").id


@pytest.fixture
def workspace(store: AuditStore, audit_id: str) -> AuditWorkspace:
    return AuditWorkspace(store, audit_id)


@pytest.fixture
def session_id(workspace: AuditWorkspace) -> str:
    """An interview with a social worker (role P)."""
    interviewee = Interviewee("maatschappelijk werker", ("P",))
    return workspace.start_session("Anna", [interviewee]).id
