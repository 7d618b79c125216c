"""The deterministic fixture audit, opened for review."""

from __future__ import annotations

import pytest
from audit_fixture import AUDIT_ID, at, build_fixture_audit

from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore


@pytest.fixture
def fixture_audit(store: AuditStore) -> str:
    return build_fixture_audit(store)


@pytest.fixture
def review(store: AuditStore, fixture_audit: str) -> AuditReview:
    # a fixed clock: the report's generation time is in the JSON and the Word properties
    return AuditReview.open(store, AUDIT_ID, clock=lambda: at(30 * 60))
