"""Write ``lemmas-nl.tsv``: Dutch inflected forms and their lemma, for the norm suggestions.

The suggester maps ``besproken`` to ``bespreken`` and ``vastgelegd`` to ``vastleggen``
before stemming, so a participle in a note meets the infinitive in a norm text. The table
comes from simplemma's Dutch dictionary, kept to the forms whose Snowball stem differs from
their lemma's (the only ones that change what the suggester sees). simplemma is needed only
to write the table, not at run time: loading its dictionary costs half a second and 50 MB
in every process, the table a few tens of milliseconds.

Run ``python norm_catalogue/vocabulary/make_lemmas.py`` (with ``pip install simplemma``)
after upgrading simplemma; the table does not depend on the catalogue or the vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import simplemma  # type: ignore[import-not-found, unused-ignore]
import snowballstemmer  # type: ignore[import-untyped]
from simplemma.strategies.dictionaries import (  # type: ignore[import-not-found, unused-ignore]
    DefaultDictionaryFactory,
)

TABLE = Path(__file__).with_name("lemmas-nl.tsv")
_LETTERS = re.compile(r"[a-z]{3,}")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def table() -> dict[str, str]:
    stemmer = snowballstemmer.stemmer("dutch")
    dictionary = DefaultDictionaryFactory().get_dictionary("nl")
    pairs: dict[str, str] = {}
    for form, lemma in dictionary.items():
        folded, base = fold(form), fold(lemma).replace("_", "")
        if not (_LETTERS.fullmatch(folded) and _LETTERS.fullmatch(base)) or folded == base:
            continue
        if stemmer.stemWord(folded) != stemmer.stemWord(base):
            pairs[folded] = base
    return dict(sorted(pairs.items()))


def main() -> None:
    pairs = table()
    header = (
        f"# Dutch forms and their lemma, from simplemma {simplemma.__version__} "
        "(norm_catalogue/vocabulary/make_lemmas.py); form TAB lemma, folded.\n"
    )
    TABLE.write_text(header + "".join(f"{f}\t{b}\n" for f, b in pairs.items()), "utf-8")
    print(f"{len(pairs)} forms -> {TABLE}")


if __name__ == "__main__":
    main()
