"""Small text files in the user's config folder (the keymap), read whole and never written.

A missing file is not an error; an unreadable or oversized one raises ``OSError``, which
the caller turns into a notice: the program starts regardless.
"""

from __future__ import annotations

from pathlib import Path

#: more than any hand-written settings file; a larger one is not read
MAX_CONFIG_BYTES = 256 * 1024


def read_config_text(path: Path) -> str | None:
    """The text of ``path`` (UTF-8), or None when it does not exist."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return None
    if len(data) > MAX_CONFIG_BYTES:
        raise OSError(f"groter dan {MAX_CONFIG_BYTES // 1024} kB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OSError("geen UTF-8-tekst") from exc
