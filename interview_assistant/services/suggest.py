"""Norm suggestions: which norms a note is evidence for, read from its words.

Interviewees wander: a remark about intervisie made while the walk is on V2 is evidence
for V13, and finding the right one of 49 norms live is the auditor's heaviest load. The
suggester ranks the norms of an edition for a text with BM25 over what the catalogue says
of each norm (its text, its questions, its evidence) plus the curated vocabulary of the
edition and its labelled example findings and notes (``norm_catalogue/vocabulary``: how
auditors and interviewees put a norm in words; report prose that every norm shares, such
as ``auditoren`` or ``blijkt``, then weighs little), with Dutch lemmas (``besproken`` is
``bespreken``; a table written from simplemma's dictionary, so nothing is loaded at run
time but the table), stemming and a simple split of compound words
(``klachtenregeling`` also counts as ``klacht`` and ``regeling``).

Everything runs here, offline: no text leaves the machine and nothing is downloaded. The
index of an edition is built once per process (a few tens of milliseconds) and a
suggestion then costs well under a millisecond, so a front end can ask on every pause in
typing; it builds the index off its UI thread so start-up never waits for it.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import snowballstemmer  # type: ignore[import-untyped]

from interview_assistant.domain.note import Note
from interview_assistant.domain.tags import TAG_PATTERN, normalise_norm_id
from norm_catalogue import (
    Catalogue,
    NormExample,
    load_catalogue,
    load_examples,
    load_lemmas,
    load_vocabulary,
)

#: how many norms a front end proposes at most
LIMIT = 3
#: weight of a word by where it stands in a norm's description (its "field"); the examples
#: are many and long, so each of their words counts less (chosen on our own data: the
#: cross-validated examples and the dev set, see benchmarks/bench_suggest.py)
FIELD_WEIGHTS = {
    "text": 1.0,
    "questions": 0.6,
    "evidence": 1.0,
    "vocabulary": 2.5,
    "examples": 0.3,
}
#: how much the sentences of a longer text vote, against the text read as one (0..1)
SENTENCE_VOTE = 0.7
#: where a sentence ends (a finding of several sentences is also read sentence by sentence)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
#: how much a recurring word of the text counts: 1 + this x log(times it occurs)
REPEAT_WEIGHT = 0.5
#: an abbreviation typed in capitals (MTO, AVG, VOG) names an instrument, a law or a body:
#: it pins a norm more than a topic word does
ACRONYM_WEIGHT = 1.2
#: BM25 parameters: term saturation and how much a long description is discounted
K1 = 1.2
B = 0.5
#: priors: a norm asked of the interview's roles (Wie or second source), and the norm the
#: walk is on
ROLE_BOOST = 0.3
CURRENT_BOOST = 0.2
#: a suggestion must score at least this much, and this share of the best one
MIN_SCORE = 1.2
MIN_SHARE = 0.35
#: a front end offers a suggestion unasked (after a note is stored) from this score on
OFFER_SCORE = 3.0
#: ... and from this share of the best norm's score (which may be the note's own norm)
OFFER_SHARE = 0.6
#: words of the text shown as the reason for a suggestion, each doing at least this share
#: of what the strongest word does
WHY_WORDS = 3
WHY_SHARE = 0.3
#: compound parts shorter than this are not split off (too many false friends)
MIN_PART = 4

# Function words and the words of every norm that say nothing about which norm it is.
_STOPWORD_TEXT = """
    aan al alle alleen als altijd ander andere anders bij binnen daar daarbij daarin daarna
    dan dat de deze die dit doen doet door dus een eens eigen en er ergens even geen geweest
    had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij kan kon
    kunnen maar me meer men met mij mijn moet moeten na naar niet niets nog nu of om omdat
    ons onze ook op over per te tegen toch toen tot u uit uw van veel voor vooral waar
    waren was wat we wel werd wie wij wil word worden wordt zal ze zelf zich zij zijn zo
    zonder zou zouden zowel hen haar hare zeer soms vaak nooit steeds echter welke welk
    elk elke ieder iedere mag mogen kunt heel hele gehele goed weinig enkele twee drie vier eerste
    organisatie professional professionals medewerker medewerkers team teams sociaal werk
    werker werkers klant klanten client clienten burger burgers bijv bijvoorbeeld zoals
    gaat gaan komt komen zegt zeggen vindt vinden volgens geeft geven kunnen laat laten
    zien ziet staat staan maakt maken hebt had hadden wordt zijn
    """
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

#: a word; ``RI&E`` and ``P&O`` are one word each (``rie``, ``po``)
#: ... and a plural or genitive after an apostrophe is the word itself (``zzp'ers`` is
#: ``zzp``, ``diploma's`` is ``diploma``), not a word ``ers`` or ``s`` of its own
_WORD = re.compile(r"([a-z0-9]+(?:&[a-z0-9]+)*)(?:['’][a-z]{1,3}\b)?")


def fold(text: str) -> str:
    """Lower case without accents (``cliënt`` and ``client`` are one word)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class NormSuggestion:
    """A proposed norm: its id, how well it fits, and the words of the text that matched."""

    norm_id: str
    score: float
    why: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        return {"id": self.norm_id, "score": round(self.score, 3), "why": list(self.why)}


class NormSuggester:
    """The suggestion index of one catalogue edition; immutable once built, so shareable
    between threads."""

    def __init__(
        self,
        catalogue: Catalogue,
        vocabulary: dict[str, tuple[str, ...]],
        lemmas: Mapping[str, str] | None = None,
        examples: Iterable[NormExample] = (),
    ) -> None:
        self.catalogue = catalogue
        self._stemmer = snowballstemmer.stemmer("dutch")
        self._lemmas = load_lemmas() if lemmas is None else lemmas
        self._stems: dict[str, str] = {}
        self._plain: dict[str, str] = {}
        self._lock = threading.Lock()
        # each norm's words by field, read once
        fields = {
            norm_id: [(field_name, _words(text)) for field_name, text in texts]
            for norm_id, texts in self._fields(catalogue, vocabulary, examples).items()
        }
        # Stems that stand alone somewhere in the descriptions: the parts a compound may be
        # split into.
        self._known: frozenset[str] = frozenset(
            self._stem(word) for texts in fields.values() for _, words in texts for word in words
        )
        self._splits: dict[str, tuple[str, ...]] = {}
        weights: list[dict[str, float]] = []
        for norm in catalogue.norms:
            tf: dict[str, float] = defaultdict(float)
            for field_name, words in fields[norm.id]:
                weight = FIELD_WEIGHTS[field_name]
                for word in words:
                    for term, share in self._terms(word):
                        tf[term] += weight * share
            weights.append(dict(tf))
        count = len(weights)
        average = sum(sum(tf.values()) for tf in weights) / count
        frequency: dict[str, int] = defaultdict(int)
        for tf in weights:
            for term in tf:
                frequency[term] += 1
        #: term -> [(norm index, BM25 contribution)]
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, tf in enumerate(weights):
            norm_length = sum(tf.values())
            for term, value in tf.items():
                idf = math.log(1 + (count - frequency[term] + 0.5) / (frequency[term] + 0.5))
                denominator = value + K1 * (1 - B + B * norm_length / average)
                self._postings[term].append((index, idf * value * (K1 + 1) / denominator))
        self._ids = [norm.id for norm in catalogue.norms]

    @staticmethod
    def _fields(
        catalogue: Catalogue,
        vocabulary: dict[str, tuple[str, ...]],
        examples: Iterable[NormExample],
    ) -> dict[str, list[tuple[str, str]]]:
        by_norm: dict[str, list[str]] = defaultdict(list)
        for example in examples:
            for norm_id in example.norms:
                by_norm[norm_id].append(example.text)
        fields: dict[str, list[tuple[str, str]]] = {}
        for norm in catalogue.norms:
            parts = [("text", norm.text)]
            parts += [("questions", q) for qs in norm.questions.values() for q in qs]
            parts += [("evidence", e) for e in norm.evidence]
            parts += [("vocabulary", v) for v in vocabulary.get(norm.id, ())]
            parts += [("examples", e) for e in by_norm.get(norm.id, ())]
            fields[norm.id] = parts
        return fields

    # -- words -----------------------------------------------------------------------------

    def _stem(self, word: str) -> str:
        """The index term of a folded word: its lemma from the table (``besproken`` ->
        ``bespreken``, ``geevalueerd`` -> ``evalueren``), stemmed, so the forms of one word
        meet."""
        stem = self._stems.get(word)
        if stem is None:
            lemma = self._lemmas.get(word)
            stem = self._plain_stem(lemma or word)
            self._stems[word] = stem
        return stem

    def _plain_stem(self, word: str) -> str:
        """The Snowball stem alone (for the parts of a compound, which are tried by the
        dozen and need no lemma)."""
        stem = self._plain.get(word)
        if stem is None:
            with self._lock:  # the stemmer object keeps state while it works
                stem = self._stemmer.stemWord(word)
            self._plain[word] = stem
        return stem

    def _terms(self, word: str) -> tuple[tuple[str, float], ...]:
        """The index terms of one folded word: its stem, and for a compound its parts."""
        stem = self._stem(word)
        parts = self._split(word)
        if not parts:
            return ((stem, 1.0),)
        return ((stem, 1.0), *((part, 0.5) for part in parts if part != stem))

    def _split(self, word: str) -> tuple[str, ...]:
        """Known parts of a compound (``klachtenregeling`` -> ``klacht``, ``regel``)."""
        found = self._splits.get(word)
        if found is not None:
            return found
        best: tuple[str, ...] = ()
        if len(word) >= 2 * MIN_PART:
            for cut in range(MIN_PART, len(word) - MIN_PART + 1):
                head, tail = word[:cut], word[cut:]
                tail_stem = self._plain_stem(tail)
                if tail_stem not in self._known:
                    continue
                for linked in (head, head[:-1] if head.endswith("s") else None):
                    if linked and len(linked) >= MIN_PART - 1:
                        head_stem = self._plain_stem(linked)
                        if head_stem in self._known and head_stem not in STOPWORDS:
                            best = (head_stem, tail_stem)
                            break
                if best:
                    break
        self._splits[word] = best
        return best

    # -- suggesting ------------------------------------------------------------------------

    def _scores(self, text: str) -> tuple[dict[int, float], dict[int, list[tuple[float, str]]]]:
        """BM25 score per norm index for ``text``, and what each matched on."""
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, list[tuple[float, str]]] = defaultdict(list)
        # each term once, with its strongest share, how often it recurs and how it was typed
        query: dict[str, tuple[float, int, str]] = {}
        for surface, word in _surface_words(text):
            for term, share in self._terms(word):
                held = query.get(term)
                if held is None:
                    query[term] = (share, 1, surface)
                else:
                    query[term] = (max(held[0], share), held[1] + 1, held[2])
        for term, (share, count, surface) in query.items():
            # a word a long text comes back to says more about it, with diminishing returns
            weight = share * (1 + REPEAT_WEIGHT * math.log(count))
            if surface.isupper() and len(surface) > 1:  # MTO, VOG, RI&E: a named instrument
                weight *= ACRONYM_WEIGHT
            for index, value in self._postings.get(term, ()):
                scores[index] += value * weight
                matched[index].append((value * weight, surface))
        return scores, matched

    def _voted(self, scores: dict[int, float], sentences: list[str]) -> dict[int, float]:
        """Scores of a text of several sentences (a whole finding): the text's own scores,
        mixed with each sentence's vote (its scores relative to its best norm, squared), so
        the norm most sentences are about wins over one that a single sentence full of its
        words pulls up. On the scale of the text's own scores, so the thresholds hold."""
        top = max(scores.values())
        mixed = {index: (1 - SENTENCE_VOTE) * score / top for index, score in scores.items()}
        share = SENTENCE_VOTE / len(sentences)
        for sentence in sentences:
            votes, _ = self._scores(sentence)
            best = max(votes.values(), default=0.0)
            if best > 0:
                for index, score in votes.items():
                    mixed[index] += share * (score / best) ** 2
        return {index: value * top for index, value in mixed.items()}

    def suggest(
        self,
        text: str,
        *,
        roles: Iterable[str] = (),
        current: str | None = None,
        exclude: Iterable[str] = (),
        limit: int = LIMIT,
    ) -> list[NormSuggestion]:
        """The norms ``text`` is most likely evidence for, best first (at most ``limit``).

        ``roles`` (the interview's role codes) and ``current`` (the norm the walk is on)
        tilt close calls; ``exclude`` (say, the norms the note already has) is left out.
        """
        scores, matched = self._scores(text)
        sentences = _SENTENCE_END.split(text.strip())
        if len(sentences) > 1 and scores:
            scores = self._voted(scores, sentences)
        if not scores:
            return []
        boosted = set(self.catalogue.expand_roles(roles))
        skip = set(exclude)
        ranked: list[tuple[float, int]] = []
        for index, score in scores.items():
            norm = self.catalogue.norms[index]
            if norm.id in skip:
                continue
            if boosted and (
                boosted.intersection(norm.roles) or boosted.intersection(norm.second_source)
            ):
                score *= 1 + ROLE_BOOST  # the template's Wie, or the role as a second source
            if norm.id == current:
                score *= 1 + CURRENT_BOOST
            ranked.append((score, index))
        ranked.sort(key=lambda pair: (-pair[0], pair[1]))
        if not ranked or ranked[0][0] < MIN_SCORE:
            return []
        floor = max(MIN_SCORE, ranked[0][0] * MIN_SHARE)
        return [
            NormSuggestion(self._ids[index], score, _why(matched[index]))
            for score, index in ranked[:limit]
            if score >= floor
        ]

    def offer(
        self,
        text: str,
        own: Iterable[str],
        *,
        roles: Iterable[str] = (),
        current: str | None = None,
    ) -> list[NormSuggestion]:
        """The norms to offer unasked for a note (or a draft) about the norms ``own``.

        Only clear ones: not the note's own norms, nothing that fits far worse than the
        best norm (which may be the note's own), and nothing that matched only on words a
        better fitting norm (the note's own or one offered) explains already, so a note
        that fits its norm gets no offer and each offer brings words of its own.
        """
        own = tuple(own)
        ranked = self.suggest(text, roles=roles, current=current, limit=LIMIT + len(own))
        if not ranked:
            return []
        floor = max(OFFER_SCORE, ranked[0].score * OFFER_SHARE)
        offered: list[NormSuggestion] = []
        explained: set[str] = set()
        for suggestion in ranked:
            if suggestion.norm_id in own:
                explained.update(suggestion.why)
            elif suggestion.score >= floor and not explained.issuperset(suggestion.why):
                offered.append(suggestion)
                explained.update(suggestion.why)
        return offered[:LIMIT]


def _words(text: str) -> list[str]:
    """The folded content words of a text, tags and function words left out."""
    return [word for _, word in _surface_words(text)]


def _surface_words(text: str) -> list[tuple[str, str]]:
    """(word as typed, folded word) for each content word of a text."""
    plain = TAG_PATTERN.sub(" ", text)
    folded = fold(plain)
    same_length = len(folded) == len(plain)  # else there is no way back to the typed word
    found = []
    for match in _WORD.finditer(folded):
        word = match.group(1).replace("&", "")
        if _content(word):
            found.append((plain[match.start() : match.end()] if same_length else word, word))
    return found


def _content(word: str) -> bool:
    return len(word) > 1 and not word.isdigit() and word not in STOPWORDS


def _why(matches: list[tuple[float, str]]) -> tuple[str, ...]:
    """The words that did most for a norm, strongest first, each once; a word that did
    little next to the strongest (``maandelijks`` beside ``intervisie``) is no reason."""
    totals: dict[str, float] = defaultdict(float)
    for value, surface in matches:
        totals[surface] += value
    ranked = sorted(totals.items(), key=lambda pair: -pair[1])
    if not ranked:
        return ()
    floor = ranked[0][1] * WHY_SHARE
    return tuple(surface for surface, value in ranked[:WHY_WORDS] if value >= floor)


_suggesters: dict[str, NormSuggester] = {}
_build_lock = threading.Lock()


def warm_up(edition: str | None = None) -> threading.Thread:
    """Build the index of an edition in a background thread, so the first suggestion a
    front end asks for does not wait for it (start-up never does)."""
    thread = threading.Thread(
        target=suggester_for, args=(edition,), name="suggest-index", daemon=True
    )
    thread.start()
    return thread


def built_suggester(edition: str) -> NormSuggester | None:
    """The index of an edition if it is built already (a UI thread never waits for it)."""
    return _suggesters.get(edition)


def suggester_for(edition: str | None = None) -> NormSuggester:
    """The suggestion index of an edition, built on first use and then shared."""
    catalogue = load_catalogue(edition)
    with _build_lock:
        suggester = _suggesters.get(catalogue.edition)
        if suggester is None:
            suggester = NormSuggester(
                catalogue,
                load_vocabulary(catalogue.edition),
                examples=load_examples(catalogue.edition),
            )
            _suggesters[catalogue.edition] = suggester
    return suggester


# -- notes -----------------------------------------------------------------------------------


def names_a_norm(text: str) -> bool:
    """The text carries a norm tag of its own (else its norm is the default one)."""
    return any(m.group(1) == "#" and m.group(2) for m in TAG_PATTERN.finditer(text))


def untagged(note: Note) -> bool:
    """A live note whose only norm is the one it joined by default (no ``#`` tag typed)."""
    return not note.deleted and not names_a_norm(note.text)


def tagged_norms(text: str, default: str | None = None) -> tuple[str, ...]:
    """The norm ids a (draft) text names with ``#`` tags; ``default`` if it names none."""
    found = tuple(
        dict.fromkeys(
            normalise_norm_id(m.group(2))
            for m in TAG_PATTERN.finditer(text)
            if m.group(1) == "#" and m.group(2)
        )
    )
    return found or ((default,) if default else ())


def text_with_tag(note: Note, norm_id: str) -> str:
    """The note's text with ``norm_id`` added as a tag, keeping every norm it has.

    A note that joined its norm by default gets that norm written out too, so adding V13
    to a note about V2 leaves it about V2 and V13 rather than moving it to V13.
    """
    return add_tag(note.text, note.norms, norm_id)


def add_tag(text: str, norms: Iterable[str], norm_id: str) -> str:
    """``text`` (about ``norms``, tagged or by default) with ``norm_id`` added as a tag."""
    norms = tuple(norms)
    if norm_id in norms:
        return text
    implicit = "" if names_a_norm(text) else "".join(f" #{n}" for n in norms)
    return f"{text.rstrip()}{implicit} #{norm_id}"
