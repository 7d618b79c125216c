"""The line the auditor types notes in, with tag completion and the error under it.

The typed text is only cleared when the screen says the note is stored; on any error it
stays, the cursor after the bad tag, so nothing the auditor typed is ever lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from interview_assistant.domain.tags import tag_span
from interview_assistant.messages import msg
from interview_assistant.services.norm_search import Suggestion, TagCompletion, norm_search
from norm_catalogue import Catalogue

MENU_KEYS = frozenset({"up", "down", "tab", "enter", "escape"})


class NoteInput(Input):
    """An Input that hands some keys to its composer instead of acting on them itself.

    Up and down (unused by a one-line input) select a note in the log above, so the
    auditor never has to leave the input line to edit or delete a note.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "up",
            "screen.select_note(-1)",
            msg("tui.key.select_note"),
            key_display="↑↓",
            id="composer.select_up",
        ),
        Binding(
            "down",
            "screen.select_note(1)",
            msg("tui.key.select_note"),
            show=False,
            id="composer.select_down",
        ),
    ]

    def __init__(self, on_claimed_key: Callable[[str], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self.claimed_keys: frozenset[str] = frozenset()
        self.on_claimed_key = on_claimed_key

    def on_key(self, event: events.Key) -> None:
        # Runs before Input's own key handling and before any non-priority binding:
        # preventing the default keeps Input from acting, stopping keeps the screen's
        # bindings (Esc = back, up/down = select a note) from acting too. The key is
        # handled here, in turn, not by a message: a message would be handled after
        # the keys typed right after it, and Tab followed by quick typing would apply
        # the completion to the wrong text.
        if event.key in self.claimed_keys:
            event.stop()
            event.prevent_default()
            self.on_claimed_key(event.key)


class CompletionMenu(OptionList):
    """The tags that fit what is being typed; driven from the keyboard by the composer."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.can_focus = False
        self.completion: TagCompletion | None = None

    @property
    def candidates(self) -> tuple[Suggestion, ...]:
        return self.completion.suggestions if self.completion else ()

    def show(self, found: TagCompletion) -> None:
        self.completion = found
        self.clear_options()
        self.add_options(Option(_menu_line(s)) for s in found.suggestions)
        self.highlighted = 0 if found.suggestions else None
        self.display = bool(found.suggestions)

    def hide(self) -> None:
        self.completion = None
        self.display = False

    @property
    def is_open(self) -> bool:
        return self.display and bool(self.candidates)

    @property
    def chosen(self) -> Suggestion | None:
        if self.highlighted is None or not self.candidates:
            return None
        return self.candidates[self.highlighted]


def _menu_line(suggestion: Suggestion) -> Content:
    """``#O17  … klachten, meldcode …`` with the words that matched the typed tag marked."""
    hint = Content.styled(suggestion.hint, "$text-muted")
    for start, end in suggestion.hint_spans:
        hint = hint.stylize("bold underline", start, end)
    return Content.assemble((suggestion.replacement, "bold"), "  ", hint)


class NoteComposer(Vertical):
    """Completion menu, input line and error line; posts :class:`Submitted` on Enter."""

    @dataclass
    class Submitted(Message):
        """The auditor pressed Enter; ``note_id`` is set when an existing note is edited."""

        composer: NoteComposer
        text: str
        note_id: str | None

    @dataclass
    class EditCancelled(Message):
        composer: NoteComposer

    @dataclass
    class TabbedOut(Message):
        """Tab with no completion list open: the screen moves on to the notes."""

        composer: NoteComposer

    def __init__(self, catalogue: Catalogue, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalogue = catalogue
        self.search = norm_search(catalogue)
        self.editing: str | None = None
        self._target_label = ""
        #: text put in by the program (an edit, a draft): no completion menu for it
        self._set_text: str | None = None

    def compose(self) -> ComposeResult:
        yield CompletionMenu(id="completion-menu")
        yield NoteInput(
            self._claimed_key,
            placeholder=msg("tui.composer.placeholder"),
            id="note-input",
            select_on_focus=False,
        )
        yield Static("", id="note-error", markup=False)

    def on_mount(self) -> None:
        self.menu.hide()
        self.error_line.display = False
        self._update_claims()

    @property
    def input(self) -> NoteInput:
        return self.query_one("#note-input", NoteInput)

    @property
    def menu(self) -> CompletionMenu:
        return self.query_one("#completion-menu", CompletionMenu)

    @property
    def error_line(self) -> Static:
        return self.query_one("#note-error", Static)

    @property
    def value(self) -> str:
        return self.input.value

    # -- what the screen tells it ------------------------------------------------------------

    def set_target(self, label: str) -> None:
        """The border title: where a note without a norm tag will go."""
        self._target_label = label
        if self.editing is None:
            self.input.border_title = label

    def accepted(self) -> None:
        """The note is stored: clear the line and leave edit mode."""
        self.editing = None
        self.input.value = ""
        self.input.border_title = self._target_label
        self.clear_error()
        self._update_claims()

    def show_error(self, text: str, tag: str = "") -> None:
        self.error_line.update(text)
        self.error_line.display = True
        span = tag_span(self.input.value, tag)
        if span is not None:
            # the cursor after the bad tag, not the tag selected: Backspace then takes off
            # one character, as everywhere else, and typing adds to the tag
            self.input.cursor_position = span[1]
        self.input.focus()

    def clear_error(self) -> None:
        if self.error_line.display:  # a hidden line needs no relayout on every note
            self.error_line.update("")
            self.error_line.display = False

    def set_text(self, text: str) -> None:
        """Put ``text`` in the input line as if typed, without offering completions for it."""
        self._set_text = text
        self.input.value = text
        self.input.cursor_position = len(text)

    def start_edit(self, note_id: str, text: str, label: str) -> None:
        self.editing = note_id
        self.set_text(text)
        self.input.border_title = label
        self.clear_error()
        self.menu.hide()
        self._update_claims()
        self.input.focus()

    def cancel_edit(self) -> None:
        if self.editing is None:
            return
        self.editing = None
        self.input.value = ""
        self.input.border_title = self._target_label
        self.clear_error()
        self._update_claims()
        self.post_message(self.EditCancelled(self))

    # -- typing and completion ----------------------------------------------------------------

    def _update_claims(self) -> None:
        claimed: set[str] = {"tab"}
        if self.menu.is_open:
            claimed |= MENU_KEYS
        if self.editing is not None:
            claimed.add("escape")
        self.input.claimed_keys = frozenset(claimed)

    @on(Input.Changed, "#note-input")
    def _offer_completions(self, event: Input.Changed) -> None:
        event.stop()
        found = self.search.complete(self.input.value, self.input.cursor_position)
        if event.value == self._set_text:
            found = None
        self._set_text = None
        if found is None:
            self.menu.hide()
        else:
            self.menu.show(found)
        if not self.input.value:
            self.clear_error()
        self._update_claims()

    def _claimed_key(self, key: str) -> None:
        """A key the input handed over: the menu's while it is open, else Esc ends an edit."""
        if not self.menu.is_open:
            if key == "escape":
                self.cancel_edit()
            elif key == "tab":
                self.post_message(self.TabbedOut(self))
            return
        if key == "up":
            self.menu.action_cursor_up()
        elif key == "down":
            self.menu.action_cursor_down()
        elif key == "escape":
            self.menu.hide()
            self._update_claims()
        elif key in ("tab", "enter"):
            self._accept(submit_if_complete=key == "enter")

    def _accept(self, submit_if_complete: bool) -> None:
        chosen = self.menu.chosen
        found = self.search.complete(self.input.value, self.input.cursor_position)
        if chosen is None or found is None:
            self.menu.hide()
            self._update_claims()
            return
        if submit_if_complete and found.complete:
            # what is typed is a valid tag already: Enter stores the note as typed
            self.menu.hide()
            self._update_claims()
            self._submit()
            return
        text, cursor = found.apply(self.input.value, chosen)
        self.input.value = text
        self.input.cursor_position = cursor

    @on(Input.Submitted, "#note-input")
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def _submit(self) -> None:
        self.post_message(self.Submitted(self, self.input.value, self.editing))

    @on(OptionList.OptionSelected, "#completion-menu")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.menu.highlighted = event.option_index
        self._accept(submit_if_complete=False)
        self.input.focus()
