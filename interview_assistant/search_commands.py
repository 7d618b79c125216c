"""The ``search`` subcommand: find notes in every session of an audit.

``search AUDIT TEXT`` prints the best matches, one line each (session, time, who was
heard by function, tags, text); ``--json`` a list of notes for a script. Options and
the tags typed in TEXT narrow alike: ``--norm V3`` is ``#V3``.
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
        "search",
        parents=[common],
        help=msg("notesearch.help"),
        description=msg("notesearch.description"),
    )
    parser.add_argument("audit", metavar="AUDIT", help=msg("notesearch.audit_help"))
    parser.add_argument(
        "text", metavar="TEKST", nargs="?", default="", help=msg("notesearch.text_help")
    )
    repeat: dict[str, Any] = {"action": "append", "default": []}
    parser.add_argument("--norm", metavar="NORM", help=msg("notesearch.norm_help"), **repeat)
    parser.add_argument("--kind", metavar="SOORT", help=msg("notesearch.kind_help"), **repeat)
    parser.add_argument(
        "--evidence", metavar="BEWIJS", help=msg("notesearch.evidence_help"), **repeat
    )
    parser.add_argument("--role", metavar="ROL", help=msg("notesearch.role_help"), **repeat)
    parser.add_argument("--auditor", metavar="NAAM", help=msg("notesearch.auditor_help"), **repeat)
    parser.add_argument("--session", metavar="SESSIE", help=msg("notesearch.session_help"))
    parser.add_argument("--limit", type=int, default=50, help=msg("notesearch.limit_help"))
    parser.add_argument("--json", action="store_true", help=msg("notesearch.json_help"))
    parser.set_defaults(func=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from interview_assistant.cli import UsageError
    from interview_assistant.domain.safe_text import for_terminal
    from interview_assistant.domain.tags import (
        EVIDENCE_WORDS,
        KIND_WORDS,
        describe_norm_range,
        normalise_norm_id,
    )
    from interview_assistant.services.data_folder import DataFolder
    from interview_assistant.services.note_search import NoteSearch, hit_row

    workspace = DataFolder.resolve(args.data_dir).open_audit(args.audit)
    for problem in workspace.take_problems():
        print(msg("cli.warning", message=problem.message), file=sys.stderr)
    search = NoteSearch(workspace)
    query = search.parse(args.text)
    norm_ids = workspace.catalogue.norm_ids
    norms = list(query.norms)
    for typed in args.norm:
        norm_id = normalise_norm_id(typed.lstrip("#"))
        if norm_id not in norm_ids:
            valid = describe_norm_range(norm_ids)
            raise UsageError(msg("notesearch.bad_norm", norm=typed, valid=valid))
        norms.append(norm_id)
    kinds = list(query.kinds)
    for typed in args.kind:
        kind = KIND_WORDS.get(typed.lstrip("!").lower())
        if kind is None:
            raise UsageError(msg("notesearch.bad_kind", kind=typed, valid=", ".join(KIND_WORDS)))
        kinds.append(kind)
    evidence = list(query.evidence)
    for typed in args.evidence:
        found = EVIDENCE_WORDS.get(typed.lstrip("@").lower())
        if found is None:
            valid = ", ".join(EVIDENCE_WORDS)
            raise UsageError(msg("notesearch.bad_evidence", evidence=typed, valid=valid))
        evidence.append(found)
    query = replace(
        query,
        norms=tuple(norms),
        kinds=tuple(kinds),
        evidence=tuple(evidence),
        roles=(*query.roles, *args.role),
        auditors=(*query.auditors, *args.auditor),
        sessions=(*query.sessions, *([args.session] if args.session else [])),
    )
    if query.unknown:
        print(msg("notesearch.unknown", tags=" ".join(query.unknown)), file=sys.stderr)
    if query.empty and not query.unknown:
        raise UsageError(msg("notesearch.empty"))
    hits = search.search(query, limit=args.limit if args.limit > 0 else None)
    if args.json:
        json.dump([hit.as_json() for hit in hits], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not hits:
        print(msg("notesearch.none"), file=sys.stderr)
    for hit in hits:
        print(for_terminal(hit_row(hit), keep=""))
    return 0
