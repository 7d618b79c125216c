"""Exporting from the report preview: the documents folder, asking before replacing a file,
a Dutch sentence for a folder that is not there."""

from __future__ import annotations

from pathlib import Path

from tui_support import build_demo_like_audit, settle

from interview_assistant.tui.app import make_app
from interview_assistant.tui.screens.choice import ConfirmScreen
from interview_assistant.tui.screens.preview import PreviewScreen


def record_notices(app) -> list[str]:
    notices: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        notices.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return notices


async def open_preview(pilot) -> PreviewScreen:
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PreviewScreen)
    return screen


async def test_the_default_file_is_in_the_documents_folder(store, data_dir, tmp_path) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_preview(pilot)
        assert screen.query_one("#export-path").value == str(
            documents / "rapport-stichting-welzijn-noord"
        )
        screen.query_one("#export-md").press()
        await settle(pilot)
    assert (documents / "rapport-stichting-welzijn-noord.md").read_text(encoding="utf-8")
    assert not list(Path.cwd().glob("rapport-stichting-welzijn-noord*"))


async def test_an_existing_file_is_replaced_only_after_asking(store, data_dir, tmp_path) -> None:
    audit, _ = build_demo_like_audit(store)
    target = tmp_path / "rapport.md"
    target.write_text("mijn eigen versie", encoding="utf-8")
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        notices = record_notices(app)
        screen = await open_preview(pilot)
        screen.query_one("#export-path").value = str(tmp_path / "rapport")
        screen.query_one("#export-md").press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "rapport.md bestaat al" in str(app.screen.query_one("#confirm-body").render())
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        assert target.read_text(encoding="utf-8") == "mijn eigen versie"
        assert any("is niet vervangen" in n for n in notices)
        screen.query_one("#export-md").press()
        await pilot.pause()
        await pilot.press("escape")  # neither: back, nothing written
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "mijn eigen versie"
        screen.query_one("#export-md").press()
        await pilot.pause()
        await pilot.press("j")
        await settle(pilot)
    assert "Stichting Welzijn Noord" in target.read_text(encoding="utf-8")


async def test_a_missing_folder_is_said_in_dutch(store, data_dir, tmp_path) -> None:
    audit, _ = build_demo_like_audit(store)
    app = make_app(data_dir, audit.id)
    async with app.run_test(size=(120, 40)) as pilot:
        notices = record_notices(app)
        screen = await open_preview(pilot)
        screen.query_one("#export-path").value = str(tmp_path / "bestaat-niet" / "rapport")
        screen.query_one("#export-html").press()
        await settle(pilot)
        folder = tmp_path / "bestaat-niet"
        assert f"De map {folder} bestaat niet; maak hem eerst aan of kies een andere map." in (
            notices
        )
        elsewhere = tmp_path / "elders"
        elsewhere.mkdir()
        screen.query_one("#export-path").value = str(elsewhere)  # a folder: the name goes in it
        screen.query_one("#export-html").press()
        await settle(pilot)
    assert not folder.exists()
    assert [p.name for p in elsewhere.iterdir()] == ["rapport-stichting-welzijn-noord.html"]
