"""The note syntax as an auditor types it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_assistant.domain.tags import (
    EVIDENCE_WORDS,
    KIND_WORDS,
    Evidence,
    NoteKind,
    NoteSyntaxError,
    parse_note,
    strip_tags,
    tag_at,
    tag_span,
)
from norm_catalogue import load_catalogue

NORMS = dict.fromkeys(load_catalogue().norm_ids)


def test_tags_anywhere_and_case_insensitive() -> None:
    parsed = parse_note("Inwerkmap gezien #v2 en @DOC, ook #d11 besproken !Knelpunt", NORMS)
    assert parsed.norms == ("V2", "D11")
    assert parsed.evidence == (Evidence.DOCUMENT,)
    assert parsed.kind is NoteKind.KNELPUNT


def test_short_evidence_forms() -> None:
    parsed = parse_note("#O23 @doc @reg @vb @data @obs", NORMS)
    assert parsed.evidence == tuple(Evidence)


def test_default_kind_is_bevinding_and_default_norm_applies_without_tag() -> None:
    parsed = parse_note("Men werkt met routekaarten", NORMS, default_norm="V8")
    assert parsed.kind is NoteKind.BEVINDING
    assert parsed.norms == ("V8",)
    assert parse_note("over #V1", NORMS, default_norm="V8").norms == ("V1",)


@pytest.mark.parametrize(
    ("text", "tag", "hint"),
    [
        ("dit gaat over #V16", "#V16", "V1-V15, D1-D11, O1-O23"),
        ("#X1 onbekend", "#X1", "V1-V15"),
        ("bewijs @foto", "@foto", "@document"),
        ("soort !idee", "!idee", "!knelpunt"),
    ],
)
def test_unknown_tags_name_the_tag_and_what_is_valid(text: str, tag: str, hint: str) -> None:
    with pytest.raises(NoteSyntaxError) as info:
        parse_note(text, NORMS)
    assert info.value.tag == tag
    assert tag in str(info.value) and hint in str(info.value)


def test_a_note_carries_every_kind_typed_in_order() -> None:
    parsed = parse_note("#V1 wachtlijst te lang !knelpunt !suggestie !Knelpunt", NORMS)
    assert parsed.kinds == (NoteKind.KNELPUNT, NoteKind.SUGGESTIE)
    assert parsed.kind is NoteKind.KNELPUNT
    assert parse_note("#V1 gewoon", NORMS).kinds == (NoteKind.BEVINDING,)


@pytest.mark.parametrize(
    ("text", "norms", "evidence", "kinds"),
    [
        ("netwerk#V3 goed", ("V3",), (), ()),
        ("zie map#v2,#D11.", ("V2", "D11"), (), ()),
        ("#V3#V5 samen", ("V3", "V5"), (), ()),
        ("gezien@doc en klaar!knelpunt.", ("V1",), (Evidence.DOCUMENT,), (NoteKind.KNELPUNT,)),
    ],
)
def test_tags_glued_to_a_word_are_tags(text, norms, evidence, kinds) -> None:
    parsed = parse_note(text, NORMS, default_norm="V1")
    assert (parsed.norms, parsed.evidence) == (norms, evidence)
    assert parsed.kinds == (kinds or (NoteKind.BEVINDING,))


def test_a_glued_unknown_norm_is_reported_not_dropped() -> None:
    with pytest.raises(NoteSyntaxError) as info:
        parse_note("netwerk#V16 besproken", NORMS)
    assert info.value.tag == "#V16"


@pytest.mark.parametrize(
    "text",
    ["mail info@doc.nl of jan@welzijn.nl", "zie www.x.nl/a@obs-b", "C# en F# hoi!!", "Hoi!Dag"],
)
def test_addresses_and_punctuation_glued_to_words_are_no_tags(text: str) -> None:
    parsed = parse_note(text, NORMS, default_norm="V1")
    assert (parsed.norms, parsed.evidence, parsed.kinds) == (("V1",), (), (NoteKind.BEVINDING,))
    assert strip_tags(text) == text


def test_unencodable_text_is_an_error_not_a_crash() -> None:
    with pytest.raises(NoteSyntaxError, match="ongeldig teken op positie 5"):
        parse_note("abc \ud800 #V1", NORMS)


def test_empty_note_is_an_error() -> None:
    with pytest.raises(NoteSyntaxError):
        parse_note("   ", NORMS)


def test_email_addresses_and_exclamations_are_not_tags() -> None:
    parsed = parse_note("Mail naar info@welzijn.nl! Heel goed!! #V9", NORMS)
    assert parsed.norms == ("V9",) and parsed.evidence == () and parsed.kind is NoteKind.BEVINDING


def test_strip_tags_leaves_the_prose() -> None:
    assert strip_tags("Inwerkmap gezien #V2 @doc !compliment") == "Inwerkmap gezien"


def test_a_lone_sigil_is_punctuation_not_a_tag() -> None:
    parsed = parse_note("Wat een dag ! En # drie @ ok #V3", NORMS)
    assert parsed.norms == ("V3",) and parsed.kind is NoteKind.BEVINDING
    assert strip_tags("Wat ! fijn # #V3") == "Wat ! fijn #"


def test_the_tag_being_typed_is_found_at_the_cursor() -> None:
    token = tag_at("Zie #v1", 7)
    assert token is not None and (token.sigil, token.word, token.start, token.end) == (
        "#",
        "v1",
        4,
        7,
    )
    bare = tag_at("Zie @", 5)
    assert bare is not None and (bare.sigil, bare.word) == ("@", "")
    assert tag_at("info@welzijn", 12) is None
    assert tag_at("#V12 verder", 2) is None, "the cursor stands inside the tag"
    assert tag_at("#V12 verder", 8) is None


def test_a_reported_tag_is_found_back_in_the_text() -> None:
    assert tag_span("over #V99 en #V9", "#V9") == (13, 16)
    assert tag_span("mail a@foto en @foto", "@foto") == (15, 20)
    assert tag_span("tekst", "") is None


# -- properties --------------------------------------------------------------------------------

prose = st.text(
    alphabet=st.characters(blacklist_characters="#@!", blacklist_categories=("Cs",)), max_size=30
)
norm_tags = st.sampled_from(sorted(NORMS))
evidence_tags = st.sampled_from(sorted(EVIDENCE_WORDS))


@given(
    st.lists(st.tuples(prose, norm_tags), max_size=4),
    st.lists(evidence_tags, max_size=3),
    st.sampled_from([None, *sorted(KIND_WORDS)]),
)
def test_valid_tags_always_parse_to_what_was_typed(parts, evidence, kind) -> None:
    chunks = [f"{text} #{norm.lower() if i % 2 else norm}" for i, (text, norm) in enumerate(parts)]
    chunks += [f" @{e}" for e in evidence]
    if kind:
        chunks.append(f" !{kind.upper()}")
    text = " ".join(chunks) + " eind"
    parsed = parse_note(text, NORMS)
    assert parsed.norms == tuple(dict.fromkeys(n for _, n in parts))
    assert parsed.evidence == tuple(dict.fromkeys(EVIDENCE_WORDS[e] for e in evidence))
    assert parsed.kind == (KIND_WORDS[kind] if kind else NoteKind.BEVINDING)
    assert parsed.text == text.strip()


words = st.text(alphabet="abcxyzé_19", min_size=1, max_size=8)


@given(
    st.lists(st.tuples(words, norm_tags), min_size=1, max_size=4),
    st.lists(st.tuples(words, st.sampled_from(sorted(KIND_WORDS))), max_size=3),
    st.lists(st.tuples(words, evidence_tags), max_size=3),
)
def test_tags_glued_to_words_parse_as_if_spaced(norms, kinds, evidence) -> None:
    glued = [f"{w}#{n}" for w, n in norms] + [f"{w}!{k}" for w, k in kinds]
    glued += [f"{w}@{e}" for w, e in evidence]
    text = " ".join(glued)
    spaced = parse_note(
        " ".join(c.replace("#", " #").replace("!", " !").replace("@", " @") for c in glued), NORMS
    )
    parsed = parse_note(text, NORMS)
    assert (parsed.norms, parsed.evidence, parsed.kinds) == (
        spaced.norms,
        spaced.evidence,
        spaced.kinds,
    )
    assert parsed.kinds == (
        tuple(dict.fromkeys(KIND_WORDS[k] for _, k in kinds)) or (NoteKind.BEVINDING,)
    )
    assert strip_tags(text) == " ".join(w for w, _ in [*norms, *kinds, *evidence])


@given(
    st.lists(st.sampled_from(sorted(KIND_WORDS)), min_size=1, max_size=5),
    prose,
)
def test_every_kind_typed_is_kept_once_in_order(kinds, text) -> None:
    parsed = parse_note(f"{text} #V1 " + " ".join(f"!{k}" for k in kinds), NORMS)
    assert parsed.kinds == tuple(dict.fromkeys(KIND_WORDS[k] for k in kinds))


@given(st.text(max_size=60))
def test_parser_either_parses_or_raises_a_syntax_error(text: str) -> None:
    try:
        parsed = parse_note(text, NORMS)
    except NoteSyntaxError as exc:
        assert str(exc)
    else:
        assert set(parsed.norms) <= set(NORMS)


@given(st.text(alphabet="ab #@!_é.1", max_size=20), st.integers(min_value=0, max_value=20))
def test_the_tag_at_the_cursor_is_a_tag_the_parser_would_see(text: str, cursor: int) -> None:
    cursor = min(cursor, len(text))
    token = tag_at(text, cursor)
    if token is None:
        return
    assert token.end == cursor and text[token.start : token.end] == token.sigil + token.word
    before = text[token.start - 1 : token.start]
    assert before not in ("#", "@", "!") or not before
    if before.isalnum() or before == "_":  # glued: only a norm tag being typed
        assert token.sigil == "#" and token.word
    if token.word:  # a finished tag at the cursor is among the parser's tags
        assert tag_span(text[:cursor], token.sigil + token.word) is not None
