"""This computer's auditor ("ik ben ...") and the summary of one interview."""

from __future__ import annotations

import stat

import pytest

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.session import Interviewee, SessionKind
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.identity import (
    current_auditor,
    identity_file,
    identity_problem,
    set_current_auditor,
)
from interview_assistant.services.interview_summary import interview_summary, summary_lines
from interview_assistant.storage.repository import AuditStore


def test_the_auditor_is_kept_owner_only_in_the_test_config_folder(tmp_path):
    assert current_auditor() == ""
    assert set_current_auditor(' Anna  "de" \\ Vries\n') == 'Anna "de" \\ Vries'
    assert identity_file().parent == tmp_path / "config"
    assert current_auditor() == 'Anna "de" \\ Vries'
    assert stat.S_IMODE(identity_file().stat().st_mode) == 0o600
    assert stat.S_IMODE(identity_file().parent.stat().st_mode) == 0o700
    with pytest.raises(DomainError, match="naam is leeg"):
        set_current_auditor(" \t ")
    assert current_auditor() == 'Anna "de" \\ Vries'


def test_an_unreadable_file_is_reported_not_used_and_not_overwritten(tmp_path):
    identity_file().parent.mkdir(parents=True)
    identity_file().write_bytes(b"\xff\xfe auditor")
    assert current_auditor() == ""
    assert "onleesbaar" in (identity_problem() or "")
    set_current_auditor("Bert")
    assert current_auditor() == "Bert" and identity_problem() is None
    (aside,) = identity_file().parent.glob("identity.toml.onleesbaar-*")
    assert aside.read_bytes() == b"\xff\xfe auditor"


@pytest.fixture
def workspace(store: AuditStore) -> AuditWorkspace:
    return AuditWorkspace(store, create_audit(store, "Stichting Welzijn Oost").id)


def test_the_summary_says_what_was_heard_reached_and_still_missing(workspace):
    earlier = [workspace.start_session("Anna", [Interviewee("tl", ("Mng",))]) for _ in range(2)]
    for session in earlier:
        workspace.add_note(session.id, "Visie besproken #O1")
        workspace.add_note(session.id, "Ook over werkdruk #V2")
    workspace.add_note(earlier[0].id, "Nog een bron #V2")  # twice in one session: one source
    now = workspace.start_session("Anna", [Interviewee("sociaal werker", ("P",))])
    workspace.add_note(now.id, "Visie in het team bekend #O1")
    workspace.add_note(now.id, "Werkdruk hoog #V2 !knelpunt")
    workspace.add_note(now.id, "Inwerkmap gezien #V5 @doc")
    workspace.delete_note(now.id, workspace.add_note(now.id, "Vergissing #V7").id)

    summary = interview_summary(workspace, now.id)
    assert summary.notes == 3
    assert summary.heard == ("V2", "V5", "O1")
    assert summary.reached == ("V2", "O1")
    missing = {c.norm_id: c.sources for c in summary.missing}
    assert "V2" not in missing and missing["V5"] == 1 and missing["V7"] == 0
    assert set(missing) <= {n.id for n in workspace.norms_for_session(now.id)}
    assert summary_lines(summary)[:3] == [
        "Samenvatting: 3 notities in dit gesprek.",
        "Gehoord: V2, V5, O1.",
        "Streefwaarde (3) gehaald dankzij dit gesprek: V2, O1.",
    ]
    assert summary_lines(summary)[3] == "Nog onder de streefwaarde voor de rollen P: V5 (1/3)."
    assert summary_lines(summary)[4].startswith("Nog zonder bron voor de rollen P: V1, V3, V4, V6")


def test_a_summary_of_an_empty_document_review(workspace):
    review = workspace.start_session("Anna", [], SessionKind.DOCUMENTSTUDIE)
    lines = summary_lines(interview_summary(workspace, review.id))
    assert lines[:3] == [
        "Samenvatting: 0 notities in dit gesprek.",
        "Geen normen gehoord in dit gesprek.",
        "Geen norm haalde de streefwaarde (3) dankzij dit gesprek.",
    ]
    assert lines[3].startswith("Nog zonder bron voor dit gesprek: V1, V2, V3")
    assert len(lines) == 4
