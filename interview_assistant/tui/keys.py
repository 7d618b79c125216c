"""Every key binding of the TUI by id, and the keys in force once the user's keymap applies.

Which keys: Ctrl+letter is what reaches the app in macOS Terminal, iTerm2, GNOME Terminal
and Windows Terminal alike (Textual turns off flow control, so even ^s and ^q arrive);
F-keys need Fn on a Mac and GNOME Terminal takes F1 and F10; Alt+letter arrives on a Mac
only with "Option as Meta". The letters the input widgets use for editing (a, e, k, u, w,
d, h = Backspace, x/c/v, z/y in text areas), i (Tab), m (Enter), b (tmux) and p (the
palette) are not used for actions. README's key table lists the result.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode


def bindable_classes() -> list[type[DOMNode]]:
    """The app and every screen and widget of this package that declares bindings.

    Found by importing every module of the TUI, so a new screen is included without
    being listed here (the keymap file's ids and the tests of the keys cover it).
    """
    import interview_assistant.tui as tui
    from interview_assistant.tui.app import InterviewAssistantApp

    for info in pkgutil.walk_packages(tui.__path__, f"{tui.__name__}."):
        importlib.import_module(info.name)
    found: list[type[DOMNode]] = [InterviewAssistantApp]
    pending: list[type[DOMNode]] = [DOMNode]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            pending.append(sub)
            ours = sub.__module__.startswith(f"{tui.__name__}.")
            if ours and "BINDINGS" in sub.__dict__ and sub not in found:
                found.append(sub)
    return found


@cache
def declared_bindings() -> dict[str, tuple[type[DOMNode], Binding]]:
    """Each binding id with the class that declares it and the binding as declared.

    Imports every module of the TUI the first time (the app does that in a worker at
    start when a keymap file is there to check; otherwise the first message that names
    a key pays for it once); read-only.
    """
    found: dict[str, tuple[type[DOMNode], Binding]] = {}
    for cls in bindable_classes():
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                found[binding.id] = (cls, binding)
    return found


def keys_in_force(app: App, binding_id: str, keymap: dict[str, str], default: str) -> str:
    """How the keys of ``binding_id`` are written for the user (``^l``, ``^l / f3``)."""
    keys = keymap.get(binding_id) or default
    shown = [app.get_key_display(Binding(key.strip(), "")) for key in keys.split(",")]
    return " / ".join(shown)


def keys_taken(
    keymap: dict[str, str], declared: dict[str, tuple[type[DOMNode], Binding]]
) -> list[tuple[str, str, str]]:
    """(key, binding id, id of the binding that loses it) for each key the keymap gives to
    a binding while another one on the same screen (or the app) still has it."""
    taken = []
    for binding_id, keys in keymap.items():
        if binding_id not in declared:
            continue
        owner = declared[binding_id][0]
        for other_id, (other_owner, other) in declared.items():
            if other_id == binding_id or other_id in keymap:
                continue
            if other_owner is not owner and not issubclass(other_owner, App):
                continue
            for key in keys.split(","):
                if key in {k.strip() for k in other.key.split(",")}:
                    taken.append((key, binding_id, other_id))
    return taken
