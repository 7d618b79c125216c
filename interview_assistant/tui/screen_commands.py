"""Command-palette provider: every key of the screen, and what it offers beyond keys.

Every action is reachable from the palette (Ctrl+P), not only from a key: F-keys need
Fn on a Mac and some terminals take them. A screen lists this provider in ``COMMANDS``;
the provider offers the screen's own bindings that are enabled right now (by their long
name, the binding's tooltip, with the key as the user's keymap has it) plus the commands
the screen returns from an optional ``palette_commands()`` method, as (title, help,
callback) triples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from interview_assistant.messages import msg

#: title, help text and what choosing it does
PaletteCommand = tuple[str, str, Callable[[], Any]]


class ScreenCommands(Provider):
    def commands(self) -> list[PaletteCommand]:
        screen = self.screen
        found: dict[str, PaletteCommand] = {}
        for active in screen.active_bindings.values():
            binding = active.binding
            if active.node is not screen or not active.enabled or not binding.description:
                continue
            if binding.system:  # moving through a list or between fields: no command
                continue
            if binding.action in found:
                continue
            key = self.app.get_key_display(binding)
            found[binding.action] = (
                binding.tooltip or binding.description,
                msg("tui.palette.key_help", key=key),
                partial(self.app.run_action, binding.action, screen),
            )
        extra: Callable[[], Iterable[PaletteCommand]] | None = getattr(
            screen, "palette_commands", None
        )
        return [*found.values(), *(extra() if extra is not None else ())]

    async def discover(self) -> Hits:
        for title, help_text, command in self.commands():
            yield DiscoveryHit(title, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, command in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, text=title, help=help_text)
