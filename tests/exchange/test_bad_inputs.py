"""Every kind of bad input is refused with a Dutch error naming it, and nothing changes."""

from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from laptops import Laptop, folder_state

from interview_assistant.exchange import ExchangeError, export_bundle, limits, merge_inputs
from interview_assistant.services.audit import create_audit
from interview_assistant.storage import batch


@pytest.fixture
def bundle(lead: Laptop, audit_id: str, tmp_path: Path) -> Path:
    path = tmp_path / "lead.zip"
    export_bundle(lead.store, audit_id, path)
    return path


@pytest.fixture
def joined(bram: Laptop, bundle: Path) -> Laptop:
    """Bram's laptop after joining: the audit every bad input must leave untouched."""
    merge_inputs(bram.store, [bundle])
    bram.interview(
        merge_inputs(bram.fresh_store(), [bundle]).audit_id, "teamcoach", ["Eigen notitie #V1"]
    )
    return bram


def entries_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def rebundle(
    source: Path, target: Path, change: Callable[[dict[str, bytes]], None], fix_manifest: bool
) -> Path:
    """A copy of a bundle with ``change`` applied to its entries (and checksums redone)."""
    entries = entries_of(source)
    change(entries)
    if fix_manifest:
        manifest = json.loads(entries["manifest.json"])
        for spec in manifest["files"]:
            data = entries[spec["path"]]
            spec["size"], spec["sha256"] = len(data), hashlib.sha256(data).hexdigest()
        entries["manifest.json"] = json.dumps(manifest).encode()
    return write_zip(target, entries)


def session_entry(entries: dict[str, bytes]) -> str:
    return next(name for name in entries if name.startswith("sessions/"))


def edit_json(entries: dict[str, bytes], name: str, change: Callable[[dict], None]) -> None:
    data = json.loads(entries[name])
    change(data)
    entries[name] = json.dumps(data).encode()


def refused(laptop: Laptop, paths: list[Path], expected: str, audit: str | None = None) -> str:
    """Merge must fail with ``expected`` in its message and leave the folder as it was."""
    before = folder_state(laptop.root)
    with pytest.raises(ExchangeError) as caught:
        merge_inputs(laptop.fresh_store(), paths, audit)
    message = str(caught.value)
    assert expected in message, message
    assert folder_state(laptop.root) == before
    return message


# -- files that are not what they claim --------------------------------------------------------


def test_corrupt_json(joined: Laptop, tmp_path: Path, lead: Laptop, audit_id: str) -> None:
    session_file = next((lead.root / "audits" / audit_id / "sessions").glob("*.json"))
    broken = tmp_path / "broken.json"
    broken.write_bytes(session_file.read_bytes()[:-40])
    message = refused(joined, [broken], "geen geldige JSON")
    assert str(broken) in message


def test_good_inputs_are_not_merged_when_another_is_bad(joined, bundle, tmp_path, lead, audit_id):
    lead.interview(audit_id, "bestuurder", ["Nieuw #O3"], role="Mng")
    export_bundle(lead.fresh_store(), audit_id, tmp_path / "newer.zip")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    refused(joined, [tmp_path / "newer.zip", tmp_path / "bad.json"], "bad.json")


def test_foreign_json_and_foreign_zip(joined: Laptop, tmp_path: Path) -> None:
    (tmp_path / "other.json").write_text('{"hello": "world"}', encoding="utf-8")
    refused(joined, [tmp_path / "other.json"], "geen bestand van interview-assistant")
    write_zip(tmp_path / "photos.zip", {"img.jpg": b"\xff\xd8"})
    refused(joined, [tmp_path / "photos.zip"], "geen bestand van interview-assistant")
    (tmp_path / "fake.zip").write_bytes(b"PK\x03\x04 not really a zip")
    refused(joined, [tmp_path / "fake.zip"], "geen geldig zip-bestand")


def test_newer_schema(joined: Laptop, bundle: Path, tmp_path: Path) -> None:
    def newer(entries):
        edit_json(entries, session_entry(entries), lambda d: d["meta"]["1"].update(schema=99))

    refused(joined, [rebundle(bundle, tmp_path / "new.zip", newer, True)], "nieuwere versie")


def test_a_session_id_that_would_escape_the_folder(joined, bundle, tmp_path) -> None:
    def escape(entries):
        edit_json(
            entries,
            session_entry(entries),
            lambda d: d["meta"]["1"]["session"].update(id="../../evil"),
        )

    refused(joined, [rebundle(bundle, tmp_path / "evil.zip", escape, True)], "ongeldig id")


def test_a_note_without_time_zone(joined, bundle, tmp_path) -> None:
    def naive(entries):
        def change(data):
            for note in data["notes"].values():
                note["created"] = "2026-03-10T09:00:00"

        edit_json(entries, session_entry(entries), change)

    refused(joined, [rebundle(bundle, tmp_path / "naive.zip", naive, True)], "tijdzone")


@pytest.mark.parametrize("clock", ["1", -1, 1.5, None])
def test_a_note_with_a_bad_logical_clock(joined, bundle, tmp_path, clock) -> None:
    def bad(entries):
        def change(data):
            for note in data["notes"].values():
                note["revisions"][0]["clock"] = clock

        edit_json(entries, session_entry(entries), change)

    refused(joined, [rebundle(bundle, tmp_path / "clock.zip", bad, True)], "ongeldige tijd")


# -- another audit, another edition ------------------------------------------------------------


def test_a_bundle_of_another_audit(joined: Laptop, lead: Laptop, tmp_path: Path) -> None:
    other = create_audit(lead.fresh_store(), "Andere Stichting")
    lead.interview(other.id, "teamcoach", ["Iets #V1"])
    export_bundle(lead.fresh_store(), other.id, tmp_path / "other.zip")
    mine = joined.store.audit_ids()[0]
    message = refused(joined, [tmp_path / "other.zip"], "niet bij audit", audit=mine)
    assert "Andere Stichting" in message


def test_inputs_of_two_audits_at_once(joined, bundle, lead, tmp_path) -> None:
    other = create_audit(lead.fresh_store(), "Andere Stichting")
    export_bundle(lead.fresh_store(), other.id, tmp_path / "other.zip")
    refused(joined, [bundle, tmp_path / "other.zip"], "verschillende audits")


def test_another_catalogue_edition(joined: Laptop, bundle: Path, tmp_path: Path) -> None:
    def edition(entries):
        edit_json(entries, "manifest.json", lambda d: d["audit"].update(edition="2030"))

    refused(joined, [rebundle(bundle, tmp_path / "e.zip", edition, False)], "editie 2030")

    def audit_edition(entries):
        edit_json(entries, "audit.json", lambda d: d["meta"]["1"]["audit"].update(edition="2030"))

    refused(
        joined, [rebundle(bundle, tmp_path / "e2.zip", audit_edition, True)], "catalogus-editie"
    )


def test_a_note_naming_a_norm_the_edition_does_not_know(joined, bundle, tmp_path) -> None:
    def unknown_norm(entries):
        def change(data):
            next(iter(data["notes"].values()))["revisions"][0]["norms"] = ["V16"]

        edit_json(entries, session_entry(entries), change)

    refused(joined, [rebundle(bundle, tmp_path / "v16.zip", unknown_norm, True)], "V16")


# -- hostile or damaged zips -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("/etc/passwd", "absoluut pad"),
        ("C:/Windows/evil.json", "absoluut pad"),
        ("sessions/../../evil.json", "'..'"),
        ("sessions\\evil.json", "backslash"),
    ],
)
def test_zip_entries_pointing_outside(joined, bundle, tmp_path, name, reason) -> None:
    entries = entries_of(bundle)
    entries[name] = b"{}"
    refused(joined, [write_zip(tmp_path / "evil.zip", entries)], reason)


def test_a_symlink_entry(joined: Laptop, bundle: Path, tmp_path: Path) -> None:
    entries = entries_of(bundle)
    target = tmp_path / "link.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        link = zipfile.ZipInfo("sessions/link.json")
        link.external_attr = (0o120777) << 16
        archive.writestr(link, "/etc/passwd")
    refused(joined, [target], "symbolische koppeling")


def test_entries_the_manifest_does_not_list_or_misses(joined, bundle, tmp_path) -> None:
    entries = entries_of(bundle)
    entries["sessions/extra.json"] = b"{}"
    refused(joined, [write_zip(tmp_path / "extra.zip", entries)], "onbekend item")
    entries = entries_of(bundle)
    del entries[session_entry(entries)]
    refused(joined, [write_zip(tmp_path / "missing.zip", entries)], "ontbreekt")


def test_an_entry_changed_after_export(joined: Laptop, bundle: Path, tmp_path: Path) -> None:
    def tamper(entries):
        edit_json(
            entries, session_entry(entries), lambda d: d["meta"]["1"]["session"].update(auditor="X")
        )

    refused(joined, [rebundle(bundle, tmp_path / "t.zip", tamper, False)], "controlegetal")


def test_a_zip_bomb_declaring_less_than_it_holds(joined, bundle, tmp_path) -> None:
    """The central directory says 100 bytes; the entry inflates to far more."""
    entries = entries_of(bundle)
    name = session_entry(entries)
    data = bytearray(write_zip(tmp_path / "b.zip", entries).read_bytes())
    offset = data.find(b"PK\x01\x02" + b"", 0)
    while offset != -1:
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + name_length].decode() == name:
            struct.pack_into("<I", data, offset + 24, 100)  # uncompressed size
        offset = data.find(b"PK\x01\x02", offset + 4)
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(bytes(data))
    refused(joined, [bomb], "opgegeven grootte")


def test_a_zip_bomb_by_compression_ratio(joined, bundle, tmp_path) -> None:
    entries = entries_of(bundle)
    entries["sessions/zeros.json"] = b"0" * (4 * limits.MiB)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    (tmp_path / "ratio.zip").write_bytes(buffer.getvalue())
    refused(joined, [tmp_path / "ratio.zip"], "zeros.json")


def test_absurdly_large_inputs(joined, bundle, tmp_path, monkeypatch, lead, audit_id) -> None:
    monkeypatch.setattr(limits, "MAX_JSON_BYTES", 200)
    refused(joined, [bundle], "te groot")
    session_file = next((lead.root / "audits" / audit_id / "sessions").glob("*.json"))
    refused(joined, [session_file], "te groot")
    monkeypatch.setattr(limits, "MAX_BUNDLE_BYTES", 100)
    refused(joined, [bundle], "te groot")


def test_paths_that_do_not_exist_or_hold_nothing(joined: Laptop, tmp_path: Path) -> None:
    refused(joined, [tmp_path / "nowhere.zip"], "bestaat niet")
    (tmp_path / "empty").mkdir()
    refused(joined, [tmp_path / "empty"], "geen sessiebestanden")


# -- a failure while writing ------------------------------------------------------------------


def test_a_disk_failure_while_writing_leaves_the_audit_as_it_was(
    joined, lead, audit_id, tmp_path, monkeypatch
) -> None:
    for function in ("jongerenwerker", "buurtwerker", "opbouwwerker"):
        lead.interview(audit_id, function, [f"Notitie {function} #V4"])
    export_bundle(lead.fresh_store(), audit_id, tmp_path / "more.zip")
    real_stage = batch.stage_file
    calls = []

    def failing_stage(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_stage(path, data)

    monkeypatch.setattr(batch, "stage_file", failing_stage)
    refused(joined, [tmp_path / "more.zip"], "niet schrijven")
    assert not list(joined.root.rglob("*.tmp"))
