"""Finding norms and completing tags: one engine behind every place an auditor types.

The TUI's note input, its command palette, the line mode's tab completion and its
``/norm`` command all ask the same three questions: which norms fit these words, what
fits the tag under the cursor, and which norm did the auditor mean by ``v05``. They used
to answer them four ways, and the answers drifted; here they are answered once.

Matching is on whole query words as substrings of the norm text, not fuzzy: against a
long Dutch norm text a fuzzy match of almost any query succeeds, which makes a list of
hits useless. Case and accents are ignored (``client`` finds ``cliënt``). Every match
carries the spans it matched so a UI can highlight them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from interview_assistant.domain.tags import (
    EVIDENCE_WORDS,
    KIND_WORDS,
    Evidence,
    TagToken,
    normalise_norm_id,
    tag_at,
)
from interview_assistant.messages import msg
from norm_catalogue import Catalogue, Norm

#: typing this many letters after ``#`` (and no digit) also searches the norm texts
TEXT_SEARCH_MIN = 3
#: words of a norm shown in a hint or a palette line
EXCERPT_WORDS = 8

Span = tuple[int, int]


@dataclass(frozen=True)
class NormMatch:
    """A norm that fits a query; ``spans`` are the matched parts of ``norm.text``.

    ``id_matched`` is how many leading characters of the norm id the query matched
    (0 when the norm was found by the words of its text).
    """

    norm: Norm
    score: float
    id_matched: int = 0
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Excerpt:
    """A few words of a norm text to show, with the matched spans shifted into it."""

    text: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    """One way to finish a tag: ``word`` goes after the sigil; ``hint`` says what it is."""

    sigil: str
    word: str
    hint: str
    hint_spans: tuple[Span, ...] = ()

    @property
    def replacement(self) -> str:
        return self.sigil + self.word


@dataclass(frozen=True)
class TagCompletion:
    """What fits the tag under the cursor.

    ``token`` is the tag as typed (its ``start`` is the sigil, its ``end`` the cursor);
    ``complete`` is true when the typed tag is already valid as it stands, so a UI can
    let Enter store the note instead of lengthening the tag.
    """

    token: TagToken
    suggestions: tuple[Suggestion, ...]
    complete: bool

    def apply(self, text: str, suggestion: Suggestion) -> tuple[str, int]:
        """``text`` with the typed tag replaced by ``suggestion`` and a space; new cursor."""
        tail = text[self.token.end :]
        insert = suggestion.replacement + ("" if tail.startswith(" ") else " ")
        return text[: self.token.start] + insert + tail, self.token.start + len(insert)


class NormSearch:
    """Search, completion and resolution over one catalogue (an audit's edition)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._lowered = [(norm, norm.id.lower(), fold(norm.text)) for norm in catalogue.norms]
        self._short_forms: dict[Evidence, list[str]] = {}
        for word, evidence in EVIDENCE_WORDS.items():
            if word != evidence.value:
                self._short_forms.setdefault(evidence, []).append(word)

    # -- (c) a typed norm ---------------------------------------------------------------

    def resolve(self, typed: str) -> str | None:
        """The norm id meant by ``typed`` (``v5``, ``#V5``, ``V05``), or None."""
        norm_id = normalise_norm_id(typed.strip().lstrip("#"))
        return norm_id if self.catalogue.has_norm(norm_id) else None

    # -- (a) search by id or words ------------------------------------------------------

    def search(self, query: str) -> list[NormMatch]:
        """Norms that fit ``query``, best first (catalogue order among equals).

        1 for the exact id, 0.9 for an id prefix, 0.5-0.8 when every query word occurs
        in the text (longer words score higher), nothing otherwise.
        """
        words = [w.lstrip("#") for w in fold(query).split()]
        words = [w for w in words if w]
        if not words:
            return []
        exact = self.resolve(query)
        prefixes = self._id_prefixes(words[0]) if len(words) == 1 else ()
        matches: list[NormMatch] = []
        for norm, lowered_id, lowered_text in self._lowered:
            if norm.id == exact:
                matches.append(NormMatch(norm, 1.0, id_matched=len(norm.id)))
                continue
            if prefixes:
                matched = self._id_prefix(prefixes, lowered_id)
                if matched:
                    matches.append(NormMatch(norm, 0.9, id_matched=matched))
                    continue
            spans = _word_spans(words, lowered_text)
            if spans is not None:
                score = 0.5 + min(0.3, 0.01 * sum(len(w) for w in words))
                matches.append(NormMatch(norm, score, spans=spans))
        matches.sort(key=lambda m: -m.score)  # stable: catalogue order among equals
        return matches

    @staticmethod
    def _id_prefixes(word: str) -> tuple[str, ...]:
        """The id prefixes ``word`` stands for: as typed, and ``v05`` read as ``v5``."""
        normalised = normalise_norm_id(word).lower()
        return (word,) if normalised == word else (word, normalised)

    @staticmethod
    def _id_prefix(prefixes: tuple[str, ...], lowered_id: str) -> int:
        """How many characters of the id a prefix matches (0: none)."""
        for prefix in prefixes:
            if lowered_id.startswith(prefix):
                return len(prefix)
        return 0

    def excerpt(self, match: NormMatch, words: int = EXCERPT_WORDS) -> Excerpt:
        """The norm's first words, or a window around the first match if it lies beyond."""
        text = match.norm.text
        bounds = _word_bounds(text)
        if not bounds:
            return Excerpt("")
        first = next(
            (i for i, (_, end) in enumerate(bounds) if match.spans and end > match.spans[0][0]),
            0,
        )
        begin = 0 if first < words else max(0, first - 2)
        shown = bounds[begin : begin + words]
        start, end = shown[0][0], shown[-1][1]
        prefix = "… " if begin else ""
        suffix = " …" if begin + words < len(bounds) else ""
        body = " ".join(text[s:e] for s, e in shown)
        # map positions in ``text`` onto ``body`` (whitespace runs collapse to one space)
        offsets: dict[int, int] = {}
        position = len(prefix)
        for s, e in shown:
            for i in range(s, e + 1):
                offsets[i] = position + (i - s)
            position += e - s + 1
        spans = tuple(
            (offsets[max(s, start)], offsets[min(e, end)])
            for s, e in match.spans
            if e > start and s < end and max(s, start) in offsets and min(e, end) in offsets
        )
        return Excerpt(prefix + body + suffix, spans)

    # -- (b) the tag under the cursor ---------------------------------------------------

    def complete(self, text: str, cursor: int) -> TagCompletion | None:
        """What fits the tag that ends at ``cursor`` in ``text``; None outside a tag."""
        token = tag_at(text, cursor)
        if token is None:
            return None
        word = token.word.lower()
        if token.sigil == "#":
            suggestions = self.norm_suggestions(token.word)
            complete = self.resolve(token.word) is not None
        elif token.sigil == "@":
            suggestions = tuple(self._evidence_suggestions(word))
            complete = word in EVIDENCE_WORDS
        else:
            suggestions = tuple(
                Suggestion("!", kind, msg("search.kind"))
                for kind in KIND_WORDS
                if kind.startswith(word)
            )
            complete = word in KIND_WORDS
        return TagCompletion(token, suggestions, complete)

    def norm_suggestions(self, typed: str) -> tuple[Suggestion, ...]:
        """Norms for a partly typed norm tag: id prefixes first, then words of the texts."""
        word = fold(typed)
        found: list[Suggestion] = []
        seen: set[str] = set()
        prefixes = self._id_prefixes(word) if word else ()
        for norm, lowered_id, _ in self._lowered:
            if not word or self._id_prefix(prefixes, lowered_id):
                found.append(Suggestion("#", norm.id, norm.short_text))
                seen.add(norm.id)
        if len(word) >= TEXT_SEARCH_MIN and not any(c.isdigit() for c in word):
            by_text = [
                NormMatch(norm, 0.5, spans=spans)
                for norm, _, lowered_text in self._lowered
                if norm.id not in seen and (spans := _word_spans([word], lowered_text))
            ]
            # a word that starts a word of the text before one found inside a word
            by_text.sort(key=lambda m: not _starts_word(m.norm.text, m.spans[0][0]))
            for match in by_text:
                excerpt = self.excerpt(match)
                found.append(Suggestion("#", match.norm.id, excerpt.text, excerpt.spans))
        return tuple(found)

    def _evidence_suggestions(self, word: str) -> Iterable[Suggestion]:
        for evidence in Evidence:
            forms = [evidence.value, *self._short_forms.get(evidence, [])]
            if any(form.startswith(word) for form in forms):
                short = " ".join(f"@{f}" for f in forms[1:])
                hint = msg("search.evidence_short", forms=short) if short else ""
                yield Suggestion("@", evidence.value, hint)


def fold(text: str) -> str:
    """Lower case without accents, one character for each: 'Cliënt' → 'client'.

    Auditors type fast and skip the diaeresis; keeping one character per character keeps
    the matched spans valid in the original text.
    """
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=1024)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


@lru_cache(maxsize=8)
def norm_search(catalogue: Catalogue) -> NormSearch:
    """The engine for ``catalogue``, built once per edition in use."""
    return NormSearch(catalogue)


def _word_spans(words: list[str], lowered_text: str) -> tuple[Span, ...] | None:
    """Every occurrence of every word in the text, merged; None unless all words occur."""
    spans: list[Span] = []
    for word in words:
        at = lowered_text.find(word)
        if at < 0:
            return None
        while at >= 0:
            spans.append((at, at + len(word)))
            at = lowered_text.find(word, at + len(word))
    spans.sort()
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _word_bounds(text: str) -> list[Span]:
    bounds: list[Span] = []
    start = None
    for i, char in enumerate(text):
        if char.isspace():
            if start is not None:
                bounds.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        bounds.append((start, len(text)))
    return bounds


def _starts_word(text: str, index: int) -> bool:
    return index == 0 or not text[index - 1].isalnum()
