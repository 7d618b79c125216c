"""The report as one standalone, printable HTML page, built from the report model.

Built from the model rather than the Markdown so Part B keeps the example report's
three-column table with each finding's paragraphs inside its cell. Every piece of text
goes through :func:`html.escape`; nothing a note says can become markup. The styles are
embedded so the file can be mailed or printed as it is.
"""

from __future__ import annotations

import html

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

STYLE = """
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Calibri", "Carlito", "Liberation Sans", Arial, sans-serif;
       font-size: 10.5pt; line-height: 1.4; color: #111; margin: 0; }
main { max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 8pt; }
h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1.5pt solid #333; }
h3 { font-size: 12pt; margin: 14pt 0 4pt; }
p { margin: 0 0 5pt; }
td p:last-child { margin-bottom: 0; }
td ul { margin: 0; padding-left: 14pt; }
.concept { color: #a00; font-weight: bold; letter-spacing: 2pt; }
.working { color: #555; font-style: italic; }
.flag { color: #a00; font-weight: bold; }
/* Fixed layout: columns get their widths, so a 200-letter word in a note breaks
   inside its cell instead of widening the table off the page. */
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; table-layout: fixed; }
th, td { border: 0.75pt solid #777; padding: 3pt 5pt; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.core th { width: 36%; background: none; font-weight: normal; }
table.result th:first-child { width: 17%; }
table.result tr:last-child td { font-weight: bold; }
table.findings col.norm { width: 33%; }
table.findings col.verdict { width: 9%; }
table.findings td.verdict { font-weight: bold; text-align: center; }
.signature td { border: none; padding-left: 0; }
@media print { .part-b { break-before: page; } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _paragraphs(text: str) -> str:
    return "".join(
        "<p>" + "<br>".join(_e(line) for line in p.split("\n")) + "</p>"
        for p in finding_paragraphs(text)
    )


def _finding(norm: NormFinding, final: bool) -> str:
    parts: list[str] = []
    if norm.finding:
        parts.append(_paragraphs(norm.finding))
    elif not final:
        parts.append(f'<p class="working">{_e(msg("report.partb.draft_label"))}</p>')
        if norm.draft:
            items = "".join(
                f'<li>{_e(n.text)} <span class="working">({_e(n.source)})</span></li>'
                for n in norm.draft
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{_e(msg('report.partb.no_notes'))}</p>")
        if norm.omitted:
            omitted = omitted_text(norm.omitted)
            parts.append(f'<p class="working">{_e(omitted)}</p>')
    if not final and norm.proposals:
        proposals = ", ".join(f"{p.auditor} {p.verdict.value}" for p in norm.proposals)
        key = "report.partb.conflict" if norm.conflict else "report.partb.proposed"
        parts.append(f'<p class="flag">{_e(msg(key, proposals=proposals))}</p>')
    if not final and norm.below_target:
        flag = msg("report.partb.below_target", sources=norm.sources, target=norm.target)
        parts.append(f'<p class="flag">{_e(flag)}</p>')
    return "".join(parts)


def _part_a(model: ReportModel) -> list[str]:
    out = [f"<h2>{_e(msg('report.parta.title'))}</h2>", f"<h3>{_e(msg('report.parta.core'))}</h3>"]
    out.append('<table class="core"><tbody>')
    for row in model.core:
        if row.is_list:
            value = "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in row.lines) + "</ul>"
        else:
            value = _e(row.value)
        out.append(f'<tr><th scope="row">{_e(row.label)}</th><td>{value}</td></tr>')
    out.append("</tbody></table>")

    out.append(f"<h3>{_e(msg('report.parta.result'))}</h3>")
    out.append(f"<p>{_e(msg('report.parta.result_note'))}</p>")
    header = [msg("report.parta.result_section")] + [
        msg(f"report.parta.result_col.{v.value}") for v in VERDICT_ORDER
    ]
    out.append('<table class="result"><thead><tr>')
    out += [f"<th>{_e(h)}</th>" for h in header]
    out.append("</tr></thead><tbody>")
    for s in model.result.sections:
        cells = [s.name] + ["; ".join(str(n) for n in s.numbers[v]) or "–" for v in VERDICT_ORDER]
        out.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
    total = [msg("report.parta.result_total")] + [
        msg("report.parta.of_total", count=model.result.count(v), total=model.norm_count)
        for v in VERDICT_ORDER
    ]
    out.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in total) + "</tr>")
    out.append("</tbody></table>")
    if model.provisional and not model.final:
        out.append(f'<p class="flag">{_e(provisional_sentence(model))}</p>')

    out.append(f"<h3>{_e(msg('report.parta.explanation'))}</h3>")
    out.append(_paragraphs(model.explanation) or f'<p class="working">{_e(model.empty)}</p>')

    out.append(f"<h3>{_e(msg('report.parta.trend'))}</h3>")
    strong, concerns = list(model.strong_points), list(model.concerns)
    depth = max(len(strong), len(concerns))
    if depth:
        pad = [""] * depth
        out.append(
            f"<table><thead><tr><th>{_e(msg('report.parta.strong'))}</th>"
            f"<th>{_e(msg('report.parta.concerns'))}</th></tr></thead><tbody>"
        )
        for a, b in zip((strong + pad)[:depth], (concerns + pad)[:depth], strict=True):
            out.append(f"<tr><td>{_e(a)}</td><td>{_e(b)}</td></tr>")
        out.append("</tbody></table>")
    else:
        out.append(f'<p class="working">{_e(msg("report.parta.no_trend"))}</p>')
    out += [f'<p class="working">{_e(line)}</p>' for line in trend_omitted(model)]

    out.append(f"<h3>{_e(msg('report.parta.advice'))}</h3>")
    out += [f"<p>{_e(sentence)}</p>" for sentence in advice_sentences(model)]
    if model.advice_text:
        out.append(_paragraphs(model.advice_text))
    plan = plan_lines(model)
    if plan:
        key = "report.parta.plans_final" if model.final else "report.parta.plan"
        out.append(f"<p><strong>{_e(msg(key))}</strong></p><ul>")
        out += [f"<li>{_e(head)}: {_e(text)}</li>" for head, text in plan]
        out.append("</ul>")
    out.append(f"<p><strong>{_e(msg('report.parta.signature'))}</strong></p>")
    out.append('<table class="signature"><tbody>')
    out += [
        f"<tr><td>{_e(label)}:</td><td>{_e(value)}</td></tr>"
        for label, value in signature_lines(model)
    ]
    out.append("</tbody></table>")
    return out


def _part_b(model: ReportModel) -> list[str]:
    out = [
        '<section class="part-b">',
        f"<h2>{_e(msg('report.partb.title'))}</h2>",
        f"<h3>{_e(msg('report.partb.explanation'))}</h3>",
        "<ul>",
    ]
    out += [
        f"<li>{_e(msg(f'report.partb.rule{key}', edition=model.edition))}</li>"
        for key in ("1", "2", "3", "4")
    ]
    out.append("</ul>")
    for section in model.sections:
        heading = msg("report.partb.section", name=section.name)
        out.append(f"<h3>{_e(heading)}</h3>")
        out.append(
            '<table class="findings"><colgroup><col class="norm"><col class="finding">'
            '<col class="verdict"></colgroup><thead><tr>'
            f"<th>{_e(heading)}</th><th>{_e(section_finding_header(section.id))}</th>"
            f"<th>{_e(msg('report.partb.verdict'))}</th></tr></thead><tbody>"
        )
        for norm in section.norms:
            out.append(
                f"<tr><td><strong>{norm.number}.</strong> {_e(norm.text)}</td>"
                f"<td>{_finding(norm, model.final)}</td>"
                f'<td class="verdict">{_e(norm.verdict_symbol)}</td></tr>'
            )
        out.append("</tbody></table>")
    out.append("</section>")
    return out


def render_html(model: ReportModel) -> str:
    title = msg("report.title", organisation=model.organisation)
    body: list[str] = []
    if not model.final:
        body.append(f'<p class="concept">{_e(msg("report.concept"))}</p>')
    body.append(f"<h1>{_e(title)}</h1>")
    body.append(f"<p>{_e(msg('report.intro'))}</p>")
    if model.part is not None:
        body.append(f'<p class="working">{_e(msg(f"report.part_{model.part.lower()}_only"))}</p>')
    if not model.final:
        note = msg("report.draft_note", audit=model.audit_id, edition=model.edition)
        body.append(f'<p class="working">{_e(note)}</p>')
    if model.shows_a:
        body += _part_a(model)
    if model.shows_b:
        body += _part_b(model)
    if not model.final:
        body.append('<section class="working">')
        body.append(f"<h2>{_e(msg('report.questions.title'))}</h2>")
        body.append(f"<p><em>{_e(msg('report.questions.intro'))}</em></p>")
        body.append("<ul>" + "".join(f"<li>{_e(q)}</li>" for q in question_lines(model)) + "</ul>")
        body.append("</section>")
    head_title = f"{msg('report.concept')}: {title}" if not model.final else title
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(head_title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )
