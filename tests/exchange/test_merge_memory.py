"""A merge reads, checks and folds in one input at a time: its peak memory is one input
plus the merged result, whatever the number of inputs.

Four bundles of 0.7 MB once drove a merge to 3.9 GB because every input was held in
memory at once. These tests measure the peak with ``tracemalloc`` (a behaviour, not a
timing): merging N bundles must cost far less than N times one bundle more than
merging one.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from laptops import Laptop, folder_state

from interview_assistant.domain.session import Interviewee
from interview_assistant.exchange import ExchangeError, Progress
from interview_assistant.services.data_folder import DataFolder

N = 8


def _uncompressed(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(info.file_size for info in archive.infolist())


def _peak_of_merge(root: Path, paths: list[Path]) -> int:
    folder = DataFolder(root)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        folder.merge(paths)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - before


def _texts(auditor: str, start: int, count: int) -> list[str]:
    return [
        f"Gesprek {start + i} met {auditor}: de cliënt ervaart de begeleiding als passend, "
        f"afspraken worden vastgelegd en nagekomen #V{(start + i) % 15 + 1} @doc"
        for i in range(count)
    ]


def _joined(lead: Laptop, member: Laptop, audit_id: str, tmp_path: Path) -> None:
    start = tmp_path / "start.zip"
    DataFolder(lead.root).export(audit_id, start)
    DataFolder(member.root).merge([start])


def test_many_copies_of_a_bundle_cost_about_one(
    lead: Laptop, bram: Laptop, audit_id: str, tmp_path: Path
) -> None:
    _joined(lead, bram, audit_id, tmp_path)
    bram.interview(audit_id, "jongerenwerker", _texts("Bram", 0, 1500))
    bundle = tmp_path / "bram.zip"
    DataFolder(bram.root).export(audit_id, bundle)
    size = _uncompressed(bundle)
    copies = []
    for number in range(N):  # the same bundle sent again and again, each a file of its own
        copy = tmp_path / "in" / f"bram-{number}.zip"
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(bundle, copy)
        copies.append(copy)
    one, many = tmp_path / "one", tmp_path / "many"
    shutil.copytree(lead.root, one)
    shutil.copytree(lead.root, many)
    peak_one = _peak_of_merge(one, copies[:1])
    peak_many = _peak_of_merge(many, copies)
    # all inputs held at once would add (N - 1) x size; one at a time adds next to nothing
    assert peak_many - peak_one < size, (peak_one, peak_many, size)
    assert folder_state(one) == folder_state(many)  # and the merge is the same


def test_many_versions_of_a_session_cost_about_two(
    lead: Laptop, bram: Laptop, audit_id: str, tmp_path: Path
) -> None:
    """Bram exports after every interview block; the lead merges all his bundles at once.
    Each newer bundle holds the notes of the older ones and more, so the merged result is
    the same as that of the oldest and the newest alone (both merged as notes)."""
    _joined(lead, bram, audit_id, tmp_path)
    workspace = bram.workspace(audit_id)
    session = workspace.start_session("Bram", [Interviewee("jongerenwerker", ("P",))])
    paths = []
    for block in range(N):
        for text in _texts("Bram", block * 200, 200):
            workspace.add_note(session.id, text)
        path = tmp_path / "in" / f"bram-{block}.zip"
        path.parent.mkdir(exist_ok=True)
        DataFolder(bram.root).export(audit_id, path)
        paths.append(path)
    between = sum(_uncompressed(p) for p in paths[1:-1])
    two, every = tmp_path / "two", tmp_path / "every"
    shutil.copytree(lead.root, two)
    shutil.copytree(lead.root, every)
    peak_two = _peak_of_merge(two, [paths[0], paths[-1]])
    peak_every = _peak_of_merge(every, paths)
    # holding them all would add the bundles in between (3 x the newest, uncompressed)
    assert peak_every - peak_two < between / 4, (peak_two, peak_every, between)
    assert folder_state(two) == folder_state(every)


def test_an_input_changed_between_its_check_and_its_merge_is_refused(
    lead: Laptop, bram: Laptop, audit_id: str, tmp_path: Path
) -> None:
    """Each input is read twice (checked, then folded in under the lock): what was
    checked must be what is merged."""
    _joined(lead, bram, audit_id, tmp_path)
    bram.interview(audit_id, "jongerenwerker", _texts("Bram", 0, 5))
    first, second = tmp_path / "bram-1.zip", tmp_path / "bram-2.zip"
    DataFolder(bram.root).export(audit_id, first)
    bram.interview(audit_id, "buurtwerker", _texts("Bram", 5, 5))
    DataFolder(bram.root).export(audit_id, second)
    before = folder_state(lead.root)

    def swap_after_reading(step: Progress) -> None:
        if step.stage == "read" and step.done == step.total:
            first.write_bytes(second.read_bytes())  # e.g. a sync client updating it

    with pytest.raises(ExchangeError, match="veranderd terwijl") as caught:
        DataFolder(lead.root).merge([first], progress=swap_after_reading)
    assert str(first) in str(caught.value)
    assert folder_state(lead.root) == before


def test_a_refused_merge_into_a_new_audit_leaves_no_folder(
    lead: Laptop, bram: Laptop, audit_id: str, tmp_path: Path
) -> None:
    """The notes are checked under the audit's lock, whose file makes the folder: a merge
    refused there takes the folder away again, so no broken audit is left behind."""
    bundle = tmp_path / "lead.zip"
    DataFolder(lead.root).export(audit_id, bundle)
    with zipfile.ZipFile(bundle) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    name = next(n for n in entries if n.startswith("sessions/"))
    log = json.loads(entries[name])
    next(iter(log["notes"].values()))["revisions"][0]["norms"] = ["V16"]
    entries[name] = json.dumps(log).encode()
    manifest = json.loads(entries["manifest.json"])
    for spec in manifest["files"]:
        data = entries[spec["path"]]
        spec["size"], spec["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    entries["manifest.json"] = json.dumps(manifest).encode()
    bad = tmp_path / "v16.zip"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, data in entries.items():
            archive.writestr(entry, data)
    with pytest.raises(ExchangeError, match="V16"):
        DataFolder(bram.root).merge([bad])
    assert not (bram.root / "audits" / audit_id).exists()
    DataFolder(bram.root).merge([bundle])  # the good bundle still joins
    assert DataFolder(bram.root).audit_ids() == [audit_id]
