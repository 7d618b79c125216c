"""Keep the garbage collector's full passes away from the auditor's keystrokes."""

from __future__ import annotations

import gc


def keep_out_of_gc() -> None:
    """Exempt everything alive now from the cyclic collector's full passes.

    An opened audit is tens of thousands of long-lived objects; a full collection that
    walks them all takes a few hundred milliseconds and would land, sooner or later, on a
    keystroke. Freezing them keeps typing smooth; they live until the app exits anyway.
    """
    gc.freeze()
