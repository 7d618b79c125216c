"""Tab completion for the line mode: tags while typing a note, commands, setup answers.

Only what the note parser accepts is offered (the audit edition's norms, the evidence
and kind words), so a completed tag is never rejected. Norms come with the first words
of their text so the auditor can pick one without knowing its number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from interview_assistant.line.chat import COMMANDS
from interview_assistant.line.setup import ROLE_SEPARATORS, Question
from interview_assistant.services.norm_search import Suggestion, norm_search
from norm_catalogue import Catalogue

COMMAND_AT_CURSOR = re.compile(r"^\s*/(\w*)$")
NORM_ARGUMENT_AT_CURSOR = re.compile(r"^\s*/norm\s+#?(\w*)$", re.IGNORECASE)


class NoteCompleter(Completer):
    """Completes ``#norm``, ``@evidence``, ``!kind`` anywhere, and ``/commands`` at the start.

    The tags come from the shared engine (:mod:`interview_assistant.services.norm_search`),
    the same one the TUI's input uses; only the commands are the line mode's own.
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self.search = norm_search(catalogue)

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterable[Completion]:
        before = document.text_before_cursor
        command = COMMAND_AT_CURSOR.search(before)
        if command:
            yield from self._commands(command.group(1))
            return
        argument = NORM_ARGUMENT_AT_CURSOR.search(before)
        if argument:
            typed = argument.group(1)
            yield from _completions(self.search.norm_suggestions(typed), len(typed))
            return
        found = self.search.complete(document.text, document.cursor_position)
        if found is not None:
            yield from _completions(found.suggestions, len(found.token.word))

    def _commands(self, prefix: str) -> Iterable[Completion]:
        for command in COMMANDS:
            if command.name.startswith(prefix.lower()):
                yield Completion(
                    command.name,
                    start_position=-len(prefix),
                    display=command.usage,
                    display_meta=command.help,
                )


def _completions(suggestions: Iterable[Suggestion], typed: int) -> Iterable[Completion]:
    """The word after the sigil replaces what was typed after it."""
    for suggestion in suggestions:
        yield Completion(suggestion.word, start_position=-typed, display_meta=suggestion.hint)


class ChoiceCompleter(Completer):
    """Completes a setup answer from a question's choices (each word when it takes several)."""

    def __init__(self, question: Question) -> None:
        self.question = question

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterable[Completion]:
        before = document.text_before_cursor
        typed = ROLE_SEPARATORS.split(before)[-1] if self.question.several else before.lstrip()
        for value, description in self.question.choices:
            if value.lower().startswith(typed.lower()):
                yield Completion(value, start_position=-len(typed), display_meta=description)
