"""The ``suggest`` subcommand: which norms a text is evidence for, from the command line.

``suggest TEXT`` ranks the norms for one text; ``suggest -`` reads one text per line and
answers each with one JSON line, so a labelled set can be evaluated or a script can tag
notes in bulk; ``suggest AUDIT --untagged`` proposes norms for an audit's notes that only
joined the norm the walk was on. Everything is computed here, offline.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from interview_assistant.cli_parser import Subcommands
from interview_assistant.messages import msg


def register(
    root: argparse.ArgumentParser,
    subparsers: Subcommands,
    common: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "suggest",
        parents=[common],
        help=msg("suggest.help"),
        description=msg("suggest.description"),
    )
    parser.add_argument("text", metavar="TEKST|-|AUDIT", help=msg("suggest.text_help"))
    parser.add_argument("--edition", help=msg("suggest.edition_help"))
    parser.add_argument(
        "--role", action="append", default=[], metavar="ROL", help=msg("suggest.role_help")
    )
    parser.add_argument("--norm", metavar="NORM", help=msg("suggest.norm_help"))
    parser.add_argument("--untagged", action="store_true", help=msg("suggest.untagged_help"))
    parser.add_argument("--json", action="store_true", help=msg("suggest.json_help"))
    parser.set_defaults(func=cmd_suggest)


def _json_line(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def cmd_suggest(args: argparse.Namespace) -> int:
    if args.untagged:
        return _untagged(args)
    from interview_assistant.cli import UsageError
    from interview_assistant.services.norm_search import norm_search
    from interview_assistant.services.suggest import suggester_for
    from norm_catalogue import load_catalogue

    catalogue = load_catalogue(args.edition)
    for role in args.role:
        if role not in catalogue.roles:
            valid = ", ".join(catalogue.roles)
            raise UsageError(msg("cli.catalogue_unknown_role", role=role, valid=valid))
    current = None
    if args.norm:
        current = norm_search(catalogue).resolve(args.norm)
        if current is None:
            raise UsageError(msg("suggest.unknown_norm", norm=args.norm))
    suggester = suggester_for(catalogue.edition)

    def answer(text: str) -> None:
        found = suggester.suggest(text, roles=args.role, current=current)
        if args.json or args.text == "-":
            _json_line({"norms": [s.as_json() for s in found]})
            return
        if not found:
            print(msg("suggest.none"), file=sys.stderr)
        for suggestion in found:
            norm = catalogue.norm(suggestion.norm_id)
            print(
                msg(
                    "suggest.row",
                    norm=norm.id,
                    score=suggestion.score,
                    why=", ".join(suggestion.why),
                    text=norm.short_text,
                )
            )

    if args.text != "-":
        answer(args.text)
        return 0
    for line in sys.stdin:
        answer(line.rstrip("\n"))
        sys.stdout.flush()
    return 0


def _untagged(args: argparse.Namespace) -> int:
    from interview_assistant.cli import UsageError
    from interview_assistant.services.data_folder import DataFolder
    from interview_assistant.services.suggest import suggester_for, untagged

    if args.norm or args.role or args.edition:
        raise UsageError(msg("suggest.untagged_options"))
    workspace = DataFolder.resolve(args.data_dir).open_audit(args.text)
    for problem in workspace.take_problems():
        print(msg("cli.warning", message=problem.message), file=sys.stderr)
    suggester = suggester_for(workspace.catalogue.edition)
    found_any = False
    for session in workspace.sessions:
        for note in workspace.notes(session.id):
            if not untagged(note):
                continue
            found = suggester.suggest(
                note.text, roles=session.roles, current=None, exclude=note.norms
            )
            if args.json:
                _json_line(
                    {
                        "session": session.id,
                        "note": note.id,
                        "text": note.text,
                        "norms": list(note.norms),
                        "suggestions": [s.as_json() for s in found],
                    }
                )
                continue
            if not found:
                continue
            found_any = True
            proposals = ", ".join(f"{s.norm_id} ({', '.join(s.why)})" for s in found)
            print(
                msg(
                    "suggest.untagged_row",
                    session=session.id,
                    note=note.id,
                    norms=", ".join(note.norms),
                    text=note.text,
                    proposals=proposals,
                )
            )
    if not args.json and not found_any:
        print(msg("suggest.untagged_none"), file=sys.stderr)
    return 0
