"""Text from users made safe to show: on a terminal, and in a report a reader opens.

Notes, names and findings come from other auditors' bundles too, so they may hold
control characters a terminal obeys: an ESC that starts a sequence clearing the screen,
setting the window title or planting a link (CSI/OSC, also in their 8-bit C1 forms), a
carriage return that overwrites a line, or a bidi override that shows text in another
order than it is stored. Neutralising the introducer (ESC, CSI, OSC, BEL...) turns a
whole sequence into harmless visible text, so no sequence parsing is needed.

A neutralised character is shown as its JSON escape (ESC as ``\\u001b``): readable for
whoever looks into it, and JSON written through a neutralising stream stays exact,
since JSON reads the escape back as the very character.
"""

from __future__ import annotations

import re

#: bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# C0 (except the allowed), DEL, C1, bidi controls, lone surrogates, line/paragraph separators
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _visible(char: str) -> str:
    return f"\\u{ord(char):04x}"


def for_terminal(text: str, *, keep: str = "\n\t") -> str:
    """``text`` with every character a terminal would act on made visible and inert.

    ``keep`` lists the layout characters the field may hold (newline and tab by
    default; pass ``""`` for a one-line field such as a name).
    """
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: m[0] if m[0] in keep else _visible(m[0]), text)


def without_bidi_controls(text: str) -> str:
    """``text`` with bidi overrides and isolates shown as escapes (every report format)."""
    return _BIDI.sub(lambda m: _visible(m[0]), text) if _BIDI.search(text) else text


def is_terminal_safe(text: str, *, keep: str = "\n\t") -> bool:
    """True when :func:`for_terminal` would leave ``text`` as it is."""
    return all(m[0] in keep for m in _UNSAFE.finditer(text))
