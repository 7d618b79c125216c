"""The user's keymap file: binding id -> key, read from the config folder.

``keymap.toml`` in the user's config folder (platformdirs) remaps any key of the TUI by
its binding id, as Posting does, e.g.::

    [interview]
    next_norm = "ctrl+n"        # or: "interview.next_norm" = "ctrl+n,f3"

The file is read once at start. A bad entry is reported with its line and skipped; the
good ones still apply. The front end knows which binding ids exist and passes them in.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from interview_assistant.messages import msg
from interview_assistant.storage.user_config import config_dir, read_config_text

KEYMAP_FILE = "keymap.toml"

MODIFIERS = frozenset({"ctrl", "alt", "shift", "super", "meta", "hyper"})
#: key names Textual knows besides single characters and f1..f24
NAMED_KEYS = frozenset(
    {
        "escape", "enter", "tab", "space", "backspace", "delete", "insert", "home", "end",
        "pageup", "pagedown", "up", "down", "left", "right",
    }
)  # fmt: skip
_F_KEY = re.compile(r"f([1-9]|1[0-9]|2[0-4])")
_TOML_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")
_ENTRY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.\-"']+)\s*=""")
_TABLE = re.compile(r"""^\s*\[\s*("[^"]*"|[A-Za-z0-9_.\-]+)\s*\]""")


def resolve_config_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``explicit``, else ``$INTERVIEW_ASSISTANT_CONFIG``, else the user's config folder."""
    if explicit:
        return Path(explicit).expanduser()
    return config_dir()


@dataclass
class KeymapFile:
    """What the file maps (binding id -> Textual key string) and what was wrong with it."""

    path: Path
    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    #: the line each binding id is set on
    lines: dict[str, int] = field(default_factory=dict)

    def unknown(self, binding_ids: Collection[str]) -> list[str]:
        """Notices for the ids in the file that no screen has (and drop them)."""
        problems = []
        for binding in [b for b in self.keymap if b not in binding_ids]:
            del self.keymap[binding]
            line = self.lines.get(binding, "?")
            problems.append(
                msg("keys.file.unknown_binding", file=self.path, line=line, binding=binding)
            )
        return problems


def is_key(key: str) -> bool:
    """Whether ``key`` names one key as Textual writes it (``ctrl+n``, ``f5``, ``?``)."""
    *modifiers, name = key.split("+") if key != "+" else ["+"]
    if not name or any(m not in MODIFIERS for m in modifiers):
        return False
    if len(name) == 1:
        return name.isprintable()
    if name in NAMED_KEYS or _F_KEY.fullmatch(name):
        return True
    try:  # Textual's names for characters: question_mark, full_stop, ...
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True


def _lines(text: str) -> dict[str, int]:
    """The line each binding id is set on (dotted or in a [table])."""
    found: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        if match := _TABLE.match(line):
            table = match.group(1).strip("\"'")
            continue
        if match := _ENTRY.match(line):
            raw = match.group(1)
            if raw[0] in "\"'":
                name = raw[1:-1]
            else:
                name = ".".join(part.strip("\"' ") for part in raw.split("."))
            found.setdefault(f"{table}.{name}" if table else name, number)
    return found


def _flatten(data: dict[str, object], prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for name, value in data.items():
        full = f"{prefix}.{name}" if prefix else name
        if isinstance(value, dict):
            flat.update(_flatten(value, full))
        else:
            flat[full] = value
    return flat


def parse_keymap(text: str, path: Path, binding_ids: Collection[str] | None = None) -> KeymapFile:
    """Check ``text`` entry by entry; ids not in ``binding_ids`` are reported (if given).

    The TUI checks the ids later (:meth:`KeymapFile.unknown`): it knows them only once
    every screen is imported, and the keys should work from the first frame.
    """
    result = KeymapFile(path)
    shown = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_LINE.search(str(exc))
        reason = _TOML_LINE.sub("", str(exc)).strip()
        at = where.group(1) if where and where.group(1) else len(text.splitlines())
        result.problems.append(msg("keys.file.syntax", file=shown, line=at, reason=reason))
        return result
    result.lines = lines = _lines(text)
    for binding, value in _flatten(data).items():
        line: int | str = lines.get(binding, "?")
        if not isinstance(value, str) or not value.strip():
            result.problems.append(
                msg("keys.file.not_text", file=shown, line=line, binding=binding)
            )
            continue
        keys = [k.strip() for k in value.split(",") if k.strip()]
        bad = [k for k in keys if not is_key(k)]
        if bad or not keys:
            key = bad[0] if bad else value
            result.problems.append(
                msg("keys.file.bad_key", file=shown, line=line, key=key, binding=binding)
            )
            continue
        result.keymap[binding] = ",".join(keys)
    if binding_ids is not None:
        result.problems += result.unknown(binding_ids)
    return result


def load_keymap(config_dir: Path, binding_ids: Collection[str] | None = None) -> KeymapFile:
    """Read ``keymap.toml`` from ``config_dir``; no file is an empty keymap."""
    path = config_dir / KEYMAP_FILE
    try:
        text = read_config_text(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return KeymapFile(path, problems=[msg("keys.file.unreadable", file=path, reason=reason)])
    if text is None:
        return KeymapFile(path)
    return parse_keymap(text, path, binding_ids)
