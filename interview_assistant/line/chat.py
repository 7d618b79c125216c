"""One interview as a conversation of lines: a typed line in, the assistant's lines out.

The same rules as the TUI's interview screen, without any terminal: a line is a note
(or a ``/`` command), a note without a norm tag attaches to the current norm, and the
answer comes from :mod:`interview_assistant.services.guidance`. Every note is durably stored by
the workspace before :meth:`LineChat.handle` returns, so whatever is printed as saved
is on disk. Kept free of prompt-toolkit so it can be tested line by line and driven by
plain stdin as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interview_assistant.domain.coverage import CoverageStatus, NormCoverage
from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Session
from interview_assistant.domain.tags import EVIDENCE_WORDS, KIND_WORDS
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.guidance import norm_status, reply_after_note
from interview_assistant.services.norm_search import norm_search
from norm_catalogue import Norm

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
    Command("help"),
    Command("stop"),
)
COMMAND_NAMES = tuple(c.name for c in COMMANDS)


def count_notes(count: int) -> str:
    return msg("line.one_note") if count == 1 else msg("line.many_notes", count=count)


def clock(note: Note) -> str:
    """The time of a note's current text, as the auditor reads it in the reply."""
    return f"{note.current.at:%H:%M}"


class LineChat:
    """The state of one line-mode interview: the session, the current norm, a pending edit."""

    def __init__(self, workspace: AuditWorkspace, session_id: str, norm_id: str | None = None):
        self.workspace = workspace
        self.session_id = workspace.session(session_id).id
        self.norm_id = norm_id or self._starting_norm()
        #: the note being edited with ``/wijzig``: the next line is its new text
        self.editing: str | None = None
        #: text of a note that could not be stored, for the front end to offer again
        self.retry_text = ""
        self.finished = False
        self.rejected = 0

    # -- state ----------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.workspace.logs[self.session_id].session

    @property
    def norms(self) -> tuple[Norm, ...]:
        """The norms this interview walks through, in catalogue order."""
        return self.workspace.norms_for_session(self.session_id)

    @property
    def norm(self) -> Norm:
        return self.workspace.catalogue.norm(self.norm_id)

    def prompt(self) -> str:
        if self.editing:
            return msg("line.edit_prompt")
        return msg("line.note_prompt", norm=self.norm_id)

    def prefill(self) -> str:
        """Text to put on the next prompt: a rejected text to fix, or the note being edited."""
        text, self.retry_text = self.retry_text, ""
        if not text and self.editing:
            return self.workspace.note(self.session_id, self.editing).text
        return text

    def _notes(self) -> list[Note]:
        return self.workspace.notes(self.session_id)

    def _last_note(self) -> Note | None:
        notes = self._notes()
        return max(notes, key=lambda n: (n.created, n.id)) if notes else None

    def _last_deleted(self) -> Note | None:
        deleted = [
            n for n in self.workspace.notes(self.session_id, include_deleted=True) if n.deleted
        ]
        return max(deleted, key=lambda n: (n.deleted_at, n.id)) if deleted else None

    def _starting_norm(self) -> str:
        """Where the TUI starts too: the last note's norm on resuming, else the biggest gap."""
        last = self._last_note()
        if last is not None and last.norms:
            return last.norms[0]
        return self.workspace.next_gap(self.session_id) or self.norms[0].id

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
        if not session.roles:
            lines.append(msg("line.session_norms_all", count=len(self.norms)))
        elif self.workspace.catalogue.norms_for_roles(session.roles):
            lines.append(msg("line.session_norms", count=len(self.norms), roles=roles))
        else:
            lines.append(msg("line.session_norms_unnamed", count=len(self.norms), roles=roles))
        if not session.is_open:
            lines.append(msg("line.session_was_ended", ended=f"{session.ended:%Y-%m-%d %H:%M}"))
        last = self._last_note()
        if last is not None:
            notes = count_notes(len(self._notes()))
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
        """Pick up notes stored by another process (the TUI); report unreadable files."""
        self.workspace.refresh()
        lines = [
            msg("line.problem", message=problem.message)
            for problem in self.workspace.take_problems()
        ]
        if self.session_id not in self.workspace.logs:
            self.finished = True
            lines.append(msg("line.session_gone", session=self.session_id))
        return lines

    def handle(self, line: str) -> list[str]:
        """Act on one typed line; returns the lines to print."""
        if self.editing:
            return self._finish_edit(line)
        self.retry_text = ""
        stripped = line.strip()
        if not stripped:
            return []
        command = COMMAND_LINE.fullmatch(stripped)
        if command:
            return self._command(command.group(1), (command.group(2) or "").strip())
        return self._add(stripped)

    def cancel(self) -> list[str]:
        """The auditor pressed Ctrl-C: drop the line, and a pending edit with it."""
        self.retry_text = ""
        if self.editing:
            self.editing = None
            return [msg("line.edit_unchanged")]
        return []

    def stop(self) -> list[str]:
        """End the session (the notes are already stored) and finish."""
        if self.finished:
            return []
        self.finished = True
        session = self.workspace.end_session(self.session_id)
        notes = count_notes(len(self._notes()))
        return [msg("line.stopped", notes=notes, session=session.id)]

    # -- notes ----------------------------------------------------------------------------

    def _add(self, text: str) -> list[str]:
        try:
            note = self.workspace.add_note(self.session_id, text, default_norm=self.norm_id)
        except (DomainError, OSError) as exc:
            return self._rejected(text, exc)
        return [msg("line.saved", time=clock(note), reply=self._reply(note))]

    def _rejected(self, text: str, exc: Exception) -> list[str]:
        self.rejected += 1
        self.retry_text = text
        if isinstance(exc, OSError):
            error = msg("store.write_failed", reason=exc.strerror or exc)
        else:
            error = str(exc)
        return [msg("line.not_saved", error=error)]

    def _reply(self, note: Note) -> str:
        """The assistant's line, as in the TUI: where the note's (first) norm stands."""
        norm_id = note.norms[0] if note.norms else self.norm_id
        gap_id = self.workspace.next_gap(self.session_id, exclude=norm_id)
        gap = self.workspace.norm_coverage(gap_id) if gap_id else None
        coverage = self.workspace.norm_coverage(norm_id)
        return reply_after_note(self.workspace.catalogue, coverage, gap)

    def _status_of(self, note: Note) -> str:
        return " ".join(norm_status(self.workspace.norm_coverage(n)) for n in note.norms)

    def _start_edit(self, text: str) -> list[str]:
        last = self._last_note()
        if last is None:
            return [msg("line.nothing_to_edit")]
        if text:
            return self._edit(last, text)
        self.editing = last.id
        return [msg("line.edit_start", time=clock(last)), msg("line.edit_current", text=last.text)]

    def _finish_edit(self, line: str) -> list[str]:
        note = self.workspace.note(self.session_id, self.editing or "")
        self.editing = None
        text = line.strip()
        if not text or text == note.text:
            return [msg("line.edit_unchanged")]
        return self._edit(note, text)

    def _edit(self, note: Note, text: str) -> list[str]:
        try:
            edited = self.workspace.edit_note(self.session_id, note.id, text)
        except (DomainError, OSError) as exc:
            # stay in the edit, so the corrected text replaces the note instead of adding one
            self.editing = note.id
            return [*self._rejected(text, exc), msg("line.edit_current", text=note.text)]
        return [msg("line.edited", time=clock(edited), reply=self._status_of(edited))]

    def _delete(self) -> list[str]:
        last = self._last_note()
        if last is None:
            return [msg("line.nothing_to_delete")]
        try:
            deleted = self.workspace.delete_note(self.session_id, last.id)
        except (DomainError, OSError) as exc:
            return self._rejected("", exc)
        return [msg("line.deleted", text=deleted.text, status=self._status_of(deleted))]

    def _restore(self) -> list[str]:
        deleted = self._last_deleted()
        if deleted is None:
            return [msg("line.nothing_to_restore")]
        try:
            restored = self.workspace.restore_note(self.session_id, deleted.id)
        except (DomainError, OSError) as exc:
            return self._rejected("", exc)
        return [msg("line.restored", text=restored.text, status=self._status_of(restored))]

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
        if argument:
            return [msg("line.command_takes_no_text", command=name)]
        actions = {
            "volgende": lambda: self._step(+1),
            "vorige": lambda: self._step(-1),
            "gat": self._go_to_gap,
            "vragen": self._questions,
            "dekking": self._coverage,
            "verwijder": self._delete,
            "herstel": self._restore,
            "help": self._help,
            "stop": self.stop,
        }
        return actions[name]()

    def _go_to(self, norm_id: str) -> list[str]:
        self.norm_id = norm_id
        return ["", *self._norm_intro()]

    def _step(self, step: int) -> list[str]:
        order = {n.id: i for i, n in enumerate(self.workspace.catalogue.norms)}
        here = order[self.norm_id]
        ids = [n.id for n in self.norms]
        if step > 0:
            ahead = [i for i in ids if order[i] > here]
            if not ahead:
                return [msg("line.last_norm", norm=self.norm_id)]
            return self._go_to(ahead[0])
        behind = [i for i in ids if order[i] < here]
        if not behind:
            return [msg("line.first_norm", norm=self.norm_id)]
        return self._go_to(behind[-1])

    def _go_to_gap(self) -> list[str]:
        gap = self.workspace.next_gap(self.session_id, exclude=self.norm_id)
        if gap is None or self.workspace.norm_coverage(gap).status is CoverageStatus.MET:
            return [msg("guide.no_gap")]
        return self._go_to(gap)

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
            msg("line.norm_status", status=norm_status(self.workspace.norm_coverage(norm.id))),
            *self._questions(),
        ]

    def _questions(self) -> list[str]:
        norm = self.norm
        roles = self.session.roles
        questions = self.workspace.catalogue.questions_for(norm, roles)
        aimed = [r for r in self.workspace.catalogue.expand_roles(roles) if r in norm.questions]
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
        for note in self._notes():
            for norm_id in note.norms:
                here[norm_id] = here.get(norm_id, 0) + 1
        groups: dict[CoverageStatus, list[NormCoverage]] = {s: [] for s in CoverageStatus}
        for norm in self.norms:
            coverage = self.workspace.norm_coverage(norm.id)
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
