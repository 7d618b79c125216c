"""Another process's changes: the file watcher reports them, a refresh brings them in.

"Another process" is a second ``DataFolder`` on the same folder: its own store, its own
cache, its own lock object, exactly what the line mode or the CLI has.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path

import pytest

from interview_assistant.domain.assessment import TextKey, Verdict
from interview_assistant.domain.session import Interviewee
from interview_assistant.services.data_folder import DataFolder
from interview_assistant.services.review import AuditReview
from interview_assistant.services.watch import AuditWatcher, FolderChange

#: generous: guards against a hang, does not measure speed (benchmarks/bench_tui.py does)
WAIT = 8.0


@pytest.fixture
def opened(isolated_data_dir: Path) -> tuple[DataFolder, AuditReview, str]:
    folder = DataFolder(isolated_data_dir)
    audit = folder.create_audit("Stichting Welzijn Noord")
    workspace = folder.open_audit(audit.id)
    session = workspace.start_session("Anna de Vries", [Interviewee("teamleider", ("Mng",))])
    workspace.add_note(session.id, "Eerste notitie #V1")
    return folder, AuditReview(workspace), session.id


def other_process(folder: DataFolder, audit_id: str) -> AuditReview:
    return DataFolder(folder.path).open_review(audit_id)


def next_change(changes: queue.Queue[FolderChange], wanted) -> FolderChange:
    """The first reported change that ``wanted`` accepts (bursts may be split)."""
    while True:
        change = changes.get(timeout=WAIT)
        if wanted(change):
            return change


def test_the_watcher_reports_which_files_another_process_changed(opened) -> None:
    folder, review, session_id = opened
    audit_id = review.audit.id
    changes: queue.Queue[FolderChange] = queue.Queue()
    watcher = AuditWatcher(review.store, audit_id, changes.put)
    watcher.start()
    try:
        first = changes.get(timeout=WAIT)
        assert first.catch_up and first.audit_file  # check everything once when armed
        other = other_process(folder, audit_id)
        other.workspace.add_note(session_id, "Van elders #V2")
        change = next_change(changes, lambda c: c.sessions)
        assert change.sessions == {session_id} and not change.catch_up
        other.decide("V2", Verdict.VOLDOET, "Aangetoond.")
        change = next_change(changes, lambda c: c.audit_file)
        assert change.sessions == frozenset()
        # the lock, temp files and the quarantine are not the audit's content
        (folder.path / "audits" / audit_id / "quarantine").mkdir()
        (folder.path / "audits" / audit_id / "quarantine" / "x.json").write_text("{}")
        (folder.path / "audits" / audit_id / "sessions" / ".x.json.tmp").write_text("{}")
        other.workspace.add_note(session_id, "Nog een #V3")
        change = next_change(changes, lambda c: True)
        assert change == FolderChange(audit_file=False, sessions=frozenset({session_id}))
    finally:
        watcher.stop()
    assert not watcher.running and watcher.error is None


def test_without_change_notifications_the_watcher_polls_on_its_thread(
    opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The OS refuses a watch (inotify limit reached): changes still arrive, by polling.

    Two writes within one second too: the poll compares inode, size and mtime in ns.
    """
    import watchfiles

    refused = OSError(28, "OS file watch limit reached")

    def watch(*paths, **kwargs):
        raise refused

    monkeypatch.setattr(watchfiles, "watch", watch)
    folder, review, session_id = opened
    changes: queue.Queue[FolderChange] = queue.Queue()
    watcher = AuditWatcher(review.store, review.audit.id, changes.put)
    watcher.start()
    try:
        assert changes.get(timeout=WAIT).catch_up
        other = other_process(folder, review.audit.id)
        other.workspace.add_note(session_id, "Gepold #V2")
        assert next_change(changes, lambda c: c.sessions).sessions == {session_id}
        other.decide("V2", Verdict.VOLDOET)
        assert next_change(changes, lambda c: True) == FolderChange(True, frozenset())
        assert watcher.error is refused and watcher.running
    finally:
        watcher.stop()
    assert not watcher.running


def test_a_stopped_watcher_reports_nothing_more(opened) -> None:
    folder, review, session_id = opened
    changes: queue.Queue[FolderChange] = queue.Queue()
    watcher = AuditWatcher(review.store, review.audit.id, changes.put)
    watcher.start()
    assert watcher.armed.wait(WAIT)
    watcher.stop()
    assert not watcher.running
    while not changes.empty():
        changes.get_nowait()
    other_process(folder, review.audit.id).workspace.add_note(session_id, "Te laat #V2")
    with pytest.raises(queue.Empty):
        changes.get(timeout=0.5)


def test_refresh_brings_in_notes_verdicts_texts_and_core_data(opened) -> None:
    folder, review, _session_id = opened
    other = other_process(folder, review.audit.id)
    second = other.workspace.start_session("Bert Jansen", [Interviewee("stagiaire", ("S",))])
    other.workspace.add_note(second.id, "Stagiaire kreeg een inwerkmap #V1 @doc")
    other.propose("V1", "Anna de Vries", Verdict.VOLDOET)
    other.propose("V1", "Bert Jansen", Verdict.VERBETERPUNT)
    other.set_text(TextKey.ADVICE, "Leg de intervisie vast.")
    other.workspace.update_audit(target=4, core={"scope": "Jongerenwerk"})

    changes = review.reload()

    assert changes.sessions == {second.id} and changes.audit and changes.review
    assert review.workspace.norm_coverage("V1").sources == 2
    assert review.workspace.norm_coverage("V1").target == 4
    assert review.conflicts() == ["V1"]
    assert review.text(TextKey.ADVICE) == "Leg de intervisie vast."
    assert review.audit.core.scope == "Jongerenwerk"
    assert not review.reload()  # nothing new: nothing to redraw


def test_the_workspace_alone_picks_up_core_data_and_target(opened) -> None:
    """The line mode refreshes only the workspace: the audit's metadata comes along."""
    folder, review, _session_id = opened
    other = other_process(folder, review.audit.id)
    other.workspace.update_audit(organisation="Welzijn Noord-Oost", target=2)
    changes = review.workspace.refresh()
    assert changes.audit and not changes.sessions
    assert review.workspace.audit.organisation == "Welzijn Noord-Oost"
    assert review.workspace.norm_coverage("V1").status.value == "below"  # 1 of 2 sources


def test_our_own_writes_are_not_reported_as_changes(opened) -> None:
    _folder, review, session_id = opened
    workspace = review.workspace
    workspace.add_note(session_id, "Eigen notitie #V2")
    review.decide("V2", Verdict.VOLDOET, "Aangetoond.")
    workspace.update_audit(core={"scope": "Maatschappelijk werk"})
    assert not review.reload()
    assert len(workspace.notes(session_id)) == 2


def test_a_change_made_here_while_reading_is_not_lost(opened) -> None:
    """Read on a worker, a note saved on the UI thread meanwhile, then apply: both stay."""
    folder, review, session_id = opened
    workspace = review.workspace
    other = other_process(folder, review.audit.id)
    theirs = other.workspace.add_note(session_id, "Van elders #V2")
    other.decide("V2", Verdict.VOLDOET)

    update = review.read_changes()  # the worker's read: has their note and verdict
    mine = workspace.add_note(session_id, "Intussen hier getypt #V3")
    mine_verdict = review.decide("V3", Verdict.VERBETERPUNT)

    changes = review.apply(update)  # refused: it was read before our note
    assert changes.retry
    ids = {n.id for n in workspace.notes(session_id)}
    assert mine.id in ids and review.assessment("V3") == mine_verdict

    changes = review.reload()  # the second read brings theirs in, ours stays
    ids = {n.id for n in workspace.notes(session_id)}
    assert {mine.id, theirs.id} <= ids
    assert review.assessment("V2").verdict is Verdict.VOLDOET
    assert review.assessment("V3").verdict is Verdict.VERBETERPUNT


def test_a_save_waits_while_a_worker_reads_under_the_lock(opened) -> None:
    """The rule of the workspace's lock: no change lands in the middle of a worker's read."""
    _folder, review, session_id = opened
    workspace = review.workspace
    saved = threading.Event()

    def save() -> None:
        workspace.add_note(session_id, "Tijdens het lezen getypt #V1")
        review.decide("V1", Verdict.VOLDOET)
        saved.set()

    with workspace.lock:  # a worker building the report holds it like this
        before = (len(workspace.notes(session_id)), workspace.coverage.norm("V1").sources)
        saver = threading.Thread(target=save)
        saver.start()
        assert not saved.wait(0.3)
        assert (len(workspace.notes(session_id)), workspace.coverage.norm("V1").sources) == before
        assert review.assessment("V1").verdict is None
    assert saved.wait(WAIT)
    saver.join(WAIT)
    assert len(workspace.notes(session_id)) == 2
    assert review.assessment("V1").verdict is Verdict.VOLDOET
