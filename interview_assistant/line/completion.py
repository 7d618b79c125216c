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

from interview_assistant.domain.tags import EVIDENCE_WORDS, KIND_WORDS, Evidence
from interview_assistant.line.chat import COMMANDS
from interview_assistant.line.setup import ROLE_SEPARATORS, Question
from interview_assistant.messages import msg
from norm_catalogue import Catalogue

# a tag being typed at the cursor, with the same left boundary as the parser's
TAG_AT_CURSOR = re.compile(r"(?<![\w#@!])([#@!])(\w*)$")
COMMAND_AT_CURSOR = re.compile(r"^\s*/(\w*)$")
NORM_ARGUMENT_AT_CURSOR = re.compile(r"^\s*/norm\s+#?(\w*)$", re.IGNORECASE)
#: typing this many letters after ``#`` without a match on ids searches the norm texts
TEXT_SEARCH_MIN = 3


def _short_forms() -> dict[Evidence, list[str]]:
    forms: dict[Evidence, list[str]] = {}
    for word, evidence in EVIDENCE_WORDS.items():
        if word != evidence.value:
            forms.setdefault(evidence, []).append(word)
    return forms


class NoteCompleter(Completer):
    """Completes ``#norm``, ``@evidence``, ``!kind`` anywhere, and ``/commands`` at the start."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.short_forms = _short_forms()

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
            yield from self._norms(argument.group(1))
            return
        tag = TAG_AT_CURSOR.search(before)
        if not tag:
            return
        sigil, prefix = tag.group(1), tag.group(2)
        if sigil == "#":
            yield from self._norms(prefix)
        elif sigil == "@":
            yield from self._evidence(prefix)
        else:
            yield from self._kinds(prefix)

    def _commands(self, prefix: str) -> Iterable[Completion]:
        for command in COMMANDS:
            if command.name.startswith(prefix.lower()):
                yield Completion(
                    command.name,
                    start_position=-len(prefix),
                    display=command.usage,
                    display_meta=command.help,
                )

    def _norms(self, prefix: str) -> Iterable[Completion]:
        wanted = prefix.upper()
        by_id = [n for n in self.catalogue.norms if n.id.startswith(wanted)]
        if not by_id and len(prefix) >= TEXT_SEARCH_MIN and not any(c.isdigit() for c in prefix):
            by_id = [n for n in self.catalogue.norms if prefix.lower() in n.text.lower()]
        for norm in by_id:
            yield Completion(
                norm.id,
                start_position=-len(prefix),
                display=norm.id,
                display_meta=norm.short_text,
            )

    def _evidence(self, prefix: str) -> Iterable[Completion]:
        wanted = prefix.lower()
        for evidence in Evidence:
            forms = [evidence.value, *self.short_forms.get(evidence, [])]
            if any(form.startswith(wanted) for form in forms):
                short = " ".join(f"@{f}" for f in forms[1:])
                yield Completion(
                    evidence.value,
                    start_position=-len(prefix),
                    display_meta=msg("line.completion_short", forms=short) if short else "",
                )

    def _kinds(self, prefix: str) -> Iterable[Completion]:
        for word in KIND_WORDS:
            if word.startswith(prefix.lower()):
                yield Completion(word, start_position=-len(prefix))


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
