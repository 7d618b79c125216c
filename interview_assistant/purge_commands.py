"""The ``purge`` subcommand: remove a note's text and every earlier version for good.

``purge AUDIT SESSION NOTE`` shows the note and asks "Weet u het zeker? [j/N]" on a
terminal; ``--yes`` skips the question, and without it a purge refuses to run from a
script (stdin not a terminal), since it cannot be undone. Unknown audits, sessions and
notes are a Dutch error with exit status 2; a declined question exits 1 with nothing
changed.
"""

from __future__ import annotations

import argparse
import sys

from interview_assistant.cli_parser import Subcommands
from interview_assistant.messages import msg


def register(
    root: argparse.ArgumentParser,
    subparsers: Subcommands,
    common: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "purge",
        parents=[common],
        help=msg("purge.help"),
        description=msg("purge.description"),
    )
    parser.add_argument("audit", metavar="AUDIT", help=msg("purge.audit_help"))
    parser.add_argument("session", metavar="SESSIE", help=msg("purge.session_help"))
    parser.add_argument("note", metavar="NOTITIE", help=msg("purge.note_help"))
    parser.add_argument("--yes", "--ja", action="store_true", help=msg("purge.yes_help"))
    parser.add_argument("--auditor", metavar="NAAM", default="", help=msg("purge.by_help"))
    parser.set_defaults(func=cmd_purge)


def _error(message: object) -> int:
    print(msg("cli.error", message=message), file=sys.stderr)
    return 2


def cmd_purge(args: argparse.Namespace) -> int:
    from interview_assistant.domain.safe_text import for_terminal
    from interview_assistant.services.audit import StoreError
    from interview_assistant.services.data_folder import DataFolder
    from interview_assistant.services.purge import set_aside_copies

    try:
        workspace = DataFolder.resolve(args.data_dir).open_audit(args.audit)
        session = workspace.session(args.session)
    except StoreError as exc:
        return _error(exc)
    notes = workspace.notes(session.id, include_deleted=True)
    matches = [n for n in notes if n.id == args.note] or [
        n for n in notes if args.note and n.id.startswith(args.note)
    ]
    if not matches:
        return _error(msg("store.note_missing", note=args.note, session=session.id))
    if len(matches) > 1:
        listed = ", ".join(n.id for n in matches)
        return _error(
            msg("purge.note_ambiguous", note=args.note, session=session.id, matches=listed)
        )
    note = matches[0]
    if not args.yes:
        if not sys.stdin.isatty():
            return _error(msg("purge.needs_yes"))
        shown = "purge.show_deleted" if note.deleted else "purge.show"
        text = for_terminal(note.text, keep="")
        print(msg(shown, note=note.id, time=f"{note.created:%Y-%m-%d %H:%M}", text=text))
        print(msg("purge.warning"))
        try:
            answer = input(msg("purge.ask"))
        except (EOFError, KeyboardInterrupt):
            answer = ""
        if answer.strip().lower() not in ("j", "ja", "y", "yes"):
            print(msg("purge.cancelled"), file=sys.stderr)
            return 1
    workspace.purge_note(session.id, note.id, args.auditor or None)
    print(msg("purge.done", note=note.id))
    for path in set_aside_copies(workspace, note):
        print(msg("purge.set_aside", path=path), file=sys.stderr)
    return 0
