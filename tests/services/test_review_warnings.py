"""A verdict on thin evidence is warned about (never refused): below target, nothing factual."""

from __future__ import annotations

import pytest

from interview_assistant.domain.assessment import Verdict
from interview_assistant.domain.session import Interviewee
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore


@pytest.fixture
def review(store: AuditStore) -> AuditReview:
    audit = create_audit(store, "Stichting")
    workspace = AuditWorkspace(store, audit.id)
    # V2: three sources, one factual; V3: one source, nothing factual; V4: three, none factual
    for number, function in enumerate(("teamcoach", "werker", "stagiaire")):
        session = workspace.start_session("Anna", [Interviewee(function, ("P",))])
        workspace.add_note(session.id, "Inwerkmap gezien #V2" + (" @doc" if number == 0 else ""))
        workspace.add_note(session.id, "Eigen regie besproken #V4")
        if number == 0:
            workspace.add_note(session.id, "Trots op het team #V3 !compliment")
    return AuditReview(workspace)


def keys(review: AuditReview, norm: str, verdict: Verdict | None) -> list[str]:
    return [w.key for w in review.evidence_warnings(norm, verdict)]


def test_no_warning_with_the_target_met_and_a_factual_source(review) -> None:
    assert keys(review, "V2", Verdict.VOLDOET) == []


def test_below_target_and_without_a_factual_source_are_both_said(review) -> None:
    assert keys(review, "V3", Verdict.VERBETERPUNT) == [
        "assess.warn.below_target",
        "assess.warn.no_factual",
    ]
    below, no_facts = review.evidence_warnings("V3", Verdict.VOLDOET_NIET)
    assert below.text() == "V3 heeft een oordeel op 1 van de 3 bronnen (onder de streefwaarde)."
    assert "zonder feitelijke bron" in no_facts.text() and "@document" in no_facts.text()
    assert keys(review, "V4", Verdict.VOLDOET) == ["assess.warn.no_factual"]
    assert keys(review, "V9", Verdict.VOLDOET) == [
        "assess.warn.below_target",
        "assess.warn.no_factual",
    ]


def test_no_verdict_nvt_and_nb_need_no_evidence(review) -> None:
    for verdict in (None, Verdict.NVT, Verdict.NB):
        assert keys(review, "V3", verdict) == []


def test_the_norms_to_mark_follow_the_verdicts_given(review) -> None:
    assert review.thin_evidence_norms() == []
    review.decide("V2", Verdict.VOLDOET)
    review.decide("V3", Verdict.VOLDOET)
    review.decide("V5", Verdict.NVT)
    assert review.thin_evidence_norms() == ["V3"]
    # a proposal the team agrees on counts as the verdict shown
    review.propose("V4", "Bert", Verdict.VERBETERPUNT)
    assert review.thin_evidence_norms() == ["V3", "V4"]
    # the warning goes once the evidence is there
    workspace = review.workspace
    session = workspace.sessions[0]
    workspace.add_note(session.id, "Registratie ingezien #V4 @reg")
    assert review.thin_evidence_norms() == ["V3"]
