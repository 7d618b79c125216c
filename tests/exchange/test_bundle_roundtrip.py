"""Export a bundle, join an audit from it, merge everyone's work back: as a team would."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest
from laptops import Laptop, folder_state

from interview_assistant.domain.assessment import Verdict
from interview_assistant.domain.session import Interviewee
from interview_assistant.exchange import ExchangeError, export_bundle, merge_inputs
from interview_assistant.services.review import AuditReview


def test_a_bundle_carries_manifest_audit_and_session_logs(lead: Laptop, audit_id, tmp_path) -> None:
    bundle = tmp_path / "anna.zip"
    summary = export_bundle(lead.store, audit_id, bundle)
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o600
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
    session_id = summary.sessions[0].id
    assert names == ["manifest.json", "audit.json", f"sessions/{session_id}.json"]
    assert manifest["format"] == "interview-assistant/bundle"
    assert manifest["audit"] == {
        "id": audit_id,
        "organisation": "Stichting Welzijn Oost",
        "edition": "2019",
    }
    session_entry = manifest["files"][1]
    assert session_entry["auditor"] == "Anna" and session_entry["notes"] == 2
    assert len(session_entry["sha256"]) == 64


def test_a_new_auditor_joins_the_audit_from_the_leads_bundle(lead, bram, audit_id, tmp_path):
    bundle = tmp_path / "lead.zip"
    export_bundle(lead.store, audit_id, bundle)
    report = merge_inputs(bram.store, [bundle])
    assert report.created and report.audit_id == audit_id
    assert report.auditors["Anna"].notes.added == 2
    joined = bram.workspace(audit_id)
    assert joined.audit.organisation == "Stichting Welzijn Oost"
    assert [n.text for s in joined.sessions for n in joined.notes(s.id)] == [
        "Visie besproken #O2 @doc",
        "Team is trots #V3 !compliment",
    ]
    # the joined copy holds the lead's files byte for byte
    lead_files = folder_state(lead.root / "audits" / audit_id)
    assert folder_state(bram.root / "audits" / audit_id) == lead_files


def test_merging_the_same_bundle_twice_changes_nothing(lead, bram, audit_id, tmp_path) -> None:
    bundle = tmp_path / "lead.zip"
    export_bundle(lead.store, audit_id, bundle)
    merge_inputs(bram.store, [bundle])
    before = folder_state(bram.root)
    again = merge_inputs(bram.fresh_store(), [bundle, bundle])
    assert not again.changed
    assert again.auditors["Anna"].notes.unchanged == 2
    assert folder_state(bram.root) == before


def test_team_work_comes_together_per_auditor(lead, bram, cees, audit_id, tmp_path) -> None:
    export_bundle(lead.store, audit_id, tmp_path / "lead.zip")
    for member in (bram, cees):
        merge_inputs(member.store, [tmp_path / "lead.zip"])
    bram.interview(audit_id, "sociaal werker", ["Inwerken met maatje #V2 @vb", "Casus #D3"])
    cees.interview(audit_id, "stagiaire", ["Stage goed begeleid #D11 @doc"], role="S")
    AuditReview.open(bram.fresh_store(), audit_id).propose("V2", "Bram", Verdict.VOLDOET)
    AuditReview.open(cees.fresh_store(), audit_id).propose("V2", "Cees", Verdict.VERBETERPUNT)
    export_bundle(bram.fresh_store(), audit_id, tmp_path / "bram.zip")
    export_bundle(cees.fresh_store(), audit_id, tmp_path / "cees.zip")

    seen = []
    report = merge_inputs(
        lead.fresh_store(), [tmp_path / "bram.zip", tmp_path / "cees.zip"], progress=seen.append
    )
    assert report.auditors["Bram"].notes.added == 2
    assert report.auditors["Cees"].notes.added == 1
    assert report.auditors["Anna"].notes.unchanged == 2
    assert report.auditors["Bram"].sessions.added == 1
    assert report.assessments.added == 1
    assert any(line.startswith("Bram: sessies 1 nieuw") for line in report.lines())
    assert seen[0].stage == "read" and seen[-1].stage == "write"
    assert seen[-1].done == seen[-1].total

    review = AuditReview.open(lead.fresh_store(), audit_id)
    assert review.conflicts() == ["V2"]
    assert review.audit.team == ("Anna", "Bram", "Cees")
    assert len(review.workspace.sessions) == 3


def test_input_order_does_not_matter(lead, bram, cees, audit_id, tmp_path) -> None:
    export_bundle(lead.store, audit_id, tmp_path / "lead.zip")
    for member in (bram, cees):
        merge_inputs(member.store, [tmp_path / "lead.zip"])
        member.interview(audit_id, "teamcoach", [f"Notitie van {member.auditor} #O5"], role="Mng")
        export_bundle(member.fresh_store(), audit_id, tmp_path / f"{member.auditor}.zip")
    first = Laptop(tmp_path / "first", "x")
    second = Laptop(tmp_path / "second", "x")
    merge_inputs(first.store, [tmp_path / "Bram.zip"])
    merge_inputs(first.fresh_store(), [tmp_path / "Cees.zip"])
    merge_inputs(second.store, [tmp_path / "Cees.zip", tmp_path / "Bram.zip"])
    a = first.workspace(audit_id)
    b = second.workspace(audit_id)
    assert {(s.id, n.id, n.text) for s in a.sessions for n in a.notes(s.id)} == {
        (s.id, n.id, n.text) for s in b.sessions for n in b.notes(s.id)
    }
    assert set(a.audit.team) == set(b.audit.team) == {"Anna", "Bram", "Cees"}


def test_a_note_edited_in_two_places_keeps_every_revision(lead, bram, audit_id, tmp_path):
    export_bundle(lead.store, audit_id, tmp_path / "lead.zip")
    merge_inputs(bram.store, [tmp_path / "lead.zip"])
    lead_ws = lead.workspace(audit_id)
    session = lead_ws.sessions[0]
    note = lead_ws.notes(session.id)[0]
    bram_ws = bram.workspace(audit_id)
    bram_ws.edit_note(session.id, note.id, "Visie besproken met RvT #O2 @doc")
    lead_ws.edit_note(session.id, note.id, "Visie en strategie besproken #O2 @doc @gegevens")
    export_bundle(bram.fresh_store(), audit_id, tmp_path / "bram.zip")

    report = merge_inputs(lead.fresh_store(), [tmp_path / "bram.zip"])
    assert report.auditors["Anna"].notes.updated == 1
    merged = lead.workspace(audit_id).note(session.id, note.id)
    assert [r.text for r in merged.revisions] == [
        "Visie besproken #O2 @doc",
        "Visie besproken met RvT #O2 @doc",
        "Visie en strategie besproken #O2 @doc @gegevens",
    ]
    assert merged.text == "Visie en strategie besproken #O2 @doc @gegevens"


def test_export_of_chosen_sessions_and_merge_of_loose_files_and_folders(lead, bram, audit_id):
    second = lead.interview(audit_id, "bestuurder", ["Governance code #O18 @doc"], role="Mng")
    bundle = lead.root.parent / "one.zip"
    summary = export_bundle(lead.store, audit_id, bundle, [second])
    assert [s.id for s in summary.sessions] == [second]
    # the lead's audit folder, as files: the audit file and every session log
    audit_folder = lead.root / "audits" / audit_id
    report = merge_inputs(bram.store, [audit_folder])
    assert report.created and report.auditors["Anna"].sessions.added == 2
    loose = audit_folder / "sessions" / f"{second}.json"
    assert not merge_inputs(bram.fresh_store(), [loose], audit=audit_id[:4]).changed


def test_loose_session_files_of_an_unknown_audit_need_the_bundle(lead, bram, audit_id) -> None:
    session_file = next((lead.root / "audits" / audit_id / "sessions").glob("*.json"))
    with pytest.raises(ExchangeError) as caught:
        merge_inputs(bram.store, [session_file])
    assert "bevat geen auditgegevens" in str(caught.value)
    assert bram.store.audit_ids() == []


def test_export_refuses_a_folder_that_does_not_exist(lead, audit_id, tmp_path: Path) -> None:
    with pytest.raises(ExchangeError) as caught:
        export_bundle(lead.store, audit_id, tmp_path / "nope" / "x.zip")
    assert "niet schrijven" in str(caught.value)


def test_export_reports_progress_per_session(lead: Laptop, audit_id: str, tmp_path) -> None:
    lead.interview(audit_id, "bestuurder", ["Governance #O18"], role="Mng")
    seen = []
    export_bundle(lead.fresh_store(), audit_id, tmp_path / "b.zip", progress=seen.append)
    assert [(p.stage, p.done, p.total) for p in seen] == [("export", 1, 2), ("export", 2, 2)]
    assert seen[0].label.startswith("Exporteren: sessie")


def test_a_same_person_link_travels_to_the_lead(
    lead: Laptop, bram: Laptop, audit_id: str, tmp_path: Path
) -> None:
    """Bram hears the teamcoach again and links them; after the merge the lead's report
    still counts one teamcoach."""
    path = tmp_path / "lead.zip"
    export_bundle(lead.store, audit_id, path)
    merge_inputs(bram.store, [path])
    workspace = bram.workspace(audit_id)
    (coach,) = workspace.heard_people
    workspace.start_session("Bram", [Interviewee("teamcoach", ("Mng",), coach.link)])
    back = tmp_path / "bram.zip"
    export_bundle(bram.fresh_store(), audit_id, back)
    merge_inputs(lead.fresh_store(), [back])
    review = AuditReview(lead.workspace(audit_id))
    assert [(p.function, p.count) for p in review.report_model().partners] == [("teamcoach", 1)]


def test_who_said_each_note_of_a_group_interview_travels_in_the_bundle(
    lead, bram, audit_id, tmp_path
) -> None:
    workspace = lead.workspace(audit_id)
    people = [Interviewee("teamcoach", ("Mng",)), Interviewee("stagiaire", ("S",))]
    session = workspace.start_session("Anna", people)
    workspace.add_note(session.id, "Stagebeleid besproken #O12", speaker=1)
    workspace.add_note(session.id, "Samen: stage loopt goed #O12")
    bundle = tmp_path / "lead.zip"
    export_bundle(lead.store, audit_id, bundle)
    merge_inputs(bram.store, [bundle])
    joined = bram.workspace(audit_id)
    assert [n.speaker for n in joined.notes(session.id)] == [1, None]
    assert joined.norm_coverage("O12").roles == ("Mng", "S")
    merge_inputs(lead.store, [bundle])  # merged back onto itself: nothing changes
    assert [n.speaker for n in lead.workspace(audit_id).notes(session.id)] == [1, None]
