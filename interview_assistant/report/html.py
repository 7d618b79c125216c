"""The draft report as one standalone, printable HTML page, rendered from the Markdown.

markdown-it-py renders with raw HTML switched off, so whatever a note says it ends up
as text: the Markdown escaping keeps it out of tables and emphasis, and the renderer
escapes anything left. The styles are embedded so the file can be mailed or printed
as it is.
"""

from __future__ import annotations

import html

from markdown_it import MarkdownIt

from interview_assistant.messages import msg
from interview_assistant.report.markdown import render_markdown
from interview_assistant.report.model import ReportModel

STYLE = """
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Calibri", "Carlito", "Liberation Sans", Arial, sans-serif;
       font-size: 10.5pt; line-height: 1.4; color: #111; margin: 0; }
main { max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 8pt; }
h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1.5pt solid #333; }
h3 { font-size: 12pt; margin: 14pt 0 4pt; }
/* Fixed layout: columns get the widths below, so a 200-letter word in a note breaks
   inside its cell instead of widening the table off the page. */
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; table-layout: fixed; }
th, td { border: 0.75pt solid #777; padding: 3pt 5pt; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
em { color: #444; }
/* Kerngegevens: item and value */
table:first-of-type th:first-child { width: 36%; }
/* Overall resultaat: section name and five verdict columns */
table:has(th:nth-child(6)) th:first-child { width: 17%; }
/* Part B: norm, finding, verdict */
table:has(th:nth-child(3):last-child) th:nth-child(1) { width: 33%; }
table:has(th:nth-child(3):last-child) th:nth-child(3) { width: 9%; }
table:has(th:nth-child(3):last-child) td:nth-child(3) { font-weight: bold; text-align: center; }
@media print { h2 { break-before: page; } h2:first-of-type { break-before: auto; } }
"""

_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown_to_html(source: str, title: str) -> str:
    body = _MARKDOWN.render(source)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def render_html(model: ReportModel) -> str:
    title = msg("report.title", organisation=model.organisation)
    return markdown_to_html(render_markdown(model), title)
