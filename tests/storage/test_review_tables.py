"""Assessments, trend edits and report texts in audit.json: merged on save, never lost."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone

import pytest

from interview_assistant.domain.assessment import (
    Assessment,
    ReportText,
    TextKey,
    TrendEdit,
    TrendKind,
    Verdict,
)
from interview_assistant.services.audit import create_audit
from interview_assistant.storage import batch
from interview_assistant.storage.repository import AuditStore
from interview_assistant.storage.tinydb_storage import encode_tables

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_two_processes_saving_assessments_lose_nothing(store: AuditStore) -> None:
    audit = create_audit(store, "Stichting")
    other = AuditStore(store.data_dir)  # e.g. the line mode next to the TUI
    store.save_assessments(audit.id, [Assessment("V5").propose("Anna", Verdict.VOLDOET, at(0))])
    other.save_assessments(
        audit.id, [Assessment("V5").propose("Bram", Verdict.VOLDOET_NIET, at(1))]
    )
    stored = store.save_assessments(
        audit.id, [Assessment("V5").decide(Verdict.VERBETERPUNT, at(2), "Deels.")]
    )["V5"]
    assert [p.auditor for p in stored.proposals] == ["Anna", "Bram"]
    assert stored.verdict is Verdict.VERBETERPUNT
    assert AuditStore(store.data_dir).load_assessments(audit.id)["V5"] == stored


def test_trend_edits_and_texts_keep_the_newest(store: AuditStore) -> None:
    audit = create_audit(store, "Stichting")
    old = TrendEdit("n1", TrendKind.STRONG, "Oud", False, at(5), at(0), "n1")
    new = TrendEdit("n1", TrendKind.STRONG, "Nieuw", True, at(9), at(0), "n1")
    store.save_trend_edits(audit.id, [new])
    assert store.save_trend_edits(audit.id, [old])["n1"] == new
    store.save_report_texts(audit.id, [ReportText(TextKey.ADVICE, "Positief", at(3))])
    texts = AuditStore(store.data_dir).load_report_texts(audit.id)
    assert texts[TextKey.ADVICE].text == "Positief"
    audit_file = store.audit_dir(audit.id) / "audit.json"
    assert os.stat(audit_file).st_mode & 0o077 == 0
    assert set(json.loads(audit_file.read_text())) == {"meta", "trend", "report_texts"}


def test_an_unreadable_row_is_reported_and_skipped(store: AuditStore) -> None:
    audit = create_audit(store, "Stichting")
    store.save_assessments(audit.id, [Assessment("V1").decide(Verdict.VOLDOET, at(0))])
    store.upsert_audit_rows(audit.id, "assessments", "norm_id", [{"norm_id": "V2", "decisions": 3}])
    fresh = AuditStore(store.data_dir)
    assert set(fresh.load_assessments(audit.id)) == {"V1"}
    problems = fresh.take_problems()
    assert len(problems) == 1 and "assessments" in problems[0].message


def test_publish_is_all_or_nothing_when_staging_fails(store, tmp_path, monkeypatch) -> None:
    targets = [tmp_path / f"f{i}.json" for i in range(3)]
    for path in targets:
        path.write_bytes(b"old")
    real_stage = batch.stage_file

    def stage(path, data):
        if path == targets[2]:
            raise OSError(28, "No space left on device")
        return real_stage(path, data)

    monkeypatch.setattr(batch, "stage_file", stage)
    with pytest.raises(OSError):
        batch.publish_files([(p, b"new") for p in targets], tmp_path / ".journal")
    assert [p.read_bytes() for p in targets] == [b"old"] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f0.json", "f1.json", "f2.json"]
    monkeypatch.setattr(batch, "stage_file", real_stage)
    batch.publish_files([(p, b"new") for p in targets], tmp_path / ".journal")
    assert [p.read_bytes() for p in targets] == [b"new"] * 3
    assert all(os.stat(p).st_mode & 0o077 == 0 for p in targets)


def test_encode_tables_matches_what_the_store_writes(store: AuditStore) -> None:
    """Byte-identical files are how a re-merged bundle is recognised without decoding."""
    audit = create_audit(store, "Stichting Ü")
    store.save_assessments(audit.id, [Assessment("V1").decide(Verdict.VOLDOET, at(0), "Één")])
    raw = store.audit_file_bytes(audit.id)
    assert encode_tables(json.loads(raw)) == raw
