"""Verdicts, conflicts, drafts, the result table, the label rule and trend points."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_assistant.domain.assessment import (
    MAX_IMPROVEMENT,
    MAX_NOT_MET,
    Advice,
    AdviceDecision,
    Assessment,
    LabelStatus,
    NormState,
    TrendEdit,
    TrendKind,
    Verdict,
    advice_refusals,
    build_draft,
    final_refusals,
    label_advice,
    parse_verdict,
    result_table,
    trend_points,
)
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import Evidence, NoteKind, parse_note
from norm_catalogue import load_catalogue

CATALOGUE = load_catalogue("2019")
NORM_IDS = CATALOGUE.norm_ids
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def session(session_id: str, function: str = "sociaal werker", hours: int = 0) -> Session:
    return Session(
        session_id,
        "audit",
        "Anna",
        SessionKind.INTERVIEW,
        (Interviewee(function, ("P",)),),
        "",
        T0 + timedelta(hours=hours),
    )


def note(note_id: str, session_id: str, text: str, minutes: int = 0) -> Note:
    return Note.create(note_id, session_id, parse_note(text, NORM_IDS), at(minutes))


# -- verdicts and conflicts --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "verdict"),
    [
        ("+", Verdict.VOLDOET),
        ("+/-", Verdict.VERBETERPUNT),
        ("-", Verdict.VOLDOET_NIET),
        ("NVT", Verdict.NVT),
        ("nb", Verdict.NB),
        ("Voldoet  niet", Verdict.VOLDOET_NIET),
        ("verbeterpunt", Verdict.VERBETERPUNT),
    ],
)
def test_verdicts_are_typed_as_symbols_or_words(word: str, verdict: Verdict) -> None:
    assert parse_verdict(word) is verdict


def test_unknown_verdict_word_is_none() -> None:
    assert parse_verdict("goed") is None


def test_differing_proposals_are_a_conflict_until_the_lead_decides() -> None:
    a = Assessment("V5").propose("Anna", Verdict.VOLDOET, at(0))
    assert not a.conflict and a.agreed_verdict is Verdict.VOLDOET
    a = a.propose("Bram", Verdict.VERBETERPUNT, at(1))
    assert a.conflict
    assert a.effective_verdict is None
    assert [(p.auditor, p.verdict) for p in a.current_proposals] == [
        ("Anna", Verdict.VOLDOET),
        ("Bram", Verdict.VERBETERPUNT),
    ]
    a = a.decide(Verdict.VERBETERPUNT, at(2), "Afspraken ontbreken deels.")
    assert not a.conflict
    assert a.verdict is a.effective_verdict is Verdict.VERBETERPUNT
    assert len(a.proposals) == 2  # the proposals stay on record


def test_an_auditor_changing_their_mind_resolves_the_conflict() -> None:
    a = (
        Assessment("V5")
        .propose("Anna", Verdict.VOLDOET, at(0))
        .propose("Bram", Verdict.VERBETERPUNT, at(1))
        .propose("Anna", Verdict.VERBETERPUNT, at(2))
    )
    assert not a.conflict
    assert a.effective_verdict is Verdict.VERBETERPUNT
    assert len(a.proposals) == 3


def test_decide_without_finding_keeps_the_finding_and_write_finding_keeps_the_verdict() -> None:
    a = Assessment("D3").decide(Verdict.VOLDOET, at(0), "Goed geregeld.")
    a = a.decide(Verdict.VERBETERPUNT, at(1))
    assert (a.verdict, a.finding) == (Verdict.VERBETERPUNT, "Goed geregeld.")
    a = a.write_finding("Deels geregeld.", at(2))
    assert (a.verdict, a.finding) == (Verdict.VERBETERPUNT, "Deels geregeld.")
    assert len(a.decisions) == 3


def test_a_later_change_wins_even_if_the_clock_went_back() -> None:
    a = Assessment("D3").decide(Verdict.VOLDOET, at(10))
    a = a.decide(Verdict.VOLDOET_NIET, at(5))
    assert a.verdict is Verdict.VOLDOET_NIET


def test_effective_finding_falls_back_to_one_agreed_proposal_finding() -> None:
    a = Assessment("O1").propose("Anna", Verdict.VOLDOET, at(0), "SWOT gezien.")
    assert a.effective_finding == "SWOT gezien."
    a = a.propose("Bram", Verdict.VOLDOET, at(1), "Analyse besproken.")
    assert a.effective_finding == ""


# -- result table and label rule -----------------------------------------------------------------

verdict_maps = st.dictionaries(
    st.sampled_from([*NORM_IDS, "X1", "V99"]),
    st.one_of(st.none(), st.sampled_from(list(Verdict))),
)


@given(verdict_maps)
def test_result_table_accounts_for_every_norm_exactly_once(verdicts) -> None:
    table = result_table(CATALOGUE, verdicts)
    placed = [n for s in table.sections for ids in s.norms.values() for n in ids]
    assert sorted(placed + list(table.open)) == sorted(NORM_IDS)
    assert table.total == len(NORM_IDS) == 49
    assert sum(table.count(v) for v in Verdict) + len(table.open) == 49
    for norm_id in NORM_IDS:
        verdict = verdicts.get(norm_id)
        if verdict is None:
            assert norm_id in table.open  # no verdict is open, never counted as nb
        else:
            assert norm_id in table.norms(verdict)


def test_result_table_lists_norm_numbers_per_section() -> None:
    table = result_table(CATALOGUE, {"V5": Verdict.VERBETERPUNT, "O16": Verdict.VOLDOET_NIET})
    vakmanschap = table.sections[0]
    assert vakmanschap.name == "Vakmanschap"
    assert vakmanschap.numbers[Verdict.VERBETERPUNT] == (5,)
    assert table.sections[2].numbers[Verdict.VOLDOET_NIET] == (16,)
    assert table.count(Verdict.NB) == 0
    assert len(table.open) == 47


def verdicts_with(not_met: int, improvement: int) -> dict[str, Verdict]:
    verdicts = {n: Verdict.VOLDOET for n in NORM_IDS}
    for norm_id in NORM_IDS[:not_met]:
        verdicts[norm_id] = Verdict.VOLDOET_NIET
    for norm_id in NORM_IDS[-improvement:] if improvement else ():
        verdicts[norm_id] = Verdict.VERBETERPUNT
    return verdicts


@pytest.mark.parametrize(
    ("not_met", "improvement", "positive"),
    [
        (0, 0, True),
        (MAX_NOT_MET, MAX_IMPROVEMENT, True),
        (MAX_NOT_MET + 1, 0, False),
        (0, MAX_IMPROVEMENT + 1, False),
    ],
)
def test_label_rule(not_met: int, improvement: int, positive: bool) -> None:
    advice = label_advice(result_table(CATALOGUE, verdicts_with(not_met, improvement)))
    assert advice.positive_possible is positive
    assert len(advice.plan_of_action) == not_met + improvement


def test_plan_of_action_lists_every_failing_norm_in_catalogue_order() -> None:
    verdicts = {
        "O16": Verdict.VOLDOET_NIET,
        "V7": Verdict.VERBETERPUNT,
        "D8": Verdict.VERBETERPUNT,
        "V5": Verdict.VOLDOET_NIET,
        "O10": Verdict.VERBETERPUNT,
        "V1": Verdict.NVT,
    }
    advice = label_advice(result_table(CATALOGUE, verdicts))
    assert advice.plan_of_action == ("V5", "V7", "D8", "O10", "O16")
    assert advice.not_met == ("V5", "O16")


# -- draft findings ------------------------------------------------------------------------------


def test_draft_lists_live_notes_without_tags_with_function_and_evidence() -> None:
    s1, s2 = session("s1", "teamcoach"), session("s2", "stagiaire", hours=1)
    deleted = note("n3", "s2", "Weg #V2").delete(at(5))
    draft = build_draft(
        [
            (s1, note("n1", "s1", "Inwerkmap gezien #V2 @doc @vb")),
            (s2, note("n2", "s2", "Meegelopen met collega #V2")),
            (s2, deleted),
        ]
    )
    assert [(line.text, line.source) for line in draft.lines] == [
        ("Inwerkmap gezien", "teamcoach; document, voorbeeld"),
        ("Meegelopen met collega", "stagiaire"),
    ]
    assert draft.omitted == 0
    assert draft.as_text() == (
        "- Inwerkmap gezien (teamcoach; document, voorbeeld)\n- Meegelopen met collega (stagiaire)"
    )


def test_a_long_draft_shows_every_source_and_proof_first_and_counts_the_rest() -> None:
    sources = []
    for s in range(3):
        sess = session(f"s{s}", f"functie {s}", hours=s)
        for i in range(10):
            tag = " @doc" if i == 7 else ""
            sources.append((sess, note(f"n{s}-{i}", sess.id, f"Notitie {s}-{i} #V3{tag}", i)))
    draft = build_draft(sources, limit=6)
    assert len(draft.lines) == 6 and draft.omitted == 24
    texts = [line.text for line in draft.lines]
    # every source's factual note is in, each source twice, shown in session order
    assert [t for t in texts if t.endswith("-7")] == ["Notitie 0-7", "Notitie 1-7", "Notitie 2-7"]
    assert [line.function for line in draft.lines] == ["functie 0"] * 2 + ["functie 1"] * 2 + [
        "functie 2"
    ] * 2
    assert "24" in draft.as_text().splitlines()[-1]


# -- trend points -------------------------------------------------------------------------------


def test_trend_points_come_from_compliments_and_concerns_with_the_leads_edits() -> None:
    s1 = session("s1")
    compliment = note("n1", "s1", "Betrokken team #V3 !compliment")
    concern = note("n2", "s1", "RI&E verouderd #O16 !zorgpunt @doc")
    hidden = note("n3", "s1", "Koffie is lekker #O1 !compliment")
    plain = note("n4", "s1", "Gewone bevinding #V1")
    gone = note("n5", "s1", "Ingetrokken #V1 !zorgpunt").delete(at(3))
    edits = {
        "n1": TrendEdit("n1", TrendKind.STRONG, "Zeer betrokken teams", False, at(9), at(9), "n1"),
        "n3": TrendEdit("n3", TrendKind.STRONG, "Koffie", True, at(9), at(9), "n3"),
        "own": TrendEdit("own", TrendKind.CONCERN, "Eigen zorg", False, at(9), at(9), None),
    }
    points = trend_points([(s1, n) for n in (compliment, concern, hidden, plain, gone)], edits)
    assert [(p.kind, p.text, p.edited) for p in points] == [
        (TrendKind.STRONG, "Zeer betrokken teams", True),
        (TrendKind.CONCERN, "RI&E verouderd", False),
        (TrendKind.CONCERN, "Eigen zorg", True),
    ]
    everything = trend_points([(s1, hidden)], edits, include_hidden=True)
    assert [p.id for p in everything] == ["n3", "own"] and everything[0].hidden


def test_draft_evidence_words_are_dutch() -> None:
    line = build_draft([(session("s"), note("n", "s", "Registratie gezien #D6 @reg"))]).lines[0]
    assert line.evidence == (Evidence.REGISTRATIE,)
    assert line.source == "sociaal werker; registratie"


# -- decision state, provisional outcome, the advice ---------------------------------------------


def test_decision_state_of_a_norm() -> None:
    a = Assessment("V1")
    assert a.state is NormState.OPEN
    a = a.propose("Anna", Verdict.VOLDOET, at(0))
    assert a.state is NormState.PROPOSED
    a = a.propose("Bram", Verdict.VERBETERPUNT, at(1))
    assert a.state is NormState.CONFLICT
    a = a.decide(Verdict.NB, at(2))
    assert a.state is NormState.DECIDED and a.verdict is Verdict.NB  # nb is a verdict


def test_proposals_never_count_and_open_norms_make_the_outcome_provisional() -> None:
    agreed = Assessment("V1").propose("Anna", Verdict.VOLDOET, at(0))
    agreed = agreed.propose("Bram", Verdict.VOLDOET, at(1))
    from interview_assistant.domain.assessment import lead_verdicts

    table = result_table(CATALOGUE, lead_verdicts({"V1": agreed}))
    assert table.count(Verdict.VOLDOET) == 0 and "V1" in table.open
    advice = label_advice(table)
    assert advice.provisional and not advice.positive_possible
    assert advice.status is LabelStatus.PROVISIONAL
    assert label_advice(result_table(CATALOGUE, {})).positive_possible is False


def test_label_status_once_every_norm_is_decided() -> None:
    assert label_advice(result_table(CATALOGUE, verdicts_with(0, 2))).status is (
        LabelStatus.POSITIVE_POSSIBLE
    )
    assert label_advice(result_table(CATALOGUE, verdicts_with(4, 0))).status is (
        LabelStatus.NEGATIVE
    )


def test_a_positive_advice_against_the_label_rule_is_refused_with_every_reason() -> None:
    label = label_advice(result_table(CATALOGUE, verdicts_with(4, 1)))
    reasons = advice_refusals(label, {}, AdviceDecision.POSITIEF)
    keys = [r.key for r in reasons]
    assert keys == ["report.refuse.too_many_not_met", "report.refuse.plan_not_approved"]
    assert "4 normen voldoen niet" in reasons[0].text()
    assert advice_refusals(label, {}, AdviceDecision.NEGATIEF) == []


def test_a_positive_advice_needs_every_plan_approved() -> None:
    verdicts = verdicts_with(1, 1)
    label = label_advice(result_table(CATALOGUE, verdicts))
    first, last = NORM_IDS[0], NORM_IDS[-1]
    a = Assessment(first).record_plan(at(0), date(2026, 4, 1), None)
    b = Assessment(last).record_plan(at(0), date(2026, 4, 1), date(2026, 4, 8))
    reasons = advice_refusals(label, {first: a.plan, last: b.plan}, AdviceDecision.POSITIEF)
    assert [r.values["norms"] for r in reasons] == [first]
    a = a.record_plan(at(0), date(2026, 4, 1), date(2026, 4, 9))  # same moment: still newest
    assert a.plan is not None and a.plan.approved == date(2026, 4, 9)
    assert advice_refusals(label, {first: a.plan, last: b.plan}, AdviceDecision.POSITIEF) == []


def test_the_final_report_lists_every_missing_piece() -> None:
    verdicts = verdicts_with(0, 0)
    del verdicts["V3"], verdicts["D2"]
    label = label_advice(result_table(CATALOGUE, verdicts))
    reasons = final_refusals(label, {}, None, conflicts=["D2"])
    assert [r.key for r in reasons] == [
        "report.refuse.conflicts",
        "report.refuse.open",
        "report.refuse.no_advice",
    ]
    assert reasons[1].values["norms"] == "V3"
    complete = label_advice(result_table(CATALOGUE, verdicts_with(0, 0)))
    advice = Advice(AdviceDecision.POSITIEF, date(2026, 4, 10), "Anna", "Utrecht", at(0))
    assert final_refusals(complete, {}, advice) == []


def test_a_note_of_two_trend_kinds_is_a_point_in_each_column() -> None:
    s1 = session("s1")
    both = note("n1", "s1", "Sterk team, maar overbelast #V3 !compliment !zorgpunt")
    edits = {
        "n1/zorg": TrendEdit("n1/zorg", TrendKind.CONCERN, "Overbelast", False, at(9), at(9), "n1")
    }
    points = trend_points([(s1, both)], edits)
    assert [(p.id, p.kind, p.text, p.note_id) for p in points] == [
        ("n1", TrendKind.STRONG, "Sterk team, maar overbelast", "n1"),
        ("n1/zorg", TrendKind.CONCERN, "Overbelast", "n1"),
    ]


def test_a_draft_line_keeps_every_kind_of_its_note() -> None:
    line = build_draft([(session("s"), note("n", "s", "Wachtlijst #V1 !knelpunt !suggestie"))])
    assert line.lines[0].kinds == (NoteKind.KNELPUNT, NoteKind.SUGGESTIE)
