"""Tab completion: only what the note parser accepts, with enough text to choose."""

from __future__ import annotations

from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document

from interview_assistant.line.chat import COMMAND_NAMES
from interview_assistant.line.completion import ChoiceCompleter, NoteCompleter
from interview_assistant.line.setup import Question
from norm_catalogue import load_catalogue

CATALOGUE = load_catalogue()


def complete(text: str, completer=None) -> list[tuple[str, int, str]]:
    completer = completer or NoteCompleter(CATALOGUE)
    found = completer.get_completions(Document(text), CompleteEvent(completion_requested=True))
    return [(c.text, c.start_position, c.display_meta_text) for c in found]


def texts(text: str, completer=None) -> list[str]:
    return [t for t, _, _ in complete(text, completer)]


def test_norm_tags_are_the_editions_norms_with_their_first_words():
    assert texts("Gezien #") == list(CATALOGUE.norm_ids)
    assert texts("Gezien #V1") == ["V1", "V10", "V11", "V12", "V13", "V14", "V15"]
    ((text, start, meta),) = complete("Gezien #d1")[:1]
    assert (text, start) == ("D1", -2)
    assert meta == CATALOGUE.norm("D1").short_text
    assert texts("#V16") == [] and texts("#X") == []


def test_norm_tags_by_words_of_the_text():
    assert texts("Over #klachten") == ["O17"]
    assert texts("Over #kl") == [], "two letters are not enough to search the texts"
    ((_, start, meta),) = complete("Over #klachten")
    assert start == -8 and "klachten" in meta, "the hint shows the words that matched"


def test_evidence_and_kind_words():
    assert complete("Zag @reg") == [("registratie", -3, "ook @reg")]
    assert texts("@da") == ["gegevens"], "a short form leads to the full word"
    assert texts("@") == ["document", "registratie", "voorbeeld", "gegevens", "observatie"]
    assert texts("Lastig !k") == ["knelpunt"]
    assert texts("!") == ["bevinding", "knelpunt", "suggestie", "compliment", "zorgpunt"]


def test_tags_complete_anywhere_but_not_inside_words_or_plain_text():
    assert texts("begin #V3 en @vo") == ["voorbeeld"]
    assert texts("mail@reg") == []
    assert texts("gewone tekst") == []
    cursor_mid_line = Document("Zag @doc en meer", cursor_position=len("Zag @doc"))
    found = NoteCompleter(CATALOGUE).get_completions(cursor_mid_line, CompleteEvent())
    assert [c.text for c in found] == ["document"]
    # inside a word completing would split it ('@documentc'), as the TUI knows too
    cursor_in_word = Document("Zag @doc en meer", cursor_position=len("Zag @do"))
    assert list(NoteCompleter(CATALOGUE).get_completions(cursor_in_word, CompleteEvent())) == []


def test_commands_at_the_start_of_the_line():
    assert texts("/") == list(COMMAND_NAMES)
    assert complete("/vo") == [
        ("volgende", -2, "naar de volgende norm voor deze rollen"),
        ("vorige", -2, "naar de vorige norm voor deze rollen"),
    ]
    assert texts("tekst /vo") == []
    assert texts("/norm o2") == ["O2", "O20", "O21", "O22", "O23"]


def test_setup_answers_complete_from_the_choices():
    roles = Question(
        "Rollen", choices=(("P", "professional"), ("P&O", "hr"), ("S", "")), several=True
    )
    assert texts("Mng p", ChoiceCompleter(roles)) == ["P", "P&O"]
    assert complete("s", ChoiceCompleter(roles)) == [("S", -1, "")]
    kinds = Question("Soort", choices=(("interview", ""), ("observatie", "")))
    assert texts("ob", ChoiceCompleter(kinds)) == ["observatie"]
