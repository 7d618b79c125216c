"""Every sentence the user reads, in Dutch, in one place.

Keeping the wording here keeps it consistent between the TUI, the line mode and the
CLI, and leaves room for an English catalogue later. Each front end keeps its texts in
its own module of this package (``core``, ``tui``, ``line``, ``report``); keys are
prefixed by area and must be unique. Look texts up with :func:`msg`.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def _collect() -> dict[str, str]:
    texts: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, text in module.DUTCH.items():
            if key in texts:
                raise RuntimeError(f"message key {key!r} defined twice")
            texts[key] = text
    return texts


DUTCH: dict[str, str] = _collect()


def msg(key: str, /, **params: Any) -> str:
    """The user-facing text for ``key`` with ``params`` filled in."""
    template = DUTCH[key]
    return template.format(**params) if params else template
