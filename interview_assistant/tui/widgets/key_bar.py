"""A key bar that wraps onto a second row instead of hiding keys off the edge.

Textual's Footer is one row that scrolls sideways; at 80 columns the interview screen's
keys do not fit, and a key the auditor cannot see is a key they will not use. This bar
shows the same keys (the screen's public ``active_bindings``, refreshed on its
``bindings_updated_signal``) in a grid with as many columns as fit the width, drawn
like the compact Footer. It is built from public API only: Footer's key widget is
private to Textual.
"""

from __future__ import annotations

from math import ceil
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget


def grid_columns(widths: list[int], available: int) -> list[int]:
    """Column widths for the most columns whose total fits in ``available`` cells."""
    count = len(widths)
    for columns in range(count, 0, -1):
        rows = ceil(count / columns)
        column_widths = [
            max(widths[row * columns + col] for row in range(rows) if row * columns + col < count)
            for col in range(columns)
        ]
        if sum(column_widths) <= available:
            return column_widths
    return [max(widths)] if widths else []


class BarKey(Widget):
    """One key and what it does; a click presses the key."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"bar-key--key", "bar-key--description"}
    DEFAULT_CSS = """
    BarKey {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        margin-right: 1;
        background: $footer-item-background;
        .bar-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .bar-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &:hover {
            pointer: pointer;
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &.-disabled {
            text-style: dim;
        }
    }
    """

    def __init__(
        self,
        key: str,
        key_display: str,
        description: str,
        *,
        enabled: bool = True,
        tooltip: str = "",
        classes: str = "",
    ) -> None:
        super().__init__(classes=classes)
        self.key = key
        self.key_display = key_display
        self.description = description
        self.enabled = enabled
        self.set_class(not enabled, "-disabled")
        self.set_reactive(Widget.shrink, False)
        if tooltip:
            self.tooltip = tooltip

    @property
    def cell_width(self) -> int:
        """Cells taken in the bar: key, space, description and the right margin."""
        return len(self.key_display) + 1 + len(self.description) + 1

    def render(self) -> Text:
        text = Text.assemble(
            (self.key_display, self.get_component_rich_style("bar-key--key")),
            (f" {self.description}", self.get_component_rich_style("bar-key--description")),
        )
        text.stylize_before(self.rich_style)
        return text

    def on_mouse_down(self) -> None:
        if self.enabled:
            self.app.simulate_key(self.key)
        else:
            self.app.bell()


class KeyBar(Widget, can_focus=False, can_focus_children=False):
    """The screen's shown key bindings in a wrapping grid, the palette key docked right."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        layout: grid;
        grid-rows: 1;
        height: auto;
        max-height: 3;
        color: $footer-foreground;
        background: $footer-background;
        BarKey.-command-palette {
            dock: right;
            border-left: vkey $foreground 20%;
        }
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        #: the screen has reported its bindings at least once (before that none are known)
        self.bindings_ready = False
        self.laid_out_for = -1

    def compose(self) -> ComposeResult:
        if not self.bindings_ready:
            return
        app = self.app
        active = self.screen.active_bindings
        shown: dict[str, BarKey] = {}  # one key per action, as the Footer shows them
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = BarKey(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    enabled=enabled,
                    tooltip=tooltip,
                )
        flow = list(shown.values())
        docked: list[BarKey] = []
        palette = active.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
        if palette is not None:
            _, binding, enabled, _ = palette
            docked.append(
                BarKey(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    enabled=enabled,
                    tooltip=binding.tooltip or binding.description,
                    classes="-command-palette",
                )
            )
        # a docked key takes its border too; one cell of air is left before it
        available = app.size.width - sum(d.cell_width + 2 for d in docked)
        widths = grid_columns([k.cell_width for k in flow], available)
        self.laid_out_for = app.size.width
        self.styles.grid_size_columns = max(1, len(widths))
        self.styles.grid_columns = " ".join(str(w) for w in widths) or "auto"
        yield from flow
        yield from docked

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        self.bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self.recompose)

    def on_resize(self, event: events.Resize) -> None:
        if self.bindings_ready and self.app.size.width != self.laid_out_for:
            self.call_after_refresh(self.recompose)
