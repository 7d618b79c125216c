"""An audit whose file cannot be read stays in the audit list, with the reason.

A permission problem (``audit.json`` owned by root after one ``sudo``) is not
corruption: the file stays where it is and the audit is listed with "Geen toegang
tot ...". A corrupt file is set aside as before and the audit is listed with its
problem, then and on every later listing, instead of dropping out without a word.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def _without_root_override() -> None:
    """In the child: root reads any file regardless of its mode unless these two
    capabilities are gone; dropped from the bounding set, exec leaves them out."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interview_assistant", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        preexec_fn=_without_root_override,
    )


@pytest.fixture
def two_audits(tmp_path: Path) -> tuple[Path, str, str]:
    data = tmp_path / "data"
    first = cli(data, "audit", "new", "Stichting Oost").stdout.strip()
    second = cli(data, "audit", "new", "Stichting West").stdout.strip()
    assert first and second
    return data, first, second


def test_an_audit_file_we_may_not_read_stays_listed(two_audits) -> None:
    data, closed, open_ = two_audits
    audit_file = data / "audits" / closed / "audit.json"
    before = audit_file.read_bytes()
    audit_file.chmod(0o000)
    try:
        listed = cli(data, "audit", "list")
        as_json = cli(data, "audit", "list", "--json")
        opened = cli(data, "audit", "show", closed)
    finally:
        audit_file.chmod(0o600)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].startswith(f"{open_}  ") and lines[0].endswith("Stichting West")
    assert lines[1].startswith(f"{closed}  niet te openen: Geen toegang tot {audit_file}")
    assert "Traceback" not in listed.stderr and "Geen toegang" not in listed.stderr
    entries = {e["id"]: e for e in json.loads(as_json.stdout)}
    assert entries[open_]["organisation"] == "Stichting West"
    assert entries[closed]["problem"].startswith(f"Geen toegang tot {audit_file}")
    assert opened.returncode == 1 and "Geen toegang tot" in opened.stderr
    # the file is where it was, untouched, and nothing was set aside
    assert audit_file.read_bytes() == before
    assert not (audit_file.parent / "quarantine").exists()
    again = cli(data, "audit", "list").stdout
    assert "Stichting Oost" in again and "niet te openen" not in again


def test_an_audit_folder_we_may_not_enter_stays_listed(two_audits) -> None:
    data, closed, _ = two_audits
    folder = data / "audits" / closed
    folder.chmod(0o000)
    try:
        listed = cli(data, "audit", "list")
    finally:
        folder.chmod(0o700)
    assert listed.returncode == 0, listed.stderr
    assert f"{closed}  niet te openen: Geen toegang tot {folder}" in listed.stdout


def test_a_corrupt_audit_file_is_set_aside_and_the_audit_still_listed(two_audits) -> None:
    data, broken, open_ = two_audits
    audit_file = data / "audits" / broken / "audit.json"
    audit_file.write_bytes(b"{ kapot")
    first = cli(data, "audit", "list")
    assert first.returncode == 0, first.stderr
    (set_aside,) = (audit_file.parent / "quarantine").iterdir()
    assert set_aside.read_bytes() == b"{ kapot" and not audit_file.exists()
    line = next(x for x in first.stdout.splitlines() if x.startswith(broken))
    assert "is beschadigd" in line and str(set_aside) in line
    later = cli(data, "audit", "list").stdout.splitlines()
    assert later[0].startswith(open_)
    assert later[1] == (
        f"{broken}  niet te openen: De auditgegevens zijn eerder apart gezet in {set_aside}, "
        "omdat ze niet bruikbaar waren; de audit kan niet worden geopend."
    )
