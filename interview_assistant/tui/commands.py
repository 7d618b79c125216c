"""The TUI's commands: bare ``interview-assistant``, ``open AUDIT``, ``interview AUDIT SESSION``.

Textual is imported inside the handlers so that the scriptable subcommands start quickly.
"""

from __future__ import annotations

import argparse

from interview_assistant.cli_parser import Subcommands
from interview_assistant.services.paths import resolve_data_dir


def _run(args: argparse.Namespace, audit: str | None, session: str | None) -> int:
    from interview_assistant.terminal import raw_streams
    from interview_assistant.tui.app import make_app

    app = make_app(resolve_data_dir(getattr(args, "data_dir", None)), audit, session)
    with raw_streams():  # Textual writes its own control codes and escapes user text
        app.run()
    return app.return_code or 0


def cmd_tui(args: argparse.Namespace) -> int:
    return _run(args, None, None)


def cmd_open(args: argparse.Namespace) -> int:
    return _run(args, args.audit, None)


def cmd_interview(args: argparse.Namespace) -> int:
    return _run(args, args.audit, args.session)


def register(
    root: argparse.ArgumentParser,
    subparsers: Subcommands,
    common: argparse.ArgumentParser,
) -> None:
    root.set_defaults(default_func=cmd_tui)
    p = subparsers.add_parser(
        "open", parents=[common], help="open het overzicht van één audit in de schermapplicatie"
    )
    p.add_argument("audit", metavar="AUDIT")
    p.set_defaults(func=cmd_open)
    p = subparsers.add_parser(
        "interview",
        parents=[common],
        help="hervat een gesprek direct in het interviewscherm",
    )
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("session", metavar="SESSIE")
    p.set_defaults(func=cmd_interview)
