"""The ``privacy`` subcommand: personal data in a text, or in everything an audit holds.

``privacy TEXT`` and ``privacy -`` (one text per line, one JSON line each) check texts;
``privacy AUDIT`` lists every name, e-mail address, phone number, BSN or address found in
the audit's notes, functions, core data, findings and trend points, with where it
stands, and which of them the lead marked as fine (``--ok TEXT``: an organisation or place
name deduce flags; ``--niet-ok TEXT`` takes a mark back). ``report --final`` is refused
while a finding remains that is not marked. deduce does the reading, in a separate
process on this computer.
"""

from __future__ import annotations

import argparse
import json
import sys

from interview_assistant.cli_parser import Subcommands
from interview_assistant.messages import msg, plural


def register(
    root: argparse.ArgumentParser,
    subparsers: Subcommands,
    common: argparse.ArgumentParser,
) -> None:
    parser = subparsers.add_parser(
        "privacy",
        parents=[common],
        help=msg("privacy.help"),
        description=msg("privacy.description"),
    )
    parser.add_argument("text", metavar="AUDIT|TEKST|-", help=msg("privacy.text_help"))
    parser.add_argument("--json", action="store_true", help=msg("privacy.json_help"))
    parser.add_argument(
        "--ok", action="append", default=[], metavar="TEKST", help=msg("privacy.ok_help")
    )
    parser.add_argument(
        "--niet-ok",
        dest="not_ok",
        action="append",
        default=[],
        metavar="TEKST",
        help=msg("privacy.not_ok_help"),
    )
    parser.set_defaults(func=cmd_privacy)


def _line(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _audit_named(args: argparse.Namespace) -> str | None:
    """The audit the argument names (an id or a unique prefix, one word), else None."""
    word = args.text.strip()
    if not word or any(ch.isspace() for ch in word):
        return None
    from interview_assistant.services.data_folder import DataFolder

    folder = DataFolder.resolve(args.data_dir)
    matches = [audit_id for audit_id in folder.audit_ids() if audit_id.startswith(word)]
    return matches[0] if len(matches) == 1 else None


def cmd_privacy(args: argparse.Namespace) -> int:
    from interview_assistant.services.privacy import PrivacyGuardError, privacy_guard

    if args.ok or args.not_ok:
        return _mark(args)
    guard = privacy_guard()
    if sys.stderr.isatty():
        print(msg("privacy.loading"), file=sys.stderr)
    try:
        if args.text == "-":
            for line in sys.stdin:
                (found,) = guard.check_many([line.rstrip("\n")])
                _line({"findings": [{"text": f.text, "kind": f.kind} for f in found]})
            return 0
        audit_id = _audit_named(args)
        if audit_id is not None:
            return _audit(args, audit_id)
        found = guard.check(args.text)
        if args.json:
            _line({"findings": [{"text": f.text, "kind": f.kind} for f in found]})
        elif not found:
            print(msg("privacy.none"), file=sys.stderr)
        for finding in [] if args.json else found:
            print(msg("privacy.row", text=finding.text, kind=msg(f"privacy.kind.{finding.kind}")))
        return 0
    except PrivacyGuardError as exc:
        print(msg("privacy.unavailable", reason=exc), file=sys.stderr)
        return 1
    finally:
        guard.close()


def _mark(args: argparse.Namespace) -> int:
    """Mark findings as fine (or no longer): no deduce needed, so no waiting."""
    from interview_assistant.services.audit import AuditWorkspace
    from interview_assistant.services.data_folder import DataFolder
    from interview_assistant.services.privacy import PrivacyMarks

    audit_id = _audit_named(args)
    if audit_id is None:
        print(msg("privacy.needs_audit"), file=sys.stderr)
        return 2
    workspace: AuditWorkspace = DataFolder.resolve(args.data_dir).open_audit(audit_id)
    marks = PrivacyMarks(workspace)
    for text in marks.mark(args.ok, ok=True):
        print(msg("privacy.marked", audit=audit_id, text=text))
    for text in marks.mark(args.not_ok, ok=False):
        print(msg("privacy.unmarked", audit=audit_id, text=text))
    return 0


def _audit(args: argparse.Namespace, audit_id: str) -> int:
    from interview_assistant.services.data_folder import DataFolder
    from interview_assistant.services.privacy import PrivacyMarks, audit_findings, privacy_guard
    from interview_assistant.services.review import AuditReview

    folder = DataFolder.resolve(args.data_dir)
    review = AuditReview(folder.open_audit(audit_id))
    found = audit_findings(review, privacy_guard())
    for item in found:
        placed, finding = item.placed, item.finding
        if args.json:
            _line(
                {
                    "place": placed.place,
                    "ref": placed.ref,
                    "text": finding.text,
                    "kind": finding.kind,
                    "in": placed.text,
                    "ok": item.fine,
                }
            )
            continue
        row = msg(
            "privacy.audit_row",
            place=item.place(),
            text=finding.text,
            kind=msg(f"privacy.kind.{finding.kind}"),
        )
        print(row + (msg("privacy.fine_suffix") if item.fine else ""))
    if not args.json:
        fine = PrivacyMarks(review.workspace).fine()
        if fine:
            listed = ", ".join(f"“{text}”" for text in sorted(fine.values()))
            print(msg("privacy.fine_list", texts=listed), file=sys.stderr)
        count = len(found)
        fine_count = sum(1 for item in found if item.fine)
        if not count:
            print(msg("privacy.audit_none"), file=sys.stderr)
        elif fine_count:
            found_text = plural.count(count, "personal_data")
            print(msg("privacy.audit_open", found=found_text, fine=fine_count), file=sys.stderr)
        else:
            print(
                msg("privacy.audit_count", found=plural.count(count, "personal_data")),
                file=sys.stderr,
            )
    return 0
