"""Bulk work over tens of thousands of small objects (merging, building a report).

Parsed JSON and report models hold no reference cycles, yet while 20,000 notes are
created the cyclic garbage collector walks the growing heap again and again; pausing
it for such a step halves its time (the store's loader does the same).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
