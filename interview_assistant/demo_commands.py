"""The ``demo`` subcommand: put a copy of the shipped demo audit in the user's data folder.

A new user can try the assistant on a realistic audit at once. The copy goes through
the store like any audit, so the repository's ``sessions/demo`` is never written to.
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
        "demo",
        parents=[common],
        help=msg("demo.help"),
        description=msg("demo.description", organisation="Stichting Welzijn De Brug"),
    )
    parser.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from interview_assistant.cli import UsageError
    from interview_assistant.services.data_folder import DataFolder
    from interview_assistant.services.demo import DEMO_DATA_DIR

    folder = DataFolder.resolve(args.data_dir)
    if folder.is_demo_source():
        raise UsageError(msg("demo.into_source", data_dir=folder.path))
    already = set(folder.audit_ids())
    try:
        audit_id = folder.install_demo()
    except FileNotFoundError:
        print(msg("demo.missing", source=DEMO_DATA_DIR), file=sys.stderr)
        return 1
    for problem in folder.take_problems():
        print(msg("cli.warning", message=problem.message), file=sys.stderr)
    organisation = folder.open_audit(audit_id).audit.organisation
    key = "demo.already_installed" if audit_id in already else "demo.installed"
    print(msg(key, organisation=organisation, data_dir=folder.path), file=sys.stderr)
    print(audit_id)
    return 0
