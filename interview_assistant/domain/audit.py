"""The audit: the organisation, the core data of Part A, the edition and the target.

Everything here is filled in by the lead auditor and may be completed later; only
the organisation and the catalogue edition are needed to start interviewing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from interview_assistant.domain.errors import DomainError
from interview_assistant.messages import msg


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
    certification: str = ""
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


# -- the fields as the lead edits them -------------------------------------------------------


class FieldKind(StrEnum):
    TEXT = "tekst"  # one line
    LINES = "regels"  # several lines; renders as a list
    CHOICE = "keuze"  # one of a fixed list
    DATE = "datum"  # one date, stored as YYYY-MM-DD
    DATES = "data"  # several dates, stored as YYYY-MM-DD, comma-separated


#: "Gekozen vorm van het onderzoek": the options the example report's form lists.
AUDIT_FORMS: tuple[str, ...] = (
    "intercollegiale adviesmeting",
    "combi ICT met CI",
    "alleen CI op het label",
    "Combi Label en ISO/HKZ door CI",
)
#: First certification or re-certification (the seed: "Alleen Label; hercertificering").
CERTIFICATIONS: tuple[str, ...] = ("eerste certificering", "hercertificering")

CORE_FIELD_KINDS: dict[str, FieldKind] = {
    "scope": FieldKind.LINES,
    "size": FieldKind.LINES,
    "audit_form": FieldKind.CHOICE,
    "certification": FieldKind.CHOICE,
    "visit_dates": FieldKind.DATES,
    "locations": FieldKind.LINES,
    "peer_auditors": FieldKind.LINES,
    "report_to_member": FieldKind.DATE,
    "improvement_plan_received": FieldKind.DATE,
    "report_final": FieldKind.DATE,
    "summary_sent": FieldKind.DATE,
}
CORE_FIELD_CHOICES: dict[str, tuple[str, ...]] = {
    "audit_form": AUDIT_FORMS,
    "certification": CERTIFICATIONS,
}


def core_field_kind(name: str) -> FieldKind:
    return CORE_FIELD_KINDS.get(name, FieldKind.TEXT)


MONTHS: tuple[str, ...] = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_WRITTEN = re.compile(r"^(\d{1,2})\s+([a-z]+)\s+(\d{4})$")


def parse_date(text: str) -> date:
    """A date as a Dutch auditor types it: 10-3-2026, 10/03/2026, 10 maart 2026 or 2026-03-10."""
    word = " ".join(text.strip().lower().split())
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", word):
            return date.fromisoformat(word)
        match = _NUMERIC.match(word)
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        match = _WRITTEN.match(word)
        if match and match[2] in MONTHS:
            return date(int(match[3]), MONTHS.index(match[2]) + 1, int(match[1]))
    except ValueError:
        pass
    raise DomainError("report.field.bad_date", value=text.strip())


def parse_dates(text: str) -> tuple[date, ...]:
    """Several dates, sorted and once each: '10-3-2026, 11-3-2026' or '10 en 11 maart 2026'
    (a bare day takes the month and year of the date after it)."""
    parts = [p for p in re.split(r"\s*(?:[,;\n]|\ben\b)\s*", text.strip()) if p.strip()]
    found: set[date] = set()
    later: date | None = None
    for part in reversed(parts):
        if re.fullmatch(r"\d{1,2}", part.strip()) and later is not None:
            try:
                day = date(later.year, later.month, int(part))
            except ValueError:
                raise DomainError("report.field.bad_date", value=part.strip()) from None
        else:
            day = parse_date(part)
        found.add(day)
        later = day
    return tuple(sorted(found))


def dutch_date(value: date) -> str:
    """'10 maart 2026'."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def stored_dates(text: str) -> tuple[date, ...]:
    """The dates a DATE or DATES field holds (YYYY-MM-DD, comma-separated); others skipped."""
    found = []
    for part in text.split(","):
        try:
            found.append(date.fromisoformat(part.strip()))
        except ValueError:
            continue
    return tuple(found)


def normalise_core_value(name: str, value: str) -> str:
    """The value stored for core field ``name``; DomainError naming the field if invalid."""
    if name not in CoreData.field_names():
        raise DomainError(
            "report.field.unknown", field=name, fields=", ".join(CoreData.field_names())
        )
    kind = core_field_kind(name)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if kind is FieldKind.TEXT:
        return " ".join(value.split())
    if kind is FieldKind.LINES:
        return "\n".join(line.strip() for line in value.strip().split("\n") if line.strip())
    value = value.strip()
    if not value:
        return ""
    try:
        if kind is FieldKind.CHOICE:
            choices = CORE_FIELD_CHOICES[name]
            for choice in choices:
                if choice.lower() == " ".join(value.lower().split()):
                    return choice
            raise DomainError("report.field.bad_choice", value=value, choices="; ".join(choices))
        if kind is FieldKind.DATE:
            return parse_date(value).isoformat()
        return ", ".join(d.isoformat() for d in parse_dates(value))
    except DomainError as exc:
        raise DomainError(
            "report.field.bad", field=name, label=msg(f"report.field.{name}"), reason=str(exc)
        ) from exc


def with_core_value(core: CoreData, name: str, value: str) -> CoreData:
    return replace(core, **{name: normalise_core_value(name, value)})


class _Visited(Protocol):
    @property
    def started(self) -> datetime: ...
    @property
    def location(self) -> str: ...


def visit_proposal(sessions: Iterable[_Visited]) -> tuple[str, str]:
    """Visit dates (stored form: YYYY-MM-DD, comma-separated) and the locations, one per
    line, as the sessions recorded them: what the form proposes for 'ter plaatse'."""
    sessions = list(sessions)
    dates = sorted({s.started.date().isoformat() for s in sessions})
    places: dict[str, str] = {}
    for session in sessions:
        place = " ".join(session.location.split())
        if place:
            places.setdefault(place.lower(), place)
    return ", ".join(dates), "\n".join(places.values())
