"""``session edit|delete|restore|removed`` and ``ik-ben``: correcting and removing sessions,
and who audits on this computer, from the command line.

``session edit AUDIT SESSIE`` corrects what was recorded wrongly; ``--partner N`` picks
which partner ``--function``, ``--role`` and ``--same-as`` correct (N one past the last
adds a partner), ``--remove-partner N`` takes one out. A session without notes is
deleted for good, one with notes reversibly (``session restore``).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any

from interview_assistant.cli_parser import Subcommands
from interview_assistant.messages import msg


def register(
    root: argparse.ArgumentParser,
    subparsers: Subcommands,
    common: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser("ik-ben", parents=[common], help=msg("identity.help"))
    parser.add_argument("name", nargs="?", metavar="NAAM", help=msg("identity.name_help"))
    parser.set_defaults(func=cmd_identity)


def register_session_actions(session: Subcommands, common: argparse.ArgumentParser) -> None:
    """The ``session`` actions of this module, added to the ``session`` subcommand."""
    p = session.add_parser("edit", parents=[common], help=msg("session_cli.edit_help"))
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("session", metavar="SESSIE")
    p.add_argument("--auditor")
    p.add_argument("--kind", help="interview, documentstudie of observatie")
    p.add_argument("--location")
    p.add_argument(
        "--partner", type=int, default=1, metavar="N", help=msg("session_cli.partner_help")
    )
    p.add_argument("--function", help="functie van de gesprekspartner (geen naam)")
    p.add_argument("--role", action="append", metavar="CODE", help=msg("session_cli.role_help"))
    p.add_argument("--same-as", metavar="SESSIE[:N]|-", help=msg("session_cli.same_as_help"))
    p.add_argument(
        "--remove-partner",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help=msg("session_cli.remove_partner_help"),
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_session_edit)
    p = session.add_parser("delete", parents=[common], help=msg("session_cli.delete_help"))
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("session", metavar="SESSIE")
    p.set_defaults(func=cmd_session_delete)
    p = session.add_parser("restore", parents=[common], help=msg("session_cli.restore_help"))
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("session", metavar="SESSIE")
    p.set_defaults(func=cmd_session_restore)
    p = session.add_parser("removed", parents=[common], help=msg("session_cli.removed_help"))
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_session_removed)


def cmd_identity(args: argparse.Namespace) -> int:
    from interview_assistant.cli import UsageError, _one_line
    from interview_assistant.domain.errors import DomainError
    from interview_assistant.services.identity import (
        current_auditor,
        identity_problem,
        set_current_auditor,
    )

    if args.name is None:
        problem = identity_problem()
        if problem:
            print(msg("cli.warning", message=problem), file=sys.stderr)
        name = current_auditor()
        if not name:
            print(msg("identity.none"), file=sys.stderr)
            return 1
        print(_one_line(name))
        return 0
    try:
        name = set_current_auditor(args.name)
    except DomainError as exc:
        raise UsageError(str(exc)) from exc
    print(msg("identity.set", name=_one_line(name)), file=sys.stderr)
    return 0


def cmd_session_edit(args: argparse.Namespace) -> int:
    from interview_assistant.cli import UsageError, _interviewee_json, _workspace
    from interview_assistant.domain.errors import DomainError
    from interview_assistant.domain.session import Interviewee, SessionKind

    workspace = _workspace(args)
    session = workspace.session(args.session)
    partners = list(session.interviewees)
    kind = None
    if args.kind is not None:
        try:
            kind = SessionKind(args.kind)
        except ValueError as exc:
            valid = ", ".join(k.value for k in SessionKind)
            raise UsageError(msg("session.unknown_kind", kind=args.kind, valid=valid)) from exc
    try:
        touches_partner = any(v is not None for v in (args.function, args.role, args.same_as))
        if touches_partner:
            index = args.partner - 1
            if not 0 <= index <= len(partners):
                raise UsageError(
                    msg("session_cli.bad_partner", number=args.partner, count=len(partners))
                )
            if index == len(partners):  # a new partner joins the group
                if args.function is None:
                    raise UsageError(msg("session_cli.new_partner_needs", number=args.partner))
                partners.append(Interviewee(args.function, ()))
            partner = partners[index]
            if args.function is not None:
                partner = replace(partner, function=args.function)
            if args.role is not None:
                partner = replace(partner, roles=tuple(args.role))
            if args.same_as is not None:
                link = None if args.same_as == "-" else workspace.person_link(args.same_as)
                partner = replace(partner, same_as=link)
            partners[index] = partner
        removed = [n - 1 for n in args.remove_partner]
        kept = [p for i, p in enumerate(partners) if i not in removed]
        edited = workspace.edit_session(
            session.id,
            auditor=args.auditor,
            kind=kind,
            location=args.location,
            interviewees=kept,
            removed=removed,
        )
    except DomainError as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        from interview_assistant.cli import _print_json

        _print_json(session_json(edited, _interviewee_json))
        return 0
    key = "session_cli.unchanged" if edited == session else "session_cli.edited"
    print(msg(key, session=session.id), file=sys.stderr)
    print(session.id)
    return 0


def session_json(session: Any, interviewee_json: Any) -> dict[str, Any]:
    from interview_assistant.domain.ids import to_iso

    return {
        "id": session.id,
        "auditor": session.auditor,
        "kind": session.kind.value,
        "interviewees": [interviewee_json(i) for i in session.interviewees],
        "location": session.location,
        "started": to_iso(session.started),
        "ended": to_iso(session.ended) if session.ended else None,
        "deleted": session.deleted,
    }


def cmd_session_delete(args: argparse.Namespace) -> int:
    from interview_assistant.cli import _workspace
    from interview_assistant.services.interview_summary import notes_label

    workspace = _workspace(args)
    session = workspace.session(args.session)
    notes = workspace.note_count(session.id)
    if workspace.delete_session(session.id):
        print(msg("session_cli.deleted_for_good", session=session.id), file=sys.stderr)
    else:
        print(
            msg(
                "session_cli.deleted",
                session=session.id,
                notes=notes_label(notes),
                audit=workspace.audit.id,
            ),
            file=sys.stderr,
        )
    print(session.id)
    return 0


def cmd_session_restore(args: argparse.Namespace) -> int:
    from interview_assistant.cli import _workspace

    workspace = _workspace(args)
    session = workspace.removed_session(args.session)
    workspace.restore_session(session.id)
    print(msg("session_cli.restored", session=session.id), file=sys.stderr)
    print(session.id)
    return 0


def cmd_session_removed(args: argparse.Namespace) -> int:
    from interview_assistant.cli import _interviewee_json, _one_line, _print_json, _workspace
    from interview_assistant.services.interview_summary import notes_label

    workspace = _workspace(args)
    removed = workspace.removed_sessions
    if args.json:
        _print_json([session_json(s, _interviewee_json) for s in removed])
        return 0
    if not removed:
        print(msg("session_cli.no_removed"), file=sys.stderr)
        return 0
    for s in removed:
        notes = len([n for n in workspace.removed_logs[s.id].notes if not n.deleted])
        print(
            f"{s.id}  {s.started:%Y-%m-%d %H:%M}  {s.kind.value:<14} {_one_line(s.auditor):<12} "
            f"{_one_line(s.functions)}  {notes_label(notes)}"
        )
    return 0
