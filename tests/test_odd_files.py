"""Files and folders that are not what they should be, and blank names: a clear Dutch
error and an exit status, never a traceback and never an empty list as if all were well."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from interview_assistant.cli import main


def call(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def audit(tmp_path: Path) -> tuple[Path, str, str]:
    data = tmp_path / "data"
    audit_id = call("audit", "new", "Stichting Proef", "--data-dir", str(data))[1].strip()
    session_id = call(
        "session", "start", audit_id, "--auditor", "Anna", "--function", "werker",
        "--role", "P", "--data-dir", str(data),
    )[1].strip()  # fmt: skip
    return data, audit_id, session_id


def refused(status_err: tuple[int, str, str], status: int, *words: str) -> None:
    code, out, err = status_err
    assert code == status and out == "", err
    assert err.startswith("Fout: ") and err.count("\n") == 1 and "Traceback" not in err
    assert all(word in err for word in words), err


def test_sessions_as_a_file_is_an_error_not_an_empty_audit(audit) -> None:
    data, audit_id, _ = audit
    sessions = data / "audits" / audit_id / "sessions"
    sessions.rename(sessions.with_name("elders"))
    sessions.write_text("")
    refused(
        call("audit", "show", audit_id, "--data-dir", str(data)),
        1,
        "sessions",
        "hoort een map te zijn",
    )


def test_quarantine_as_a_file_is_named_when_a_bad_file_must_be_set_aside(audit) -> None:
    data, audit_id, session_id = audit
    (data / "audits" / audit_id / "quarantine").write_text("")
    bad = data / "audits" / audit_id / "sessions" / f"{session_id}.json"
    bad.write_text("kapot")
    refused(
        call("audit", "show", audit_id, "--data-dir", str(data)),
        1,
        "quarantine",
        "hoort een map te zijn",
    )
    assert bad.read_text() == "kapot"


def test_lock_as_a_folder_refuses_the_note_in_one_sentence(audit) -> None:
    data, audit_id, session_id = audit
    lock = data / "audits" / audit_id / ".lock"
    lock.unlink()
    lock.mkdir()
    refused(
        call("note", audit_id, session_id, "Inwerkmap #V2", "--data-dir", str(data)),
        1,
        "De notitie is niet opgeslagen",
        ".lock",
    )


def test_lock_as_a_symlink_is_named_and_its_target_left_alone(audit) -> None:
    data, audit_id, session_id = audit
    lock = data / "audits" / audit_id / ".lock"
    target = data.parent / "elders.txt"
    target.write_text("van iemand anders")
    lock.unlink()
    lock.symlink_to(target)
    refused(
        call("note", audit_id, session_id, "Inwerkmap #V2", "--data-dir", str(data)),
        1,
        f"{lock} is een verwijzing",
        "niets opgeslagen",
    )
    assert target.read_text() == "van iemand anders" and lock.is_symlink()


def test_a_document_key_that_is_no_number_is_corruption_not_a_traceback(audit) -> None:
    data, audit_id, _ = audit
    path = data / "audits" / audit_id / "audit.json"
    tables = json.loads(path.read_text())
    tables["assessments"] = {"abc": {"norm_id": "V1"}}
    path.write_text(json.dumps(tables))
    refused(call("verdicts", audit_id, "--data-dir", str(data)), 1, "'abc'", "geen getal")
    assert list((path.parent / "quarantine").iterdir())  # set aside, not rewritten


@pytest.mark.parametrize("where", ["file", "under-file", "/proc"])
def test_a_data_folder_that_cannot_be_one_is_refused(tmp_path: Path, where: str) -> None:
    file = tmp_path / "bestand"
    file.write_text("")
    data = {"file": file, "under-file": file / "audits", "/proc": Path("/proc/self/audits")}[where]
    code, out, err = call("audit", "list", "--data-dir", str(data))
    assert code == 1 and out == "" and "Nog geen audits" not in err
    assert "De datamap" in err and ("geen map" in err or "systeemmap" in err)
    assert file.read_text() == ""


def test_blank_names_are_refused_with_status_2(audit) -> None:
    data, audit_id, _ = audit
    refused(call("audit", "new", "   ", "--data-dir", str(data)), 2, "organisatie")
    refused(
        call(
            "session", "start", audit_id, "--auditor", " ", "--function", "werker",
            "--role", "P", "--data-dir", str(data),
        ),
        2,
        "auditor",
    )  # fmt: skip
    refused(
        call(
            "session", "start", audit_id, "--auditor", "Bram", "--function", "\t",
            "--role", "P", "--data-dir", str(data),
        ),
        2,
        "functie",
    )  # fmt: skip
    assert len(list((data / "audits").iterdir())) == 1
    shown = json.loads(call("audit", "show", audit_id, "--json", "--data-dir", str(data))[1])
    assert len(shown["sessions"]) == 1 and shown["team"] == ["Anna"]
