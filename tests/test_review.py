"""The lead's review service as the TUI and line mode use it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from itertools import count

import pytest

from interview_assistant.domain.assessment import TextKey, TrendKind, Verdict
from interview_assistant.domain.session import Interviewee
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.review import AuditReview, ReviewError
from interview_assistant.storage.repository import AuditStore

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def review(store: AuditStore) -> AuditReview:
    audit = create_audit(store, "Stichting")
    workspace = AuditWorkspace(store, audit.id)
    session = workspace.start_session("Anna", [Interviewee("teamcoach", ("Mng",))])
    workspace.add_note(session.id, "Inwerkmap gezien #V2 @doc")
    workspace.add_note(session.id, "Trots op het team #V3 !compliment")
    ticks = count()
    return AuditReview(workspace, clock=lambda: T0 + timedelta(seconds=next(ticks)))


def test_the_finding_editor_starts_from_a_draft_then_from_the_finding(review) -> None:
    assert review.finding_or_draft("V2") == "- Inwerkmap gezien (teamcoach; document)"
    review.write_finding("V2", "Inwerken goed geregeld.")
    assert review.finding_or_draft("V2") == "Inwerken goed geregeld."
    assert review.assessment("V2").verdict is None


def test_walking_to_the_next_norm_without_a_verdict(review) -> None:
    assert review.next_unassessed() == "V1"
    review.decide("V1", Verdict.VOLDOET)
    review.decide("V2", Verdict.NVT)
    assert review.next_unassessed("V1") == "V3"
    for norm_id in review.catalogue.norm_ids[2:]:
        review.decide(norm_id, Verdict.VOLDOET)
    assert review.next_unassessed("O23") is None
    assert review.decided_count() == 49


def test_proposals_conflict_until_the_lead_decides_and_survive_reopening(review) -> None:
    review.propose("V5", "Anna", Verdict.VOLDOET)
    review.propose("V5", "Bram", Verdict.VOLDOET_NIET)
    assert review.conflicts() == ["V5"]
    reopened = AuditReview.open(AuditStore(review.store.data_dir), review.audit.id[:5])
    assert reopened.conflicts() == ["V5"]
    reopened.decide("V5", Verdict.VERBETERPUNT, "Deels.")
    review.reload()
    assert review.conflicts() == [] and review.assessment("V5").finding == "Deels."


def test_notes_are_grouped_by_source(review) -> None:
    groups = review.notes_by_source("V2")
    assert [(s.functions, [n.text for n in notes]) for s, notes in groups] == [
        ("teamcoach", ["Inwerkmap gezien #V2 @doc"])
    ]


def test_trend_points_can_be_reworded_hidden_and_added(review) -> None:
    (point,) = review.trend_points()
    review.edit_trend_point(point.id[:4], text="Trotse teams")
    own = review.add_trend_point(TrendKind.CONCERN, "Incidenten melden")
    assert [p.text for p in review.trend_points()] == ["Trotse teams", "Incidenten melden"]
    review.edit_trend_point(own.id, hidden=True)
    assert [p.text for p in review.trend_points()] == ["Trotse teams"]
    with pytest.raises(ReviewError):
        review.add_trend_point(TrendKind.STRONG, "  ")
    with pytest.raises(ReviewError):
        review.trend_point("zzz")


def test_texts_and_unknown_norms(review) -> None:
    review.set_text(TextKey.EXPLANATION, "Een brede organisatie.")
    assert AuditReview.open(review.store, review.audit.id).text(TextKey.EXPLANATION) == (
        "Een brede organisatie."
    )
    with pytest.raises(ReviewError, match="V16"):
        review.decide("V16", Verdict.VOLDOET)
