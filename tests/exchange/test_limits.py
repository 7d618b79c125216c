"""One set of limits for export and merge, applied to a whole merge call."""

from __future__ import annotations

from pathlib import Path

import pytest
from laptops import Laptop, folder_state

from interview_assistant.domain.errors import DomainError
from interview_assistant.exchange import limits
from interview_assistant.services.data_folder import DataFolder


def bundles(lead: Laptop, audit_id: str, team: list[Laptop], tmp_path: Path) -> list[Path]:
    """Each team member joins the audit from the lead's bundle, interviews, exports."""
    start = tmp_path / "start.zip"
    DataFolder(lead.root).export(audit_id, start)
    paths = []
    for member in team:
        DataFolder(member.root).merge([start])
        member.interview(
            audit_id,
            "jongerenwerker",
            [f"Notitie van {member.auditor} #V{i % 15 + 1}" for i in range(40)],
        )
        path = tmp_path / f"{member.auditor}.zip"
        DataFolder(member.root).export(audit_id, path)
        paths.append(path)
    return paths


def test_the_merge_limit_holds_for_all_inputs_together(
    lead: Laptop, bram: Laptop, cees: Laptop, audit_id: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    paths = bundles(lead, audit_id, [bram, cees], tmp_path)
    sizes = [sum(len(e) for e in _entries(p)) for p in paths]
    monkeypatch.setattr(limits, "MAX_MERGE_UNCOMPRESSED", max(sizes) + 1)  # each fits alone
    before = folder_state(lead.root)
    with pytest.raises(DomainError, match=r"te groot|samenvoeging"):
        DataFolder(lead.root).merge(paths)
    assert folder_state(lead.root) == before
    DataFolder(lead.root).merge(paths[:1])  # one at a time is fine


def test_export_refuses_what_merge_would_refuse(
    lead: Laptop, audit_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_file = next((lead.root / "audits" / audit_id / "sessions").glob("*.json"))
    monkeypatch.setattr(limits, "MAX_JSON_BYTES", session_file.stat().st_size - 1)
    output = tmp_path / "te-groot.zip"
    with pytest.raises(DomainError, match="te groot voor een bundel") as info:
        DataFolder(lead.root).export(audit_id, output)
    assert "samenvoeging" in str(info.value)
    assert not output.exists() and not list(tmp_path.glob(".*.tmp"))


def _entries(path: Path) -> list[bytes]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return [archive.read(name) for name in archive.namelist() if name.endswith(".json")]
