"""The ``demo`` subcommand: put a copy of the shipped demo audit in the user's data folder.

A new user can try the assistant on a realistic audit at once. The copy goes through
the store like any audit, so the repository's ``sessions/demo`` is never written to.
"""

from __future__ import annotations

import argparse
import sys

from interview_assistant.messages import msg


def register(
    root: argparse.ArgumentParser,
    subparsers: argparse._SubParsersAction,
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
    from interview_assistant.demo import DEMO_DATA_DIR, demo_store, install_demo
    from interview_assistant.paths import resolve_data_dir
    from interview_assistant.storage.repository import AuditStore

    data_dir = resolve_data_dir(args.data_dir)
    if data_dir.resolve() == DEMO_DATA_DIR.resolve():
        raise UsageError(msg("demo.into_source", data_dir=data_dir))
    store = AuditStore(data_dir)
    source = demo_store()
    already = set(store.audit_ids())
    try:
        audit_id = install_demo(store, source)
    except FileNotFoundError:
        print(msg("demo.missing", source=source.data_dir), file=sys.stderr)
        return 1
    for problem in [*source.take_problems(), *store.take_problems()]:
        print(msg("cli.warning", message=problem.message), file=sys.stderr)
    organisation = store.load_audit(audit_id).organisation
    key = "demo.already_installed" if audit_id in already else "demo.installed"
    print(msg(key, organisation=organisation, data_dir=store.data_dir), file=sys.stderr)
    print(audit_id)
    return 0
