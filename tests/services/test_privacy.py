"""The guard for personal data, with deduce in its own process, on our own sentences.

One checking process serves the whole module: loading deduce takes seconds (and, the
first time after installing, a couple of minutes to build its lookup structures).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from interview_assistant.domain.session import Interviewee
from interview_assistant.line.chat import LineChat
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.privacy import (
    PrivacyFinding,
    PrivacyGuard,
    PrivacyMarks,
    audit_texts,
    privacy_guard,
    redacted,
    replaced,
)
from interview_assistant.services.review import AuditReview, Refused
from interview_assistant.storage.repository import AuditStore

#: generous: the first load after installing builds deduce's lookup structures
FIRST_LOAD = 600


@pytest.fixture(scope="module")
def guard() -> PrivacyGuard:
    """The process's guard, as the front ends use it: one checking process per test run,
    so deduce's lookup structures are never built twice at once."""
    return privacy_guard()


def found(guard: PrivacyGuard, text: str) -> list[tuple[str, str]]:
    return [(f.text, f.kind) for f in guard.check(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names with particles, initials and titles
        (
            "Mevrouw Jansen van de Berg vertelde over de wachtlijst",
            [("Mevrouw Jansen van de Berg", "persoon")],
        ),
        ("Kees van der Linden is de nieuwe teamcoach", [("Kees van der Linden", "persoon")]),
        ("J.P. de Wit (P&O) liet de personeelsdossiers zien", [("J.P. de Wit", "persoon")]),
        ("dhr. Bakker is vrijwilliger bij de thuisadministratie", [("dhr. Bakker", "persoon")]),
        (
            "De heer Visser en mw. Bos waren aanwezig",
            [("De heer Visser", "persoon"), ("mw. Bos", "persoon")],
        ),
        ("Sociaal werker Fatima vertelde over het spreekuur", [("Fatima", "persoon")]),
        # contact details and numbers
        ("Mail van a.devries@voorbeeld.nl", [("a.devries@voorbeeld.nl", "e-mail")]),
        (
            "Bereikbaar via 06-12345678 of 030-1234567",
            [("06-12345678", "telefoon"), ("030-1234567", "telefoon")],
        ),
        ("BSN 111222333 stond in een mail", [("111222333", "bsn")]),
        (
            "Cliënt woont aan de Dorpsstraat 4 in Utrecht",
            [("Dorpsstraat 4", "adres"), ("Utrecht", "adres")],
        ),
    ],
)
def test_personal_data_is_found_with_its_kind(guard, text, expected) -> None:
    assert found(guard, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "De bakker in de wijk sponsort het buurthuis",  # a name that is also a word
        "Gesprek met de teamcoach over verzuim en werkdruk",  # a function, as it should be
        "Maandelijks intervisie met het hele team",
        "Stichting Welzijn De Brug werkt in Lindewaard en Molenveen",  # organisation names
        "De RI&E van 2021 is verouderd; 5 jaar oud",  # dates and durations are no one's
    ],
)
def test_notes_that_name_no_one_pass(guard, text) -> None:
    assert found(guard, text) == []


def test_many_texts_at_once_keep_their_order(guard) -> None:
    texts = ["Gesprek met mw. Bos", "Intervisie", *["Werkdruk hoog"] * 120, "Bel 06-12345678"]
    results = guard.check_many(texts)
    assert len(results) == len(texts)
    assert [f.text for f in results[0]] == ["mw. Bos"] and results[1] == []
    assert [f.text for f in results[-1]] == ["06-12345678"]


@pytest.fixture
def workspace(store: AuditStore) -> AuditWorkspace:
    return AuditWorkspace(store, create_audit(store, "Stichting Welzijn West").id)


def test_every_text_of_an_audit_is_read(workspace) -> None:
    session = workspace.start_session("Anna", [Interviewee("teamcoach Peter", ("Mng",))])
    workspace.add_note(session.id, "mw. Bos liet het jaarplan zien #V5")
    placed = {(t.place, t.text) for t in audit_texts(AuditReview(workspace))}
    assert ("functie", "teamcoach Peter") in placed
    assert ("notitie", "mw. Bos liet het jaarplan zien #V5") in placed


def test_the_line_mode_warns_after_storing_and_never_before(guard, workspace) -> None:
    session = workspace.start_session("Anna", [Interviewee("sociaal werker", ("P",))])
    chat = LineChat(workspace, session.id, privacy=guard)
    guard.check("")  # loaded: the warning below is about reading, not loading
    saved = chat.handle("Gesprek met dhr. P. de Vries over de wachtlijst")
    assert saved[0].startswith("Opgeslagen ")  # stored and answered without the guard
    (note,) = workspace.notes(session.id)
    assert note.text == "Gesprek met dhr. P. de Vries over de wachtlijst"
    deadline = time.monotonic() + FIRST_LOAD
    warnings: list[str] = []
    while not warnings:
        assert time.monotonic() < deadline
        warnings = chat.refresh()
        time.sleep(0.05)
    (warning,) = warnings
    assert "persoonsgegevens" in warning and "“dhr. P. de Vries” (naam)" in warning
    assert "/wijzig" in warning


def test_a_note_edited_before_it_was_read_gets_no_stale_warning(guard, workspace) -> None:
    session = workspace.start_session("Anna", [Interviewee("sociaal werker", ("P",))])
    chat = LineChat(workspace, session.id, privacy=guard)
    chat.handle("Gesprek met dhr. P. de Vries")
    chat.handle("/wijzig Gesprek met de teamleider")
    guard.check("")  # everything submitted before this is read by now
    time.sleep(0.2)
    assert chat.refresh() == []


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interview_assistant", "privacy", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        timeout=FIRST_LOAD,
    )


def test_privacy_reads_lines_and_answers_one_json_line_each(guard) -> None:
    guard.check("")  # deduce's lookup structures are built before the command loads them
    result = run_cli("-", stdin="Mail j.bakker@welzijn.nl\nIntervisie\n")
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"findings": [{"text": "j.bakker@welzijn.nl", "kind": "e-mail"}]},
        {"findings": []},
    ]


def test_privacy_of_an_audit_lists_every_finding_with_its_place(guard, workspace, store):
    guard.check("")
    session = workspace.start_session("Anna", [Interviewee("teamcoach", ("Mng",))])
    note = workspace.add_note(session.id, "Mevrouw Jansen liet het jaarplan zien #V5")
    workspace.add_note(session.id, "Jaarplan gezien #V5")
    workspace.add_note(session.id, "Wijkteam in Utrecht werkt samen met de huisarts #V3")
    data = ("--data-dir", str(store.data_dir))
    marked = run_cli(workspace.audit.id, "--ok", " utrecht ", *data)  # no deduce needed
    assert marked.stdout.strip().endswith("“utrecht”.")
    result = run_cli(workspace.audit.id, "--json", *data)
    jansen, utrecht = [json.loads(line) for line in result.stdout.splitlines()]
    assert jansen["place"] == "notitie" and jansen["ref"] == f"{session.id}/{note.id}"
    assert (jansen["text"], jansen["kind"], jansen["ok"]) == ("Mevrouw Jansen", "persoon", False)
    assert (utrecht["text"], utrecht["ok"]) == ("Utrecht", True)  # marked whatever the case
    target = str(store.data_dir / "definitief.md")
    command = [sys.executable, "-m", "interview_assistant", "report", workspace.audit.id]
    refused = subprocess.run(
        [*command, "--final", "-o", target, *data],
        capture_output=True,
        text=True,
        timeout=FIRST_LOAD,
    )
    assert refused.returncode == 2
    assert f"Persoonsgegevens in notitie {session.id}/{note.id}: “Mevrouw Jansen” (naam)" in (
        refused.stderr
    )
    assert "Utrecht" not in refused.stderr  # the lead marked it as fine
    assert not (store.data_dir / "definitief.md").exists()


def test_the_final_report_waits_for_unmarked_personal_data_wherever_it_stands(guard, workspace):
    session = workspace.start_session("Anna", [Interviewee("teamleider dhr. Bakker", ("Mng",))])
    workspace.add_note(session.id, "Bel 06-12345678 voor het jaarverslag #O2")
    review = AuditReview(workspace)
    review.set_core_field("scope", "Jongerenwerk in Molenveen")
    review.set_core_field("contact_name", "mw. A. de Boer")  # Part A names the contact
    assert all(
        "ersoonsgegevens" not in r.text() for r in review.final_refusals(check_privacy=False)
    )
    reasons = [r.text() for r in review.final_refusals()]
    assert f"Persoonsgegevens in functie in sessie {session.id}: “dhr. Bakker” (naam)." in reasons
    assert any("“06-12345678” (telefoonnummer)" in reason for reason in reasons)
    assert any(f"privacy {workspace.audit.id} --ok TEKST" in reason for reason in reasons)
    assert not any("de Boer" in reason for reason in reasons)
    with pytest.raises(Refused, match="Persoonsgegevens in functie"):
        review.report_model(final=True)  # the check is the default: no caller forgets it
    PrivacyMarks(workspace).mark(["dhr.  Bakker", "06-12345678"])
    assert all("ersoonsgegevens" not in r.text() for r in review.final_refusals(True))


def test_marks_are_stored_with_the_audit_and_the_newest_one_counts(workspace, store) -> None:
    marks = PrivacyMarks(workspace)
    assert marks.mark(["Lindewaard", " De  Brug ", ""]) == ["Lindewaard", "De Brug"]
    reopened = PrivacyMarks(AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id))
    assert reopened.fine() == {"lindewaard": "Lindewaard", "de brug": "De Brug"}
    reopened.mark(["LINDEWAARD"], ok=False)
    assert marks.fine() == {"de brug": "De Brug"}  # taken back, seen by the other copy too
    finding = PrivacyFinding("de Brug", "adres", 0, 7)
    assert PrivacyMarks.matches(finding, marks.fine())


def test_a_name_is_replaced_by_one_function_then_by_the_next() -> None:
    text = "Mw. Bos (06-12345678) vertelde dat Mw. Bos het plan schreef"
    found = [
        PrivacyFinding("Mw. Bos", "persoon", 0, 7),
        PrivacyFinding("06-12345678", "telefoon", 9, 20),
        PrivacyFinding("Mw. Bos", "persoon", 35, 42),
    ]
    first, placed = replaced(text, found, "de teamcoach")
    assert first == "de teamcoach ([telefoon]) vertelde dat de teamcoach het plan schreef"
    second, _ = replaced(first, placed, "de stagiaire")
    assert second == "de stagiaire ([telefoon]) vertelde dat de stagiaire het plan schreef"
    assert replaced("Iets anders", found, "x") == ("Iets anders", [])  # text changed since


def test_redacting_replaces_each_finding_by_its_placeholder(guard) -> None:
    text = "dhr. P. de Vries (06-12345678) en mw. Bos"
    assert redacted(text, guard.check(text)) == "[naam] ([telefoon]) en [naam]"


def test_starting_never_waits_for_a_check_that_waits_for_deduce() -> None:
    fresh = PrivacyGuard()  # its process is still loading deduce during this test
    try:
        fresh.submit("note", "Gesprek met mw. Bos")  # the background check now waits
        time.sleep(0.2)
        started = time.monotonic()
        fresh.start()  # what a second screen or chat does when it opens
        assert time.monotonic() - started < 0.5
        assert fresh.ready() == []  # nothing read yet, and asking did not wait either
    finally:
        fresh.close()  # a process still loading is stopped at once


def test_the_line_mode_warns_about_a_name_in_the_interviewees_function(guard, workspace) -> None:
    session = workspace.start_session(
        "Anna", [Interviewee("teamcoach Kees van der Linden", ("Mng",))]
    )
    chat = LineChat(workspace, session.id, privacy=guard)
    guard.check("")  # everything submitted before this is read by now
    deadline = time.monotonic() + 5
    warnings: list[str] = []
    while not warnings and time.monotonic() < deadline:
        warnings = chat.refresh()
        time.sleep(0.05)
    (warning,) = warnings
    assert "persoonsgegevens in de functie" in warning
    assert "“Kees van der Linden” (naam)" in warning
