"""``interview-assistant chat AUDIT [--session SESSION] [--plain]``: the line mode's CLI.

On a terminal it runs on prompt-toolkit. When stdin or stdout is not a terminal (a
script, a pipe) or with ``--plain`` it reads plain lines instead, since prompt-toolkit
would otherwise write terminal control codes into the pipe.
"""

from __future__ import annotations

import argparse
import sys

from interview_assistant.messages import msg


def register(root: argparse.ArgumentParser, subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("chat", parents=[common], help=msg("line.cli_help"))
    parser.add_argument("audit", metavar="AUDIT")
    parser.add_argument("--session", metavar="SESSIE", help=msg("line.cli_session_help"))
    parser.add_argument("--plain", action="store_true", help=msg("line.cli_plain_help"))
    parser.set_defaults(func=cmd_chat)


def cmd_chat(args: argparse.Namespace) -> int:
    from interview_assistant.services.data_folder import DataFolder

    workspace = DataFolder.resolve(args.data_dir).open_audit(args.audit)
    if args.session:
        workspace.session(args.session)  # an unknown session is an error before anything runs
    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    if terminal and not args.plain:
        from interview_assistant.line.prompt import run_prompt_chat
        from interview_assistant.terminal import raw_streams

        with raw_streams():  # prompt-toolkit writes its own control codes; see its write
            return run_prompt_chat(workspace, args.session)
    from interview_assistant.cli import UsageError
    from interview_assistant.domain.errors import DomainError
    from interview_assistant.line.plain import run_plain_chat

    try:
        return run_plain_chat(workspace, args.session, interactive=terminal)
    except DomainError as exc:  # a script gave a wrong answer while starting the session
        raise UsageError(str(exc)) from exc
