"""One line above the note input where the assistant proposes norms for what is typed.

Hidden while there is nothing to propose, so it costs the layout nothing; the screen
fills it from a worker (the suggestions are computed off the UI thread) and a key adds
the first proposal.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from interview_assistant.messages import msg
from interview_assistant.services.suggest import NormSuggestion


class SuggestionBar(Static):
    """``Ook V13 (intervisie), D8 (evaluatie)? ^t voegt V13 toe``, or nothing."""

    DEFAULT_CSS = """
    SuggestionBar {
        height: auto;
        padding: 0 2;
        color: $text-primary;
        display: none;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        #: what is proposed, best first, and the note it is for (None: the draft being typed)
        self.proposals: tuple[NormSuggestion, ...] = ()
        self.note_id: str | None = None

    def propose(self, proposals: Sequence[NormSuggestion], note_id: str | None) -> None:
        self.proposals = tuple(proposals)
        self.note_id = note_id
        if not self.proposals:
            self.clear()
            return
        listed = ", ".join(
            msg("suggest.line_proposal", norm=s.norm_id, why=", ".join(s.why))
            for s in self.proposals
        )
        key = "suggest.tui_key_note" if note_id else "suggest.tui_key_draft"
        self.update(
            Content.assemble(
                ("» ", "bold"),
                msg("suggest.tui_offer", proposals=listed),
                "  ",
                (msg(key, norm=self.proposals[0].norm_id), "$text-muted"),
            )
        )
        self.display = True

    def clear(self) -> None:
        self.proposals = ()
        self.note_id = None
        if self.display:
            self.update("")
            self.display = False

    def take_first(self) -> NormSuggestion | None:
        """The first proposal, removed from the bar (the next one moves up)."""
        if not self.proposals:
            return None
        first, *rest = self.proposals
        self.propose(rest, self.note_id)
        return first
