"""The ``interview-assistant`` command: every subcommand calls the same services as the UI.

Ids are printed alone on stdout so scripts can capture them; messages for people go
to stderr in Dutch. Exit status 2 means the input was wrong (a bad tag, a bad
argument), 1 that something could not be found or read.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import select
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from interview_assistant.domain.errors import DomainError, describe_os_error
from interview_assistant.domain.ids import to_iso
from interview_assistant.domain.safe_text import for_terminal
from interview_assistant.domain.session import Interviewee, SessionKind
from interview_assistant.domain.tags import NoteSyntaxError, ParsedNote
from interview_assistant.messages import DUTCH, msg, plural
from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.data_folder import DataFolder, remembering_folders
from interview_assistant.terminal import safe_streams
from norm_catalogue import CatalogueError, load_catalogue

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """Wrong input from the command line: exit status 2."""


def _folder(args: argparse.Namespace) -> DataFolder:
    return DataFolder.resolve(args.data_dir)


def _workspace(args: argparse.Namespace) -> AuditWorkspace:
    return _folder(args).open_audit(args.audit)


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _one_line(text: str) -> str:
    """A user's text for one line of output: a newline in it cannot fake a line of ours
    (every other control character the output streams neutralise anyway)."""
    return for_terminal(text, keep="")


def _report_problems(source: DataFolder | AuditWorkspace) -> None:
    for problem in source.take_problems():
        print(msg("cli.warning", message=problem.message), file=sys.stderr)


# -- catalogue ---------------------------------------------------------------------------------


def catalogue_json(catalogue, role: str | None) -> dict[str, Any]:
    """The catalogue; with ``role`` only that role's walk (its Wie norms, then its
    second-source norms), each norm's ``source`` saying which ("template" or "second")."""
    norms = catalogue.walk_for_roles([role]) if role else catalogue.norms
    found = []
    for n in norms:
        entry = {
            "id": n.id,
            "section": n.section,
            "number": n.number,
            "text": n.text,
            "roles": list(n.roles),
            "questions": {code: list(qs) for code, qs in n.questions.items()},
            "second_source": {code: list(qs) for code, qs in n.second_source.items()},
            "evidence": list(n.evidence),
        }
        if role:
            entry["source"] = catalogue.walk_source(n, [role]).value
        found.append(entry)
    return {
        "edition": catalogue.edition,
        "roles": {code: r.description for code, r in catalogue.roles.items()},
        "norms": found,
    }


def cmd_catalogue(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.edition)
    if args.role and args.role not in catalogue.roles:
        valid = ", ".join(catalogue.roles)
        raise UsageError(msg("cli.catalogue_unknown_role", role=args.role, valid=valid))
    if args.json:
        _print_json(catalogue_json(catalogue, args.role))
        return 0
    print(f"{catalogue.title} (editie {catalogue.edition})")
    print()
    for code, role in catalogue.roles.items():
        print(f"  {code:<4} {role.description}")
    if not args.role:
        _print_norms(catalogue, catalogue.norms, None)
        return 0
    blocks = (
        ("roles.cli_wie", catalogue.norms_for_roles([args.role])),
        ("roles.cli_second", catalogue.second_source_norms([args.role])),
    )
    for heading, norms in blocks:
        if norms:
            print()
            print(f"== {msg(heading)}: {len(norms)}")
            _print_norms(catalogue, norms, args.role)
    return 0


def _print_norms(catalogue, norms, role: str | None) -> None:
    section = None
    for norm in norms:
        if norm.section != section:
            section = norm.section
            print()
            print(catalogue.section(section).name)
        print(f"  {norm.id:<4} [{', '.join(norm.roles)}] {norm.text}")
        if role:
            for question in catalogue.questions_for(norm, [role]):
                print(f"         ? {question}")


# -- audits ------------------------------------------------------------------------------------


def audit_json(workspace: AuditWorkspace) -> dict[str, Any]:
    audit = workspace.audit
    return {
        "id": audit.id,
        "organisation": audit.organisation,
        "edition": audit.edition,
        "target": audit.target,
        "created": to_iso(audit.created),
        "team": list(audit.team),
        "core": {name: getattr(audit.core, name) for name in audit.core.field_names()},
        "sessions": [
            {
                "id": s.id,
                "auditor": s.auditor,
                "kind": s.kind.value,
                "interviewees": [_interviewee_json(i) for i in s.interviewees],
                "started": to_iso(s.started),
                "ended": to_iso(s.ended) if s.ended else None,
                "notes": workspace.note_count(s.id),
            }
            for s in workspace.sessions
        ],
    }


def cmd_audit_new(args: argparse.Namespace) -> int:
    if not args.organisation.strip():
        raise UsageError(msg("audit.blank_organisation"))
    audit = _folder(args).create_audit(args.organisation, args.edition, args.target)
    print(audit.id)
    return 0


def cmd_audit_list(args: argparse.Namespace) -> int:
    folder = _folder(args)
    listing = folder.audit_listing()
    _report_problems(folder)
    if args.json:
        _print_json(
            [
                {
                    "id": a.id,
                    "organisation": a.organisation,
                    "edition": a.edition,
                    "created": to_iso(a.created),
                    "target": a.target,
                }
                if (a := entry.audit)
                else {"id": entry.id, "problem": entry.problem}
                for entry in listing
            ]
        )
        return 0
    if not listing:
        print(msg("cli.no_audits", data_dir=folder.path), file=sys.stderr)
        return 0
    for entry in listing:
        if (audit := entry.audit) is not None:
            print(f"{audit.id}  {audit.created:%Y-%m-%d}  {_one_line(audit.organisation)}")
        else:  # listed, so an audit never drops out without a word
            print(msg("listing.cli_unreadable", id=entry.id, problem=_one_line(entry.problem)))
    return 0


def cmd_audit_show(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    _report_problems(workspace)
    data = audit_json(workspace)
    if args.json:
        _print_json(data)
        return 0
    print(msg("cli.show.audit", id=data["id"], organisation=_one_line(data["organisation"])))
    target = plural.count(data["target"], "source")
    print(msg("cli.show.edition", edition=data["edition"], target=target))
    print(msg("cli.show.team", team=_one_line(", ".join(data["team"])) or "-"))
    for name, value in data["core"].items():
        if value:
            label = msg(f"report.field.{name}").split(" (")[0]  # without the form's hint
            print(msg("cli.show.core", label=label, value=_one_line(str(value))))
    print(msg("cli.show.sessions", count=len(data["sessions"])))
    for s in workspace.sessions:
        auditor, functions = _one_line(s.auditor), _one_line(s.functions)
        notes = plural.count(workspace.note_count(s.id), "note")
        running = "" if s.ended else msg("cli.show.running")
        print(
            f"    {s.id}  {s.started:%Y-%m-%d %H:%M}  {s.kind.value:<14} {auditor:<12} "
            f"{functions} [{', '.join(s.roles)}]  {notes}{running}"
        )
    if workspace.removed_sessions:  # hidden, not gone: say how to see them
        removed = plural.count(len(workspace.removed_sessions), "conversation")
        print(msg("session_cli.removed_hint", removed=removed, audit=data["id"]))
    return 0


# -- sessions and notes ------------------------------------------------------------------------


def _interviewee_json(interviewee: Interviewee) -> dict:
    doc: dict = {"function": interviewee.function, "roles": list(interviewee.roles)}
    if interviewee.same_as is not None:
        link = interviewee.same_as
        doc["same_as"] = {"session": link.session_id, "partner": link.index + 1}
    return doc


def cmd_session_start(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    try:
        kind = SessionKind(args.kind)
    except ValueError as exc:
        valid = ", ".join(k.value for k in SessionKind)
        raise UsageError(msg("session.unknown_kind", kind=args.kind, valid=valid)) from exc
    try:
        same_as = workspace.person_link(args.same_as) if args.same_as else None
    except DomainError as exc:
        raise UsageError(str(exc)) from exc
    first = Interviewee(args.function.strip(), tuple(args.role or ()), same_as)
    from interview_assistant.partner_option import parse_partner

    try:  # the further partners of a group interview, speakers 2, 3, ...
        partners = [parse_partner(value) for value in args.partner or ()]
    except DomainError as exc:
        raise UsageError(str(exc)) from exc
    auditor = args.auditor
    if auditor is None:  # this computer's auditor ("ik ben ..."), never the last interview's
        from interview_assistant.services.identity import current_auditor

        auditor = current_auditor()
        if not auditor:
            raise UsageError(msg("identity.need_auditor"))
    try:
        session = workspace.start_session(auditor, [first, *partners], kind, args.location or "")
    except DomainError as exc:
        raise UsageError(str(exc)) from exc
    print(session.id)
    return 0


def cmd_session_end(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    session = workspace.session(args.session)
    workspace.end_session(session.id)
    print(session.id)
    return 0


def note_json(note) -> dict[str, Any]:
    return {
        "id": note.id,
        "time": to_iso(note.created),
        "text": note.text,
        "norms": list(note.norms),
        "evidence": [e.value for e in note.evidence],
        "kind": note.kind.value,
        "kinds": [k.value for k in note.kinds],
        # who said it in a group interview: the interviewee's number (1, 2, ...); None = group
        "speaker": None if note.speaker is None else note.speaker + 1,
    }


def cmd_session_show(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    session = workspace.session(args.session)
    notes = workspace.notes(session.id)
    from interview_assistant.services.interview_summary import interview_summary, summary_lines

    summary = interview_summary(workspace, session.id)
    if args.json:
        _print_json(
            {
                "id": session.id,
                "audit": session.audit_id,
                "auditor": session.auditor,
                "kind": session.kind.value,
                "interviewees": [_interviewee_json(i) for i in session.interviewees],
                "location": session.location,
                "started": to_iso(session.started),
                "ended": to_iso(session.ended) if session.ended else None,
                "no_answer": list(session.no_answer),
                "notes": [note_json(n) for n in notes],
                "summary": {
                    "heard": list(summary.heard),
                    "reached": list(summary.reached),
                    "missing": [c.norm_id for c in summary.missing],
                },
            }
        )
        return 0
    print(f"Sessie {session.id} ({session.kind.value}) door {_one_line(session.auditor)}")
    for interviewee in session.interviewees:
        print(f"  Gesprekspartner: {_one_line(interviewee.label())}")
    if session.location:
        print(f"  Locatie: {_one_line(session.location)}")
    ended = f"{session.ended:%Y-%m-%d %H:%M}" if session.ended else "loopt nog"
    print(f"  Begonnen: {session.started:%Y-%m-%d %H:%M}   Beëindigd: {ended}")
    if session.no_answer:
        print(msg("noanswer.cli_row", norms=", ".join(session.no_answer)))
    print(msg("cli.session_notes_header", count=len(notes)))
    people = session.interviewees
    for note in notes:
        tags = " ".join([*note.norms, *(f"@{e.value}" for e in note.evidence)])
        kinds = ", ".join(k.value for k in note.kinds)
        said = ""
        if len(people) > 1:  # a group interview: who said it
            place = note.speaker  # None, or one no interviewee has any more: the group
            if place is not None and place < len(people):
                said = f"{_one_line(people[place].function)}: "
            else:
                said = f"{msg('roles.speaker.group_short')}: "
        print(f"  {note.created:%H:%M} [{kinds}] {said}{_one_line(note.text)}   ({tags})")
    print()
    for line in summary_lines(summary):
        print(line)
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    session = workspace.session(args.session)
    speaker = None if args.speaker is None else args.speaker - 1
    try:
        workspace.check_speaker(session.id, speaker)
    except DomainError as exc:
        raise UsageError(str(exc)) from exc
    if args.text != "-":
        try:
            note = workspace.add_note(session.id, args.text, speaker=speaker)
        except NoteSyntaxError as exc:
            raise UsageError(str(exc)) from exc
        print(note.id)
        return 0
    return _note_lines(workspace, session.id, speaker)


#: the first group of ``note -`` lines stored in one write; a later group may grow to the
#: number of notes stored before it, so an import of N lines rewrites the session file
#: O(log N) times (linear in all), while the ids of slowly typed lines still come soon
FIRST_GROUP = 64


def _note_lines(workspace: AuditWorkspace, session_id: str, speaker: int | None = None) -> int:
    """``note -``: a note per line of stdin, stored in groups; an id is printed only once
    its group is on disk. A refused line is named and skipped (exit status 2); a line
    that is not UTF-8 or a group that cannot be stored ends the run there."""
    status = 0
    group: list[ParsedNote] = []
    first = number = stored = 0

    def store_group() -> None:
        nonlocal stored
        if group:
            notes = workspace.add_parsed_notes(session_id, group, speaker)
            sys.stdout.write("".join(note.id + "\n" for note in notes))
            sys.stdout.flush()
            stored += len(notes)
            group.clear()

    try:
        for lines, idle in _stdin_lines():
            for raw in lines:
                number += 1
                try:
                    line = raw.decode("utf-8").rstrip("\r\n")
                except UnicodeDecodeError as exc:
                    store_group()
                    reason = msg("cli.line_not_utf8", position=exc.start + 1)
                    print(msg("cli.note_line_error", line=number, message=reason), file=sys.stderr)
                    return 2
                if not line.strip():
                    continue
                try:
                    parsed = workspace.parse(line)
                except NoteSyntaxError as exc:
                    print(msg("cli.note_line_error", line=number, message=exc), file=sys.stderr)
                    status = 2
                    continue
                if not group:
                    first = number
                group.append(parsed)
                if len(group) >= max(FIRST_GROUP, stored):
                    store_group()
            if idle:
                store_group()
        store_group()
    except OSError as exc:
        reason = describe_os_error(exc)
        print(msg("cli.error", message=msg("cli.lines_not_saved", first=first, reason=reason)),
              file=sys.stderr)  # fmt: skip
        return 1
    return status


def _stdin_lines() -> Iterator[tuple[list[bytes], bool]]:
    """Stdin's lines as bytes as they arrive, each batch with whether no more input is
    waiting (then what was read so far is stored before waiting for more)."""
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):
        fd = None  # a stream in memory (an embedding program, a test)
    if fd is None:
        text = sys.stdin.read()
        yield [line.encode("utf-8", "surrogateescape") for line in text.splitlines(True)], True
        return
    pending = bytearray()
    while chunk := os.read(fd, 1 << 16):
        pending += chunk
        end = pending.rfind(b"\n") + 1
        lines = bytes(pending[:end]).splitlines(keepends=True)
        del pending[:end]
        yield lines, not _input_waiting(fd)
    if pending:
        yield [bytes(pending)], True


def _input_waiting(fd: int) -> bool:
    try:
        return bool(select.select([fd], [], [], 0)[0])
    except (OSError, ValueError):
        return True


# -- coverage ----------------------------------------------------------------------------------


def coverage_json(workspace: AuditWorkspace) -> dict[str, Any]:
    return {
        "target": workspace.audit.target,
        "norms": {
            norm_id: {
                "sources": c.sources,
                "factual": c.factual,
                "roles": list(c.roles),
                "status": c.status.value,
            }
            for norm_id, c in workspace.coverage.all().items()
        },
    }


def cmd_coverage(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    _report_problems(workspace)
    if args.json:
        _print_json(coverage_json(workspace))
        return 0
    catalogue = workspace.catalogue
    print(msg("cli.coverage_header", target=workspace.audit.target))
    for section in catalogue.sections:
        print()
        print(section.name)
        for norm in catalogue.norms_in_section(section.id):
            c = workspace.coverage.norm(norm.id)
            mark = {"none": "  ", "below": "- ", "met": "+ "}[c.status.value]
            print(
                f"  {mark}{norm.id:<4} {c.sources}/{c.target} bronnen, {c.factual} feitelijk"
                f"  [{', '.join(c.roles) or '-'}]  {msg('status.' + c.status.value)}"
            )
    return 0


# -- parser ------------------------------------------------------------------------------------


#: ``--data-dir`` is a global option: it may stand before the subcommand (kept by the root
#: parser) or after it (kept by the subcommand's parser). The two are collected apart, as
#: argparse lets a subcommand's defaults overwrite what the root parsed, and joined by
#: :func:`parse_args`, which refuses two different folders.
DATA_DIR_BEFORE = "data_dirs_before_command"
DATA_DIR_AFTER = "data_dirs_after_command"
DATA_DIR_HELP = "map met de audits (standaard: $INTERVIEW_ASSISTANT_DATA of de gebruikersmap)"


def build_parser() -> argparse.ArgumentParser:
    from interview_assistant.cli_parser import DutchArgumentParser

    parser = DutchArgumentParser(prog="interview-assistant", description=msg("cli.description"))
    parser.add_argument(
        "--data-dir", dest=DATA_DIR_BEFORE, action="append", metavar="MAP", help=DATA_DIR_HELP
    )
    common = DutchArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        dest=DATA_DIR_AFTER,
        action="append",
        default=argparse.SUPPRESS,
        metavar="MAP",
        help=DATA_DIR_HELP,
    )
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMANDO")

    p = sub.add_parser("catalogue", parents=[common], help="toon het normenkader")
    p.add_argument("--edition", help="catalogus-editie")
    p.add_argument("--role", help="alleen de normen voor deze rol (bijv. P, Mng, S)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_catalogue)

    audit = sub.add_parser("audit", help="audits aanmaken en bekijken").add_subparsers(
        dest="audit_command", metavar="ACTIE", required=True
    )
    p = audit.add_parser("new", parents=[common], help="nieuwe audit; print het id")
    p.add_argument("organisation", metavar="ORGANISATIE")
    p.add_argument("--edition")
    p.add_argument("--target", type=int, help="streefaantal bronnen per norm (standaard 3)")
    p.set_defaults(func=cmd_audit_new)
    p = audit.add_parser("list", parents=[common], help="alle audits")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit_list)
    p = audit.add_parser("show", parents=[common], help="één audit met zijn sessies")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit_show)
    from interview_assistant.review_commands import register_audit_fields

    register_audit_fields(audit, common)

    session = sub.add_parser(
        "session", help="gesprekken starten, beëindigen, tonen"
    ).add_subparsers(dest="session_command", metavar="ACTIE", required=True)
    p = session.add_parser("start", parents=[common], help="start een sessie; print het id")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("--auditor", help="standaard: wie met 'ik-ben' is ingesteld")
    p.add_argument("--function", required=True, help="functie van de gesprekspartner (geen naam)")
    p.add_argument("--role", action="append", help="rolcode uit de legenda; herhaalbaar")
    p.add_argument("--kind", default="interview", help="interview, documentstudie of observatie")
    p.add_argument("--location")
    p.add_argument(
        "--partner", action="append", metavar="FUNCTIE=ROL", help=msg("group.cli_partner_help")
    )
    p.add_argument(
        "--same-as",
        metavar="SESSIE[:N]",
        help="dezelfde persoon als gesprekspartner N (standaard 1) in een eerder interview;"
        " het verslag telt hem of haar dan één keer",
    )
    p.set_defaults(func=cmd_session_start)
    p = session.add_parser("end", parents=[common], help="beëindig een sessie")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("session", metavar="SESSIE")
    p.set_defaults(func=cmd_session_end)
    p = session.add_parser("show", parents=[common], help="een sessie met haar notities")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("session", metavar="SESSIE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_session_show)
    from interview_assistant.session_commands import register_session_actions

    register_session_actions(session, common)

    p = sub.add_parser(
        "note", parents=[common], help="sla een notitie op; '-' leest regels van stdin"
    )
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("session", metavar="SESSIE")
    p.add_argument("text", metavar="TEKST")
    p.add_argument("--speaker", type=int, metavar="N", help=msg("roles.cli_speaker_help"))
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("coverage", parents=[common], help="dekking per norm")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_coverage)

    for register in _feature_commands():
        register(parser, sub, common)
    return parser


def _feature_commands() -> list[Callable[..., None]]:
    """Subcommands contributed by the UI, line mode and report packages."""
    return [importlib.import_module(name).register for name in FEATURE_MODULES]


#: Modules with ``register(root, subparsers, common)`` adding their subcommands (the TUI's
#: sets ``root.set_defaults(default_func=...)`` to run without a subcommand). ``common`` is
#: the parent parser carrying ``--data-dir``. They must not import Textual or prompt-toolkit
#: at module level (keeps the CLI quick to start).
FEATURE_MODULES: list[str] = [
    "interview_assistant.demo_commands",
    "interview_assistant.tui.commands",
    "interview_assistant.line.commands",
    "interview_assistant.review_commands",
    "interview_assistant.suggest_commands",
    "interview_assistant.privacy_commands",
    "interview_assistant.purge_commands",
    "interview_assistant.search_commands",
    "interview_assistant.session_commands",
]


def parse_args(
    argv: Sequence[str] | None = None, parser: argparse.ArgumentParser | None = None
) -> argparse.Namespace:
    """Parse the command line; ``args.data_dir`` is the one ``--data-dir`` given, or None.

    Raises :class:`UsageError` when ``--data-dir`` names two different folders or is empty.
    """
    args = (parser or build_parser()).parse_args(argv)
    given = [
        *(getattr(args, DATA_DIR_BEFORE, None) or ()),
        *(getattr(args, DATA_DIR_AFTER, None) or ()),
    ]
    for name in (DATA_DIR_BEFORE, DATA_DIR_AFTER):
        if hasattr(args, name):
            delattr(args, name)
    if any(not value.strip() for value in given):
        raise UsageError(msg("cli.data_dir_empty"))
    folders = {Path(value).expanduser().resolve(): value for value in given}
    if len(folders) > 1:
        first, second, *_ = folders.values()
        raise UsageError(msg("cli.data_dir_conflict", first=first, second=second))
    args.data_dir = given[0] if given else None
    _check_text_arguments(args)
    return args


#: arguments that name files: any bytes the file system allows are fine there
PATH_ARGUMENTS = frozenset({"data_dir", "output", "paths"})
#: how the usage line names a positional argument (the others are options: ``--name``)
POSITIONAL_LABELS = {
    "organisation": "ORGANISATIE",
    "text": "TEKST",
    "audit": "AUDIT",
    "session": "SESSIE",
    "norm": "NORM",
    "verdict": "OORDEEL",
    "key": "toelichting|advies",
}


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse an argument that is not UTF-8 (Python keeps its bytes as surrogates), before
    anything is stored: text is stored as UTF-8 and would not encode."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not is_utf8(text):
                label = POSITIONAL_LABELS.get(name, "--" + name.replace("_", "-"))
                raise UsageError(msg("cli.bad_argument", argument=label))


def is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    with safe_streams():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parse_args(argv, parser)
    except UsageError as exc:
        print(msg("cli.error", message=exc), file=sys.stderr)
        return 2
    handler: Handler | None = getattr(args, "func", None)
    if handler is None:
        handler = parser.get_default("default_func")
        if handler is None:
            parser.print_help()
            return 0
    try:
        return _run_reporting(handler, args)
    except UsageError as exc:
        print(msg("cli.error", message=exc), file=sys.stderr)
        return 2
    except (DomainError, CatalogueError) as exc:
        print(msg("cli.error", message=exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. ``| head``) went away; that is not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except OSError as exc:  # a full disk, a file-size limit, no access, a read-only disk...
        print(msg("cli.error", message=os_error_sentence(handler, exc)), file=sys.stderr)
        return 1


def _run_reporting(handler: Handler, args: argparse.Namespace) -> int:
    """Run the command; then say the problems it found but did not print itself (a loose
    permission tightened while listing, a file set aside while showing). Each is found
    only once, so it is said by the command that found it or never."""
    with remembering_folders() as opened:
        try:
            status = handler(args)
        except BaseException as exc:
            _report_unsaid(opened, str(exc))
            raise
        _report_unsaid(opened)
        return status


def _report_unsaid(opened: list[DataFolder], said: str = "") -> None:
    for folder in opened:
        for problem in folder.take_problems():
            if problem.message not in said:  # an error that names it says it already
                print(msg("cli.warning", message=problem.message), file=sys.stderr)


def os_error_sentence(handler: Handler, exc: OSError) -> str:
    """One Dutch sentence: what the command could not save (or do) and why."""
    reason = describe_os_error(exc)
    what = f"cli.saving.{getattr(handler, '__name__', '').removeprefix('cmd_')}"
    if what in DUTCH:
        return msg("cli.not_saved", what=msg(what), reason=reason)
    return msg("cli.failed", reason=reason)
