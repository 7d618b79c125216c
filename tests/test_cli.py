"""The scriptable command line, run as a user would: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(data_dir: Path, *args: str, stdin: str | None = None, check: bool = True):
    result = subprocess.run(
        [sys.executable, "-m", "interview_assistant", *args, "--data-dir", str(data_dir)],
        input=stdin,
        capture_output=True,
        text=True,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


@pytest.fixture
def audit(tmp_path: Path) -> tuple[Path, str]:
    data_dir = tmp_path / "cli"
    audit_id = run(data_dir, "audit", "new", "Stichting Welzijn Oost").stdout.strip()
    return data_dir, audit_id


def start_session(data_dir: Path, audit_id: str, *extra: str) -> str:
    args = ["session", "start", audit_id[:6], "--auditor", "Anna", "--function", "sociaal werker"]
    return run(data_dir, *args, *(extra or ("--role", "P"))).stdout.strip()


def test_ids_are_printed_alone(audit) -> None:
    data_dir, audit_id = audit
    assert len(audit_id) == 12 and audit_id.isalnum()
    session_id = start_session(data_dir, audit_id)
    assert len(session_id) == 12
    note_id = run(data_dir, "note", audit_id, session_id, "Inwerkmap gezien #V2 @doc").stdout
    assert len(note_id.strip()) == 16 and note_id.count("\n") == 1


def test_full_round_trip_in_json(audit) -> None:
    data_dir, audit_id = audit
    sid = start_session(data_dir, audit_id, "--role", "P", "--role", "S", "--location", "Buurthuis")
    run(data_dir, "note", audit_id, sid, "Casus besproken #D3 @vb !compliment")
    shown = json.loads(run(data_dir, "session", "show", audit_id, sid, "--json").stdout)
    assert shown["interviewees"] == [{"function": "sociaal werker", "roles": ["P", "S"]}]
    assert shown["location"] == "Buurthuis"
    (note,) = shown["notes"]
    assert set(note) == {"id", "time", "text", "norms", "evidence", "kind", "kinds", "speaker"}
    assert (note["norms"], note["evidence"], note["kind"]) == (["D3"], ["voorbeeld"], "compliment")
    assert note["kinds"] == ["compliment"]
    assert note["speaker"] is None  # one interviewee: the note is the group's

    listed = json.loads(run(data_dir, "audit", "list", "--json").stdout)
    assert [a["id"] for a in listed] == [audit_id]
    shown_audit = json.loads(run(data_dir, "audit", "show", audit_id, "--json").stdout)
    assert shown_audit["team"] == ["Anna"] and shown_audit["sessions"][0]["notes"] == 1


def test_bad_tag_exits_2_and_stores_nothing(audit) -> None:
    data_dir, audit_id = audit
    sid = start_session(data_dir, audit_id)
    result = run(data_dir, "note", audit_id, sid, "over #V16", check=False)
    assert result.returncode == 2
    assert "#V16" in result.stderr and "V1-V15" in result.stderr
    assert result.stdout == ""
    shown = json.loads(run(data_dir, "session", "show", audit_id, sid, "--json").stdout)
    assert shown["notes"] == []


def test_notes_from_stdin_one_id_per_line(audit) -> None:
    data_dir, audit_id = audit
    sid = start_session(data_dir, audit_id)
    result = run(
        data_dir,
        "note",
        audit_id,
        sid,
        "-",
        stdin="eerste #V1 @doc\n\ntweede @foto\nderde #O23 !knelpunt\n",
        check=False,
    )
    assert result.returncode == 2
    assert "regel 3" in result.stderr and "@foto" in result.stderr
    assert len(result.stdout.split()) == 2
    shown = json.loads(run(data_dir, "session", "show", audit_id, sid, "--json").stdout)
    assert [n["text"] for n in shown["notes"]] == ["eerste #V1 @doc", "derde #O23 !knelpunt"]


def test_coverage_json_and_table(audit) -> None:
    data_dir, audit_id = audit
    for function in ("sociaal werker", "jongerenwerker", "buurtwerker"):
        sid = run(
            data_dir,
            "session",
            "start",
            audit_id,
            "--auditor",
            "Bram",
            "--function",
            function,
            "--role",
            "P",
        ).stdout.strip()
        run(data_dir, "note", audit_id, sid, "#V5 afspraken besproken @vb")
        run(data_dir, "note", audit_id, sid, "#V5 nog een")
    data = json.loads(run(data_dir, "coverage", audit_id, "--json").stdout)
    assert data["target"] == 3 and len(data["norms"]) == 49
    assert data["norms"]["V5"] == {"sources": 3, "factual": 3, "roles": ["P"], "status": "met"}
    assert data["norms"]["V6"]["status"] == "none"
    table = run(data_dir, "coverage", audit_id).stdout
    assert "V5   3/3 bronnen, 3 feitelijk" in table and "Organisatie en bestuur" in table


def test_session_end(audit) -> None:
    data_dir, audit_id = audit
    sid = start_session(data_dir, audit_id)
    assert run(data_dir, "session", "end", audit_id, sid).stdout.strip() == sid
    shown = json.loads(run(data_dir, "session", "show", audit_id, sid, "--json").stdout)
    assert shown["ended"] is not None


def test_catalogue_json_shape_and_role_filter(tmp_path: Path) -> None:
    data = json.loads(run(tmp_path, "catalogue", "--json").stdout)
    assert data["edition"] == "2019" and len(data["norms"]) == 49
    assert set(data["norms"][0]) == {
        "id",
        "section",
        "number",
        "text",
        "roles",
        "questions",
        "second_source",
        "evidence",
    }
    assert data["roles"]["P&O"] == "personeelszaken"
    mng = json.loads(run(tmp_path, "catalogue", "--role", "Mng", "--json").stdout)
    assert all("Mng" in n["roles"] for n in mng["norms"]) and len(mng["norms"]) < 49
    assert {n["source"] for n in mng["norms"]} == {"template"}
    intern = json.loads(run(tmp_path, "catalogue", "--role", "S", "--json").stdout)
    assert [n["id"] for n in intern["norms"]] == [
        *(n["id"] for n in data["norms"] if "P" in n["roles"]),
        "O12",  # the internship policy, as a second source
    ]
    assert intern["norms"][-1]["source"] == "second"


def test_catalogue_for_a_client_lists_the_wie_norm_then_the_second_source(tmp_path: Path) -> None:
    out = run(tmp_path, "catalogue", "--role", "CB").stdout
    wie = out.index("== volgens het template (kolom Wie): 1")
    extra = out.index("== aanvullende bron (toevoeging van deze tool, niet uit het template): 8")
    assert wie < out.index("  O13  [Mng, P, CB]") < extra < out.index("  D1   [P, BKC]")
    assert "         ? Hoe bent u bij de organisatie terechtgekomen?" in out
    assert "V1 " not in out
    client = json.loads(run(tmp_path, "catalogue", "--role", "CB", "--json").stdout)
    assert [(n["id"], n["source"]) for n in client["norms"][:2]] == [
        ("O13", "template"),
        ("D1", "second"),
    ]
    assert client["norms"][1]["second_source"]["CB"][0].startswith("Hoe bent u")


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (("audit", "show", "nope"), 1, "bestaat niet"),
        (("catalogue", "--edition", "1999"), 1, "Onbekende catalogus-editie"),
        (("catalogue", "--role", "XX"), 2, "Onbekende rol"),
        (("audit", "new", "X", "--target", "0"), 1, "streefaantal"),
    ],
)
def test_errors_are_dutch_and_have_exit_codes(tmp_path: Path, args, code, text) -> None:
    result = run(tmp_path, *args, check=False)
    assert result.returncode == code
    assert text in result.stderr and "Traceback" not in result.stderr


def test_unknown_role_for_session_is_rejected(audit) -> None:
    data_dir, audit_id = audit
    result = run(
        data_dir,
        "session",
        "start",
        audit_id,
        "--auditor",
        "A",
        "--function",
        "x",
        "--role",
        "Q",
        check=False,
    )
    assert result.returncode == 2 and "Onbekende rol 'Q'" in result.stderr


def test_environment_variable_selects_the_data_folder(tmp_path: Path) -> None:
    env_dir = tmp_path / "via-env"
    result = subprocess.run(
        [sys.executable, "-m", "interview_assistant", "audit", "new", "Org"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "INTERVIEW_ASSISTANT_DATA": str(env_dir)},
        check=True,
    )
    assert (env_dir / "audits" / result.stdout.strip() / "audit.json").is_file()


# -- --data-dir is a global option -------------------------------------------------------------


def run_raw(*args: str) -> subprocess.CompletedProcess[str]:
    """The command exactly as typed (``run`` appends ``--data-dir`` itself)."""
    return subprocess.run(
        [sys.executable, "-m", "interview_assistant", *args], capture_output=True, text=True
    )


def audit_ids_in(data_dir: Path) -> list[str]:
    audits = data_dir / "audits"
    return sorted(p.name for p in audits.iterdir()) if audits.is_dir() else []


@pytest.mark.parametrize(
    "where",
    [
        ("--data-dir", "{X}", "audit", "new", "Org"),
        ("audit", "new", "Org", "--data-dir", "{X}"),
        ("--data-dir", "{X}", "audit", "new", "Org", "--data-dir", "{X}"),
    ],
    ids=["before", "after", "both"],
)
def test_data_dir_before_or_after_the_subcommand_is_used(
    tmp_path: Path, isolated_data_dir: Path, where: tuple[str, ...]
) -> None:
    chosen = tmp_path / "chosen"
    result = run_raw(*(arg.format(X=chosen) for arg in where))
    assert result.returncode == 0, result.stderr
    audit_id = result.stdout.strip()
    assert audit_ids_in(chosen) == [audit_id]
    # The folder of $INTERVIEW_ASSISTANT_DATA (the stand-in for the user's own) is untouched.
    assert audit_ids_in(isolated_data_dir) == []
    listed = run_raw("--data-dir", str(chosen), "audit", "list", "--json")
    assert [a["id"] for a in json.loads(listed.stdout)] == [audit_id]
    assert json.loads(run_raw("audit", "list", "--json").stdout) == []


def test_data_dir_before_feature_subcommands_is_used(tmp_path: Path, isolated_data_dir) -> None:
    chosen = tmp_path / "chosen"
    audit_id = run_raw("--data-dir", str(chosen), "audit", "new", "Org").stdout.strip()
    result = run_raw("--data-dir", str(chosen), "text", audit_id, "advies", "Blijf zo doorgaan.")
    assert result.returncode == 0, result.stderr
    shown = run_raw("text", audit_id, "advies", "--data-dir", str(chosen))
    assert "Blijf zo doorgaan." in shown.stdout
    assert audit_ids_in(isolated_data_dir) == []


def test_the_same_folder_twice_is_not_a_conflict(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_raw("--data-dir", "X", "audit", "new", "Org", "--data-dir", str(tmp_path / "X"))
    assert result.returncode == 0, result.stderr
    assert audit_ids_in(tmp_path / "X") == [result.stdout.strip()]


@pytest.mark.parametrize(
    "args",
    [
        ("--data-dir", "{A}", "audit", "new", "Org", "--data-dir", "{B}"),
        ("--data-dir", "{A}", "--data-dir", "{B}", "audit", "new", "Org"),
        ("audit", "new", "Org", "--data-dir", "{A}", "--data-dir", "{B}"),
    ],
    ids=["before-and-after", "twice-before", "twice-after"],
)
def test_conflicting_data_dirs_are_a_dutch_error(
    tmp_path: Path, isolated_data_dir: Path, args: tuple[str, ...]
) -> None:
    first, second = tmp_path / "A", tmp_path / "B"
    result = run_raw(*(arg.format(A=first, B=second) for arg in args))
    assert result.returncode == 2
    assert "twee verschillende mappen" in result.stderr
    assert str(first) in result.stderr and str(second) in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    # Nothing was written anywhere.
    assert not first.exists() and not second.exists()
    assert audit_ids_in(isolated_data_dir) == []


def test_empty_data_dir_is_an_error_not_the_default_folder(isolated_data_dir: Path) -> None:
    result = run_raw("--data-dir", "", "audit", "new", "Org")
    assert result.returncode == 2 and "--data-dir is leeg" in result.stderr
    assert audit_ids_in(isolated_data_dir) == []


def test_data_dir_reaches_the_screen_application_without_a_subcommand() -> None:
    from interview_assistant import cli

    args = cli.parse_args(["--data-dir", "X"])
    assert args.data_dir == "X" and getattr(args, "func", None) is None
    assert cli.parse_args([]).data_dir is None


def test_session_start_links_a_partner_heard_before_and_the_report_counts_once(audit) -> None:
    data_dir, audit_id = audit
    first = start_session(data_dir, audit_id)
    second = start_session(data_dir, audit_id, "--role", "P", "--same-as", first[:6])
    start_session(data_dir, audit_id)  # a second social worker
    shown = json.loads(run(data_dir, "audit", "show", audit_id, "--json").stdout)
    links = {s["id"]: s["interviewees"][0].get("same_as") for s in shown["sessions"]}
    assert links[second] == {"session": first, "partner": 1}
    out = data_dir.parent / "rapport.md"
    run(data_dir, "report", audit_id, "--format", "md", "-o", str(out))
    report = out.read_text(encoding="utf-8")
    assert "**Gesprekspartners (geen namen, alleen functies):** 2 sociaal werkers" in report

    wrong = run(data_dir, *["session", "start", audit_id, "--auditor", "Bert"],
                *["--function", "teamleider", "--role", "Mng", "--same-as", f"{first}:2"],
                check=False)  # fmt: skip
    assert wrong.returncode == 2
    assert f"Geen gesprekspartner '{first}:2' in een eerder interview" in wrong.stderr


def test_a_note_of_a_group_interview_can_name_who_said_it(audit) -> None:
    from interview_assistant.domain.session import Interviewee
    from interview_assistant.services.audit import AuditWorkspace
    from interview_assistant.storage.repository import AuditStore

    data_dir, audit_id = audit
    people = [Interviewee("teamcoach", ("Mng",)), Interviewee("stagiaire", ("S",))]
    session_id = AuditWorkspace(AuditStore(data_dir), audit_id).start_session("Anna", people).id
    run(data_dir, "note", audit_id, session_id, "Stagebeleid besproken #O12", "--speaker", "2")
    run(data_dir, "note", audit_id, session_id, "Samen: jaargesprek #O10")
    run(
        data_dir, "note", audit_id, session_id, "-", "--speaker", "1", stdin="Leidt de stage #O10\n"
    )
    refused = run(
        data_dir, "note", audit_id, session_id, "Iets #O12", "--speaker", "3", check=False
    )
    assert refused.returncode == 2
    assert "Spreker 3 bestaat niet in dit gesprek; kies 1 tot 2 of groep." in refused.stderr
    shown = json.loads(run(data_dir, "session", "show", audit_id, session_id, "--json").stdout)
    assert [(n["text"], n["speaker"]) for n in shown["notes"]] == [
        ("Stagebeleid besproken #O12", 2),
        ("Samen: jaargesprek #O10", None),
        ("Leidt de stage #O10", 1),
    ]
    text = run(data_dir, "session", "show", audit_id, session_id).stdout
    assert "[bevinding] stagiaire: Stagebeleid besproken #O12" in text
    assert "[bevinding] groep: Samen: jaargesprek #O10" in text
    coverage = json.loads(run(data_dir, "coverage", audit_id, "--json").stdout)
    assert coverage["norms"]["O12"]["roles"] == ["S"]  # only the intern spoke to it
    assert coverage["norms"]["O10"]["roles"] == ["Mng", "S"]  # the group and the coach
