"""A purged note travels as its tombstone, never its text, and no merge brings the text back."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from laptops import Laptop, folder_state

from interview_assistant.exchange import export_bundle, merge_inputs

NAME = "Karel Appel"


def bundle_bytes(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def named_note(laptop: Laptop, audit_id: str) -> tuple[str, str]:
    """The lead's interview with a note naming someone, edited once (two revisions)."""
    session_id = laptop.interview(audit_id, "teamcoach", [f"{NAME} vertelde #V1"])
    workspace = laptop.workspace(audit_id)
    note = workspace.notes(session_id)[0]
    workspace.edit_note(session_id, note.id, f"Collega van {NAME} vertelde #V1")
    return session_id, note.id


def test_an_export_after_a_purge_carries_the_tombstone_not_the_text(
    lead: Laptop, audit_id: str, tmp_path: Path
) -> None:
    session_id, note_id = named_note(lead, audit_id)
    lead.workspace(audit_id).purge_note(session_id, note_id)
    bundle = tmp_path / "na.zip"
    export_bundle(lead.fresh_store(), audit_id, bundle)
    assert NAME.encode() not in bundle_bytes(bundle)
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        session = json.loads(archive.read(f"sessions/{session_id}.json"))
    assert manifest["schema"] == 3
    (entry,) = [f for f in manifest["files"] if f.get("session") == session_id]
    assert entry["notes"] == 0  # the tombstone is no note
    (row,) = session["notes"].values()
    assert row["id"] == note_id and row["revisions"] == [] and row["purged"]["by"] == "Anna"


def test_a_bundle_without_tombstones_stays_schema_2(
    lead: Laptop, audit_id: str, tmp_path: Path
) -> None:
    """A colleague on the previous release can still merge it."""
    named_note(lead, audit_id)
    bundle = tmp_path / "gewoon.zip"
    export_bundle(lead.store, audit_id, bundle)
    with zipfile.ZipFile(bundle) as archive:
        assert json.loads(archive.read("manifest.json"))["schema"] == 2


def test_a_tombstone_merged_in_removes_the_text_a_colleague_still_had(
    lead: Laptop, bram: Laptop, audit_id: str, tmp_path: Path
) -> None:
    session_id, note_id = named_note(lead, audit_id)
    export_bundle(lead.fresh_store(), audit_id, tmp_path / "voor.zip")
    merge_inputs(bram.store, [tmp_path / "voor.zip"])
    # Bram edits the note again (a higher clock than the purge will have)
    bram_ws = bram.workspace(audit_id)
    for text in ("een", "twee", "drie"):
        bram_ws.edit_note(session_id, note_id, f"{text}: {NAME} #V1")
    export_bundle(bram.fresh_store(), audit_id, tmp_path / "bram.zip")

    lead.workspace(audit_id).purge_note(session_id, note_id)
    export_bundle(lead.fresh_store(), audit_id, tmp_path / "na.zip")

    # the lead merges Bram's copy with the text: the tombstone wins, nothing comes back
    report = merge_inputs(lead.fresh_store(), [tmp_path / "bram.zip"])
    assert not report.changed
    assert NAME.encode() not in b"".join(folder_state(lead.root).values())
    # Bram merges the lead's tombstone: his copy's text and revisions go from his files
    merge_inputs(bram.fresh_store(), [tmp_path / "na.zip"])
    assert NAME.encode() not in b"".join(folder_state(bram.root).values())
    assert bram.workspace(audit_id).notes(session_id, include_deleted=True) == []
    # both orders, and again: the same files
    fresh = Laptop(tmp_path / "cees", "Cees")
    merge_inputs(fresh.store, [tmp_path / "na.zip", tmp_path / "bram.zip"])
    other = Laptop(tmp_path / "dirk", "Dirk")
    merge_inputs(other.store, [tmp_path / "bram.zip", tmp_path / "na.zip"])
    audit_files = folder_state(fresh.root / "audits" / audit_id)
    assert audit_files == folder_state(other.root / "audits" / audit_id)
    assert NAME.encode() not in b"".join(audit_files.values())
    assert not merge_inputs(fresh.fresh_store(), [tmp_path / "bram.zip"]).changed
