"""The interview per role in the TUI: the walk per role and the speaker of a group."""

from __future__ import annotations

from tui_support import MONDAY, build_audit, build_session, settle, type_text, wait_until

from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.widgets.guide_panel import GuidePanel


def guide_text(screen: InterviewScreen) -> str:
    return str(screen.query_one("#guide-text").render())


def assistant_lines(screen: InterviewScreen) -> list[str]:
    return [str(o.prompt).removeprefix("» ") for o in screen.log_view.options if o.disabled]


async def test_a_client_walks_o13_then_the_service_norms_marked_as_second_source(
    store, data_dir
) -> None:
    audit = build_audit(store)
    session = build_session(
        store, audit.id, "5e55c1000001", "Anna de Vries", (("bezoeker", ("CB",)),), MONDAY
    )
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        guide = screen.query_one(GuidePanel)
        assert guide.border_title == "Norm O13"
        assert "1 van 9 voor deze rollen · volgens het template" in guide_text(screen)
        opening = "9 normen voor deze rollen, 1 volgens het template en daarna 8 als aanvullende"
        assert any(opening in line for line in assistant_lines(screen))
        seen = ["O13"]
        for _ in range(8):
            await app.run_action("screen.walk(1)")  # the next norm, whichever key it is on
            await settle(pilot)
            seen.append(guide.border_title.removeprefix("Norm "))
        assert seen == ["O13", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8"]
        text = guide_text(screen)
        assert "9 van 9 voor deze rollen · aanvullende bron (CB)" in text
        assert "Hebt u met de medewerker besproken hoe de hulp ging?" in text


async def palette(pilot, words: str) -> None:
    """Open the palette, type ``words`` and take the best match."""
    await pilot.press("ctrl+p")
    await type_text(pilot, words)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_in_a_group_interview_the_speaker_is_chosen_shown_and_stored(store, data_dir) -> None:
    audit = build_audit(store)
    session = build_session(
        store,
        audit.id,
        "5e5599000001",
        "Anna de Vries",
        (("teamcoach", ("Mng",)), ("stagiaire [S]", ("S",))),
        MONDAY,
    )
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        title = screen.composer.input.border_title or ""
        assert title.startswith("Notitie van de groep (zonder #-tag bij ") and "^s spreker" in title
        await type_text(pilot, "Samen over de stage #O12")
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+s")  # the group → the coach → the intern
        assert "Volgende notities van 2. stagiaire [S] (S)." in assistant_lines(screen)
        assert "Notitie van stagiaire [S] (" in (screen.composer.input.border_title or "")
        await type_text(pilot, "Heeft een vaste praktijkbegeleider #O12 @vb")
        await pilot.press("enter")
        await palette(pilot, "spreker: 1. teamcoach")  # a direct pick from the palette
        assert "Volgende notities van 1. teamcoach (Mng)." in assistant_lines(screen)
        await type_text(pilot, "Bespreekt de stage in het jaargesprek #O10")
        await pilot.press("enter")
        await palette(pilot, "spreker kiezen")  # the cycle: on to the intern
        assert screen.interview.speaker == 1
        await settle(pilot)
        prompts = [str(o.prompt) for o in screen.log_view.options if not o.disabled]
        assert [p.splitlines()[0].split("  ")[1] for p in prompts] == [
            "groep",
            "stagiaire [S]",
            "teamcoach",
        ]
    stored = [(n.text, n.speaker) for n in store.load_session_log(audit.id, session.id).notes]
    assert stored == [
        ("Samen over de stage #O12", None),
        ("Heeft een vaste praktijkbegeleider #O12 @vb", 1),
        ("Bespreekt de stage in het jaargesprek #O10", 0),
    ]


async def test_one_interviewee_has_no_speaker_to_choose(store, data_dir) -> None:
    audit = build_audit(store)
    session = build_session(
        store, audit.id, "5e5599000002", "Anna", (("sociaal werker", ("P",)),), MONDAY
    )
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert (screen.composer.input.border_title or "").startswith("Notitie (zonder #-tag")
        await pilot.press("ctrl+s")
        assert screen.interview.speaker is None


async def test_interviewees_corrected_elsewhere_change_the_walk_on_screen(store, data_dir) -> None:
    from dataclasses import replace

    from interview_assistant.domain.session import Interviewee
    from interview_assistant.storage.repository import AuditStore

    audit = build_audit(store)
    session = build_session(
        store,
        audit.id,
        "5e5599000003",
        "Anna de Vries",
        (("teamcoach", ("Mng",)), ("bezoeker", ("CB",))),
        MONDAY,
    )
    app = make_app(data_dir, audit.id, session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        strip = str(screen.query_one("#strip").render())
        assert "D1" in strip and "Notitie van de groep" in (
            screen.composer.input.border_title or ""
        )
        alone = replace(session, interviewees=(Interviewee("teamcoach", ("Mng",)),))
        AuditStore(data_dir).save_session(alone)  # another process corrects the session
        await wait_until(pilot, lambda: "D1" not in str(screen.query_one("#strip").render()))
        assert (screen.composer.input.border_title or "").startswith("Notitie (zonder #-tag")
