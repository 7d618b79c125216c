"""Where a long export or merge is, for a progress bar in a UI worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from interview_assistant.messages import msg


@dataclass(frozen=True)
class Progress:
    """``stage`` is export, read, check or write; ``done`` of ``total`` items so far."""

    stage: str
    done: int
    total: int
    item: str = ""

    @property
    def label(self) -> str:
        """What is happening, in Dutch, for the status line next to the bar."""
        return msg(f"report.progress.{self.stage}", item=self.item)


ProgressCallback = Callable[[Progress], None]
