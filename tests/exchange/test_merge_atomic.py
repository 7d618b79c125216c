"""A merge reads and writes the audit under its lock, and lands whole or not at all.

The kill test runs the merge in a child process that SIGKILLs itself at the n-th
``os.replace`` (or ``os.fsync``) it makes, for every n; whoever opens the audit next
must find either the whole merge or none of it, and no leftover files.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

import pytest
from laptops import folder_state

from interview_assistant.domain.assessment import Verdict
from interview_assistant.exchange import export_bundle, merge_inputs
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore


def test_an_edit_made_while_a_merge_waits_for_the_lock_is_kept(lead, bram, audit_id, tmp_path):
    export_bundle(lead.store, audit_id, tmp_path / "lead.zip")
    merge_inputs(bram.store, [tmp_path / "lead.zip"])
    bram.interview(audit_id, "sociaal werker", ["Inwerken met maatje #V2 @vb"])
    export_bundle(bram.fresh_store(), audit_id, tmp_path / "bram.zip")

    merging = lead.fresh_store()
    real_locked = merging.locked
    edited = []

    @contextmanager
    def locked(audit: str):
        if not edited:  # the lead edits in the TUI just before the merge gets the lock
            edited.append(audit)
            other = AuditWorkspace(lead.fresh_store(), audit_id)
            other.update_audit(core={"address": "Kerkstraat 1"})
            other.add_to_team("Dirk")
        with real_locked(audit):
            yield

    merging.locked = locked  # type: ignore[method-assign]
    report = merge_inputs(merging, [tmp_path / "bram.zip"])
    assert edited and report.auditors["Bram"].sessions.added == 1

    audit = lead.workspace(audit_id).audit
    assert audit.core.address == "Kerkstraat 1"
    assert {"Anna", "Bram", "Dirk"} <= set(audit.team)


CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path

    which, kill_at = sys.argv[3], int(sys.argv[4])
    real = getattr(os, which)
    calls = [0]

    def hooked(*args, **kwargs):
        if calls[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        calls[0] += 1
        return real(*args, **kwargs)

    setattr(os, which, hooked)
    from interview_assistant.exchange import merge_inputs
    from interview_assistant.storage.repository import AuditStore

    merge_inputs(AuditStore(Path(sys.argv[1])), [sys.argv[2]])
    print(calls[0], flush=True)
    """
)


def _run(script: Path, folder: Path, bundle: Path, which: str, kill_at: int) -> str:
    done = subprocess.run(
        [sys.executable, str(script), str(folder), str(bundle), which, str(kill_at)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode not in (0, -signal.SIGKILL):
        raise AssertionError(done.stderr)
    return done.stdout.strip()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_merge_killed_at_any_point_lands_whole_or_not_at_all(lead, bram, audit_id, tmp_path):
    export_bundle(lead.store, audit_id, tmp_path / "lead.zip")
    merge_inputs(bram.store, [tmp_path / "lead.zip"])
    for number in range(6):
        bram.interview(audit_id, f"functie {number}", [f"Notitie {number} #V{number + 1}"])
    shared = lead.workspace(audit_id)
    session_id = shared.sessions[0].id
    note_id = shared.notes(session_id)[0].id
    bram.workspace(audit_id).edit_note(session_id, note_id, "Aangevuld door Bram #O2 @doc")
    AuditReview.open(bram.fresh_store(), audit_id).propose("V2", "Bram", Verdict.VOLDOET)
    bundle = tmp_path / "bram.zip"
    export_bundle(bram.fresh_store(), audit_id, bundle)

    before = folder_state(lead.root)
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    calls = {}
    for which in ("replace", "fsync"):
        shutil.copytree(lead.root, tmp_path / f"whole-{which}")
        calls[which] = int(_run(script, tmp_path / f"whole-{which}", bundle, which, -1))
    after = folder_state(tmp_path / "whole-replace")
    assert after != before and calls["replace"] >= 8

    outcomes = []
    for which in ("replace", "fsync"):
        for kill_at in range(calls[which]):
            folder = tmp_path / f"{which}{kill_at}"
            shutil.copytree(lead.root, folder)
            assert _run(script, folder, bundle, which, kill_at) == ""  # it was killed
            AuditWorkspace(AuditStore(folder), audit_id)  # the next open settles the audit
            state = folder_state(folder)
            assert state in (before, after), f"half a merge after a kill at {which} {kill_at}"
            outcomes.append(state == after)
    assert any(outcomes) and not all(outcomes)  # kills landed on both sides of the commit
