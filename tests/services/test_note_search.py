"""Searching every note of an audit: words (near matches too), filters, ranking, spans."""

from __future__ import annotations

import pytest

from interview_assistant.domain.session import Interviewee, SessionKind
from interview_assistant.domain.tags import Evidence, NoteKind
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.note_search import NoteSearch, parse_query
from interview_assistant.storage.repository import AuditStore
from norm_catalogue import load_catalogue

NORM_IDS = load_catalogue().norm_ids


@pytest.fixture
def audit(store: AuditStore) -> tuple[AuditWorkspace, dict[str, str]]:
    """Two auditors, three sessions, notes of every sort; returns the session ids by name."""
    workspace = AuditWorkspace(store, create_audit(store, "Stichting Welzijn West").id)
    team = workspace.start_session("Anna", [Interviewee("teamleider", ("Mng",))])
    worker = workspace.start_session("Bert", [Interviewee("sociaal werker", ("P",))])
    docs = workspace.start_session("Anna", [], kind=SessionKind.DOCUMENTSTUDIE)
    workspace.add_note(team.id, "De wachtlijst is te lang #V3 !knelpunt !suggestie")
    workspace.add_note(team.id, "Klachtenregeling besproken met het team #O13")
    workspace.add_note(worker.id, "Cliënten ervaren de wachtlijst als zwaar #V3 !zorgpunt")
    workspace.add_note(worker.id, "Geen klachten gehoord #O13 @voorbeeld")
    workspace.add_note(docs.id, "Klachtenregeling gelezen #O13 @doc")
    gone = workspace.add_note(docs.id, "Wachtlijst weggegooid #V3")
    workspace.delete_note(docs.id, gone.id)
    return workspace, {"team": team.id, "worker": worker.id, "docs": docs.id}


def texts(hits) -> list[str]:
    return [hit.text.split(" #")[0] for hit in hits]


def test_the_query_line_reads_tags_facets_and_words() -> None:
    query = parse_query(
        "wachtlijst #v3 !Knelpunt @doc rol:P auditor:anna sessie:3f Zwaar", NORM_IDS
    )
    assert query.words == ("wachtlijst", "zwaar")
    assert query.norms == ("V3",) and query.kinds == (NoteKind.KNELPUNT,)
    assert query.evidence == (Evidence.DOCUMENT,)
    assert (query.roles, query.auditors, query.sessions) == (("P",), ("anna",), ("3f",))
    assert parse_query("#V99 !idee rol: lang", NORM_IDS).unknown == ("rol:", "#V99", "!idee")


def test_words_find_notes_in_every_session_and_deleted_notes_never(audit) -> None:
    workspace, _ = audit
    found = NoteSearch(workspace).search("wachtlijst")
    assert sorted(texts(found)) == [
        "Cliënten ervaren de wachtlijst als zwaar",
        "De wachtlijst is te lang",
    ]


def test_a_typo_still_finds_the_note_and_the_span_marks_the_word(audit) -> None:
    workspace, _ = audit
    found = NoteSearch(workspace).search("wachtlisjt")
    assert len(found) == 2
    hit = next(h for h in found if h.text.startswith("De"))
    start, end = hit.spans[0]
    assert hit.text[start:end].lower().startswith("wachtl")


def test_an_exact_word_ranks_above_a_near_one(audit) -> None:
    workspace, _ = audit
    found = NoteSearch(workspace).search("klachten")
    # "klachten" stands in three notes; exact at a word start first
    assert [h.score for h in found] == sorted((h.score for h in found), reverse=True)
    assert texts(found)[0] in ("Geen klachten gehoord", "Klachtenregeling gelezen")


def test_every_word_must_match(audit) -> None:
    workspace, _ = audit
    assert texts(NoteSearch(workspace).search("wachtlijst zwaar")) == [
        "Cliënten ervaren de wachtlijst als zwaar"
    ]
    assert NoteSearch(workspace).search("wachtlijst olifant") == []


def test_accents_need_not_be_typed(audit) -> None:
    workspace, _ = audit
    hit = NoteSearch(workspace).search("clienten")[0]
    assert hit.text[slice(*hit.spans[0])] == "Cliënten"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "#O13",
            [
                "Klachtenregeling besproken met het team",
                "Geen klachten gehoord",
                "Klachtenregeling gelezen",
            ],
        ),
        ("!suggestie", ["De wachtlijst is te lang"]),
        (
            "!knelpunt !zorgpunt",
            ["De wachtlijst is te lang", "Cliënten ervaren de wachtlijst als zwaar"],
        ),
        ("@doc", ["Klachtenregeling gelezen"]),
        ("#O13 rol:p", ["Geen klachten gehoord"]),
        (
            "#O13 auditor:anna",
            ["Klachtenregeling besproken met het team", "Klachtenregeling gelezen"],
        ),
        ("klachten auditor:bert", ["Geen klachten gehoord"]),
    ],
)
def test_filters_narrow_and_without_words_keep_the_order_taken(audit, query, expected) -> None:
    workspace, _ = audit
    assert texts(NoteSearch(workspace).search(query)) == expected


def test_a_hit_names_session_function_and_auditor_never_a_name(audit) -> None:
    workspace, ids = audit
    hit = NoteSearch(workspace).search("!suggestie")[0]
    assert (hit.session_id, hit.functions, hit.roles, hit.auditor) == (
        ids["team"],
        "teamleider",
        ("Mng",),
        "Anna",
    )
    assert hit.kinds == (NoteKind.KNELPUNT, NoteKind.SUGGESTIE) and hit.norms == ("V3",)
    assert NoteSearch(workspace).search(f"#O13 sessie:{ids['docs'][:6]}")[0].evidence == (
        Evidence.DOCUMENT,
    )


def test_the_index_follows_changes_made_after_it_was_built(audit) -> None:
    workspace, ids = audit
    search = NoteSearch(workspace)
    assert search.search("vrijwilligers") == []
    note = workspace.add_note(ids["worker"], "Vrijwilligers krijgen scholing #O11")
    assert texts(search.search("vrijwilligers")) == ["Vrijwilligers krijgen scholing"]
    workspace.delete_note(ids["worker"], note.id)
    assert search.search("vrijwilligers") == []


def test_the_limit_caps_the_results(audit) -> None:
    workspace, _ = audit
    assert len(NoteSearch(workspace).search("", limit=2)) == 2
    assert len(NoteSearch(workspace).search("", limit=None)) == 5


def test_a_freshly_opened_audit_finds_the_same_notes(audit, store: AuditStore) -> None:
    workspace, _ = audit
    fresh = AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id)
    for query in ("wachtlijst", "klachten #O13", "!knelpunt", "wachtlisjt"):
        assert NoteSearch(fresh).search(query) == NoteSearch(workspace).search(query)


def test_a_purged_note_is_never_found_not_even_by_a_reopened_audit(audit, store) -> None:
    workspace, ids = audit
    search = NoteSearch(workspace)
    (hit,) = search.search("klachten gehoord")
    workspace.purge_note(ids["worker"], hit.note_id)
    assert search.search("klachten gehoord") == []
    assert search.search("#O13 @voorbeeld") == []
    fresh = AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id)
    assert NoteSearch(fresh).search("klachten gehoord") == []
