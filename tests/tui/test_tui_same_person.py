"""The new-session form: a partner heard before is marked as the same person, by choice."""

from __future__ import annotations

from textual.widgets import Input, Select, SelectionList, Static
from tui_support import settle

from interview_assistant.domain.session import Interviewee, PersonLink
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.identity import set_current_auditor
from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.screens.new_session import NewSessionScreen


async def test_the_form_links_a_partner_to_one_heard_in_an_earlier_interview(
    store, data_dir
) -> None:
    audit = create_audit(store, "Stichting Welzijn Oost")
    workspace = AuditWorkspace(store, audit.id)
    first = workspace.start_session(
        "Anna", [Interviewee("sociaal werker", ("P",)), Interviewee("teamleider", ("Mng",))]
    )
    set_current_auditor("Anna")  # this computer's auditor: the form's default
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)
        choice = screen.query_one("#same-as", Select)
        shown = choice.query_one("#label", Static)
        assert str(shown.render()) == "Nee, een nieuwe persoon"
        screen.query_one("#function", Input).value = "teamleider"
        screen.query_one("#roles", SelectionList).select("Mng")
        choice.focus()
        await pilot.press("enter", "down", "down", "enter")  # the teamleider of interview 1
        await settle(pilot)
        assert str(shown.render()).startswith("teamleider (Mng), gesprek 1 (Anna, ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        (interviewee,) = app.screen.session.interviewees
        assert interviewee.same_as == PersonLink(first.id, 1)
    reopened = AuditWorkspace(store.__class__(data_dir), audit.id)
    assert [i.same_as for s in reopened.sessions for i in s.interviewees][-1] == PersonLink(
        first.id, 1
    )


async def test_the_next_partners_roles_are_picked_from_the_top_of_the_list(store, data_dir) -> None:
    """After '+ Partner' the role list starts at the top again: counting Down presses from
    where the last partner's role was picks the wrong role for the next one."""
    audit = create_audit(store, "Stichting Welzijn Oost")
    set_current_auditor("Anna")
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)
        screen.query_one("#function", Input).value = "vrijwilliger"
        roles = screen.query_one("#roles", SelectionList)
        roles.focus()
        await pilot.press(*["down"] * 5, "space")  # the sixth role: nbV
        assert roles.selected == ["nbV"]
        await pilot.press("ctrl+t")  # + Partner
        await settle(pilot)
        screen.query_one("#function", Input).value = "stagiaire"
        roles.focus()
        await pilot.press(*["down"] * 6, "space")  # the seventh role: S
        assert roles.selected == ["S"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert [i.roles for i in app.screen.session.interviewees] == [("nbV",), ("S",)]
