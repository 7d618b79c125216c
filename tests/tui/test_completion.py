"""Tag completion: what is offered while typing, and that the keyboard alone can use it."""

from __future__ import annotations

from conftest import MONDAY, build_audit, build_session, settle

from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.tui import completion
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.widgets.note_composer import CompletionMenu
from norm_catalogue import load_catalogue

CATALOGUE = load_catalogue()


def offered(text: str) -> list[str]:
    token = completion.token_at(text, len(text))
    assert token is not None
    return [c.replacement for c in completion.candidates(token, CATALOGUE)]


def test_no_completion_outside_a_tag() -> None:
    assert completion.token_at("gewoon tekst", 12) is None
    assert completion.token_at("e-mail a@b", 10) is None  # '@' inside a word is no tag
    assert completion.token_at("#V1 en verder", 3) is not None
    assert completion.token_at("#V1 en verder", 2) is None  # cursor in the middle of the tag


def test_norm_ids_complete_by_prefix_and_only_from_the_edition() -> None:
    assert offered("zie #v1") == ["#V1", "#V10", "#V11", "#V12", "#V13", "#V14", "#V15"]
    assert offered("#d1") == ["#D1", "#D10", "#D11"]
    assert offered("#V16") == []
    assert len(offered("#")) == 49


def test_norms_are_found_by_words_of_their_text() -> None:
    found = offered("#klacht")
    assert found and all(CATALOGUE.norm(c[1:]).text.lower().count("klacht") for c in found)


def test_evidence_and_kind_words_complete_with_the_exact_word_first() -> None:
    assert offered("@doc") == ["@doc", "@document"]
    assert offered("@re") == ["@registratie", "@reg"]
    assert offered("!k") == ["!knelpunt"]


def test_applying_replaces_only_the_tag_being_typed() -> None:
    text = "Laat #v1 zien"
    token = completion.token_at(text, 8)
    assert token is not None
    candidate = completion.candidates(token, CATALOGUE)[0]
    assert completion.apply(text, token, candidate) == ("Laat #V1 zien", 8)


def test_a_reported_tag_can_be_found_back_in_the_text() -> None:
    assert completion.tag_span("over #V99 en #V9", "#V9") == (13, 16)
    assert completion.tag_span("tekst", "") is None


async def test_completion_menu_works_from_the_keyboard(store, data_dir) -> None:
    audit = build_audit(store)
    session = build_session(store, audit.id, "5e5510000001", "Anna", (("werker", ("P",)),), MONDAY)
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        menu = screen.query_one(CompletionMenu)
        await pilot.press(*"Zie #v1")
        assert menu.is_open
        assert [c.replacement for c in menu.candidates][:2] == ["#V1", "#V10"]
        await pilot.press("down", "tab")
        assert screen.composer.value == "Zie #V10 "
        assert not menu.is_open
        await pilot.press(*"@do")
        await pilot.press("escape")  # closes the menu, keeps the text and the screen
        assert not menu.is_open and isinstance(app.screen, InterviewScreen)
        await pilot.press("c", "enter")  # '@doc' is complete: Enter stores the note
        await pilot.pause()
        notes = AuditWorkspace(store.__class__(data_dir), audit.id).notes(session.id)
        assert [(n.text, n.norms, [e.value for e in n.evidence]) for n in notes] == [
            ("Zie #V10 @doc", ("V10",), ["document"])
        ]
