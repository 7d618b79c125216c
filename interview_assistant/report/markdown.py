"""The report as Markdown, for any Markdown reader and for the TUI's preview.

Users' text is escaped only where the context needs it, so other renderers show no
stray backslashes: ``*`` and a word-edge ``_`` cannot start emphasis, ``|`` cannot split a
table cell, ``<tag`` and ``&name;`` stay text (written as entities), and a line cannot
turn into a heading, quote, list or code block. Findings keep their paragraphs: Part B
lists each norm as a block (number and text, verdict, finding) instead of a table row,
because no Markdown table cell can hold paragraphs. The layout and wording follow the
example report (seed document 003).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from interview_assistant.domain.assessment import VERDICT_ORDER, omitted_text
from interview_assistant.messages import msg
from interview_assistant.report.model import NormFinding, ReportModel
from interview_assistant.report.wording import (
    advice_sentences,
    finding_paragraphs,
    plan_lines,
    provisional_sentence,
    question_lines,
    section_finding_header,
    signature_lines,
    trend_omitted,
)

__all__ = ["escape_block", "escape_inline", "render_markdown"]

_SIGNS = re.compile(r"[\\`*\[\]]|(?<![\w])_|_(?![\w])|~~|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_CELL_SIGNS = re.compile(r"\|")
_LINE_START = re.compile(r"^([#>+=-]|\d+(?=[.)]))")


def _sign(match: re.Match[str]) -> str:
    sign = match.group(0)
    if sign == "<":
        return "&lt;"
    if sign == "&":
        return "&amp;"
    if sign == "~~":
        return "\\~\\~"
    return "\\" + sign


def _escape_line(line: str) -> str:
    escaped = _SIGNS.sub(_sign, " ".join(line.split()))
    match = _LINE_START.match(escaped)
    if match:
        # "# x" → "\# x"; "1. x" → "1\. x": never a heading, quote or list
        cut = match.end()
        escaped = (
            escaped[:cut] + "\\" + escaped[cut:] if match.group(1).isdigit() else "\\" + escaped
        )
    return escaped


def escape_inline(text: str) -> str:
    """Text for a table cell or a list item: one line, with ``|`` escaped as well."""
    return _CELL_SIGNS.sub(r"\\|", _SIGNS.sub(_sign, " ".join(text.split())))


def escape_block(text: str) -> str:
    """Free text as paragraphs: blank lines separate them, single newlines are kept."""
    paragraphs = []
    for paragraph in finding_paragraphs(text):
        lines = [_escape_line(line) for line in paragraph.split("\n")]
        paragraphs.append("\\\n".join(lines))
    return "\n\n".join(paragraphs)


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _numbers(numbers: tuple[int, ...]) -> str:
    return "; ".join(str(n) for n in numbers) if numbers else "–"


def _norm_block(norm: NormFinding, final: bool) -> list[str]:
    out = [f"#### {norm.number}. {escape_inline(norm.text)}", ""]
    label = msg(f"report.verdict.{norm.verdict.value}") if norm.verdict else ""
    verdict = f"**{escape_inline(norm.verdict_symbol)}**" + (f" ({label})" if label else "")
    out += [f"{msg('report.partb.verdict_short')}: {verdict}", ""]
    if norm.finding:
        out += [escape_block(norm.finding), ""]
    elif not final:
        out += [f"*{msg('report.partb.draft_label')}*", ""]
        out += [
            f"- {escape_inline(note.text)} ({escape_inline(note.source)})" for note in norm.draft
        ]
        if norm.omitted:
            out.append(f"- *{escape_inline(omitted_text(norm.omitted))}*")
        if not norm.draft:
            out.append(msg("report.partb.no_notes"))
        out.append("")
    if not final and norm.proposals:
        proposals = ", ".join(f"{p.auditor} {p.verdict.value}" for p in norm.proposals)
        key = "report.partb.conflict" if norm.conflict else "report.partb.proposed"
        out += [f"**{escape_inline(msg(key, proposals=proposals))}**", ""]
    if not final and norm.below_target:
        flag = msg("report.partb.below_target", sources=norm.sources, target=norm.target)
        out += [f"**{escape_inline(flag)}**", ""]
    return out


def _core(model: ReportModel) -> list[str]:
    out: list[str] = []
    for row in model.core:
        label = escape_inline(row.label)
        if row.is_list:
            out += [f"**{label}:**", ""]
            out += [f"- {escape_inline(line)}" for line in row.lines]
            out.append("")
        else:
            out += [f"**{label}:** {escape_inline(row.value)}", ""]
    return out


def _part_a(model: ReportModel) -> list[str]:
    out: list[str] = [f"## {msg('report.parta.title')}", "", f"### {msg('report.parta.core')}", ""]
    out += _core(model)
    out += [f"### {msg('report.parta.result')}", "", msg("report.parta.result_note"), ""]
    header = [msg("report.parta.result_section")] + [
        msg(f"report.parta.result_col.{v.value}") for v in VERDICT_ORDER
    ]
    rows = [
        [escape_inline(s.name)] + [_numbers(s.numbers[v]) for v in VERDICT_ORDER]
        for s in model.result.sections
    ]
    total = model.norm_count
    rows.append(
        [f"**{msg('report.parta.result_total')}**"]
        + [
            f"**{msg('report.parta.of_total', count=model.result.count(v), total=total)}**"
            for v in VERDICT_ORDER
        ]
    )
    out += _table(header, rows)
    out.append("")
    if model.provisional and not model.final:
        out += [f"**{escape_inline(provisional_sentence(model))}**", ""]

    out += [f"### {msg('report.parta.explanation')}", ""]
    out += [escape_block(model.explanation) or f"*{model.empty}*", ""]

    out += [f"### {msg('report.parta.trend')}", ""]
    strong, concerns = list(model.strong_points), list(model.concerns)
    depth = max(len(strong), len(concerns))
    if depth:
        pad = [""] * depth
        out += _table(
            (msg("report.parta.strong"), msg("report.parta.concerns")),
            (
                (escape_inline(a), escape_inline(b))
                for a, b in zip((strong + pad)[:depth], (concerns + pad)[:depth], strict=True)
            ),
        )
    else:
        out.append(f"*{msg('report.parta.no_trend')}*")
    out.append("")
    for line in trend_omitted(model):
        out += [f"*{escape_inline(line)}*", ""]

    out += [f"### {msg('report.parta.advice')}", ""]
    for sentence in advice_sentences(model):
        out += [escape_block(sentence), ""]
    if model.advice_text:
        out += [escape_block(model.advice_text), ""]
    plan = plan_lines(model)
    if plan:
        key = "report.parta.plans_final" if model.final else "report.parta.plan"
        out += [f"**{msg(key)}**", ""]
        out += [f"- {escape_inline(head)}: {escape_inline(text)}" for head, text in plan]
        out.append("")
    out += [f"**{msg('report.parta.signature')}**", ""]
    for label, value in signature_lines(model):
        out += [f"{escape_inline(label)}: {escape_inline(value)}  " if value else f"{label}:  "]
    out.append("")
    return out


def _part_b(model: ReportModel) -> list[str]:
    out = [f"## {msg('report.partb.title')}", "", f"### {msg('report.partb.explanation')}", ""]
    for key in ("1", "2", "3", "4"):
        out.append(f"- {escape_inline(msg(f'report.partb.rule{key}', edition=model.edition))}")
    out.append("")
    for section in model.sections:
        out += [f"### {msg('report.partb.section', name=escape_inline(section.name))}", ""]
        out += [f"*{section_finding_header(section.id)}*", ""]
        for norm in section.norms:
            out += _norm_block(norm, model.final)
    return out


def render_markdown(model: ReportModel) -> str:
    out: list[str] = []
    if not model.final:
        out += [f"**{msg('report.concept')}**", ""]
    out += [f"# {msg('report.title', organisation=escape_inline(model.organisation))}", ""]
    out += [msg("report.intro"), ""]
    if model.part is not None:
        out += [f"*{msg(f'report.part_{model.part.lower()}_only')}*", ""]
    if not model.final:
        out += [f"*{msg('report.draft_note', audit=model.audit_id, edition=model.edition)}*", ""]
    if model.shows_a:
        out += _part_a(model)
    if model.shows_b:
        out += _part_b(model)
    if not model.final:
        out += [f"## {msg('report.questions.title')}", "", f"*{msg('report.questions.intro')}*", ""]
        out += [f"- {escape_inline(line)}" for line in question_lines(model)]
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
