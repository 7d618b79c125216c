"""F1: how to type notes, what the colours mean, and the keys of the screen it was opened on."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen

from interview_assistant.messages import msg
from interview_assistant.tui.widgets.key_bar import KeyBar


def keys_markdown(screen: Screen) -> str:
    """The bindings of ``screen`` (and the app) as a Markdown table, with the keys in force.

    Every key of an action is listed (``^l / f3``), by the action's long name.
    """
    actions: dict[str, tuple[str, list[str]]] = {}
    for _, binding, _enabled, _tooltip in screen.active_bindings.values():
        if not binding.description or (binding.system and not binding.show):
            continue
        name = binding.tooltip or binding.description
        _, keys = actions.setdefault(binding.action, (name, []))
        key = screen.app.get_key_display(binding)
        if key not in keys:
            keys.append(key)
    rows = [f"| `{' / '.join(keys)}` | {name} |" for name, keys in actions.values()]
    return "\n".join([f"# {msg('tui.help.keys_header')}", "", "| | |", "|---|---|", *rows])


def help_body(app: App) -> str:
    """The explanation, naming the interview's keys as the user's keymap has them."""
    key_for = getattr(app, "key_for", None)
    names = {
        "prev": "interview.prev_norm",
        "next": "interview.next_norm",
        "gap": "interview.next_gap",
        "edit": "interview.edit",
        "delete": "interview.delete",
        "undo": "interview.undo",
        "leave": "interview.leave",
        "end": "interview.end",
    }
    keys = {name: key_for(binding) if key_for else binding for name, binding in names.items()}
    return msg("tui.help.body", **keys)


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
                        help_body(self.app),
                        self._keys,
                        msg("tui.help.data_dir", data_dir=self._data_dir),
                    ]
                )
            )
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)
