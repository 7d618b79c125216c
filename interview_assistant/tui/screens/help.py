"""F1: how to type notes, what the colours mean, and the keys of the screen it was opened on."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen

from interview_assistant.messages import msg
from interview_assistant.tui.widgets.key_bar import KeyBar


def keys_markdown(screen: Screen) -> str:
    """The visible bindings of ``screen`` (and the app) as a Markdown table."""
    rows = []
    seen: set[str] = set()
    for _, binding, _enabled, _tooltip in screen.active_bindings.values():
        if not binding.show or not binding.description or binding.description in seen:
            continue
        seen.add(binding.description)
        rows.append(f"| `{screen.app.get_key_display(binding)}` | {binding.description} |")
    return "\n".join([f"# {msg('tui.help.keys_header')}", "", "| | |", "|---|---|", *rows])


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", msg("tui.key.close"), id="help.close"),
    ]

    def __init__(self, for_screen: Screen, data_dir: Path) -> None:
        super().__init__()
        self._keys = keys_markdown(for_screen)
        self._data_dir = data_dir

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # markdown-it is only needed once F1 is pressed

        with VerticalScroll(id="help-body") as body:
            body.border_title = msg("tui.help.title")
            yield Markdown(
                "\n\n".join(
                    [
                        msg("tui.help.body"),
                        self._keys,
                        msg("tui.help.data_dir", data_dir=self._data_dir),
                    ]
                )
            )
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)
