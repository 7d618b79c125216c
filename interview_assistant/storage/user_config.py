"""The user's own settings on this computer, outside any audit: a small TOML file each.

They live in the platform's user config folder (``~/.config/interview-assistant`` on
Linux), or in ``$INTERVIEW_ASSISTANT_CONFIG`` when set (tests point it at a temporary
folder). Files are written durably and owner-only like the audits; a file that cannot
be read is moved aside (``NAME.onleesbaar-STAMP``) before a new one is written, never
overwritten.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from interview_assistant.domain.ids import now
from interview_assistant.storage.durable import ensure_private_dir, fsync_dir, write_atomic

CONFIG_ENV = "INTERVIEW_ASSISTANT_CONFIG"


def config_dir() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("interview-assistant", appauthor=False))


class UnreadableConfig(ValueError):
    """A settings file that is not valid TOML (or not UTF-8); ``str()`` says why."""


def read_config(path: Path) -> dict[str, Any]:
    """The settings in ``path``; empty if there is no such file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UnreadableConfig(str(exc)) from exc


def _toml_string(value: str) -> str:
    escaped = []
    for char in value:
        if char in '"\\' or ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def write_config(path: Path, values: dict[str, str], header: str = "") -> None:
    """Write ``values`` (strings) as ``path``, durably and owner-only; an unreadable file
    there is moved aside first."""
    ensure_private_dir(path.parent)
    try:
        read_config(path)
    except UnreadableConfig:
        aside = path.with_name(f"{path.name}.onleesbaar-{now():%Y%m%dT%H%M%S}")
        os.replace(path, aside)
        fsync_dir(path.parent)
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += [f"{key} = {_toml_string(value)}" for key, value in values.items()]
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))


#: more than any hand-written settings file; a larger one is not read
MAX_CONFIG_BYTES = 256 * 1024


def read_config_text(path: Path) -> str | None:
    """The text of ``path`` (UTF-8), or None when it does not exist; a file that is too
    large or no UTF-8 raises ``OSError`` (the keymap reports it with its own lines)."""
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
