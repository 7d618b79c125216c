"""Counts in Dutch: "1 norm" but "2 normen", "1 van de 49 normen heeft" but "2 ... hebben".

Every count the user reads goes through :func:`count` or :func:`count_of`, so no screen
says "1 notities" or "1 normen hebben". The nouns and verbs live here, in the catalogue,
like every other word the user reads.
"""

from __future__ import annotations

DUTCH: dict[str, str] = {
    # nouns: .one for exactly one, .many for every other number (0 too: "0 notities")
    "plural.norm.one": "norm",
    "plural.norm.many": "normen",
    "plural.note.one": "notitie",
    "plural.note.many": "notities",
    "plural.conversation.one": "gesprek",
    "plural.conversation.many": "gesprekken",
    "plural.session.one": "sessie",
    "plural.session.many": "sessies",
    "plural.source.one": "bron",
    "plural.source.many": "bronnen",
    "plural.file.one": "bestand",
    "plural.file.many": "bestanden",
    "plural.finding.one": "bevinding",
    "plural.finding.many": "bevindingen",
    "plural.personal_data.one": "mogelijk persoonsgegeven",
    "plural.personal_data.many": "mogelijke persoonsgegevens",
    # verbs after a count: "1 norm heeft", "2 normen hebben"
    "plural.verb.has.one": "heeft",
    "plural.verb.has.many": "hebben",
    "plural.verb.is.one": "is",
    "plural.verb.is.many": "zijn",
    "plural.verb.meets.one": "voldoet",
    "plural.verb.meets.many": "voldoen",
    "plural.count": "{count} {noun}",
    "plural.count_of": "{count} van de {total} {noun} {verb}",
}


def _form(count: int) -> str:
    return "one" if count == 1 else "many"


def noun(count: int, name: str) -> str:
    """The noun ``name`` ("norm", "note", ...) in the form that goes with ``count``."""
    from interview_assistant.messages import msg

    return msg(f"plural.{name}.{_form(count)}")


def verb(count: int, name: str) -> str:
    """The verb ``name`` ("has", "is", "meets") in the form that goes with ``count``."""
    from interview_assistant.messages import msg

    return msg(f"plural.verb.{name}.{_form(count)}")


def count(number: int, name: str) -> str:
    """'1 norm', '2 normen', '0 notities'."""
    from interview_assistant.messages import msg

    return msg("plural.count", count=number, noun=noun(number, name))


def count_of(number: int, total: int, name: str, verb_name: str) -> str:
    """'1 van de 49 normen heeft', '26 van de 49 normen hebben' (the verb follows the count)."""
    from interview_assistant.messages import msg

    return msg(
        "plural.count_of",
        count=number,
        total=total,
        noun=noun(total, name),
        verb=verb(number, verb_name),
    )
