"""One person heard in two interviews: linked without a name, counted once in the report."""

from __future__ import annotations

import json

import pytest

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.session import Interviewee, PersonLink, SessionKind
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore


@pytest.fixture
def workspace(store: AuditStore) -> AuditWorkspace:
    return AuditWorkspace(store, create_audit(store, "Stichting Welzijn Oost").id)


def partners(workspace: AuditWorkspace) -> dict[str, int]:
    model = AuditReview(workspace).report_model()
    return {p.function: p.count for p in model.partners}


def test_a_linked_partner_is_counted_once_and_the_link_survives_reopening(
    isolated_data_dir, workspace
):
    first = workspace.start_session(
        "Anna", [Interviewee("teamleider", ("Mng",)), Interviewee("sociaal werker", ("P",))]
    )
    (leader,) = [p for p in workspace.heard_people if p.interviewee.function == "teamleider"]
    assert leader.link == PersonLink(first.id, 0)
    assert leader.option_label().startswith("teamleider (Mng), gesprek 1 (Anna, ")
    workspace.start_session("Bert", [Interviewee("teamleider", ("Mng",), leader.link)])
    workspace.start_session("Bert", [Interviewee("teamleider", ("Mng",))])  # another one
    assert partners(workspace) == {"teamleider": 2, "sociaal werker": 1}

    reopened = AuditWorkspace(AuditStore(isolated_data_dir), workspace.audit.id)
    assert [i.same_as for s in reopened.sessions for i in s.interviewees] == [
        None,
        None,
        PersonLink(first.id, 0),
        None,
    ]
    assert partners(reopened) == {"teamleider": 2, "sociaal werker": 1}
    # the linked person is not offered again: three people heard, not four
    assert len(reopened.heard_people) == 3


def test_a_chain_of_links_is_one_person_under_the_first_function(workspace):
    first = workspace.start_session("Anna", [Interviewee("coördinator", ("Mng",))])
    second = workspace.start_session(
        "Anna", [Interviewee("teamleider", ("Mng",), PersonLink(first.id, 0))]
    )
    workspace.start_session("Bert", [Interviewee("manager", ("Mng",), PersonLink(second.id, 0))])
    assert partners(workspace) == {"coördinator": 1}


def test_a_link_must_name_a_partner_of_an_earlier_interview(workspace):
    first = workspace.start_session("Anna", [Interviewee("teamleider", ("Mng",))])
    review = workspace.start_session(
        "Anna", [Interviewee("kwaliteitsmedewerker", ())], SessionKind.DOCUMENTSTUDIE
    )
    for link in (PersonLink(first.id, 1), PersonLink(review.id, 0), PersonLink("0" * 12, 0)):
        with pytest.raises(DomainError, match="Geen gesprekspartner"):
            workspace.start_session("Bert", [Interviewee("teamleider", ("Mng",), link)])
    assert len(workspace.sessions) == 2, "nothing stored for a wrong link"
    assert workspace.person_link(first.id[:5]) == PersonLink(first.id, 0)
    assert workspace.person_link(f"{first.id}:1") == PersonLink(first.id, 0)
    with pytest.raises(DomainError, match="Geen gesprekspartner"):
        workspace.person_link(f"{first.id}:2")
    with pytest.raises(DomainError, match="SESSIE:N"):
        workspace.person_link(f"{first.id}:x")


def test_an_unlinked_partner_is_written_as_before_so_older_releases_read_it(
    isolated_data_dir, workspace
):
    session = workspace.start_session("Anna", [Interviewee("teamleider", ("Mng",))])
    path = next(p for p in isolated_data_dir.rglob("*.json") if session.id in p.name)
    raw = json.loads(path.read_text())
    header = raw["meta"]["1"]["session"]
    assert header["interviewees"] == [{"function": "teamleider", "roles": ["Mng"]}]
    assert partners(workspace) == {"teamleider": 1}
