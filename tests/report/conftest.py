"""The deterministic fixture audit, opened for review."""

from __future__ import annotations

import pytest
from audit_fixture import AUDIT_ID, build_fixture_audit

from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore


@pytest.fixture
def fixture_audit(store: AuditStore) -> str:
    return build_fixture_audit(store)


@pytest.fixture
def review(store: AuditStore, fixture_audit: str) -> AuditReview:
    return AuditReview.open(store, AUDIT_ID)
