"""The interview per role in the TUI: the walk per role and the speaker of a group."""

from __future__ import annotations

from tui_support import MONDAY, build_audit, build_session, settle

from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.interview import InterviewScreen
from interview_assistant.tui.widgets.guide_panel import GuidePanel


def guide_text(screen: InterviewScreen) -> str:
    return str(screen.query_one("#guide-text").render())


def assistant_lines(screen: InterviewScreen) -> list[str]:
    return [str(o.prompt) for o in screen.log_view.options if o.disabled]


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
