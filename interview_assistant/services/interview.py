"""One interview as the auditor walks it, whichever front end shows it.

The TUI's interview screen and the line mode used to keep their own copy of the walk
through the norms, the current norm, undo and the note being edited, and the copies
drifted apart (a resumed TUI interview landed on another norm than the auditor left).
:class:`InterviewSession` holds those rules once; the front ends render what it says and
feed it what the auditor typed.

The current norm is part of the session log and is stored on every move, so a killed
terminal or a resume in either front end returns to the same norm; a log written before
it was kept falls back to the norm of the last note. Every change is stored by the
workspace before it is applied here, so a note the front end shows is on disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from interview_assistant.domain.coverage import CoverageStatus, NormCoverage
from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Session
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.guidance import norm_status, reply_after_note
from interview_assistant.services.suggest import (
    NormSuggestion,
    suggester_for,
    text_with_tag,
)
from interview_assistant.storage.repository import StoreError
from norm_catalogue import Norm, WalkSource


class NoNote(LookupError):
    """There is no note to act on (none yet, or none left to undo)."""


class NoteIsDeleted(ValueError):
    """The chosen note is deleted: restore it before editing or deleting it again."""


class Undone(StrEnum):
    """What an undo did."""

    ADD = "add"  # a note added in this interview is deleted again
    EDIT = "edit"  # a note has its text from before the edit again
    DELETE = "delete"  # a deleted note is back


@dataclass(frozen=True)
class _Step:
    """One change the auditor may undo: which note, and how many revisions it had after."""

    kind: Undone
    note_id: str
    revisions: int


@dataclass(frozen=True)
class OutsideChanges:
    """What changes read from disk (made by other processes) mean for this interview."""

    #: something in the audit changed: the coverage and the guide need redrawing
    changed: bool
    #: this interview's own notes changed: the log of notes needs redrawing
    notes_changed: bool


class InterviewSession:
    """The state of one interview: where the walk is, the undo stack, the note being edited."""

    def __init__(self, workspace: AuditWorkspace, session_id: str, *, fresh: bool = False):
        """``fresh``: the session was just started, so there is nothing to resume."""
        self.workspace = workspace
        self.session_id = workspace.session(session_id).id
        #: the norms this interview walks: the Wie norms of its roles, then the norms they
        #: speak to as a second source, each part in catalogue order (all norms if none)
        self.norms: tuple[Norm, ...] = self._walk_norms()
        self._walk = {norm.id: index for index, norm in enumerate(self.norms)}
        self._order = {norm.id: index for index, norm in enumerate(workspace.catalogue.norms)}
        self.current: str = self._starting_norm(fresh)
        #: the note whose new text the next submitted line is (None: the line is a new note)
        self.editing: str | None = None
        #: who speaks for the next notes in a group interview: the place of an interviewee,
        #: None for the group (kept for this sitting only; a resumed interview starts at None)
        self.speaker: int | None = None
        self._undo: list[_Step] = []
        #: notes deleted by undoing their add: undo goes on past them instead of back
        self._taken_back: set[str] = set()
        #: what the front end has been shown of each note: (revisions, deleted)
        self._seen = self._note_state()
        self._outside_changes = False

    # -- what the front ends read ----------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.workspace.logs[self.session_id].session

    @property
    def gone(self) -> bool:
        """The session's file disappeared (set aside as unreadable, or removed elsewhere)."""
        return self.session_id not in self.workspace.logs

    @property
    def norm(self) -> Norm:
        return self.workspace.catalogue.norm(self.current)

    def notes(self, include_deleted: bool = False) -> list[Note]:
        return self.workspace.notes(self.session_id, include_deleted=include_deleted)

    def note(self, note_id: str) -> Note:
        return self.workspace.note(self.session_id, note_id)

    def has_note(self, note_id: str) -> bool:
        """The note is in this session (live or deleted; a purged note is not)."""
        return any(n.id == note_id for n in self.notes(include_deleted=True))

    def has_live_note(self, note_id: str) -> bool:
        """The note is in this session and not deleted (a norm may still be added to it)."""
        return any(n.id == note_id for n in self.notes())

    def last_note(self) -> Note | None:
        """The newest live note: what edit and delete act on when no note is chosen."""
        notes = self.notes()
        return max(notes, key=lambda n: (n.created, n.id)) if notes else None

    def position(self, norm_id: str | None = None) -> tuple[int, int] | None:
        """(1-based place, count) of a norm in this walk; None if the walk skips it."""
        wanted = norm_id or self.current
        for index, norm in enumerate(self.norms, start=1):
            if norm.id == wanted:
                return index, len(self.norms)
        return None

    def source(self, norm_id: str | None = None) -> WalkSource | None:
        """Why a norm (the current one by default) is in this walk: the template's Wie
        column or a second source; None if the walk skips it."""
        catalogue = self.workspace.catalogue
        norm = catalogue.norm(norm_id or self.current)
        return catalogue.walk_source(norm, self.session.roles)

    def second_source_roles(self, norm_id: str | None = None) -> tuple[str, ...]:
        """The roles of this interview that speak to a norm as a second source."""
        catalogue = self.workspace.catalogue
        return catalogue.second_source_roles(
            catalogue.norm(norm_id or self.current), self.session.roles
        )

    def walk_split(self) -> tuple[int, int]:
        """(Wie norms, second-source norms) of this walk; (0, 0) if it walks all norms
        because its roles name none."""
        sources = [self.source(norm.id) for norm in self.norms]
        return sources.count(WalkSource.TEMPLATE), sources.count(WalkSource.SECOND)

    def source_to_show(self, norm_id: str | None = None) -> WalkSource | None:
        """What the front ends say about why a norm is in the walk: a second source always,
        the template's Wie column only in a walk that has second-source norms too (in any
        other walk every norm is the template's); None outside the walk."""
        source = self.source(norm_id)
        if source is WalkSource.TEMPLATE and not self.walk_split()[1]:
            return None
        return source

    def coverage(self, norm_id: str | None = None) -> NormCoverage:
        return self.workspace.norm_coverage(norm_id or self.current)

    def questions(self) -> tuple[str, ...]:
        """The questions of the current norm for this interview's roles."""
        return tuple(self.workspace.catalogue.questions_for(self.norm, self.session.roles))

    # -- the assistant's replies ---------------------------------------------------------------

    def status(self, norm_id: str | None = None) -> str:
        """Where a norm (the current one by default) stands, in one line."""
        return norm_status(self.coverage(norm_id))

    def status_of(self, note: Note) -> str:
        """Where each norm of ``note`` stands now."""
        return " ".join(norm_status(self.coverage(n)) for n in note.norms)

    def reply_to(self, note: Note) -> str:
        """The answer to a stored note: its (first) norm's standing, what to ask, the next gap."""
        norm_id = note.norms[0] if note.norms else self.current
        gap = self.workspace.next_gap(self.session_id, exclude=norm_id)
        gap_coverage = self.coverage(gap) if gap else None
        return reply_after_note(self.workspace.catalogue, self.coverage(norm_id), gap_coverage)

    # -- the speaker of a group interview ---------------------------------------------------

    @property
    def is_group(self) -> bool:
        """More than one interviewee: a note can be attributed to one of them."""
        return len(self.session.interviewees) > 1

    def label_of(self, speaker: int | None) -> str:
        """'2. stagiaire (S)' for an interviewee's place, 'de groep' for None (or a place
        no interviewee has any more)."""
        people = self.session.interviewees
        if speaker is None or not 0 <= speaker < len(people):
            return msg("roles.speaker.group")
        return msg("roles.speaker.person", number=speaker + 1, label=people[speaker].label())

    def short_label_of(self, speaker: int | None) -> str:
        """The interviewee's function, or 'groep': for a prompt or a chip."""
        people = self.session.interviewees
        if speaker is None or not 0 <= speaker < len(people):
            return msg("roles.speaker.group_short")
        return people[speaker].function

    @property
    def speaker_label(self) -> str:
        """Who speaks for the next notes, as the front ends show it."""
        return self.label_of(self.speaker)

    def speaker_choices(self) -> list[tuple[int | None, str]]:
        """Every speaker to choose from: each interviewee by place, then the group."""
        places: list[int | None] = [*range(len(self.session.interviewees)), None]
        return [(place, self.label_of(place)) for place in places]

    def set_speaker(self, speaker: int | None) -> None:
        """Attribute the next notes to interviewee ``speaker`` (0-based), or the group."""
        count = len(self.session.interviewees)
        if not self.is_group:
            raise DomainError("roles.speaker_single")
        if speaker is not None and not 0 <= speaker < count:
            raise DomainError("roles.speaker_unknown", number=speaker + 1, count=count)
        self.speaker = speaker

    def next_speaker(self) -> int | None:
        """Cycle: the group, the first interviewee, the second, ..., the group again."""
        if not self.is_group:
            raise DomainError("roles.speaker_single")
        if self.speaker is None:
            self.speaker = 0
        elif self.speaker + 1 < len(self.session.interviewees):
            self.speaker += 1
        else:
            self.speaker = None
        return self.speaker

    # -- walking ---------------------------------------------------------------------------

    def _starting_norm(self, fresh: bool) -> str:
        """Where the auditor left off; else the last note's norm; else the biggest gap."""
        catalogue = self.workspace.catalogue
        saved = self.session.current_norm
        if saved is not None and catalogue.has_norm(saved):
            return saved
        if not fresh:
            last = self.last_note()
            if last is not None and last.norms:
                return last.norms[0]
        return self.workspace.next_gap(self.session_id) or self.norms[0].id

    def go_to(self, norm_id: str) -> None:
        """Make ``norm_id`` (any norm of the catalogue) the current norm, stored first."""
        self.workspace.catalogue.norm(norm_id)  # an unknown id raises before anything is stored
        if self.workspace.save_current_norm(self.session_id, norm_id):
            self._outside_changes = True
        self.current = norm_id

    def step(self, step: int) -> bool:
        """To the next (``step`` > 0) or previous norm of this walk; False at either end.

        In walk order (the Wie norms, then the second-source norms). After a jump to a norm
        the walk skips, the walk goes on from the nearest walk norm in catalogue order.
        """
        place = self._walk.get(self.current)
        target: str | None
        if place is not None:
            index = place + (1 if step > 0 else -1)
            target = self.norms[index].id if 0 <= index < len(self.norms) else None
        else:
            here = self._order[self.current]
            by_catalogue = sorted(self.norms, key=lambda n: self._order[n.id])
            if step > 0:
                ahead = [n.id for n in by_catalogue if self._order[n.id] > here]
                target = ahead[0] if ahead else None
            else:
                behind = [n.id for n in by_catalogue if self._order[n.id] < here]
                target = behind[-1] if behind else None
        if target is None:
            return False
        self.go_to(target)
        return True

    def gap(self) -> str | None:
        """The least covered other norm of this walk, if any is still below the target."""
        gap = self.workspace.next_gap(self.session_id, exclude=self.current)
        if gap is None or self.coverage(gap).status is CoverageStatus.MET:
            return None
        return gap

    def go_to_gap(self) -> bool:
        """To the biggest gap; False if every norm of this walk has met its target."""
        gap = self.gap()
        if gap is None:
            return False
        self.go_to(gap)
        return True

    # -- asked, no answer ------------------------------------------------------------------

    @property
    def no_answer(self) -> tuple[str, ...]:
        """The norms asked in this interview that got no answer."""
        return self.session.no_answer

    def toggle_no_answer(self, norm_id: str | None = None) -> bool:
        """Mark a norm (the current one by default) as asked without an answer here, or
        take the mark away if it has one; True if it is marked now."""
        wanted = norm_id or self.current
        asked = wanted not in self.session.no_answer
        self.workspace.mark_no_answer(self.session_id, wanted, asked)
        return asked

    # -- notes -----------------------------------------------------------------------------

    def add(self, text: str) -> Note:
        """Store a note by the current speaker; without a norm tag it is about the current norm."""
        note = self.workspace.add_note(
            self.session_id, text, default_norm=self.current, speaker=self.speaker
        )
        self._done(Undone.ADD, note)
        return note

    def target(self, note_id: str | None = None) -> Note:
        """The note to act on: the chosen one, else the newest live note."""
        if note_id is not None:
            return self.note(note_id)
        last = self.last_note()
        if last is None:
            raise NoNote
        return last

    def begin_edit(self, note_id: str | None = None) -> Note:
        """Start editing the chosen (or newest) note; the next text replaces its text."""
        note = self.target(note_id)
        if note.deleted:
            raise NoteIsDeleted
        self.editing = note.id
        return note

    def cancel_edit(self) -> None:
        self.editing = None

    def finish_edit(self, text: str, note_id: str | None = None) -> Note | None:
        """Replace the edited note's text; None (and the edit ends) if nothing changed.

        A text that cannot be stored raises and the edit stays open, so the corrected text
        replaces the note instead of becoming a new one.
        """
        note_id = note_id or self.editing
        if note_id is None:
            raise NoNote
        self.editing = note_id
        before = self.note(note_id)
        if not text.strip() or text.strip() == before.text:
            self.editing = None
            return None
        if before.deleted:  # deleted after the edit began (here or elsewhere): restore first
            raise DomainError("edit.deleted_meanwhile")
        edited = self.workspace.edit_note(self.session_id, note_id, text)
        self.editing = None
        self._done(Undone.EDIT, edited)
        return edited

    def delete(self, note_id: str | None = None) -> Note:
        """Delete the chosen (or newest) note; it stays restorable."""
        note = self.target(note_id)
        if note.deleted:
            raise NoteIsDeleted
        deleted = self.workspace.delete_note(self.session_id, note.id)
        self._done(Undone.DELETE, deleted)
        return deleted

    def purge(self, note_id: str | None = None) -> Note:
        """Remove the chosen (or newest live) note's text and every earlier version of it
        for good, deleted or not; returns the note as it was (to say which one went).

        Not undoable: every step of this note leaves the undo stack, and an edit of it
        in progress ends.
        """
        note = self.target(note_id)
        self.workspace.purge_note(self.session_id, note.id)
        self._undo = [step for step in self._undo if step.note_id != note.id]
        self._taken_back.discard(note.id)
        self._seen.pop(note.id, None)
        if self.editing == note.id:
            self.editing = None
        return note

    def undo(self, note_id: str | None = None) -> tuple[Undone, Note]:
        """Undo the newest change of this interview that still holds.

        A chosen deleted note is restored first; with nothing left on the stack the most
        recently deleted note (say, from before a restart) comes back. A note whose add
        was undone counts as neither, so undoing again goes further back. Raises
        :class:`NoNote` if there is nothing to undo.
        """
        if note_id is not None and note_id not in self._taken_back:
            chosen = self.note(note_id)
            if chosen.deleted:
                return Undone.DELETE, self._apply_undo(Undone.DELETE, chosen)
        while self._undo:
            step = self._undo[-1]
            try:
                note = self.note(step.note_id)
            except StoreError:  # purged by another process: nothing of it to undo
                self._undo.pop()
                continue
            if not self._still_holds(step, note):
                self._undo.pop()
                continue
            undone = self._apply_undo(step.kind, note)  # raises: the step stays to retry
            self._undo.pop()
            return step.kind, undone
        deleted = [
            n
            for n in self.notes(include_deleted=True)
            if n.deleted and n.id not in self._taken_back
        ]
        if not deleted:
            raise NoNote
        newest = max(deleted, key=lambda n: (n.deleted_at, n.id))
        return Undone.DELETE, self._apply_undo(Undone.DELETE, newest)

    @staticmethod
    def _still_holds(step: _Step, note: Note) -> bool:
        """The change is what the note still shows (not undone or changed elsewhere)."""
        if step.kind is Undone.DELETE:
            return note.deleted
        if step.kind is Undone.EDIT:
            return not note.deleted and len(note.revisions) == step.revisions
        return not note.deleted

    def _apply_undo(self, kind: Undone, note: Note) -> Note:
        if kind is Undone.DELETE:
            result = self.workspace.restore_note(self.session_id, note.id)
        elif kind is Undone.ADD:
            result = self.workspace.delete_note(self.session_id, note.id)
            self._taken_back.add(note.id)
        else:
            earlier = note.revisions[-2]
            default = earlier.norms[0] if earlier.norms else None
            result = self.workspace.edit_note(self.session_id, note.id, earlier.text, default)
        self._seen[result.id] = (len(result.revisions), result.deleted)
        return result

    def _done(self, kind: Undone, note: Note) -> None:
        self._undo.append(_Step(kind, note.id, len(note.revisions)))
        self._seen[note.id] = (len(note.revisions), note.deleted)

    # -- the assistant reads the note -------------------------------------------------------

    def suggest(self, text: str, exclude: tuple[str, ...] = ()) -> list[NormSuggestion]:
        """Norms ``text`` (a draft, say) may also be evidence for, with this interview's
        roles and current norm as priors; ``exclude`` is left out. The first call of a
        process builds the edition's index: a UI calls this off its UI thread."""
        suggester = suggester_for(self.workspace.catalogue.edition)
        return suggester.suggest(
            text, roles=self.session.roles, current=self.current, exclude=exclude
        )

    def suggestions_for(self, note: Note) -> list[NormSuggestion]:
        """Norms a stored note may also be evidence for, clear enough to offer unasked:
        its own norms left out, and nothing that fits far worse than the best norm (say,
        the note's own) or only on words that norm explains already, so a note that fits
        its norm gets no offer."""
        if note.deleted:
            return []
        suggester = suggester_for(self.workspace.catalogue.edition)
        return suggester.offer(
            note.text, note.norms, roles=self.session.roles, current=self.current
        )

    def add_tag(self, norm_id: str, note_id: str | None = None) -> Note | None:
        """Add ``norm_id`` to the chosen (or newest) note as an edit that undo takes back;
        None if the note has that norm already. A note that joined its norm by default
        keeps it (written out as a tag)."""
        self.workspace.catalogue.norm(norm_id)  # an unknown id raises before anything is stored
        note = self.target(note_id)
        if note.deleted:
            raise NoteIsDeleted
        if norm_id in note.norms:
            return None
        edited = self.workspace.edit_note(self.session_id, note.id, text_with_tag(note, norm_id))
        self._done(Undone.EDIT, edited)
        return edited

    # -- ending and other processes --------------------------------------------------------

    def end(self) -> Session:
        """End the session (its notes are stored already)."""
        self.editing = None
        return self.workspace.end_session(self.session_id)

    def _follow_interviewees(self) -> None:
        """The session's interviewees were corrected elsewhere: walk their norms, and let
        the group speak if the chosen interviewee is no longer there."""
        norms = self.workspace.norms_for_session(self.session_id)
        if norms != self.norms:
            self.norms = norms
            self._walk = {norm.id: index for index, norm in enumerate(norms)}
        if self.speaker is not None and self.speaker >= len(self.session.interviewees):
            self.speaker = None

    def _note_state(self) -> dict[str, tuple[int, bool]]:
        if self.gone:
            return {}
        return {n.id: (len(n.revisions), n.deleted) for n in self.notes(include_deleted=True)}

    def refresh(self) -> OutsideChanges:
        """Read what other processes stored (the line mode, the TUI, a merge)."""
        return self.changes_read(bool(self.workspace.refresh()))

    def _walk_norms(self) -> tuple[Norm, ...]:
        return self.workspace.norms_for_session(self.session_id)

    def header_changed(self) -> None:
        """The session's partners or kind were corrected: walk the norms of its roles now
        (the current norm stays, in the walk or not), and let the group speak if the
        chosen interviewee is no longer there."""
        if not self.gone:
            self._follow_interviewees()

    def changes_read(self, changed: bool) -> OutsideChanges:
        """What the workspace's latest read of other processes' changes (``changed``: it
        brought something) means here, including what storing the norm read first."""
        changed = changed or self._outside_changes
        self._outside_changes = False
        if not changed:
            return OutsideChanges(False, False)
        self.header_changed()  # a correction made elsewhere changes the walk too
        state = self._note_state()
        if self.editing is not None and self.editing not in state:
            self.editing = None  # purged elsewhere: nothing left to edit
        notes_changed = state != self._seen
        self._seen = state
        return OutsideChanges(True, notes_changed)
