"""The line mode on prompt-toolkit: completion, up-arrow history, a line pre-filled to fix.

No full-screen application and no colour: a prompt per line, and plain text printed
between prompts, so it works over SSH on a small screen and scrolls like any shell.
History lives in memory for this run only; the notes themselves are in the store and
are not copied into yet another file.
"""

from __future__ import annotations

from prompt_toolkit import PromptSession, print_formatted_text
from prompt_toolkit.application.current import get_app_session
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output

from interview_assistant.line.chat import LineChat
from interview_assistant.line.completion import ChoiceCompleter, NoteCompleter
from interview_assistant.line.loop import run_chat
from interview_assistant.line.setup import Question, Write
from interview_assistant.line.wrapping import wrap_line
from interview_assistant.services.audit import AuditWorkspace

#: lines kept free under the prompt for the completion menu
MENU_HEIGHT = 6


def run_prompt_chat(
    workspace: AuditWorkspace,
    session_prefix: str | None = None,
    *,
    input: Input | None = None,
    output: Output | None = None,
    write: Write | None = None,
) -> int:
    """Run an interview on the terminal (or on the given prompt-toolkit input/output)."""
    if write is None:
        screen = output or get_app_session().output

        def write(line: str) -> None:
            width = screen.get_size().columns - 1
            print_formatted_text(wrap_line(line, width), output=screen)

    setup: PromptSession[str] = PromptSession(
        input=input, output=output, reserve_space_for_menu=MENU_HEIGHT
    )

    def ask(question: Question) -> str:
        return setup.prompt(question.prompt, completer=ChoiceCompleter(question))

    history = InMemoryHistory()
    notes: PromptSession[str] = PromptSession(
        history=history,
        completer=NoteCompleter(workspace.catalogue),
        complete_while_typing=True,
        reserve_space_for_menu=MENU_HEIGHT,
        input=input,
        output=output,
    )

    def remember_earlier_notes(chat: LineChat) -> None:
        # up-arrow also reaches what was typed in this session before a restart
        for note in chat.interview.notes():
            history.append_string(note.text)

    def read(prompt: str, prefill: str) -> str:
        return notes.prompt(prompt, default=prefill)

    return run_chat(
        workspace,
        session_prefix,
        ask=ask,
        read=read,
        write=write,
        keeps_text=True,
        on_session=remember_earlier_notes,
    )
