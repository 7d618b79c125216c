"""Command-palette provider: jump to any norm by its id or by words of its text.

The screens that show norms (dashboard, interview, assessment) list it in ``COMMANDS``
and handle :class:`NormChosen`; the provider only needs the screen's catalogue. The
matching is the shared norm search (:mod:`interview_assistant.services.norm_search`);
the matched id or words are highlighted in the palette, as Posting does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.message import Message
from textual.style import Style

from interview_assistant.messages import msg
from interview_assistant.services.norm_search import NormMatch, NormSearch, norm_search
from norm_catalogue import Catalogue

#: between the norm id and its text in a palette line
GAP = "  "


@dataclass
class NormChosen(Message):
    """The user picked ``norm_id`` in the command palette."""

    norm_id: str


class NormProvider(Provider):
    @property
    def engine(self) -> NormSearch | None:
        catalogue: Catalogue | None = getattr(self.screen, "catalogue", None)
        return None if catalogue is None else norm_search(catalogue)

    def _choose(self, norm_id: str) -> None:
        self.screen.post_message(NormChosen(norm_id))

    async def discover(self) -> Hits:
        engine = self.engine
        if engine is None:
            return
        for norm in engine.catalogue.norms:
            yield DiscoveryHit(
                f"{norm.id}{GAP}{norm.short_text}",
                partial(self._choose, norm.id),
                help=msg("tui.palette.jump_help"),
            )

    async def search(self, query: str) -> Hits:
        engine = self.engine
        if engine is None:
            return
        for match in engine.search(query):
            display = highlighted(engine, match, self.match_style or Style(reverse=True))
            yield Hit(
                match.score,
                display,
                partial(self._choose, match.norm.id),
                text=display.plain,
                help=msg("tui.palette.jump_help"),
            )


def highlighted(engine: NormSearch, match: NormMatch, style: Style) -> Content:
    """``V5  first words…`` with the matched part of the id or the matched words styled.

    When the words matched lie beyond the first few, the text shown is the part around
    them, so the auditor sees why the norm was found.
    """
    excerpt = engine.excerpt(match)
    norm_id = Content(match.norm.id).stylize(style, 0, match.id_matched)
    text = Content(excerpt.text)
    for start, end in excerpt.spans:
        text = text.stylize(style, start, end)
    return Content.assemble(norm_id, GAP, text)
