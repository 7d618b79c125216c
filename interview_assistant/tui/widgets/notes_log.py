"""The interview as a chat: the auditor's notes and the assistant's replies, newest at the bottom.

Built on OptionList because it draws only the lines in view and measures a new entry
without re-measuring the others, so a 1,000-note session opens and grows as quickly as an
empty one; its highlight is the note that edit and delete act on. The assistant's lines
are disabled options: shown, never selectable, never stored.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from interview_assistant.domain.note import Note
from interview_assistant.domain.tags import NoteKind
from interview_assistant.messages import msg
from interview_assistant.tui.text import shown

NOTE_PREFIX = "note-"
ASSISTANT_PREFIX = "assistant-"


def note_prompt(note: Note, speaker: str = "") -> Content:
    """A note as two or more lines: time, who said it (in a group) and chips, then the text
    as typed."""
    parts: list[str | tuple[str, str]] = [(f"{note.created:%H:%M}", "$text-muted")]
    if speaker:
        parts += ["  ", (shown(speaker), "italic $text-secondary")]
    for norm_id in note.norms:
        parts += ["  ", (norm_id, "bold $text-accent")]
    for evidence in note.evidence:
        parts += ["  ", (msg(f"evidence.{evidence.value}"), "$text-success")]
    for kind in note.kinds:
        if kind is not NoteKind.BEVINDING:
            parts += ["  ", (msg(f"kind.{kind.value}"), "bold $text-warning")]
    if note.deleted:
        parts += ["  ", (msg("tui.log.deleted"), "bold $text-error")]
    elif note.edited:
        parts += ["  ", (msg("tui.log.edited"), "italic $text-muted")]
    body_style = "strike $text-muted" if note.deleted else "$foreground"
    return Content.assemble(*parts, "\n", (shown(note.text), body_style))


def assistant_prompt(text: str) -> Content:
    return Content.assemble(("» ", "bold $text-primary"), (shown(text), "italic $text-primary"))


class NotesLog(OptionList):
    """The notes of one session plus the assistant's lines; the highlight selects a note."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._assistant_lines = 0
        #: per note, the assistant's lines that quote it (they leave when it is purged)
        self._lines_about: dict[str, list[str]] = {}
        #: in a group interview: each interviewee's label by place, and the group's
        self._speakers: tuple[tuple[str, ...], str] = ((), "")

    def set_speakers(self, people: tuple[str, ...], group: str) -> None:
        """Show who said each note (``people`` by place; ``group`` for the group's notes);
        with fewer than two people nothing is shown."""
        self._speakers = (people, group) if len(people) > 1 else ((), "")

    def _prompt(self, note: Note) -> Content:
        people, group = self._speakers
        if not people:
            return note_prompt(note)
        place = note.speaker  # None, or one no interviewee has any more: the group
        return note_prompt(
            note, people[place] if place is not None and place < len(people) else group
        )

    # -- filling ---------------------------------------------------------------------------

    def show_notes(self, notes: Iterable[Note]) -> None:
        """Replace the log with ``notes`` (deleted ones shown struck through)."""
        self._assistant_lines = 0
        self._lines_about.clear()
        self.clear_options()
        self.add_options([Option(self._prompt(n), id=NOTE_PREFIX + n.id) for n in notes])
        self.select_last_note()

    def update_notes(self, notes: Iterable[Note]) -> None:
        """Show ``notes`` as they now are (another process changed the session) and keep the
        assistant's lines where they stand, so its questions and warnings stay readable: a
        note keeps its place with its new text, one new here joins at the end, and one gone
        (purged) leaves with the lines that quote it. The selected note stays selected."""
        fresh = {note.id: note for note in notes}
        selected = self.selected_note_id
        gone_lines: set[str] = set()
        for note_id in set(self._lines_about) - set(fresh):
            gone_lines.update(self._lines_about.pop(note_id))
        options: list[Option] = []
        shown: set[str] = set()
        for option in self.options:
            option_id = option.id or ""
            if option_id.startswith(NOTE_PREFIX):
                note = fresh.get(option_id.removeprefix(NOTE_PREFIX))
                if note is not None:
                    options.append(Option(self._prompt(note), id=option_id))
                    shown.add(note.id)
            elif option_id not in gone_lines:
                options.append(Option(option.prompt, id=option_id, disabled=True))
        options += [
            Option(self._prompt(note), id=NOTE_PREFIX + note.id)
            for note in fresh.values()
            if note.id not in shown
        ]
        self.clear_options()
        self.add_options(options)
        if selected in fresh:
            self.select_note(selected)
        else:
            self.select_last_note()

    def add_note(self, note: Note) -> None:
        self.add_option(Option(self._prompt(note), id=NOTE_PREFIX + note.id))
        self.highlighted = self.option_count - 1
        self.scroll_end(animate=False)

    def replace_note(self, note: Note) -> None:
        self.replace_option_prompt(NOTE_PREFIX + note.id, self._prompt(note))

    def remove_note(self, note_id: str) -> None:
        """Take a note out of the log (purged: nothing of it is shown any more, nor the
        assistant's lines that quote it)."""
        for option_id in (NOTE_PREFIX + note_id, *self._lines_about.pop(note_id, ())):
            try:
                self.remove_option(option_id)
            except OptionDoesNotExist:
                continue

    def say(self, text: str, about: str | None = None) -> None:
        """Add one line of the assistant and keep the newest line in view; ``about``: the
        id of the note the line quotes, so that purging the note removes the line too."""
        self._assistant_lines += 1
        option_id = f"{ASSISTANT_PREFIX}{self._assistant_lines}"
        self.add_option(Option(assistant_prompt(text), id=option_id, disabled=True))
        if about is not None:
            self._lines_about.setdefault(about, []).append(option_id)
        self.scroll_end(animate=False)

    # -- selection -------------------------------------------------------------------------

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Keep the newest lines in view when the selected note is the newest note.

        The assistant's replies come after the newest note; scrolling only as far as the
        selected note would hide them.
        """
        highlighted = self.highlighted
        if highlighted is not None and not top and self._is_last_note(highlighted):
            self.scroll_end(animate=False)
            return
        super().scroll_to_highlight(top)

    def on_resize(self) -> None:
        # The screen settles its layout after the notes are in (the footer may wrap, the
        # strip may grow); keep the newest lines in view when that is where the auditor is.
        highlighted = self.highlighted
        if highlighted is None or self._is_last_note(highlighted):
            self.scroll_end(animate=False)

    def on_focus(self) -> None:
        # The assistant's replies scroll the log to its end; Tab to the notes shows the
        # chosen note again, so Enter or Backspace never acts on a note out of view.
        self.scroll_to_highlight()

    def _is_last_note(self, index: int) -> bool:
        for later in range(index + 1, self.option_count):
            if not self.get_option_at_index(later).disabled:
                return False
        return True

    @property
    def selected_note_id(self) -> str | None:
        option = self.highlighted_option
        if option is None or option.id is None or not option.id.startswith(NOTE_PREFIX):
            return None
        return option.id.removeprefix(NOTE_PREFIX)

    def select_note(self, note_id: str) -> None:
        try:
            self.highlighted = self.get_option_index(NOTE_PREFIX + note_id)
        except OptionDoesNotExist:
            return

    def select_last_note(self) -> None:
        for index in range(self.option_count - 1, -1, -1):
            option = self.get_option_at_index(index)
            if option.id and option.id.startswith(NOTE_PREFIX):
                self.highlighted = index
                break
        self.scroll_end(animate=False)

    def note_ids(self) -> list[str]:
        """The ids of the notes in the log, in order (for tests and for refresh)."""
        return [
            o.id.removeprefix(NOTE_PREFIX)
            for o in self.options
            if o.id and o.id.startswith(NOTE_PREFIX)
        ]
