"""The interview screen reads a stored note for personal data: ^f puts the interviewee's
function in place of a name (again: the next interviewee's), ^o marks a finding as fine."""

from __future__ import annotations

from textual.widgets import OptionList, TextArea
from tui_support import (
    MONDAY,
    build_audit,
    build_demo_like_audit,
    build_session,
    settle,
    type_text,
    wait_until,
)

from interview_assistant.services.audit import AuditWorkspace
from interview_assistant.services.privacy import PrivacyMarks, privacy_guard
from interview_assistant.services.review import AuditReview
from interview_assistant.storage.repository import AuditStore
from interview_assistant.tui.app import make_app
from interview_assistant.tui.widgets.notes_log import NotesLog


def said(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one(NotesLog).options if o.disabled]


def stored_texts(data_dir, audit_id: str, session_id: str) -> list[str]:
    log = AuditStore(data_dir).load_session_log(audit_id, session_id)
    return [n.text for n in log.notes if not n.deleted]


async def test_ctrl_f_replaces_a_name_by_each_function_in_turn_and_ctrl_z_undoes(
    store, data_dir
) -> None:
    privacy_guard().check("")  # deduce loaded: the warning below is about reading
    audit = build_audit(store)
    session = build_session(
        store,
        audit.id,
        "5e5510000009",
        "Anna",
        (("teamcoach", ("Mng",)), ("stagiaire", ("S",))),
        MONDAY,
    )
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Mevrouw Jansen van de Berg liet het jaarplan zien")
        await pilot.press("enter")
        await wait_until(pilot, lambda: any("persoonsgegevens" in s for s in said(app)))
        assert "^f vervangt een naam door de functie" in said(app)[-1]
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert stored_texts(data_dir, audit.id, session.id) == ["teamcoach liet het jaarplan zien"]
        assert "^f nog eens" in said(app)[-1]
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert stored_texts(data_dir, audit.id, session.id) == ["stagiaire liet het jaarplan zien"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored_texts(data_dir, audit.id, session.id) == ["teamcoach liet het jaarplan zien"]


async def test_ctrl_o_marks_a_place_name_as_fine_and_it_is_not_warned_about_again(
    store, data_dir
) -> None:
    privacy_guard().check("")
    audit = build_audit(store)
    session = build_session(
        store, audit.id, "5e5510000008", "Anna", (("teamcoach", ("Mng",)),), MONDAY
    )
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Wijkteam in Utrecht werkt samen met de huisarts")
        await pilot.press("enter")
        await wait_until(pilot, lambda: any("persoonsgegevens" in s for s in said(app)))
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert said(app)[-1].endswith("In orde gemarkeerd voor deze audit: “Utrecht”.")
        before = len(said(app))
        await type_text(pilot, "Ook in Utrecht sprak mw. Bos over het spreekuur")
        await pilot.press("enter")
        await wait_until(pilot, lambda: any("persoonsgegevens" in s for s in said(app)[before:]))
        (warning,) = [s for s in said(app)[before:] if "persoonsgegevens" in s]
        assert "“mw. Bos” (naam)" in warning and "Utrecht" not in warning
    workspace = AuditWorkspace(AuditStore(data_dir), audit.id)
    assert PrivacyMarks(workspace).fine() == {"utrecht": "Utrecht"}
    assert stored_texts(data_dir, audit.id, session.id)[0].startswith("Wijkteam in Utrecht")


async def test_a_saved_finding_with_a_name_brings_a_warning_that_names_it(store, data_dir):
    privacy_guard().check("")
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    shown: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (shown.append(str(message)), notify(message, **kw))[1]  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        norm_list = app.screen.query_one("#norm-list", OptionList)
        norm_list.highlighted = norm_list.get_option_index("V3")
        await pilot.press("b")
        await pilot.pause()
        finding = app.screen.query_one("#finding", TextArea)
        finding.load_text("Volgens dhr. Bakker wordt signaleren niet vastgelegd.")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: any("persoonsgegevens" in t for t in shown))
    (warning,) = [t for t in shown if "persoonsgegevens" in t]
    assert "bevinding V3: “dhr. Bakker” (naam)" in warning
    stored = AuditReview.open(AuditStore(data_dir), audit.id).assessment("V3")
    assert stored.finding == "Volgens dhr. Bakker wordt signaleren niet vastgelegd."  # saved
