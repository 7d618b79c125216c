"""Lines are folded between words, list items continuing under their text."""

from __future__ import annotations

from interview_assistant.line.wrapping import wrap_line

QUESTION = (
    "  - Welk beroepscompetentieprofiel is op uw functie van toepassing, en kunt u aan de "
    "hand van een recente casus laten zien welke competenties u daarin hebt ingezet?"
)


def test_a_question_continues_under_its_text():
    lines = wrap_line(QUESTION, 60).splitlines()
    assert len(lines) == 3 and all(len(line) <= 60 for line in lines)
    assert lines[0].startswith("  - Welk") and lines[1].startswith("    toepassing")
    assert " ".join(line.strip() for line in lines) == QUESTION.strip()


def test_ordinary_text_continues_indented_and_words_stay_whole():
    text = "Vraag naar: Beroepscompetentieprofiel / functieprofiel; Diploma's en registratie."
    lines = wrap_line(text, 40).splitlines()
    assert lines[0] == "Vraag naar: Beroepscompetentieprofiel /"
    assert all(line.startswith("  ") for line in lines[1:])
    words = {w for line in lines for w in line.split()}
    assert "Beroepscompetentieprofiel" in words and "Diploma's" in words


def test_short_lines_and_tiny_widths_are_left_alone():
    assert wrap_line("  V1   1/3 bronnen", 50) == "  V1   1/3 bronnen"
    assert wrap_line(QUESTION, 10) == QUESTION
