"""The draft report as Markdown: the source the HTML is rendered from.

Users' text is escaped so it stays text in every Markdown reader: ``*`` cannot start
emphasis, ``|`` cannot split a table cell, ``<script>`` cannot become HTML, a newline
cannot end a table row, and a line cannot turn into a heading, list or code block.
The layout and wording follow the example report (seed document 003).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from interview_assistant.domain.assessment import MAX_IMPROVEMENT, MAX_NOT_MET, VERDICT_ORDER
from interview_assistant.messages import msg
from interview_assistant.report.model import NormFinding, ReportModel

_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
_LINE_START = re.compile(r"^([#>+=-]|\d+(?=[.)]))")


def escape_inline(text: str) -> str:
    """Text for a table cell or a list item: one line, every Markdown sign neutralised."""
    return _INLINE.sub(r"\\\1", " ".join(text.split()))


def escape_block(text: str) -> str:
    """Free text as paragraphs: blank lines separate them, single newlines are kept."""
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = []
        for line in paragraph.split("\n"):
            escaped = _INLINE.sub(r"\\\1", " ".join(line.split()))
            if not escaped:
                continue
            match = _LINE_START.match(escaped)
            if match:
                # "# x" → "\# x"; "1. x" → "1\. x": never a heading, quote or list
                cut = match.end()
                escaped = (
                    escaped[:cut] + "\\" + escaped[cut:]
                    if match.group(1).isdigit()
                    else "\\" + escaped
                )
            lines.append(escaped)
        if lines:
            paragraphs.append("\\\n".join(lines))
    return "\n\n".join(paragraphs)


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _numbers(numbers: tuple[int, ...]) -> str:
    return "; ".join(str(n) for n in numbers) if numbers else "–"


def _finding_cell(norm: NormFinding) -> str:
    parts: list[str] = []
    if norm.finding:
        parts.append(escape_inline(norm.finding))
    else:
        parts.append(f"*{msg('report.partb.draft_label')}*")
        parts.extend(
            f"• {escape_inline(note.text)} ({escape_inline(note.source)})" for note in norm.draft
        )
        if norm.omitted:
            parts.append(f"*{escape_inline(msg('report.draft.omitted', count=norm.omitted))}*")
        if not norm.draft:
            parts.append(msg("report.partb.no_notes"))
    if norm.conflict:
        proposals = ", ".join(f"{p.auditor} {p.verdict.value}" for p in norm.conflict)
        parts.append(f"**{escape_inline(msg('report.partb.conflict', proposals=proposals))}**")
    if norm.below_target:
        flag = msg("report.partb.below_target", sources=norm.sources, target=norm.target)
        parts.append(f"**{escape_inline(flag)}**")
    return " ".join(parts)


def advice_sentences(model: ReportModel) -> list[str]:
    """The label rule applied, in Dutch; plain text (each renderer escapes it)."""
    advice = model.advice
    counts = {
        "not_met": len(advice.not_met),
        "improvement": len(advice.improvement),
        "max_not_met": MAX_NOT_MET,
        "max_improvement": MAX_IMPROVEMENT,
    }
    if not advice.positive_possible:
        sentences = [msg("report.advice.negative", **counts)]
    elif advice.plan_of_action:
        sentences = [msg("report.advice.positive_with_plan", count=len(advice.plan_of_action))]
    else:
        sentences = [msg("report.advice.positive")]
    if advice.unassessed:
        sentences.append(
            msg("report.advice.unassessed", count=len(advice.unassessed), total=model.norm_count)
        )
    if model.conflicts:
        sentences.append(msg("report.advice.conflicts", norms=", ".join(model.conflicts)))
    return sentences


def trend_omitted(model: ReportModel) -> list[str]:
    """'… and N more' for a trend column longer than the report lists."""
    lines = []
    for key, count in (
        ("report.parta.strong_omitted", model.strong_omitted),
        ("report.parta.concerns_omitted", model.concerns_omitted),
    ):
        if count:
            lines.append(msg(key, count=count))
    return lines


def plan_lines(model: ReportModel) -> list[tuple[str, str]]:
    """(norm id and verdict, short norm text) for every norm needing a plan of action."""
    lines = []
    for norm_id in model.advice.plan_of_action:
        norm = model.norm(norm_id)
        label = msg(f"report.verdict.{norm.verdict_symbol}")
        lines.append((f"{norm_id} ({norm.verdict_symbol} {label})", norm.text))
    return lines


def render_markdown(model: ReportModel) -> str:
    out: list[str] = []
    add = out.append
    org = escape_inline(model.organisation)
    add(f"# {msg('report.title', organisation=org)}")
    add("")
    add(msg("report.intro"))
    add("")
    add(f"*{msg('report.draft_note', audit=model.audit_id, edition=model.edition)}*")
    add("")

    add(f"## {msg('report.parta.title')}")
    add("")
    add(f"### {msg('report.parta.core')}")
    add("")
    out.extend(
        _table(
            (msg("report.parta.core_item"), msg("report.parta.core_value")),
            ((escape_inline(r.label), escape_inline(r.value)) for r in model.core),
        )
    )
    add("")

    add(f"### {msg('report.parta.result')}")
    add("")
    add(msg("report.parta.result_note"))
    add("")
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
    out.extend(_table(header, rows))
    add("")

    add(f"### {msg('report.parta.explanation')}")
    add("")
    add(escape_block(model.explanation) or f"*{msg('report.core.empty')}*")
    add("")

    add(f"### {msg('report.parta.trend')}")
    add("")
    strong, concerns = list(model.strong_points), list(model.concerns)
    depth = max(len(strong), len(concerns))
    if depth:
        pad = [""] * depth
        out.extend(
            _table(
                (msg("report.parta.strong"), msg("report.parta.concerns")),
                (
                    (escape_inline(a), escape_inline(b))
                    for a, b in zip((strong + pad)[:depth], (concerns + pad)[:depth], strict=True)
                ),
            )
        )
    else:
        add(f"*{msg('report.parta.no_trend')}*")
    add("")
    for line in trend_omitted(model):
        add(f"*{escape_inline(line)}*")
        add("")

    add(f"### {msg('report.parta.advice')}")
    add("")
    for sentence in advice_sentences(model):
        add(escape_block(sentence))
        add("")
    if model.advice_text:
        add(escape_block(model.advice_text))
        add("")
    plan = plan_lines(model)
    if plan:
        add(f"**{msg('report.parta.plan')}**")
        add("")
        out.extend(f"- {escape_inline(head)}: {escape_inline(text)}" for head, text in plan)
        add("")
    signature = model.lead_auditor or msg("report.core.empty")
    add(f"{msg('report.parta.signature')}: {escape_inline(signature)}")
    add("")

    add(f"## {msg('report.partb.title')}")
    add("")
    add(f"### {msg('report.partb.explanation')}")
    add("")
    for key in ("1", "2", "3", "4"):
        add(f"- {msg(f'report.partb.rule{key}', edition=escape_inline(model.edition))}")
    add("")
    for section in model.sections:
        add(f"### {msg('report.partb.section', name=escape_inline(section.name))}")
        add("")
        out.extend(
            _table(
                (
                    msg("report.partb.section", name=escape_inline(section.name)),
                    msg("report.partb.finding"),
                    msg("report.partb.verdict"),
                ),
                (
                    (
                        f"**{norm.number}.** {escape_inline(norm.text)}",
                        _finding_cell(norm),
                        escape_inline(norm.verdict_symbol),
                    )
                    for norm in section.norms
                ),
            )
        )
        add("")
    return "\n".join(out)
