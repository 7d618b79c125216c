"""The report of the fixture audit, byte for byte: draft and final, whole and per part, in
every format (Word as a text dump of its headings, paragraphs, tables, header and footer).

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/report`` and
read the diff before committing it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from audit_fixture import complete_review
from docx import Document
from docx.table import Table

from interview_assistant.report import render

GOLDEN = Path(__file__).with_name("golden")


def docx_text(data: bytes) -> str:
    """What a reader of the Word file sees, in document order, as plain text."""
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    out = [f"[header] {section.header.paragraphs[0].text}"]
    out.append(f"[footer] {section.footer.paragraphs[0].text}")
    props = document.core_properties
    out.append(f"[properties] {props.title} | {props.subject} | {props.author} | {props.language}")
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                out.append(" | ".join(c.text.replace("\n", " / ") for c in row.cells))
        elif block.text:
            out.append(f"[{block.style.name if block.style else ''}] {block.text}")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("fmt", ["md", "html", "json", "docx"])
@pytest.mark.parametrize("part", [None, "A", "B"])
@pytest.mark.parametrize("final", [False, True], ids=["draft", "final"])
def test_report_matches_golden(review, fmt: str, part: str | None, final: bool) -> None:
    if final:
        complete_review(review)
    data = render(review.report_model(final=final, part=part, check_privacy=False), fmt)
    produced = docx_text(data) if fmt == "docx" else data.decode("utf-8")
    name = "fixture" + ("-final" if final else "") + (f"-{part}" if part else "")
    golden = GOLDEN / f"{name}.{fmt}" if fmt != "docx" else GOLDEN / f"{name}.docx.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")
