"""No report format carries a bidi override or isolate from users' text.

A note, name or finding from a teammate's bundle may hold U+202E and its kin, which
make a reader's program show text in another order than it was written. Every format
(Markdown, HTML, JSON, Word and the house-style Word template) writes them as visible
escapes, and keeps the text around them.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_assistant.cli import main
from interview_assistant.report.house_style import DEFAULT_TEMPLATE

BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: the same characters written as XML character references
BIDI_REFERENCE = re.compile(r"&#(x0*(202[a-e]|206[6-9])|0*(823[4-8]|827[89]|828[01]));", re.I)


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "interview_assistant", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    data = tmp_path_factory.mktemp("bidi") / "data"
    audit = run(data, "audit", "new", "Stichting \u202eNOORD\u202c Welzijn").stdout.strip()
    session = run(
        data, "session", "start", audit, "--auditor", "An\u2067na\u2069",
        "--function", "team\u202dleider\u202c", "--role", "P",
    ).stdout.strip()  # fmt: skip
    run(data, "note", audit, session, "Het \u202bbeleidsplan\u202c is actueel #V1")
    run(data, "verdict", audit, "V1", "voldoet", "--finding", "Zie \u2066map\u2069.")
    run(data, "trend", "add", audit, "sterk", "Goede \u202aoverdracht\u202c")
    return data, audit


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )


@pytest.mark.parametrize("part", ["A", "B"])
@pytest.mark.parametrize("fmt", ["md", "html", "json", "docx", "house-style"])
def test_no_report_format_carries_a_bidi_control(
    audit: tuple[Path, str], tmp_path: Path, fmt: str, part: str
) -> None:
    data, audit_id = audit
    suffix = "docx" if fmt == "house-style" else fmt
    output = tmp_path / f"rapport.{suffix}"
    extra = ["--template", str(DEFAULT_TEMPLATE)] if fmt == "house-style" else []
    run(data, "report", audit_id, "--format", suffix, "--part", part, "-o", str(output), *extra)
    text = _docx_text(output) if suffix == "docx" else output.read_text(encoding="utf-8")
    assert not BIDI.search(text), fmt
    assert not BIDI_REFERENCE.search(text), fmt
    # the organisation is in every part (title, header); shown with its escapes
    expected = "\\u202eNOORD"  # JSON's own escape: JSON reads back the character
    assert expected in text, fmt
    if part == "B":
        assert "map\\u2069" in text, fmt  # the finding


TEXT = st.one_of(
    st.text(max_size=200),
    st.text(
        st.sampled_from(list("\x1b\x07\r\n\t[]{}%<>&\u202a\u202e\u2066\u2069ab #V1@-")), max_size=80
    ),
    st.integers(min_value=90_000, max_value=100_000).map(lambda n: ("\u202e{{x}}<w:t>" * n)[:n]),
)


@settings(max_examples=12, deadline=None)
@given(text=TEXT)
def test_any_text_in_a_word_report_neither_crashes_nor_keeps_a_bidi_control(text: str) -> None:
    """Both Word paths (python-docx and the house-style template) take any note and
    finding: no crash, no bidi control in any part of the document."""
    with tempfile.TemporaryDirectory(prefix="bidi-word-") as tmp:
        data = str(Path(tmp) / "data")
        audit = _call("audit", "new", "Stichting Proef", "--data-dir", data)[1].strip()
        session = _call(
            "session", "start", audit, "--auditor", "Anna", "--function", "werker",
            "--role", "P", "--data-dir", data,
        )[1].strip()  # fmt: skip
        _call("note", audit, session, "--data-dir", data, "--", f"{text} #V1")
        _call("verdict", audit, "V1", "voldoet", f"--finding={text}", "--data-dir", data)
        for name, extra in (("plain", []), ("house", ["--template", str(DEFAULT_TEMPLATE)])):
            output = Path(tmp) / f"{name}.docx"
            status, _, err = _call(
                "report", audit, "--format", "docx", "-o", str(output), "--data-dir", data, *extra
            )
            assert status == 0, err
            xml = _docx_text(output)
            assert not BIDI.search(xml) and not BIDI_REFERENCE.search(xml), name


def _call(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()
