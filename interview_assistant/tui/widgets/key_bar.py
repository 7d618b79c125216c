"""A footer that wraps onto a second row instead of hiding keys off the edge.

Textual's Footer is one row that scrolls sideways; at 80 columns the interview screen's
keys do not fit, and a key the auditor cannot see is a key they will not use. This
footer lays the same keys out in a grid with as many columns as fit the width.
"""

from __future__ import annotations

from math import ceil

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def _item_width(key: FooterKey) -> int:
    # compact FooterKey: "key description" plus its one-cell right margin
    return len(key.key_display) + 1 + len(key.description) + 1


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


class KeyBar(Footer):
    DEFAULT_CSS = """
    KeyBar {
        layout: grid;
        grid-rows: 1;
        height: auto;
        max-height: 3;
        FooterKey.-compact .footer-key--description {
            padding: 0 0 0 1;
        }
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, **kwargs)
        self._laid_out_for = -1

    def compose(self) -> ComposeResult:
        items = list(super().compose())
        flow = [
            i for i in items if isinstance(i, FooterKey) and not i.has_class("-command-palette")
        ]
        docked = [i for i in items if isinstance(i, FooterKey) and i.has_class("-command-palette")]
        available = self.app.size.width - sum(_item_width(d) + 2 for d in docked)
        widths = grid_columns([_item_width(i) for i in flow], available)
        self._laid_out_for = self.app.size.width
        self.styles.grid_size_columns = max(1, len(widths))
        self.styles.grid_columns = " ".join(str(w) for w in widths) or "auto"
        yield from items

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and self.app.size.width != self._laid_out_for:
            self.call_after_refresh(self.recompose)
