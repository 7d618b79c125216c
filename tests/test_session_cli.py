"""``session edit|delete|restore|removed``, ``ik-ben`` and the summary of ``session show``,
run as a user would: in a subprocess (the config folder is the test's, see conftest)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.test_cli import run, start_session


@pytest.fixture
def audit(tmp_path: Path) -> tuple[Path, str]:
    data_dir = tmp_path / "cli"
    audit_id = run(data_dir, "audit", "new", "Stichting Welzijn Oost").stdout.strip()
    return data_dir, audit_id


def coverage(data_dir: Path, audit_id: str) -> dict:
    return json.loads(run(data_dir, "coverage", audit_id, "--json").stdout)["norms"]


def test_ik_ben_is_the_default_auditor_of_new_sessions_never_the_last_one(audit, tmp_path):
    data_dir, audit_id = audit
    refused = run(data_dir, "session", "start", audit_id, "--function", "tl", "--role", "P",
                  check=False)  # fmt: skip
    assert refused.returncode == 2 and "ik-ben NAAM" in refused.stderr
    assert run(data_dir, "ik-ben", check=False).returncode == 1

    run(data_dir, "ik-ben", "  Bert   Jansen ")
    assert run(data_dir, "ik-ben").stdout == "Bert Jansen\n"
    config = tmp_path / "config" / "identity.toml"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    start_session(data_dir, audit_id)  # a colleague's session: --auditor Anna
    sid = run(data_dir, "session", "start", audit_id, "--function", "tl", "--role", "P").stdout
    shown = json.loads(run(data_dir, "session", "show", audit_id, sid.strip(), "--json").stdout)
    assert shown["auditor"] == "Bert Jansen"
    blank = run(data_dir, "ik-ben", "  ", check=False)
    assert blank.returncode == 2 and "naam is leeg" in blank.stderr


def test_an_unreadable_identity_file_is_named_and_kept_aside(audit, tmp_path):
    data_dir, _ = audit
    config = tmp_path / "config"
    config.mkdir()
    (config / "identity.toml").write_text("auditor = 'kapot\n")
    shown = run(data_dir, "ik-ben", check=False)
    assert shown.returncode == 1 and "onleesbaar" in shown.stderr
    run(data_dir, "ik-ben", "Anna")
    assert run(data_dir, "ik-ben").stdout == "Anna\n"
    (aside,) = config.glob("identity.toml.onleesbaar-*")
    assert aside.read_text() == "auditor = 'kapot\n"


def test_session_edit_corrects_the_header_and_coverage_follows(audit):
    data_dir, audit_id = audit
    sid = start_session(data_dir, audit_id)
    run(data_dir, "note", audit_id, sid, "Intervisie elke maand #V3 @doc")
    assert coverage(data_dir, audit_id)["V3"]["roles"] == ["P"]
    run(data_dir, "session", "edit", audit_id, sid[:6], "--function", "teamleider",
        "--role", "Mng", "--location", "Noord", "--auditor", "Bert")  # fmt: skip
    run(data_dir, "session", "edit", audit_id, sid, "--partner", "2", "--function", "stagiair",
        "--role", "S")  # fmt: skip
    shown = json.loads(run(data_dir, "session", "show", audit_id, sid, "--json").stdout)
    assert shown["interviewees"] == [
        {"function": "teamleider", "roles": ["Mng"]},
        {"function": "stagiair", "roles": ["S"]},
    ]
    assert (shown["auditor"], shown["location"]) == ("Bert", "Noord")
    assert coverage(data_dir, audit_id)["V3"]["roles"] == ["Mng", "S"]
    edited = json.loads(
        run(data_dir, "session", "edit", audit_id, sid, "--remove-partner", "1", "--json").stdout
    )
    assert [p["function"] for p in edited["interviewees"]] == ["stagiair"]


def test_session_edit_refuses_bad_input_in_dutch(audit):
    data_dir, audit_id = audit
    sid = start_session(data_dir, audit_id)
    for args, expected in (
        (("--role", "X"), "Onbekende rol 'X'"),
        (("--kind", "lunch"), "Onbekende soort sessie 'lunch'"),
        (("--auditor", " "), "naam van de auditor is leeg"),
        (("--partner", "5", "--function", "x"), "--partner 5: dit gesprek heeft 1"),
        (("--remove-partner", "1"), "minstens één rol"),
    ):
        result = run(data_dir, "session", "edit", audit_id, sid, *args, check=False)
        assert result.returncode == 2, args
        assert expected in result.stderr, (args, result.stderr)


def test_delete_empty_for_good_with_notes_reversibly(audit):
    data_dir, audit_id = audit
    empty = start_session(data_dir, audit_id)
    result = run(data_dir, "session", "delete", audit_id, empty)
    assert "geen notities en is verwijderd" in result.stderr
    assert not (data_dir / "audits" / audit_id / "sessions" / f"{empty}.json").exists()

    sid = start_session(data_dir, audit_id)
    run(data_dir, "note", audit_id, sid, "Intervisie elke maand #V3 @doc")
    result = run(data_dir, "session", "delete", audit_id, sid)
    assert f"session restore {audit_id} {sid}" in result.stderr
    assert coverage(data_dir, audit_id)["V3"]["sources"] == 0
    shown = json.loads(run(data_dir, "audit", "show", audit_id, "--json").stdout)
    assert shown["sessions"] == []
    text = run(data_dir, "audit", "show", audit_id).stdout
    assert f"Verwijderd: 1 gesprek (tonen: interview-assistant session removed {audit_id})" in text
    removed = json.loads(run(data_dir, "session", "removed", audit_id, "--json").stdout)
    assert [(s["id"], s["deleted"]) for s in removed] == [(sid, True)]
    assert run(data_dir, "session", "show", audit_id, sid, check=False).returncode == 1

    run(data_dir, "session", "restore", audit_id, sid[:5])
    assert coverage(data_dir, audit_id)["V3"]["sources"] == 1
    again = run(data_dir, "session", "restore", audit_id, sid, check=False)
    assert again.returncode == 1 and "niet verwijderd" in again.stderr


def test_a_merge_carries_a_correction_and_a_removal_to_the_lead(audit, tmp_path):
    data_dir, audit_id = audit
    kept = start_session(data_dir, audit_id)
    gone = start_session(data_dir, audit_id)
    for sid in (kept, gone):
        run(data_dir, "note", audit_id, sid, "Intervisie elke maand #V3 @doc")
    first = tmp_path / "eerst.zip"
    run(data_dir, "export", audit_id, "-o", str(first))
    lead = tmp_path / "lead"
    run(lead, "merge", str(first))
    run(data_dir, "session", "edit", audit_id, kept, "--function", "jongerenwerker")
    run(data_dir, "session", "delete", audit_id, gone)
    later = tmp_path / "later.zip"
    run(data_dir, "export", audit_id, "-o", str(later))
    # the older bundle again, after the newer one: neither resurrects nor undoes
    run(lead, "merge", str(later))
    run(lead, "merge", str(first))
    shown = json.loads(run(lead, "audit", "show", audit_id, "--json").stdout)
    assert [(s["id"], s["interviewees"][0]["function"]) for s in shown["sessions"]] == [
        (kept, "jongerenwerker")
    ]
    assert coverage(lead, audit_id)["V3"]["sources"] == 1


def test_session_show_ends_with_the_summary(audit):
    data_dir, audit_id = audit
    sids = [start_session(data_dir, audit_id) for _ in range(3)]
    for sid in sids:
        run(data_dir, "note", audit_id, sid, "Intervisie elke maand #V3 @doc")
    run(data_dir, "note", audit_id, sids[2], "Casus besproken #V4")
    out = run(data_dir, "session", "show", audit_id, sids[2]).stdout
    assert "Samenvatting: 2 notities in dit gesprek." in out
    assert "Gehoord: V3, V4." in out
    assert "Streefwaarde (3) gehaald dankzij dit gesprek: V3." in out
    assert "\nNog onder de streefwaarde voor de rollen P: V4 (1/3).\n" in out
    assert "\nNog zonder bron voor de rollen P: V1, V2, V5, V6" in out
    data = json.loads(run(data_dir, "session", "show", audit_id, sids[0], "--json").stdout)
    # each of the three is needed for V3's target: without this one it would be below
    assert data["summary"]["heard"] == ["V3"] and data["summary"]["reached"] == ["V3"]
    run(data_dir, "note", audit_id, start_session(data_dir, audit_id), "Ook intervisie #V3")
    data = json.loads(run(data_dir, "session", "show", audit_id, sids[0], "--json").stdout)
    assert data["summary"]["reached"] == []  # four sources: V3 meets the target without it
    assert "V3" not in data["summary"]["missing"] and "V4" in data["summary"]["missing"]
    assert os.environ.get("INTERVIEW_ASSISTANT_CONFIG")
