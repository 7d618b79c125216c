"""One interview as a conversation of lines: a typed line in, the assistant's lines out.

The rules are the TUI's, because both front ends render one
:class:`~interview_assistant.services.interview.InterviewSession`: a line is a note (or a
``/`` command), a note without a norm tag attaches to the current norm, and the session
answers. Every note is durably stored before :meth:`LineChat.handle` returns, so
whatever is printed as saved is on disk. Kept free of prompt-toolkit so it can be
tested line by line and driven by plain stdin as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from interview_assistant.domain.coverage import CoverageStatus, NormCoverage
from interview_assistant.domain.errors import DomainError, describe_os_error
from interview_assistant.domain.note import Note
from interview_assistant.domain.safe_text import for_terminal
from interview_assistant.domain.session import Session
from interview_assistant.domain.tags import EVIDENCE_WORDS, KIND_WORDS
from interview_assistant.messages import msg, plural
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.interview import InterviewSession, NoNote
from interview_assistant.services.norm_search import norm_search
from interview_assistant.services.note_search import NoteSearch, hit_row
from interview_assistant.services.privacy import PrivacyGuard
from interview_assistant.services.purge import set_aside_copies
from interview_assistant.services.suggest import NormSuggestion, warm_up
from norm_catalogue import Norm

#: what the privacy guard's answer about an interviewee's function is filed under
FUNCTION_KEY = "functie"

COMMAND_LINE = re.compile(r"/(\w+)(?:\s+(.*))?", re.DOTALL)


@dataclass(frozen=True)
class Command:
    name: str
    argument: str = ""

    @property
    def usage(self) -> str:
        return f"/{self.name} {self.argument}".rstrip()

    @property
    def help(self) -> str:
        return msg(f"line.cmd.{self.name}")


COMMANDS: tuple[Command, ...] = (
    Command("volgende"),
    Command("vorige"),
    Command("norm", "V5"),
    Command("gat"),
    Command("vragen"),
    Command("dekking"),
    Command("wijzig", "[tekst]"),
    Command("verwijder"),
    Command("herstel"),
    Command("wis", "[N]"),
    Command("tag", "1"),
    Command("zoek", "[tekst] [#norm] [!soort]"),
    Command("spreker", "N|groep"),
    Command("geenantwoord", "[NORM]"),
    Command("help"),
    Command("stop"),
)
COMMAND_NAMES = tuple(c.name for c in COMMANDS)
#: Notes ``/zoek`` prints: what a terminal shows without scrolling the question away.
LINE_SEARCH_LIMIT = 10


def count_notes(count: int) -> str:
    return plural.count(count, "note")


def clock(note: Note) -> str:
    """The time of a note's current text, as the auditor reads it in the reply."""
    return f"{note.current.at:%H:%M}"


class LineChat:
    """One line-mode interview: typed lines go to the interview session, replies come back."""

    def __init__(
        self, workspace: AuditWorkspace, session_id: str, privacy: PrivacyGuard | None = None
    ):
        """``privacy``: the guard that reads stored notes for personal data (None: none)."""
        self.workspace = workspace
        self.interview = InterviewSession(workspace, session_id)
        self.session_id = self.interview.session_id
        #: text of a note that could not be stored, for the front end to offer again
        self.retry_text = ""
        self.finished = False
        self.rejected = 0
        #: the note ``/wis`` asked about: the next line answers "Weet u het zeker? [j/N]"
        self.purging: Note | None = None
        #: the norms the assistant last proposed, and the note they were proposed for
        self.proposals: list[NormSuggestion] = []
        self._proposed_for: str | None = None
        #: the audit's note search for /zoek (its index follows the workspace's changes)
        self.note_search = NoteSearch(workspace)
        warm_up(workspace.catalogue.edition)  # the index builds while the auditor reads
        self.privacy = privacy
        if privacy is not None:
            privacy.start()  # deduce loads in its own process while the interview starts
            for interviewee in self.session.interviewees:  # recorded by function only
                privacy.submit(f"{FUNCTION_KEY}:", interviewee.function)

    @property
    def session(self) -> Session:
        return self.interview.session

    @property
    def norms(self) -> tuple[Norm, ...]:
        """The norms this interview walks through, in catalogue order."""
        return self.interview.norms

    @property
    def norm_id(self) -> str:
        return self.interview.current

    @property
    def norm(self) -> Norm:
        return self.interview.norm

    @property
    def editing(self) -> str | None:
        """The note whose new text the next line is (after ``/wijzig``)."""
        return self.interview.editing

    def prompt(self) -> str:
        if self.purging is not None:
            return msg("purge.line_prompt")
        if self.editing:
            return msg("line.edit_prompt")
        if self.interview.is_group:
            speaker = self.interview.short_label_of(self.interview.speaker)
            return msg(
                "roles.line_prompt", norm=self.norm_id, speaker=for_terminal(speaker, keep="")
            )
        return msg("line.note_prompt", norm=self.norm_id)

    def prefill(self) -> str:
        """Text to put on the next prompt: a rejected text to fix, or the note being edited."""
        text, self.retry_text = self.retry_text, ""
        if not text and self.editing:
            return self.interview.note(self.editing).text
        return text

    # -- the conversation -----------------------------------------------------------------

    def opening(self) -> list[str]:
        """What the auditor reads before the first note: who, which norms, the first norm."""
        session = self.session
        audit = self.workspace.audit
        kind = msg(f"session_kind.{session.kind.value}").capitalize()
        if session.interviewees:
            interviewees = "; ".join(i.label() for i in session.interviewees)
            header = msg(
                "line.session_header",
                kind=kind,
                auditor=session.auditor,
                interviewees=interviewees,
                organisation=audit.organisation,
            )
        else:
            header = msg(
                "line.session_no_interviewees",
                kind=kind,
                auditor=session.auditor,
                organisation=audit.organisation,
            )
        lines = [header]
        roles = ", ".join(session.roles)
        wie, extra = self.interview.walk_split()
        count = len(self.norms)
        if not session.roles:
            lines.append(msg("line.session_norms_all", count=count))
        elif wie and extra:
            norms = plural.count(count, "norm")
            lines.append(msg("roles.walk_split", norms=norms, roles=roles, wie=wie, extra=extra))
        elif wie:
            lines.append(msg("line.session_norms", norms=plural.count(count, "norm"), roles=roles))
        elif extra:
            norms = plural.count(count, "norm")
            lines.append(msg("roles.walk_only_second", norms=norms, roles=roles))
        else:
            lines.append(msg("line.session_norms_unnamed", count=count, roles=roles))
        if not session.is_open:
            lines.append(msg("line.session_was_ended", ended=f"{session.ended:%Y-%m-%d %H:%M}"))
        last = self.interview.last_note()
        if last is not None:
            notes = count_notes(len(self.interview.notes()))
            lines.append(msg("line.session_resumed", session=self.session_id, notes=notes))
            lines.append(
                msg(
                    "line.session_last_note",
                    time=clock(last),
                    norms=", ".join(last.norms),
                    text=last.text,
                )
            )
        lines.append(msg("line.how_to"))
        lines.append("")
        lines.extend(self._norm_intro())
        return lines

    def refresh(self) -> list[str]:
        """Pick up notes stored by another process (the TUI); report unreadable files and
        personal data the guard found in notes stored here."""
        self.interview.refresh()
        lines = [
            msg("line.problem", message=problem.message)
            for problem in self.workspace.take_problems()
        ]
        lines += self._privacy_warnings()
        if self.interview.gone:
            self.finished = True
            lines.append(msg("line.session_gone", session=self.session_id))
        return lines

    def handle(self, line: str) -> list[str]:
        """Act on one typed line; returns the lines to print."""
        if self.purging is not None:
            return self._confirm_purge(line)
        stripped = line.strip()
        command = COMMAND_LINE.fullmatch(stripped)
        if self.editing:
            if command is None:
                return self._edit(line)
            # a command is never a note's new text (``/verwijder`` typed at ``wijzig>``)
            self.interview.cancel_edit()
            self.retry_text = ""
            unchanged = [msg("line.edit_unchanged")]
            return unchanged + self._command(command.group(1), (command.group(2) or "").strip())
        self.retry_text = ""
        if not stripped:
            return []
        if command:
            return self._command(command.group(1), (command.group(2) or "").strip())
        return self._add(stripped)

    def cancel(self) -> list[str]:
        """The auditor pressed Ctrl-C: drop the line, and a pending edit with it."""
        self.retry_text = ""
        if self.purging is not None:
            self.purging = None
            return [msg("purge.line_cancelled")]
        if self.editing:
            self.interview.cancel_edit()
            return [msg("line.edit_unchanged")]
        return []

    def stop(self) -> list[str]:
        """End the session (the notes are already stored) and finish."""
        if self.finished:
            return []
        self.finished = True
        session = self.interview.end()
        notes = count_notes(len(self.interview.notes()))
        from interview_assistant.services.interview_summary import (
            interview_summary,
            summary_lines,
        )

        summary = summary_lines(interview_summary(self.workspace, session.id))
        return [*summary, msg("line.stopped", notes=notes, session=session.id)]

    # -- notes ----------------------------------------------------------------------------

    def _add(self, text: str) -> list[str]:
        try:
            note = self.interview.add(text)
        except (DomainError, OSError) as exc:
            return self._rejected(text, exc)
        saved = msg("line.saved", time=clock(note), reply=self.interview.reply_to(note))
        self._guard(note)
        return [saved, *self._offer(note)]

    def _guard(self, note: Note) -> None:
        """Have the stored text read for personal data; the warning comes with a later
        reply (saving and answering never wait for it)."""
        if self.privacy is not None:
            self.privacy.submit(f"{note.id}:{len(note.revisions)}", note.text)

    def _privacy_warnings(self) -> list[str]:
        if self.privacy is None:
            return []
        lines = []
        for key, found in self.privacy.ready():
            note_id, _, revision = key.partition(":")
            if not found:
                continue
            listed = ", ".join(
                msg("privacy.line_finding", text=f.text, kind=msg(f"privacy.kind.{f.kind}"))
                for f in found
            )
            if note_id == FUNCTION_KEY:
                lines.append(msg("privacy.line_function_warning", found=listed))
                continue
            if self.gone_or_changed(note_id, int(revision)):
                continue
            note = self.interview.note(note_id)
            lines.append(msg("privacy.line_warning", time=clock(note), found=listed))
        return lines

    def gone_or_changed(self, note_id: str, revisions: int) -> bool:
        """The note was deleted or edited since it was read: the reading is out of date."""
        if self.interview.gone or not self.interview.has_note(note_id):
            return True  # the session, or the note (purged), is gone
        note = self.interview.note(note_id)
        return note.deleted or len(note.revisions) != revisions

    def _offer(self, note: Note) -> list[str]:
        """The assistant's proposals for a stored note: ``Ook V13 (intervisie)? /tag 1``."""
        self.proposals = self.interview.suggestions_for(note)
        self._proposed_for = note.id
        if not self.proposals:
            return []
        listed = ", ".join(
            msg("suggest.line_proposal", norm=s.norm_id, why=", ".join(s.why))
            for s in self.proposals
        )
        return [msg("suggest.line_offer", proposals=listed)]

    def _tag(self, argument: str) -> list[str]:
        """``/tag 1`` adds the first proposal to the note it was made for; ``/tag V13`` any
        norm to the newest note. An edit, so ``/herstel`` takes it back."""
        if not argument:
            return [msg("suggest.tag_usage")]
        note_id: str | None = None
        if argument.isdigit():
            number = int(argument)
            if not 1 <= number <= len(self.proposals):
                return [msg("suggest.no_proposal", number=number)]
            norm_id = self.proposals[number - 1].norm_id
            note_id = self._proposed_for
        else:
            resolved = norm_search(self.workspace.catalogue).resolve(argument)
            if resolved is None:
                return [msg("line.norm_not_found", query=argument)]
            norm_id = resolved
        try:
            tagged = self.interview.add_tag(norm_id, note_id)
        except NoNote:
            return [msg("suggest.nothing_to_tag")]
        except (DomainError, OSError) as exc:
            return self._rejected("", exc)
        if tagged is None:
            return [msg("suggest.already_tagged", norm=norm_id)]
        self.proposals = [p for p in self.proposals if p.norm_id != norm_id]
        status = self.interview.status(norm_id)
        return [msg("suggest.tagged", norm=norm_id, time=clock(tagged), status=status)]

    def _rejected(self, text: str, exc: Exception) -> list[str]:
        self.rejected += 1
        self.retry_text = text
        if isinstance(exc, OSError):
            error = msg("store.write_failed", reason=describe_os_error(exc, with_path=False))
        else:
            error = str(exc)
        return [msg("line.not_saved", error=error)]

    def _start_edit(self, text: str) -> list[str]:
        try:
            note = self.interview.begin_edit()
        except NoNote:
            return [msg("line.nothing_to_edit")]
        if text:
            return self._edit(text)
        return [msg("line.edit_start", time=clock(note)), msg("line.edit_current", text=note.text)]

    def _edit(self, text: str) -> list[str]:
        before = self.interview.note(self.editing or "")
        try:
            edited = self.interview.finish_edit(text)
        except (DomainError, OSError) as exc:
            # the edit stays open, so the corrected text replaces the note instead of adding one
            return [*self._rejected(text.strip(), exc), msg("line.edit_current", text=before.text)]
        if edited is None:
            return [msg("line.edit_unchanged")]
        self._guard(edited)
        return [msg("line.edited", time=clock(edited), reply=self.interview.status_of(edited))]

    def _delete(self) -> list[str]:
        try:
            deleted = self.interview.delete()
        except NoNote:
            return [msg("line.nothing_to_delete")]
        except (DomainError, OSError) as exc:
            return self._rejected("", exc)
        return [msg("line.deleted", text=deleted.text, status=self.interview.status_of(deleted))]

    def _ask_purge(self, argument: str) -> list[str]:
        """``/wis [N]``: show the N-th note counted back from the newest (1, the default:
        the newest; deleted notes count too, so a note just deleted with /verwijder is
        ``/wis``) and ask before its text and every earlier version go for good."""
        if argument and not argument.isdigit():
            return [msg("purge.line_usage")]
        number = int(argument) if argument else 1
        notes = sorted(self.interview.notes(include_deleted=True), key=lambda n: (n.created, n.id))
        if not 1 <= number <= len(notes):
            if not notes:
                return [msg("purge.tui_nothing")]
            return [msg("purge.line_no_such", number=number)]
        note = notes[-number]
        self.purging = note
        deleted = msg("purge.tui_deleted") if note.deleted else ""
        return [
            msg("purge.line_show", time=clock(note), deleted=deleted, text=note.text),
            msg("purge.line_warning"),
        ]

    def _confirm_purge(self, answer: str) -> list[str]:
        note, self.purging = self.purging, None
        assert note is not None
        if answer.strip().lower() not in ("j", "ja"):
            return [msg("purge.line_cancelled")]
        try:
            self.interview.purge(note.id)
        except (DomainError, OSError) as exc:
            return self._rejected("", exc)
        if self._proposed_for == note.id:
            self.proposals, self._proposed_for = [], None
        status = " ".join(self.interview.status(n) for n in note.norms)
        left = [msg("purge.set_aside", path=p) for p in set_aside_copies(self.workspace, note)]
        return [msg("purge.line_done", time=clock(note), status=status).rstrip(), *left]

    def _undo(self) -> list[str]:
        try:
            undone, note = self.interview.undo()
        except NoNote:
            return [msg("line.nothing_to_undo")]
        except (DomainError, OSError) as exc:
            return self._rejected("", exc)
        status = self.interview.status_of(note)
        return [msg(f"line.undone.{undone.value}", text=note.text, status=status)]

    # -- commands -------------------------------------------------------------------------

    def _command(self, typed: str, argument: str) -> list[str]:
        name = typed.lower()
        if name not in COMMAND_NAMES:
            matches = [n for n in COMMAND_NAMES if n.startswith(name)]
            if not matches:
                return [msg("line.unknown_command", command=f"/{typed}")]
            if len(matches) > 1:
                listed = ", ".join(f"/{m}" for m in matches)
                return [msg("line.ambiguous_command", command=f"/{typed}", matches=listed)]
            name = matches[0]
        if name == "norm":
            return self._go_to_query(argument)
        if name == "wijzig":
            return self._start_edit(argument)
        if name == "tag":
            return self._tag(argument)
        if name == "wis":
            return self._ask_purge(argument)
        if name == "zoek":
            return self._search(argument)
        if name == "spreker":
            return self._speaker(argument)
        if name == "geenantwoord":
            return self._no_answer(argument)
        if argument:
            return [msg("line.command_takes_no_text", command=name)]
        actions = {
            "volgende": lambda: self._step(+1),
            "vorige": lambda: self._step(-1),
            "gat": self._go_to_gap,
            "vragen": self._questions,
            "dekking": self._coverage,
            "verwijder": self._delete,
            "herstel": self._undo,
            "help": self._help,
            "stop": self.stop,
        }
        return actions[name]()

    def _search(self, query: str) -> list[str]:
        """The best notes of the whole audit for ``query`` (see services.note_search)."""
        search = self.note_search
        parsed = search.parse(query)
        if parsed.empty:
            return [msg("notesearch.line_usage")]
        found = search.results(parsed, LINE_SEARCH_LIMIT)
        lines = [msg("notesearch.unknown", tags=" ".join(parsed.unknown))] if parsed.unknown else []
        lines.append(found.summary)
        lines += [f"  {hit_row(hit)}" for hit in found.hits]
        return lines

    def _speaker(self, argument: str) -> list[str]:
        """``/spreker 2`` attributes the next notes to the second interviewee, ``/spreker
        groep`` to the group; without an argument: who speaks now and who can."""
        interview = self.interview
        if not interview.is_group:
            return [msg("roles.speaker_single")]
        if not argument:
            choices = ", ".join(
                label for place, label in interview.speaker_choices() if place is not None
            )
            return [
                msg("roles.speaker_now", speaker=interview.speaker_label),
                msg("roles.speaker_choices", choices=choices),
                msg("roles.speaker_usage"),
            ]
        word = argument.lower()
        if word.isdigit():
            speaker: int | None = int(word) - 1
        elif msg("roles.speaker.group_short").startswith(word):
            speaker = None
        else:
            return [msg("roles.speaker_usage")]
        try:
            interview.set_speaker(speaker)
        except DomainError as exc:
            return [str(exc)]
        return [msg("roles.speaker_set", speaker=interview.speaker_label)]

    def _no_answer(self, query: str) -> list[str]:
        """Mark the current norm (or the one named) as asked without an answer, or unmark."""
        norm_id = self.norm_id
        if query:
            found = norm_search(self.workspace.catalogue).resolve(query)
            if found is None:
                return [msg("noanswer.unknown_norm", norm=query)]
            norm_id = found
        try:
            marked = self.interview.toggle_no_answer(norm_id)
        except (DomainError, OSError) as exc:
            return self._rejected("", exc)
        return [msg("noanswer.marked" if marked else "noanswer.unmarked", norm=norm_id)]

    def _go_to(self, norm_id: str) -> list[str]:
        return self._move(lambda: self.interview.go_to(norm_id))

    def _move(self, move: Callable[[], bool | None], refused: str = "") -> list[str]:
        """Walk (the session stores the new norm first); the new norm's intro, or why not."""
        here = self.norm_id
        try:
            moved = move()
        except (DomainError, OSError) as exc:
            return self._rejected("", exc)
        if moved is False:
            return [msg(refused, norm=here)]
        return ["", *self._norm_intro()]

    def _step(self, step: int) -> list[str]:
        refused = "line.last_norm" if step > 0 else "line.first_norm"
        return self._move(lambda: self.interview.step(step), refused)

    def _go_to_gap(self) -> list[str]:
        return self._move(self.interview.go_to_gap, "guide.no_gap")

    def _go_to_query(self, query: str) -> list[str]:
        if not query:
            return [msg("line.norm_usage")]
        search = norm_search(self.workspace.catalogue)
        norm_id = search.resolve(query)
        if norm_id is not None:
            return self._go_to(norm_id)
        found = [match.norm for match in search.search(query)]
        if not found:
            return [msg("line.norm_not_found", query=query)]
        if len(found) == 1:
            return self._go_to(found[0].id)
        return [
            msg("line.norm_choices", query=query),
            *(msg("line.norm_choice", norm=n.id, text=n.short_text) for n in found[:10]),
        ]

    def _norm_intro(self) -> list[str]:
        norm = self.norm
        section = self.workspace.catalogue.section(norm.section).name
        return [
            msg(
                "line.norm_title", norm=norm.id, section=section, number=norm.number, text=norm.text
            ),
            *self._norm_source(),
            msg("line.norm_status", status=self.interview.status()),
            *([msg("noanswer.in_session")] if norm.id in self.interview.no_answer else []),
            *self._questions(),
        ]

    def _norm_source(self) -> list[str]:
        """Why the norm is in this walk: the template's Wie column or a second source."""
        if not self.session.roles:
            return []
        wie = ", ".join(self.norm.roles)
        if self.interview.position() is None:
            return [msg("roles.line_source.outside", wie=wie)]
        source = self.interview.source_to_show()
        if source is None:
            return []
        roles = ", ".join(self.interview.second_source_roles())
        return [msg(f"roles.line_source.{source.value}", wie=wie, roles=roles)]

    def _questions(self) -> list[str]:
        norm = self.norm
        roles = self.session.roles
        questions = self.interview.questions()
        aimed = [
            r
            for r in self.workspace.catalogue.expand_roles(roles)
            if r in norm.questions or r in norm.second_source
        ]
        if aimed:
            header = msg("line.questions_for", roles=", ".join(aimed))
        elif roles:
            header = msg("line.questions_other", roles=", ".join(roles))
        else:
            header = msg("line.questions_all")
        lines = [header, *(msg("line.question", question=q) for q in questions)]
        if norm.evidence:
            lines.append(msg("line.evidence", evidence="; ".join(norm.evidence)))
        return lines

    def _coverage(self) -> list[str]:
        """Short enough for a small screen: norms with sources in rows, the rest in one list."""
        here: dict[str, int] = {}
        for note in self.interview.notes():
            for norm_id in note.norms:
                here[norm_id] = here.get(norm_id, 0) + 1
        groups: dict[CoverageStatus, list[NormCoverage]] = {s: [] for s in CoverageStatus}
        for norm in self.norms:
            coverage = self.interview.coverage(norm.id)
            groups[coverage.status].append(coverage)
        lines = [
            msg(
                "line.coverage_header",
                count=len(self.norms),
                target=self.workspace.audit.target,
            )
        ]
        for status in (CoverageStatus.BELOW, CoverageStatus.NONE, CoverageStatus.MET):
            members = groups[status]
            title = msg(f"line.coverage_group.{status.value}", count=len(members))
            if status is CoverageStatus.NONE or not members:
                listed = " ".join(c.norm_id for c in members) or "-"
                lines.append(f"{title} {listed}")
                continue
            lines.append(title)
            for coverage in members:
                row = msg(
                    "line.coverage_row",
                    norm=coverage.norm_id,
                    sources=coverage.sources,
                    target=coverage.target,
                    factual=coverage.factual,
                )
                if here.get(coverage.norm_id):
                    row += msg("line.coverage_here", count=here[coverage.norm_id])
                lines.append(row)
        return lines

    def _help(self) -> list[str]:
        return [
            msg("line.help_header"),
            msg("line.help_norm"),
            msg("line.help_evidence", words=" ".join(f"@{w}" for w in EVIDENCE_WORDS)),
            msg("line.help_kind", words=" ".join(f"!{w}" for w in KIND_WORDS)),
            msg("line.help_commands"),
            *(msg("line.help_row", usage=c.usage, help=c.help) for c in COMMANDS),
            msg("line.help_keys"),
        ]
