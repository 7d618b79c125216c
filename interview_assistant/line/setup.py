"""Starting an interview from the line mode: a few Dutch questions, then a new session.

The questions are plain data (:class:`Question`) and the asking is a callable, so the
prompt-toolkit front end can offer completion while plain stdin (scripts, screen
readers) answers the same questions line by line. A wrong answer is explained and the
question asked again; nothing is stored until every answer is valid. A + after the
roles makes it a group interview: the next partners are asked until an empty function.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.session import Interviewee, PersonLink, Session, SessionKind
from interview_assistant.messages import msg
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.identity import current_auditor, set_current_auditor

ROLE_SEPARATORS = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class Question:
    text: str
    #: (answer, description) pairs offered for completion
    choices: tuple[tuple[str, str], ...] = ()
    default: str = ""
    #: the answer is several words, each completed from ``choices``
    several: bool = False

    @property
    def prompt(self) -> str:
        if self.default:
            return msg("line.ask_default", question=self.text, default=self.default)
        return msg("line.ask_plain", question=self.text)


#: asks one question and returns the answer; raises EOFError or KeyboardInterrupt to give up
Ask = Callable[[Question], str]
Write = Callable[[str], None]


def parse_kind(answer: str) -> SessionKind:
    """'doc' → documentstudie; any unique beginning of a kind, in any case."""
    word = answer.strip().lower()
    matches = [k for k in SessionKind if k.value.startswith(word)] if word else []
    if len(matches) != 1:
        raise DomainError("line.unknown_kind", kind=answer.strip())
    return matches[0]


def parse_roles(answer: str, known: list[str]) -> tuple[str, ...]:
    """Role codes as typed ('p mng', 'P, P&O') → the legend's codes, in typed order."""
    by_lower = {code.lower(): code for code in known}
    roles: list[str] = []
    for word in ROLE_SEPARATORS.split(answer.strip()):
        if not word:
            continue
        code = by_lower.get(word.lower())
        if code is None:
            raise DomainError("line.unknown_role", role=word, valid=", ".join(known))
        if code not in roles:
            roles.append(code)
    return tuple(roles)


def split_more(answer: str) -> tuple[str, bool]:
    """'p mng +' → ('p mng', True): a + after the roles asks for the next partner of a
    group interview, so a one-person interview keeps its four questions."""
    text = answer.strip()
    if text.endswith("+"):
        return text[:-1].rstrip(), True
    return text, False


def _ask_more_partners(
    workspace: AuditWorkspace,
    interview: bool,
    functions: list[str],
    until_valid: Callable[[Question, Callable[[str], object]], Any],
    write: Write,
    first_number: int,
    role_choices: tuple[tuple[str, str], ...],
) -> list[Interviewee]:
    """The further partners of a group interview, until an empty function."""
    known = [code for code, _ in role_choices]
    partners: list[Interviewee] = []
    while True:
        function: str = until_valid(
            Question(msg("group.ask_next_function"), choices=tuple((f, "") for f in functions)),
            str,
        )
        function = " ".join(function.split())
        if not function:
            return partners
        same_as = _ask_same_person(workspace, function, until_valid, write) if interview else None

        def accept(answer: str, function: str = function) -> tuple[str, ...]:
            roles = parse_roles(split_more(answer)[0], known)
            if interview and not roles:
                raise DomainError("group.need_roles", function=function)
            return roles

        roles = until_valid(
            Question(
                msg("group.ask_next_roles", function=function), choices=role_choices, several=True
            ),
            accept,
        )
        partner = Interviewee(function, roles, same_as)
        partners.append(partner)
        number = first_number + len(partners)
        write(msg("group.partner_added", number=number, label=partner.label()))


def _ask_same_person(
    workspace: AuditWorkspace,
    function: str,
    until_valid: Callable[[Question, Callable[[str], object]], Any],
    write: Write,
) -> PersonLink | None:
    """Asked only when an earlier interview heard someone of the same function: the
    one case where the report could count a person twice."""
    wanted = " ".join(function.lower().split())
    people = [
        p
        for p in workspace.heard_people
        if " ".join(p.interviewee.function.lower().split()) == wanted
    ]
    if not people:
        return None
    for number, person in enumerate(people, start=1):
        write(msg("line.same_as_row", number=number, label=person.option_label()))

    def accept(answer: str) -> PersonLink | None:
        if not answer:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(people):
            return people[int(answer) - 1].link
        raise DomainError("line.unknown_person")

    choices = tuple((str(n), p.option_label()) for n, p in enumerate(people, start=1))
    return until_valid(Question(msg("line.ask_same_as"), choices=choices), accept)


def ask_new_session(
    workspace: AuditWorkspace, ask: Ask, write: Write, ask_again: bool = True
) -> Session:
    """Ask for auditor, kind, function and roles, and start the session.

    With ``ask_again`` False (answers read from a script) a wrong answer raises
    :class:`DomainError` instead of asking again, so the script's next lines are never
    mistaken for answers.
    """
    audit = workspace.audit
    catalogue = workspace.catalogue
    write(msg("line.setup_intro", audit=audit.id, organisation=audit.organisation))
    earlier = workspace.sessions
    auditors = list(dict.fromkeys([*audit.team, *(s.auditor for s in earlier)]))
    functions = list(dict.fromkeys(i.function for s in earlier for i in s.interviewees))

    def until_valid(question: Question, accept: Callable[[str], object]):
        while True:
            answer = ask(question).strip() or question.default
            try:
                return accept(answer)
            except DomainError as exc:
                if not ask_again:
                    raise
                write(str(exc))

    def required(answer: str) -> str:
        if not answer:
            raise DomainError("line.need_answer")
        return answer

    this_computer = current_auditor()  # never the last interview's: a colleague's after a merge
    auditor = until_valid(
        Question(
            msg("line.ask_auditor"),
            choices=tuple((a, "") for a in auditors),
            default=this_computer,
        ),
        required,
    )
    kind: SessionKind = until_valid(
        Question(
            msg("line.ask_kind"),
            choices=tuple((k.value, "") for k in SessionKind),
            default=SessionKind.INTERVIEW.value,
        ),
        parse_kind,
    )
    interview = kind is SessionKind.INTERVIEW
    function = until_valid(
        Question(
            msg("line.ask_function" if interview else "line.ask_function_optional"),
            choices=tuple((f, "") for f in functions),
        ),
        required if interview else str,
    )
    same_as = _ask_same_person(workspace, function, until_valid, write) if interview else None
    write(msg("line.legend_header"))
    for code, role in catalogue.roles.items():
        write(msg("line.legend_row", code=code, description=role.description))
    role_choices = tuple((code, role.description) for code, role in catalogue.roles.items())
    known = list(catalogue.roles)
    write(msg("group.line_hint"))

    def first_roles(answer: str) -> tuple[tuple[str, ...], bool]:
        text, more = split_more(answer)
        roles = parse_roles(text, known)
        if more and interview and not roles:
            raise DomainError("group.need_roles", function=function)
        return roles, more

    while True:
        roles, more = until_valid(
            Question(
                msg("line.ask_roles" if interview else "line.ask_roles_optional"),
                choices=role_choices,
                several=True,
            ),
            first_roles,
        )
        interviewees = [Interviewee(function, roles, same_as)] if function or roles else []
        if more:  # a group interview: the next partners, until an empty function
            interviewees += _ask_more_partners(
                workspace, interview, functions, until_valid, write, len(interviewees), role_choices
            )
        try:
            session = workspace.start_session(auditor, interviewees, kind)
        except DomainError as exc:
            if not ask_again:
                raise
            write(str(exc))
            continue
        if not this_computer:  # the first session here: its auditor is the default from now
            with suppress(DomainError, OSError):  # only a default: the session is stored
                write(msg("session_line.identity_saved", name=set_current_auditor(auditor)))
        write(msg("line.session_started", session=session.id))
        return session
