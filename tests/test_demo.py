"""The shipped demo audit: realistic, readable without problems, rebuilt identically,
and opened only as a copy so the repository is never written to."""

from __future__ import annotations

import hashlib
import json
import shutil
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from interview_assistant import cli
from interview_assistant.domain.session import SessionKind
from interview_assistant.domain.tags import parse_note
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.demo import DEMO_DATA_DIR, install_demo
from interview_assistant.storage.repository import AuditStore

BUILD_SCRIPT = DEMO_DATA_DIR.parent / "build_demo.py"


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path) with the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def build_into(output: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), str(output)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interview_assistant", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def demo_copy(tmp_path: Path) -> AuditWorkspace:
    """The demo opened from a plain file copy, so a broken file is never moved in the repo."""
    folder = tmp_path / "demo-files"
    shutil.copytree(DEMO_DATA_DIR, folder)
    for path in [folder, *folder.rglob("*")]:  # owner-only, as the store writes them
        path.chmod(0o700 if path.is_dir() else 0o600)
    store = AuditStore(folder)
    (audit_id,) = store.audit_ids()
    return AuditWorkspace(store, audit_id)


def test_demo_loads_without_problems(demo_copy: AuditWorkspace) -> None:
    assert demo_copy.store.take_problems() == []
    assert demo_copy.audit.organisation == "Stichting Welzijn De Brug"
    assert len(demo_copy.sessions) == len(demo_copy.store.session_ids(demo_copy.audit.id))
    assert not (demo_copy.store.audit_dir(demo_copy.audit.id) / "quarantine").exists()


def test_demo_has_two_auditors_and_varied_sessions(demo_copy: AuditWorkspace) -> None:
    sessions = demo_copy.sessions
    assert 6 <= len(sessions) <= 10
    assert len(demo_copy.audit.team) == 2
    assert {s.auditor for s in sessions} == set(demo_copy.audit.team)
    assert {s.kind for s in sessions} == set(SessionKind)
    roles = {role for s in sessions for role in s.roles}
    assert {"P", "Mng", "P&O", "BKC", "S", "BV"} <= roles
    assert any(len(s.interviewees) >= 2 for s in sessions), "a group interview"
    assert all(not s.is_open for s in sessions)
    for session in sessions:
        assert 8 <= len(demo_copy.notes(session.id)) <= 20, session.functions


def test_demo_core_data_is_filled_in(demo_copy: AuditWorkspace) -> None:
    core = demo_copy.audit.core
    for name in ("scope", "size", "audit_form", "visit_dates", "locations", "lead_auditor"):
        assert getattr(core, name), name


def test_every_demo_note_parses_to_what_is_stored(demo_copy: AuditWorkspace) -> None:
    norm_ids = dict.fromkeys(demo_copy.catalogue.norm_ids)
    notes = [n for s in demo_copy.sessions for n in demo_copy.notes(s.id, include_deleted=True)]
    assert notes
    for note in notes:
        for revision in note.revisions:
            parsed = parse_note(revision.text, norm_ids)
            assert (parsed.norms, parsed.evidence, parsed.kind) == (
                revision.norms,
                revision.evidence,
                revision.kind,
            ), revision.text
    kinds = Counter(note.kind.value for note in notes)
    assert {"bevinding", "knelpunt", "suggestie", "compliment", "zorgpunt"} <= set(kinds)
    assert sum(1 for note in notes if note.factual) > len(notes) / 2


def test_demo_coverage_has_gaps_and_met_norms(demo_copy: AuditWorkspace) -> None:
    statuses = Counter(c.status.value for c in demo_copy.coverage.all().values())
    assert statuses["met"] > 0
    assert statuses["below"] > 0
    assert statuses["none"] > 0


def test_install_demo_copies_owner_only(tmp_path: Path) -> None:
    data_dir = tmp_path / "user-data"
    store = AuditStore(data_dir)
    audit_id = install_demo(store)

    assert store.audit_ids() == [audit_id]
    for path in data_dir.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_using_the_copy_leaves_the_repository_untouched(tmp_path: Path) -> None:
    before = tree_digest(DEMO_DATA_DIR)
    store = AuditStore(tmp_path / "user-data")
    audit_id = install_demo(store)

    workspace = AuditWorkspace.open(store, audit_id)
    session = workspace.sessions[0]
    note = workspace.add_note(session.id, "Extra notitie in de kopie. @doc #V14")
    assert workspace.norm_coverage("V14").sources == 1

    assert tree_digest(DEMO_DATA_DIR) == before
    reopened = AuditWorkspace.open(AuditStore(tmp_path / "user-data"), audit_id)
    assert note.id in {n.id for n in reopened.notes(session.id)}
    fresh_store = AuditStore(tmp_path / "again")
    pristine = AuditWorkspace(fresh_store, install_demo(fresh_store))
    assert pristine.norm_coverage("V14").sources == 0


def test_install_demo_twice_keeps_the_users_copy(tmp_path: Path) -> None:
    store = AuditStore(tmp_path / "user-data")
    audit_id = install_demo(store)
    workspace = AuditWorkspace(store, audit_id)
    session = workspace.sessions[-1]
    note = workspace.add_note(session.id, "Eigen notitie. #O3")

    assert install_demo(store) == audit_id
    assert note.id in {n.id for n in AuditWorkspace(store, audit_id).notes(session.id)}


def test_build_script_reproduces_the_committed_demo(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for output in (first, second):
        result = build_into(output)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == AuditStore(DEMO_DATA_DIR).audit_ids()[0]
    assert tree_digest(first) == tree_digest(second)
    assert tree_digest(first) == tree_digest(DEMO_DATA_DIR), (
        "sessions/demo is out of date: run python sessions/build_demo.py and commit the result"
    )


def test_build_script_replaces_an_earlier_build_but_nothing_else(tmp_path: Path) -> None:
    output = tmp_path / "out"
    assert build_into(output).returncode == 0
    assert build_into(output).returncode == 0
    assert tree_digest(output) == tree_digest(DEMO_DATA_DIR)

    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "report.docx").write_bytes(b"not a demo")
    result = build_into(precious)
    assert result.returncode == 2
    assert (precious / "report.docx").read_bytes() == b"not a demo"


def test_cli_demo_then_coverage(tmp_path: Path) -> None:
    data_dir = tmp_path / "cli-data"
    result = run_cli(data_dir, "demo")
    assert result.returncode == 0, result.stderr
    audit_id = result.stdout.strip()
    assert result.stdout == audit_id + "\n"
    assert "Stichting Welzijn De Brug" in result.stderr

    coverage = run_cli(data_dir, "coverage", audit_id, "--json")
    assert coverage.returncode == 0, coverage.stderr
    data = json.loads(coverage.stdout)
    assert data["target"] == 3
    assert len(data["norms"]) == 49
    statuses = Counter(n["status"] for n in data["norms"].values())
    assert statuses["none"] > 0 and statuses["below"] > 0 and statuses["met"] > 0
    assert coverage.stderr == ""

    again = run_cli(data_dir, "demo")
    assert again.returncode == 0
    assert again.stdout == audit_id + "\n"
    assert "stond al" in again.stderr


def test_cli_demo_refuses_the_demo_folder_itself() -> None:
    before = tree_digest(DEMO_DATA_DIR)
    result = run_cli(DEMO_DATA_DIR, "demo")
    assert result.returncode == 2
    assert "bronmap" in result.stderr
    assert result.stdout == ""
    assert tree_digest(DEMO_DATA_DIR) == before


def test_cli_demo_reports_a_missing_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("interview_assistant.services.demo.DEMO_DATA_DIR", tmp_path / "gone")
    status = cli.main(["demo", "--data-dir", str(tmp_path / "user-data")])
    out, err = capsys.readouterr()
    assert status == 1
    assert out == ""
    assert "demo-audit ontbreekt" in err
