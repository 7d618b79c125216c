"""Command-palette provider: jump to any norm by its id or by words of its text.

The screens that show norms (dashboard, interview) list it in ``COMMANDS`` and handle
:class:`NormChosen`; the provider only needs the screen's catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.message import Message

from interview_assistant.messages import msg
from norm_catalogue import Catalogue


@dataclass
class NormChosen(Message):
    """The user picked ``norm_id`` in the command palette."""

    norm_id: str


class NormProvider(Provider):
    @property
    def _catalogue(self) -> Catalogue | None:
        return getattr(self.screen, "catalogue", None)

    def _choose(self, norm_id: str) -> None:
        self.screen.post_message(NormChosen(norm_id))

    async def discover(self) -> Hits:
        catalogue = self._catalogue
        if catalogue is None:
            return
        for norm in catalogue.norms:
            yield DiscoveryHit(
                f"{norm.id}  {norm.short_text}",
                partial(self._choose, norm.id),
                help=msg("tui.palette.jump_help"),
            )

    async def search(self, query: str) -> Hits:
        catalogue = self._catalogue
        if catalogue is None:
            return
        for norm in catalogue.norms:
            score = match_score(query, norm.id, norm.text)
            if score > 0:
                yield Hit(
                    score,
                    f"{norm.id}  {norm.short_text}",
                    partial(self._choose, norm.id),
                    help=msg("tui.palette.jump_help"),
                )


def match_score(query: str, norm_id: str, text: str) -> float:
    """1 for the exact id, high for an id prefix, lower when every word occurs in the text.

    Substring matching on words rather than Textual's fuzzy matcher: against a long norm
    text a fuzzy match of almost any query succeeds, which makes the list useless.
    """
    wanted = query.strip().lower()
    if not wanted:
        return 0.0
    if wanted == norm_id.lower():
        return 1.0
    if norm_id.lower().startswith(wanted):
        return 0.9
    lowered = text.lower()
    words = wanted.split()
    if all(word in lowered for word in words):
        return 0.5 + min(0.3, 0.01 * sum(len(w) for w in words))
    return 0.0
