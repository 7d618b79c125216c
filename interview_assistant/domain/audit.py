"""The audit: the organisation, the core data of Part A, the edition and the target.

Everything here is filled in by the lead auditor and may be completed later; only
the organisation and the catalogue edition are needed to start interviewing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime


@dataclass(frozen=True)
class CoreData:
    """The 'Kerngegevens toetsing' of Part A, as free text the auditor types."""

    address: str = ""
    website: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    scope: str = ""
    size: str = ""
    audit_form: str = ""
    self_evaluation: str = ""
    visit_dates: str = ""
    locations: str = ""
    peer_auditors: str = ""
    lead_auditor: str = ""
    report_to_member: str = ""
    improvement_plan_received: str = ""
    report_final: str = ""
    summary_sent: str = ""

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class Audit:
    id: str
    organisation: str
    edition: str
    created: datetime
    target: int = 3
    team: tuple[str, ...] = ()
    core: CoreData = field(default_factory=CoreData)
