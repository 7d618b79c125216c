"""The one norm search and tag completion engine, as every front end uses it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from interview_assistant.services.norm_search import NormSearch, fold, norm_search
from norm_catalogue import load_catalogue

CATALOGUE = load_catalogue()
SEARCH = NormSearch(CATALOGUE)


def found(query: str) -> list[str]:
    return [m.norm.id for m in SEARCH.search(query)]


def offered(text: str, cursor: int | None = None) -> list[str]:
    completion = SEARCH.complete(text, len(text) if cursor is None else cursor)
    assert completion is not None
    return [s.replacement for s in completion.suggestions]


# -- resolving a typed norm --------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["v5", "V5", "#V5", "#v05", "V05", " v5 "])
def test_a_typed_norm_resolves_however_it_is_written(typed: str) -> None:
    assert SEARCH.resolve(typed) == "V5"


@pytest.mark.parametrize("typed", ["V16", "X1", "", "#", "klacht", "v 5"])
def test_what_is_not_a_norm_of_the_edition_resolves_to_nothing(typed: str) -> None:
    assert SEARCH.resolve(typed) is None


# -- searching ---------------------------------------------------------------------------------


def test_the_exact_id_comes_first_then_ids_it_starts() -> None:
    assert found("v1") == ["V1", "V10", "V11", "V12", "V13", "V14", "V15"]
    assert found("#V05") == ["V5"]
    best = SEARCH.search("o2")
    assert [(m.norm.id, m.score) for m in best[:2]] == [("O2", 1.0), ("O20", 0.9)]
    assert best[1].id_matched == 2


def test_words_must_all_occur_in_the_text_and_are_given_as_spans() -> None:
    (match,) = SEARCH.search("klachten")
    assert match.norm.id == "O17" and match.id_matched == 0
    assert [match.norm.text[s:e].lower() for s, e in match.spans] == ["klachten"]
    several = SEARCH.search("cliënt veilig")
    assert several, "two words, both in one norm"
    for m in several:
        words = {m.norm.text[s:e].lower() for s, e in m.spans}
        assert words == {"cliënt", "veilig"}
    assert found("klachten zeppelin") == []
    assert found("") == [] and found("   ") == []


def test_accents_and_case_do_not_matter_and_the_spans_stay_on_the_text() -> None:
    assert found("client") == found("CLIËNT") == found("cliënt") != []
    for match in SEARCH.search("client"):
        assert {fold(match.norm.text[s:e]) for s, e in match.spans} == {"client"}
    assert any("cliënt" in m.norm.text for m in SEARCH.search("client"))
    assert [s.replacement for s in SEARCH.norm_suggestions("clientparticipatie")] == offered(
        "#cliëntparticipatie"
    )
    assert offered("#clientparticipatie")


def test_longer_words_rank_above_shorter_ones_and_below_an_id() -> None:
    scores = {m.norm.id: m.score for m in SEARCH.search("d")}
    assert scores["D1"] == 0.9
    assert all(s < 0.9 for n, s in scores.items() if not n.startswith("D"))
    assert SEARCH.search("klachten")[0].score > SEARCH.search("werk")[0].score


def test_an_excerpt_shows_the_matched_words_even_far_into_a_long_text() -> None:
    (match,) = SEARCH.search("klachten")
    assert match.norm.text.lower().index("klachten") > len(match.norm.short_text)
    excerpt = SEARCH.excerpt(match)
    assert excerpt.text.startswith("… ")
    assert [excerpt.text[s:e].lower() for s, e in excerpt.spans] == ["klachten"]
    by_id = SEARCH.excerpt(SEARCH.search("V1")[0])
    assert by_id.text == CATALOGUE.norm("V1").short_text and by_id.spans == ()


# -- completing the tag under the cursor -------------------------------------------------------


def test_no_completion_outside_a_tag_or_inside_a_word() -> None:
    assert SEARCH.complete("gewoon tekst", 12) is None
    assert SEARCH.complete("e-mail a@b", 10) is None  # '@' inside a word is no tag
    assert SEARCH.complete("#V1 en verder", 2) is None  # cursor in the middle of the tag
    assert SEARCH.complete("#V1 en verder", 3) is not None


def test_norm_tags_complete_by_id_from_the_edition_only() -> None:
    assert offered("zie #v1") == ["#V1", "#V10", "#V11", "#V12", "#V13", "#V14", "#V15"]
    assert offered("#d1") == ["#D1", "#D10", "#D11"]
    assert offered("#v01")[:1] == ["#V1"]
    assert offered("#V16") == []
    assert len(offered("#")) == len(CATALOGUE.norms)


def test_norm_tags_complete_by_a_word_of_the_text_with_the_word_shown() -> None:
    completion = SEARCH.complete("#klacht", 7)
    assert completion is not None and completion.suggestions
    for suggestion in completion.suggestions:
        assert "klacht" in CATALOGUE.norm(suggestion.word).text.lower()
        assert [suggestion.hint[s:e].lower() for s, e in suggestion.hint_spans] == ["klacht"]
    assert offered("#kl") == [], "two letters are not enough to search the texts"


def test_evidence_offers_each_kind_once_with_its_short_form() -> None:
    completion = SEARCH.complete("Zag @re", 7)
    assert completion is not None
    assert [(s.replacement, s.hint) for s in completion.suggestions] == [
        ("@registratie", "ook @reg")
    ]
    assert offered("@da") == ["@gegevens"], "a short form leads to the full word"
    assert offered("@") == [
        "@document",
        "@registratie",
        "@voorbeeld",
        "@gegevens",
        "@observatie",
    ]


def test_kinds_complete_by_prefix() -> None:
    assert offered("Lastig !k") == ["!knelpunt"]
    assert len(offered("!")) == 5


@pytest.mark.parametrize(
    ("text", "complete"),
    [
        ("#v5", True),
        ("#V05", True),
        ("#V", False),
        ("@doc", True),
        ("@do", False),
        ("!knelpunt", True),
        ("!knel", False),
        ("#klacht", False),
    ],
)
def test_a_tag_that_is_valid_as_typed_is_marked_complete(text: str, complete: bool) -> None:
    completion = SEARCH.complete(text, len(text))
    assert completion is not None and completion.complete is complete


def test_applying_replaces_only_the_tag_being_typed() -> None:
    text = "Laat #v1 zien"
    completion = SEARCH.complete(text, 8)
    assert completion is not None
    assert completion.apply(text, completion.suggestions[0]) == ("Laat #V1 zien", 8)
    at_end = SEARCH.complete("Zag @vo", 7)
    assert at_end is not None
    assert at_end.apply("Zag @vo", at_end.suggestions[0]) == ("Zag @voorbeeld ", 15)


def test_the_engine_is_built_once_per_catalogue() -> None:
    assert norm_search(CATALOGUE) is norm_search(CATALOGUE)


def test_the_engine_loads_without_a_ui_toolkit() -> None:
    code = (
        "import sys, interview_assistant.services.norm_search\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'prompt_toolkit')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_norm_tag_glued_to_a_word_completes_as_the_parser_reads_it() -> None:
    found = SEARCH.complete("netwerk#V1", 10)
    assert found is not None and found.token.start == 7
    assert [s.word for s in found.suggestions][:2] == ["V1", "V10"] and found.complete
    assert SEARCH.complete("kwam klaar!knelpunt", 19) is None, "complete already: no list"
    assert SEARCH.complete("mail info@welzijn", 17) is None, "an e-mail address is no tag"
