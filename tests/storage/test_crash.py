"""Kill a writer with SIGKILL at random moments: every acknowledged note must survive.

A child process stores notes in a loop and prints each note's id only after
``add_note`` returned (the moment the UI would show it as saved). The parent kills it
at a random moment, then checks every printed id is on disk and every file parses.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from interview_assistant.domain.session import Interviewee
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.storage.repository import AuditStore

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from interview_assistant.storage.repository import AuditStore
    from interview_assistant.services.audit import AuditWorkspace

    ws = AuditWorkspace(AuditStore(Path(sys.argv[1])), sys.argv[2])
    session_id, round_no = sys.argv[3], sys.argv[4]
    i = 0
    print("ready", flush=True)
    while True:
        note = ws.add_note(session_id, f"ronde {round_no} notitie {i} #V{i % 15 + 1} @doc")
        if i % 7 == 3:
            ws.edit_note(session_id, note.id, f"ronde {round_no} notitie {i} aangepast #V1")
        print(note.id, flush=True)
        i += 1
    """
)

ROUNDS = 25


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_notes_acknowledged_before_a_kill_are_never_lost(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = AuditStore(data_dir)
    audit = create_audit(store, "Crash BV")
    ws = AuditWorkspace(store, audit.id)
    session_id = ws.start_session("Anna", [Interviewee("sociaal werker", ("P",))]).id
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    rng = random.Random(20261123)
    acknowledged: list[str] = []

    for round_no in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(script), str(data_dir), audit.id, session_id, str(round_no)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        acknowledged.extend(line.strip() for line in child.stdout if line.strip())

        for path in store.audit_dir(audit.id).rglob("*.json"):
            json.loads(path.read_bytes())  # every published file parses
        fresh = AuditStore(data_dir)
        on_disk = {n.id for n in AuditWorkspace(fresh, audit.id).notes(session_id)}
        assert fresh.take_problems() == []
        missing = [i for i in acknowledged if i not in on_disk]
        assert not missing, f"round {round_no}: lost {missing}"

    assert len(acknowledged) > ROUNDS  # the kills did land mid-stream
    fresh = AuditWorkspace(AuditStore(data_dir), audit.id)
    ids = [n.id for n in fresh.notes(session_id)]
    assert len(ids) == len(set(ids))  # nothing duplicated
