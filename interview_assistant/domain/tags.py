"""The note syntax: ``#V5`` names a norm, ``@doc`` evidence, ``!knelpunt`` a kind.

Auditors type fast and do not want forms; tags may stand anywhere in the text and
are case-insensitive. A tag the catalogue does not know is an error, never ignored,
because a silently dropped ``#V16`` would make coverage lie. For the same reason a
``#`` glued to a word (``netwerk#V3``) is a norm tag too: typed fast, the space goes
missing, and an unknown one is reported like any other. ``@`` and ``!`` glued to a
word are tags only when their word is an evidence or kind word and no address goes on
after it: ``info@doc.nl`` is an e-mail address, ``klaar!knelpunt`` a kind.

A note may carry several kinds (``!knelpunt !suggestie``): it counts in each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from interview_assistant.domain.errors import DomainError


class Evidence(StrEnum):
    DOCUMENT = "document"
    REGISTRATIE = "registratie"
    VOORBEELD = "voorbeeld"
    GEGEVENS = "gegevens"
    OBSERVATIE = "observatie"


class NoteKind(StrEnum):
    BEVINDING = "bevinding"
    KNELPUNT = "knelpunt"
    SUGGESTIE = "suggestie"
    COMPLIMENT = "compliment"
    ZORGPUNT = "zorgpunt"


EVIDENCE_WORDS: dict[str, Evidence] = {
    **{e.value: e for e in Evidence},
    "doc": Evidence.DOCUMENT,
    "reg": Evidence.REGISTRATIE,
    "vb": Evidence.VOORBEELD,
    "data": Evidence.GEGEVENS,
    "obs": Evidence.OBSERVATIE,
}
KIND_WORDS: dict[str, NoteKind] = {k.value: k for k in NoteKind}


def _words(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: The one tag pattern, used by the parser, the completion and the suggester alike:
#: a sigil not glued to a word or another sigil, then its word (which may be empty so
#: that a tag being typed, ``#`` alone, is found too; a finished tag always has a word);
#: or a ``#`` glued to a word, with a word; or ``@``/``!`` glued to a word with an
#: evidence or kind word that no ``.``/``-`` and more letters follow (an address).
_NOT_AN_ADDRESS = r"(?!\w|[.\-]\w)"
TAG_PATTERN = re.compile(
    r"(?:(?<![\w#@!])"
    r"|(?<=\w)(?=#\w)"
    rf"|(?<=\w)(?=@(?i:{_words(EVIDENCE_WORDS)}){_NOT_AN_ADDRESS})"
    rf"|(?<=\w)(?=!(?i:{_words(KIND_WORDS)}){_NOT_AN_ADDRESS})"
    r")([#@!])(\w*)"
)
NORM_TAG = re.compile(r"([a-z]+)0*(\d+)")


class NoteSyntaxError(DomainError):
    """A tag in the typed text is not valid; ``tag`` is the offending tag as typed."""

    def __init__(self, key: str, tag: str, **params: str) -> None:
        self.tag = tag
        super().__init__(key, tag=tag, **params)


#: The kinds of a note that names none.
DEFAULT_KINDS: tuple[NoteKind, ...] = (NoteKind.BEVINDING,)


@dataclass(frozen=True)
class ParsedNote:
    text: str
    norms: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    #: every kind typed, in the order typed; ``(bevinding,)`` when none was
    kinds: tuple[NoteKind, ...] = DEFAULT_KINDS

    @property
    def kind(self) -> NoteKind:
        """The first kind typed: the one a single-kind reader shows."""
        return self.kinds[0]


def describe_norm_range(norm_ids: Iterable[str]) -> str:
    """'V1-V15, D1-D11, O1-O23' for the error message about an unknown norm."""
    ranges: dict[str, list[int]] = {}
    for norm_id in norm_ids:
        match = NORM_TAG.fullmatch(norm_id.lower())
        if match:
            ranges.setdefault(match.group(1).upper(), []).append(int(match.group(2)))
    return ", ".join(f"{s}{min(ns)}-{s}{max(ns)}" for s, ns in ranges.items())


def normalise_norm_id(word: str) -> str:
    """'v05' → 'V5'; anything that is not letters+number is returned upper-cased."""
    match = NORM_TAG.fullmatch(word.lower())
    if not match:
        return word.upper()
    return f"{match.group(1).upper()}{int(match.group(2))}"


def parse_note(
    text: str,
    norm_ids: Iterable[str],
    default_norm: str | None = None,
) -> ParsedNote:
    """Parse typed text into norms, evidence and kinds, or raise :class:`NoteSyntaxError`.

    ``norm_ids`` are the norms of the audit's edition, in catalogue order (pass a dict
    from ``dict.fromkeys`` to avoid rebuilding it per note); ``default_norm`` is attached
    when the text names no norm (the norm the auditor is walking through).
    """
    stripped = text.strip()
    if not stripped:
        raise NoteSyntaxError("tag.empty", tag="")
    try:
        stripped.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, e.g. from a broken paste
        raise NoteSyntaxError("tag.bad_character", tag="", position=str(exc.start + 1)) from None
    known = norm_ids if isinstance(norm_ids, dict) else dict.fromkeys(norm_ids)
    norms: list[str] = []
    evidence: list[Evidence] = []
    kinds: list[NoteKind] = []
    for match in TAG_PATTERN.finditer(stripped):
        sigil, word = match.group(1), match.group(2)
        if not word:  # a lone '#', '@' or '!' is punctuation, not a tag
            continue
        tag = sigil + word
        lower = word.lower()
        if sigil == "#":
            norm_id = normalise_norm_id(word)
            if norm_id not in known:
                raise NoteSyntaxError("tag.unknown_norm", tag, valid=describe_norm_range(known))
            if norm_id not in norms:
                norms.append(norm_id)
        elif sigil == "@":
            found = EVIDENCE_WORDS.get(lower)
            if found is None:
                valid = ", ".join(f"@{w}" for w in EVIDENCE_WORDS)
                raise NoteSyntaxError("tag.unknown_evidence", tag, valid=valid)
            if found not in evidence:
                evidence.append(found)
        else:
            kind = KIND_WORDS.get(lower)
            if kind is None:
                valid = ", ".join(f"!{w}" for w in KIND_WORDS)
                raise NoteSyntaxError("tag.unknown_kind", tag, valid=valid)
            if kind not in kinds:
                kinds.append(kind)
    if not norms and default_norm:
        norms.append(default_norm)
    return ParsedNote(
        text=stripped,
        norms=tuple(norms),
        evidence=tuple(evidence),
        kinds=tuple(kinds) or DEFAULT_KINDS,
    )


def strip_tags(text: str) -> str:
    """The note's prose without its tags, for reports and drafts."""
    without = TAG_PATTERN.sub(lambda m: "" if m.group(2) else m.group(0), text)
    return re.sub(r"[ \t]{2,}", " ", without).strip()


@dataclass(frozen=True)
class TagToken:
    """A tag (finished or being typed) in a text: ``start`` is the index of its sigil."""

    sigil: str
    word: str
    start: int
    end: int


def tag_at(text: str, cursor: int) -> TagToken | None:
    """The tag that ends at ``cursor`` (possibly just its sigil), or None.

    None too when the cursor stands in the middle of a word: completing there would
    split the word; and for ``@``/``!`` glued to a word (``mail@reg``): the parser reads
    those only when their word is complete, so there is nothing to complete (and an
    e-mail address being typed gets no list).
    """
    found = None
    for match in TAG_PATTERN.finditer(text, 0, cursor):
        if match.end() == cursor:
            found = match
    if found is None:
        return None
    before = text[found.start() - 1 : found.start()]
    if found.group(1) != "#" and (before.isalnum() or before == "_"):
        return None  # '@'/'!' glued to a word is a tag only when complete: nothing to offer
    after = text[cursor : cursor + 1]
    if after and (after.isalnum() or after == "_"):
        return None
    return TagToken(found.group(1), found.group(2), found.start(), cursor)


def tag_span(text: str, tag: str) -> tuple[int, int] | None:
    """Where ``tag`` (as the parser reported it) stands in ``text``, to select it for fixing."""
    if not tag:
        return None
    for match in TAG_PATTERN.finditer(text):
        if match.group(0) == tag:
            return match.span()
    return None
