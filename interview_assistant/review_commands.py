"""Subcommands for the lead auditor's work after the interviews.

``export`` and ``merge`` move session logs between laptops; ``verdict`` and ``verdicts``
record and list assessments; ``trend`` and ``text`` edit what Part A says besides the
figures; ``audit set``/``audit fields`` edit the core data; ``plan`` and ``advice`` record
the plans of action and the CI's advice; ``report`` writes the report, a draft unless
``--final`` (refused, with every reason, until the review is complete). They call the same
services as the TUI (:class:`~interview_assistant.services.review.AuditReview`,
:mod:`interview_assistant.exchange`, :mod:`interview_assistant.report`). Ids and paths go to
stdout, messages to stderr.

``verdict`` without ``--auditor`` sets the lead's final verdict (what the report shows
and what ends a conflict); with ``--auditor NAME`` it records that auditor's proposal,
so a team can collect proposals from the command line and merge them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from interview_assistant.cli import UsageError
from interview_assistant.domain.assessment import (
    FREE_TEXT_KEYS,
    VERDICT_WORDS,
    AdviceDecision,
    TrendKind,
    Verdict,
    parse_verdict,
)
from interview_assistant.domain.audit import (
    CORE_FIELD_CHOICES,
    CoreData,
    core_field_kind,
    dutch_date,
    parse_date,
)
from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.ids import to_iso
from interview_assistant.domain.tags import normalise_norm_id
from interview_assistant.messages import msg, plural
from interview_assistant.services.data_folder import DataFolder
from interview_assistant.services.export_target import (
    ExportTargetError,
    check_target,
    default_bundle_path,
    default_report_base,
    write_failed,
)
from interview_assistant.services.review import Refused


def _folder(args: argparse.Namespace) -> DataFolder:
    return DataFolder.resolve(args.data_dir)


def _warn_problems(folder: DataFolder) -> None:
    for problem in folder.take_problems():
        print(msg("cli.warning", message=problem.message), file=sys.stderr)


def _review(args: argparse.Namespace):
    folder = _folder(args)
    review = folder.open_review(args.audit)
    _warn_problems(folder)
    return review


def _text_argument(value: str) -> str:
    """``-`` reads the text from stdin (for long findings and texts)."""
    return sys.stdin.read() if value == "-" else value


# -- export and merge --------------------------------------------------------------------------


def _output_path(path: Path, overwrite: bool) -> Path:
    """Refuse, in Dutch, a file that exists (unless ``--overwrite``) or a folder that is not."""
    try:
        exists = check_target(path)
    except ExportTargetError as exc:
        raise UsageError(str(exc)) from exc
    if exists and not overwrite:
        raise UsageError(msg("export.cli_exists", path=path))
    return path


def cmd_export(args: argparse.Namespace) -> int:
    folder = _folder(args)
    if args.output is None:
        organisation = folder.open_audit(args.audit).audit.organisation
        output = default_bundle_path(organisation)
    else:
        output = Path(args.output).expanduser()
    _output_path(output, args.overwrite)
    summary = folder.export(args.audit, output, args.session)
    _warn_problems(folder)
    print(
        msg(
            "report.export.done",
            path=summary.path,
            audit=summary.audit_id,
            org=summary.organisation,
            sessions=plural.count(len(summary.sessions), "session"),
            notes=plural.count(sum(s.notes for s in summary.sessions), "note"),
        ),
        file=sys.stderr,
    )
    print(summary.path)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    report = _folder(args).merge([Path(p) for p in args.paths], args.audit)
    if args.json:
        json.dump(report.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for line in report.lines():
        print(line, file=sys.stderr)
    print(report.audit_id)
    return 0


# -- verdicts ----------------------------------------------------------------------------------


def _norm_argument(review, word: str) -> str:
    norm_id = normalise_norm_id(word.lstrip("#"))
    if not review.catalogue.has_norm(norm_id):
        raise UsageError(
            msg("report.review.unknown_norm", norm=word, edition=review.catalogue.edition)
        )
    return norm_id


def _verdict_argument(word: str) -> Verdict:
    verdict = parse_verdict(word)
    if verdict is None:
        valid = ", ".join(v.value for v in Verdict)
        raise UsageError(msg("report.cli.bad_verdict", verdict=word, valid=valid))
    return verdict


def cmd_verdict(args: argparse.Namespace) -> int:
    review = _review(args)
    norm_id = _norm_argument(review, args.norm)
    verdict = _verdict_argument(args.verdict)
    finding = _text_argument(args.finding) if args.finding is not None else None
    if args.auditor:
        assessment = review.propose(norm_id, args.auditor, verdict, finding or "")
        print(
            msg(
                "report.cli.proposed",
                norm=norm_id,
                auditor=args.auditor.strip(),
                verdict=verdict.value,
                label=msg(f"report.verdict.{verdict.value}"),
            ),
            file=sys.stderr,
        )
        if assessment.conflict:
            proposals = ", ".join(
                f"{p.auditor} {p.verdict.value}" for p in assessment.current_proposals
            )
            print(msg("report.cli.conflict", norm=norm_id, proposals=proposals), file=sys.stderr)
    else:
        review.decide(norm_id, verdict, finding)
        print(
            msg(
                "report.cli.decided",
                norm=norm_id,
                verdict=verdict.value,
                label=msg(f"report.verdict.{verdict.value}"),
            ),
            file=sys.stderr,
        )
    for warning in review.evidence_warnings(norm_id, verdict):  # said, never refused
        print(msg("cli.warning", message=warning.text()), file=sys.stderr)
    print(norm_id)
    return 0


def verdicts_json(review) -> dict[str, Any]:
    advice = review.label_advice()
    table = review.result_table()
    return {
        "audit": review.audit.id,
        "norms": {
            norm_id: {
                "verdict": a.verdict.value if a.verdict else None,
                "effective": a.effective_verdict.value if a.effective_verdict else None,
                "state": a.state.value,
                "finding": a.finding,
                "conflict": a.conflict,
                "proposals": [
                    {
                        "auditor": p.auditor,
                        "verdict": p.verdict.value,
                        "finding": p.finding,
                        "at": to_iso(p.at),
                    }
                    for p in a.current_proposals
                ],
            }
            for norm_id in review.catalogue.norm_ids
            for a in [review.assessment(norm_id)]
        },
        "totals": {**{v.value: table.count(v) for v in Verdict}, "open": len(table.open)},
        "label": {
            "status": advice.status.value,
            "positive_possible": advice.positive_possible,
            "plan_of_action": list(advice.plan_of_action),
        },
    }


def cmd_verdicts(args: argparse.Namespace) -> int:
    review = _review(args)
    if args.json:
        json.dump(verdicts_json(review), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for norm_id in review.catalogue.norm_ids:
        assessment = review.assessment(norm_id)
        shown = assessment.effective_verdict
        mark = shown.value if shown else "·"
        extra = ""
        if assessment.conflict:
            proposals = ", ".join(
                f"{p.auditor} {p.verdict.value}" for p in assessment.current_proposals
            )
            extra = "  " + msg("report.partb.conflict", proposals=proposals)
        elif assessment.verdict is None and shown is not None:
            extra = "  " + msg("report.cli.agreed")
        finding = " ".join(assessment.effective_finding.split())
        if len(finding) > 60:
            finding = finding[:59] + "…"
        print(f"{norm_id:<4} {mark:<4} {finding}{extra}")
    decided = review.decided_count()
    total = len(review.catalogue.norm_ids)
    decided_text = plural.count_of(decided, total, "norm", "has")
    print(msg("report.cli.decided_count", decided=decided_text), file=sys.stderr)
    return 0


# -- trend points and texts --------------------------------------------------------------------

_TREND_KINDS = {
    "sterk": TrendKind.STRONG,
    "zorg": TrendKind.CONCERN,
    "zorgpunt": TrendKind.CONCERN,
    "compliment": TrendKind.STRONG,
}


def cmd_trend_list(args: argparse.Namespace) -> int:
    review = _review(args)
    points = review.trend_points(include_hidden=args.all)
    if args.json:
        data = [
            {
                "id": p.id,
                "kind": p.kind.value,
                "text": p.text,
                "note": p.note_id,
                "hidden": p.hidden,
                "edited": p.edited,
            }
            for p in points
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for point in points:
        flags = f" {msg('report.cli.hidden')}" if point.hidden else ""
        source = f"  ({point.function})" if point.function else ""
        print(f"{point.id}  {point.kind.value:<5}{flags} {point.text}{source}")
    return 0


def cmd_trend_add(args: argparse.Namespace) -> int:
    review = _review(args)
    kind = _TREND_KINDS.get(args.kind.lower())
    if kind is None:
        raise UsageError(msg("report.cli.bad_trend_kind", kind=args.kind))
    print(review.add_trend_point(kind, _text_argument(args.text)).id)
    return 0


def cmd_trend_edit(args: argparse.Namespace) -> int:
    review = _review(args)
    print(review.edit_trend_point(args.point, text=_text_argument(args.text)).id)
    return 0


def cmd_trend_hide(args: argparse.Namespace) -> int:
    review = _review(args)
    print(review.edit_trend_point(args.point, hidden=args.hidden).id)
    return 0


_TEXT_KEYS = {key.value: key for key in FREE_TEXT_KEYS}


def cmd_text(args: argparse.Namespace) -> int:
    review = _review(args)
    key = _TEXT_KEYS[args.key]
    if args.text is None:
        print(review.text(key))
        return 0
    review.set_text(key, _text_argument(args.text).strip())
    print(msg("report.cli.text_saved", key=key.value), file=sys.stderr)
    return 0


# -- core data ---------------------------------------------------------------------------------

FIELD_NAMES: tuple[str, ...] = ("organisation", *CoreData.field_names())


def cmd_audit_fields(args: argparse.Namespace) -> int:
    """Every field ``audit set`` takes: name, kind, choices, label; with AUDIT its value."""
    review = _review(args) if args.audit else None
    for name in FIELD_NAMES:
        kind = core_field_kind(name) if name != "organisation" else core_field_kind("address")
        choices = CORE_FIELD_CHOICES.get(name)
        extra = f" [{' | '.join(choices)}]" if choices else ""
        kind_text = msg(f"report.field.kind.{kind.value}") + extra
        print(f"{name:<26} {kind_text}  {msg(f'report.field.{name}')}")
        if review is not None:
            audit = review.audit
            value = audit.organisation if name == "organisation" else getattr(audit.core, name)
            for line in value.split("\n") if value else ():
                print(f"{'':<26}   {line}")
    return 0


def cmd_audit_set(args: argparse.Namespace) -> int:
    if args.field not in FIELD_NAMES:
        raise UsageError(
            msg("report.field.unknown", field=args.field, fields=", ".join(FIELD_NAMES))
        )
    review = _review(args)
    try:
        review.set_core_field(args.field, _text_argument(args.value))
    except DomainError as exc:
        raise UsageError(str(exc)) from exc
    print(msg("report.cli.field_saved", label=msg(f"report.field.{args.field}")), file=sys.stderr)
    return 0


def register_audit_fields(audit, common: argparse.ArgumentParser) -> None:
    """``audit set`` and ``audit fields``, under cli.py's ``audit`` group."""
    p = audit.add_parser("set", parents=[common], help="zet een kerngegeven van deel A")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("field", metavar="VELD", help="zie 'audit fields'")
    p.add_argument("value", metavar="WAARDE", help="'-' leest van stdin (meerdere regels)")
    p.set_defaults(func=cmd_audit_set)
    p = audit.add_parser("fields", parents=[common], help="de kerngegevens die 'audit set' kent")
    p.add_argument("audit", metavar="AUDIT", nargs="?", help="toon ook de waarden van deze audit")
    p.set_defaults(func=cmd_audit_fields)


# -- plans of action and the advice -------------------------------------------------------------


def _date_option(value: str | None, option: str):
    if value is None:
        return None
    try:
        return parse_date(value)
    except DomainError as exc:
        raise UsageError(
            msg("report.cli.bad_date", value=value, option=option, reason=exc)
        ) from exc


def cmd_plan(args: argparse.Namespace) -> int:
    review = _review(args)
    norm_id = _norm_argument(review, args.norm)
    received = _date_option(args.received, "--received")
    approved = _date_option(args.approved, "--approved")
    try:
        assessment = review.record_plan(norm_id, received, approved)
    except DomainError as exc:
        raise UsageError(str(exc)) from exc
    from interview_assistant.report.model import PlanStatus
    from interview_assistant.report.wording import plan_status

    plan = assessment.plan
    assert plan is not None and assessment.verdict is not None
    status = plan_status(PlanStatus(norm_id, assessment.verdict, plan.received, plan.approved))
    print(msg("report.cli.plan_saved", norm=norm_id, status=status), file=sys.stderr)
    print(norm_id)
    return 0


def cmd_advice(args: argparse.Namespace) -> int:
    review = _review(args)
    if args.decision is None:
        advice = review.advice()
        if advice is None:
            print(msg("report.refuse.no_advice"), file=sys.stderr)
            return 1
        when = dutch_date(advice.date) if advice.date else "-"
        print(f"{advice.decision.value}\t{when}\t{advice.by}\t{advice.place}")
        return 0
    try:
        decision = AdviceDecision(args.decision.strip().lower())
    except ValueError as exc:
        valid = ", ".join(d.value for d in AdviceDecision)
        raise UsageError(
            msg("report.field.bad_choice", value=args.decision, choices=valid)
        ) from exc
    when = _date_option(args.date, "--date")
    try:
        review.record_advice(decision, when, args.by or "", args.place or "")
    except Refused as exc:
        raise UsageError(str(exc)) from exc
    print(msg("report.cli.advice_saved", decision=decision.value), file=sys.stderr)
    return 0


# -- the report --------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    from interview_assistant.report.render import FORMATS, SUFFIXES, render, write_report

    fmt = args.format
    if fmt is None and args.output is None:
        fmt = "md"
    elif fmt is None and args.output != "-":
        fmt = SUFFIXES.get(Path(args.output).suffix.lower())
    if fmt not in FORMATS:
        raise UsageError(msg("report.cli.bad_format", valid=", ".join(FORMATS)))
    if args.template is not None and fmt != "docx":
        raise UsageError(msg("report.template.needs_docx"))
    review = _review(args)
    output: str = args.output
    if output is None:
        suffix = next(s for s, f in SUFFIXES.items() if f == fmt)
        output = str(default_report_base(review.audit.organisation).with_suffix(suffix))
    if output != "-":
        _output_path(Path(output).expanduser(), args.overwrite)
    if args.final and sys.stderr.isatty():
        print(msg("privacy.loading"), file=sys.stderr)  # the final report checks for names
    try:
        model = review.report_model(final=args.final, part=args.part, check_privacy=True)
    except Refused as exc:
        raise UsageError(str(exc)) from exc
    if args.template is not None:
        return _report_in_house_style(model, Path(args.template), output)
    if output == "-":
        if fmt == "docx":
            raise UsageError(msg("report.cli.docx_stdout"))
        sys.stdout.write(render(model, fmt).decode("utf-8"))
        return 0
    target = Path(output).expanduser()
    try:
        path = write_report(model, fmt, target)
    except OSError as exc:
        raise UsageError(write_failed(target, exc)) from exc
    print(path)
    return 0


def _report_in_house_style(model, template: Path, output: str) -> int:
    from interview_assistant.report.house_style import read_template, render_with_template
    from interview_assistant.report.render import write_bytes

    if output == "-":
        raise UsageError(msg("report.cli.docx_stdout"))
    try:
        data = render_with_template(model, read_template(template), str(template))
        path = write_bytes(data, Path(output).expanduser())
    except DomainError as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:
        raise UsageError(write_failed(Path(output), exc)) from exc
    print(path)
    return 0


# -- registration ------------------------------------------------------------------------------


def register(root: argparse.ArgumentParser, subparsers, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "export", parents=[common], help="bundel (zip) van de sessielogs voor de teamleider"
    )
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("-o", "--output", metavar="BESTAND.zip", help=msg("export.bundle_output_help"))
    p.add_argument("--overwrite", "--force", action="store_true", help=msg("export.overwrite_help"))
    p.add_argument(
        "--session", action="extend", nargs="+", metavar="SESSIE", help="alleen deze sessie(s)"
    )
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser(
        "merge",
        parents=[common],
        help="voeg bundels, sessiebestanden of mappen samen (alles of niets)",
    )
    p.add_argument("paths", nargs="+", metavar="PAD")
    p.add_argument("--audit", help="de audit waar alles bij moet horen")
    p.add_argument("--json", action="store_true", help="overzicht als JSON op stdout")
    p.set_defaults(func=cmd_merge)

    words = ", ".join(dict.fromkeys(VERDICT_WORDS))
    p = subparsers.add_parser(
        "verdict",
        parents=[common],
        help="leg het oordeel over een norm vast (met --auditor: een voorstel)",
    )
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("norm", metavar="NORM", help="bijv. V5, d11, O23")
    p.add_argument("verdict", metavar="OORDEEL", help=f"een van: {words}")
    p.add_argument("--finding", metavar="TEKST", help="de bevinding; '-' leest van stdin")
    p.add_argument(
        "--auditor",
        metavar="NAAM",
        help="leg het voorstel van deze auditor vast in plaats van het eindoordeel",
    )
    p.set_defaults(func=cmd_verdict)

    p = subparsers.add_parser("verdicts", parents=[common], help="oordelen per norm, conflicten")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verdicts)

    trend = subparsers.add_parser(
        "trend", help="sterke punten en zorgpunten voor de trendanalyse"
    ).add_subparsers(dest="trend_command", metavar="ACTIE", required=True)
    p = trend.add_parser("list", parents=[common], help="toon de punten met hun id")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("--all", action="store_true", help="ook verborgen punten")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_trend_list)
    p = trend.add_parser("add", parents=[common], help="voeg een eigen punt toe; print het id")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("kind", metavar="SOORT", help="sterk of zorg")
    p.add_argument("text", metavar="TEKST")
    p.set_defaults(func=cmd_trend_add)
    p = trend.add_parser("edit", parents=[common], help="herformuleer een punt")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("point", metavar="ID")
    p.add_argument("text", metavar="TEKST")
    p.set_defaults(func=cmd_trend_edit)
    p = trend.add_parser("hide", parents=[common], help="laat een punt weg uit het rapport")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("point", metavar="ID")
    p.set_defaults(func=cmd_trend_hide, hidden=True)
    p = trend.add_parser("show", parents=[common], help="neem een verborgen punt weer op")
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("point", metavar="ID")
    p.set_defaults(func=cmd_trend_hide, hidden=False)

    p = subparsers.add_parser(
        "text", parents=[common], help="toelichting of advies van het rapport tonen of zetten"
    )
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("key", choices=list(_TEXT_KEYS), metavar="toelichting|advies")
    p.add_argument("text", nargs="?", metavar="TEKST", help="nieuwe tekst; '-' leest van stdin")
    p.set_defaults(func=cmd_text)

    p = subparsers.add_parser(
        "plan", parents=[common], help="plan van aanpak van een norm: ontvangen en goedgekeurd"
    )
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("norm", metavar="NORM", help="een norm met oordeel - of +/-")
    p.add_argument("--received", metavar="DATUM", help="ontvangen op, bijv. 10-3-2026")
    p.add_argument("--approved", metavar="DATUM", help="goedgekeurd op")
    p.set_defaults(func=cmd_plan)

    p = subparsers.add_parser(
        "advice", parents=[common], help="leg het advies van de CI vast (of toon het)"
    )
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("decision", nargs="?", metavar="positief|negatief")
    p.add_argument("--date", metavar="DATUM", help="datum van ondertekening")
    p.add_argument("--by", metavar="NAAM", help="verantwoordelijke teamleider")
    p.add_argument("--place", metavar="PLAATS", help="plaats van ondertekening")
    p.set_defaults(func=cmd_advice)

    p = subparsers.add_parser(
        "report", parents=[common], help="schrijf het rapport (concept, of met --final definitief)"
    )
    p.add_argument("audit", metavar="AUDIT")
    p.add_argument("--format", choices=["md", "html", "docx", "json"])
    p.add_argument("-o", "--output", metavar="BESTAND", help=msg("export.report_output_help"))
    p.add_argument("--overwrite", "--force", action="store_true", help=msg("export.overwrite_help"))
    p.add_argument("--part", choices=["A", "B"], type=str.upper, help="alleen deel A of B")
    p.add_argument(
        "--final",
        action="store_true",
        help="definitief rapport; geweigerd zolang een norm open is of het advies ontbreekt",
    )
    p.add_argument(
        "--template",
        metavar="SJABLOON.docx",
        help="Word-sjabloon in de huisstijl van de certificerende instelling (docxtpl)",
    )
    p.set_defaults(func=cmd_report)
