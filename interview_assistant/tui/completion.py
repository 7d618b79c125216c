"""What to offer while a tag is typed: norms for ``#``, evidence for ``@``, kinds for ``!``.

Kept free of Textual so the matching rules can be tested on their own, and so the
input widget only has to ask "what fits here?" on every keystroke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interview_assistant.domain.tags import EVIDENCE_WORDS, KIND_WORDS, normalise_norm_id
from interview_assistant.messages import msg
from norm_catalogue import Catalogue

#: the tag being typed right before the cursor (same shape as the parser's tags)
_TAG_BEFORE_CURSOR = re.compile(r"(?<![\w#@!])([#@!])(\w*)$")

#: how many norms matched on words (not on their id) are worth offering
_MAX_WORD_MATCHES = 8


@dataclass(frozen=True)
class TagToken:
    """The partial tag under the cursor: ``start`` is the index of its sigil."""

    sigil: str
    word: str
    start: int
    end: int


@dataclass(frozen=True)
class Candidate:
    """One completion: ``replacement`` is the whole tag as it will be inserted."""

    replacement: str
    label: str
    hint: str

    @property
    def word(self) -> str:
        return self.replacement[1:]


def token_at(text: str, cursor: int) -> TagToken | None:
    """The tag that ends at ``cursor``, or None when the cursor is not in a tag."""
    before = text[:cursor]
    match = _TAG_BEFORE_CURSOR.search(before)
    if match is None:
        return None
    # Only while the cursor is at the end of the word (not in the middle of one).
    after = text[cursor : cursor + 1]
    if after and (after.isalnum() or after == "_"):
        return None
    return TagToken(match.group(1), match.group(2), match.start(), cursor)


def candidates(token: TagToken, catalogue: Catalogue) -> list[Candidate]:
    """Completions for ``token``: id prefixes first, then norms whose text has the words."""
    word = token.word.lower()
    if token.sigil == "#":
        return _norm_candidates(word, catalogue)
    if token.sigil == "@":
        found = [
            Candidate(f"@{name}", f"@{name}", msg("tui.complete.evidence", value=value.value))
            for name, value in EVIDENCE_WORDS.items()
            if name.startswith(word)
        ]
    else:
        found = [
            Candidate(f"!{name}", f"!{name}", msg("tui.complete.kind"))
            for name in KIND_WORDS
            if name.startswith(word)
        ]
    # what is typed already, first: Enter then keeps it instead of lengthening it
    return sorted(found, key=lambda c: c.word != word)


def _norm_candidates(word: str, catalogue: Catalogue) -> list[Candidate]:
    normalised = normalise_norm_id(word).lower() if word else ""
    by_id = [
        n
        for n in catalogue.norms
        if not word or n.id.lower().startswith(normalised) or n.id.lower().startswith(word)
    ]
    found = [Candidate(f"#{n.id}", f"#{n.id}", n.short_text) for n in by_id]
    if len(word) >= 3:
        seen = {n.id for n in by_id}
        by_text = [n for n in catalogue.norms if n.id not in seen and word in n.text.lower()]
        found.extend(
            Candidate(f"#{n.id}", f"#{n.id}", n.short_text) for n in by_text[:_MAX_WORD_MATCHES]
        )
    return found


def apply(text: str, token: TagToken, candidate: Candidate) -> tuple[str, int]:
    """The text with the token replaced by the candidate (and a space); new cursor position."""
    tail = text[token.end :]
    insert = candidate.replacement + ("" if tail.startswith(" ") else " ")
    new_text = text[: token.start] + insert + tail
    return new_text, token.start + len(insert)


def tag_span(text: str, tag: str) -> tuple[int, int] | None:
    """Where ``tag`` (as the parser reported it) stands in ``text``, to select it for fixing."""
    if not tag:
        return None
    for match in re.finditer(r"(?<![\w#@!])([#@!]\w+)", text):
        if match.group(1) == tag:
            return match.span(1)
    return None
