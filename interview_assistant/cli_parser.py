"""An ArgumentParser that speaks Dutch: help, usage and argparse's own error messages.

argparse words its help and errors in English (through gettext, with no Dutch catalogue
shipped). This subclass translates them through argparse's public hooks only:
:meth:`format_usage` and :meth:`format_help` (the "usage:" prefix and the section titles),
``add_help`` (its own ``-h/--help`` with a Dutch text), :meth:`error` (argparse's messages
matched and worded again from the message catalogue) and :meth:`add_argument` (a Dutch
name for an option's value where a command gave none). Subcommand parsers are made with
the same class, so every level speaks Dutch.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn, Protocol

from interview_assistant.messages import DUTCH, msg


class Subcommands(Protocol):
    """What a feature module needs of a parser's subcommands: adding one. (argparse's
    own type for them, ``_SubParsersAction``, is private.)"""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


_USAGE = "usage: "
_SECTIONS = {
    "positional arguments:": "argparse.positionals",
    "options:": "argparse.options",
    "optional arguments:": "argparse.options",  # Python before 3.10
}


#: argparse's messages (Python 3.11 - 3.13) and their Dutch wording
_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"the following arguments are required: (?P<names>.*)", re.S),
        lambda m: msg("argparse.required", names=m["names"]),
    ),
    (
        re.compile(r"one of the arguments (?P<names>.*) is required", re.S),
        lambda m: msg("argparse.one_of_required", names=m["names"]),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<names>.*)", re.S),
        lambda m: msg("argparse.unrecognized", names=m["names"]),
    ),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)", re.S),
        lambda m: msg("argparse.ambiguous", option=m["option"], matches=m["matches"]),
    ),
]
_ARGUMENT = re.compile(r"argument (?P<name>[^:]+): (?P<message>.*)", re.S)
_DETAILS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", re.S),
        lambda m: msg("argparse.invalid_choice", value=m["value"], choices=m["choices"]),
    ),
    (
        re.compile(r"invalid (?P<type>\w+) value: (?P<value>.*)", re.S),
        lambda m: msg(
            "argparse.invalid_value",
            type=msg(key) if (key := f"argparse.type.{m['type']}") in DUTCH else m["type"],
            value=m["value"],
        ),
    ),
    (re.compile(r"expected one argument"), lambda m: msg("argparse.expected_one")),
    (re.compile(r"expected at most one argument"), lambda m: msg("argparse.expected_at_most_one")),
    (
        re.compile(r"expected at least one argument"),
        lambda m: msg("argparse.expected_at_least_one"),
    ),
    (
        re.compile(r"expected (?P<count>\d+) arguments?"),
        lambda m: msg("argparse.expected_n", count=m["count"]),
    ),
    (
        re.compile(r"not allowed with argument (?P<name>.*)", re.S),
        lambda m: msg("argparse.not_allowed_with", name=m["name"]),
    ),
    (
        re.compile(r"ignored explicit argument (?P<value>.*)", re.S),
        lambda m: msg("argparse.ignored_explicit", value=m["value"]),
    ),
]


def dutch_error(message: str) -> str:
    """argparse's English error ``message`` in Dutch (unknown ones pass unchanged)."""
    for pattern, word in _PATTERNS:
        if found := pattern.fullmatch(message):
            return word(found)
    if found := _ARGUMENT.fullmatch(message):
        detail = found["message"]
        for pattern, word in _DETAILS:
            if matched := pattern.fullmatch(detail):
                detail = word(matched)
                break
        return msg("argparse.argument", name=found["name"], message=detail)
    return message


def dutch_help(text: str) -> str:
    """Help or usage text with argparse's own words in Dutch."""
    lines = text.split("\n")
    if lines and lines[0].startswith(_USAGE):
        prefix = msg("argparse.usage")
        shift = " " * (len(prefix) - len(_USAGE))
        lines[0] = prefix + lines[0][len(_USAGE) :]
        for index in range(1, len(lines)):  # the usage's own continuation lines
            if not lines[index].startswith(" "):
                break
            lines[index] = shift + lines[index]
    for index, line in enumerate(lines):
        if line in _SECTIONS:
            lines[index] = msg(_SECTIONS[line])
    return "\n".join(lines)


#: options whose value gets a Dutch name when the command gives none (by ``dest``)
_METAVAR_DESTS = frozenset(
    k.removeprefix("argparse.metavar.") for k in DUTCH if k.startswith("argparse.metavar.")
)


class DutchArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # our own -h/--help below, with a Dutch text
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help=msg("argparse.help")
            )

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        named = action.option_strings and action.metavar is None and action.nargs != 0
        if named and action.dest in _METAVAR_DESTS:
            action.metavar = msg(f"argparse.metavar.{action.dest}")
        if action.help is None and "--json" in action.option_strings:
            action.help = msg("argparse.json")
        return action

    def format_usage(self) -> str:
        return dutch_help(super().format_usage())

    def format_help(self) -> str:
        return dutch_help(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = msg("argparse.error", prog=self.prog, message=dutch_error(message))
        self.exit(2, text + "\n")
