"""Norm suggestions: the ranking on our own labelled sentences, the priors, and adding a
proposed norm to a note through the interview session (an edit that undo takes back)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interview_assistant.domain.session import Interviewee
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.interview import InterviewSession, Undone
from interview_assistant.services.suggest import (
    ROLE_BOOST,
    fold,
    suggester_for,
    text_with_tag,
    untagged,
)
from interview_assistant.storage.repository import AuditStore
from norm_catalogue import load_catalogue, load_lemmas, load_vocabulary

LABELLED = Path(__file__).with_name("data") / "suggest_labelled.tsv"


def labelled() -> list[tuple[frozenset[str], str]]:
    rows = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            norms, sentence = line.split("\t", 1)
            rows.append((frozenset(norms.split(",")), sentence))
    return rows


def ids(text: str, **priors) -> list[str]:
    return [s.norm_id for s in suggester_for().suggest(text, **priors)]


# -- quality ---------------------------------------------------------------------------------


def test_the_labelled_set_is_large_and_names_every_norm() -> None:
    rows = labelled()
    assert len(rows) >= 200
    named = {norm for norms, _ in rows for norm in norms}
    assert named == set(load_catalogue().norm_ids)


def test_the_right_norm_comes_first_for_most_labelled_sentences() -> None:
    """A floor under the benchmark's figure (0.86 / 0.97 when written): a change to the
    vocabulary or the ranking that loses many sentences fails here."""
    rows = labelled()
    top1 = sum(bool(r) and r[0] in norms for norms, r in ((n, ids(t)) for n, t in rows))
    top3 = sum(bool(norms.intersection(ids(t))) for norms, t in rows)
    assert top1 / len(rows) >= 0.8
    assert top3 / len(rows) >= 0.93


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("In de intervisie bespraken ze een lastige casus", "V13"),
        ("De RI&E is van 2019 en nooit herzien", "O16"),
        ("Er kwamen vorig jaar vier klachten binnen", "O17"),  # klachten in klachtenregeling
        ("De VOG van stagiaires wordt gecontroleerd bij de start van de stage", "O12"),
        ("Dossiers in Regi Act zijn niet compleet", "D6"),
        ("Nieuwe collega liep de eerste weken mee met een buddy", "V2"),
        ("MTO laat hoge werkdruk zien", "O22"),
    ],
)
def test_words_auditors_use_point_to_their_norm(text: str, norm: str) -> None:
    assert ids(text)[0] == norm


def test_a_participle_counts_as_its_verb() -> None:
    """``geëvalueerd`` in a note meets ``evalueren`` in the norm texts (the lemma table)."""
    participle = suggester_for().suggest("Traject geëvalueerd")
    infinitive = suggester_for().suggest("Traject evalueren")
    assert [s.norm_id for s in participle] == [s.norm_id for s in infinitive]
    assert [s.score for s in participle] == pytest.approx([s.score for s in infinitive])
    assert "geëvalueerd" in participle[0].why


def test_the_lemma_table_reads_irregular_forms() -> None:
    lemmas = load_lemmas()
    assert lemmas["besproken"] == "bespreken" and lemmas["geevalueerd"] == "evalueren"
    assert all(form == fold(form) for form in list(lemmas)[:1000])


def test_a_plural_after_an_apostrophe_is_the_word_itself() -> None:
    """``zzp'ers`` is ``zzp`` (not a word ``ers`` that every ``-ers`` plural would share)."""
    (first, *_) = suggester_for().suggest("Er zijn genoeg BHV'ers")
    assert first.norm_id == "O16" and first.why == ("BHV'ers",)
    assert ids("Zzp'ers") == ids("zzp")


def test_a_whole_finding_goes_to_the_norm_most_of_its_sentences_are_about() -> None:
    """One sentence packed with another norm's words does not outweigh the rest."""
    finding = (
        "Maandelijks is er intervisie met collega's. Ze leren van elkaar en delen kennis "
        "met andere teams. De RI&E, het BHV-plan en de ontruimingsoefening kwamen ook ter sprake."
    )
    assert ids(finding)[:2] == ["V13", "O16"]
    assert (
        ids(finding.replace(". ", ", "))[0] == "O16"
    )  # read as one sentence: the packed words win


def test_accents_and_case_do_not_matter() -> None:
    assert ids("Cliënt stelt zelf de doelen op") == ids("CLIENT STELT ZELF DE DOELEN OP")


def test_a_text_about_nothing_in_the_catalogue_gets_no_suggestion() -> None:
    assert ids("Het regende en de trein was te laat") == []
    assert ids("") == []


def test_the_reason_is_the_words_as_typed() -> None:
    (first, *_) = suggester_for().suggest("De RI&E is verouderd")
    assert first.norm_id == "O16" and first.why == ("RI&E",)


def test_tags_in_the_text_are_not_read_as_words() -> None:
    assert ids("#V13 @doc !knelpunt") == []


def test_at_most_three_suggestions_and_excluded_norms_left_out() -> None:
    text = "VOG van vrijwilligers en stagiaires"
    assert 1 <= len(ids(text)) <= 3
    first = ids(text)[0]
    assert first not in ids(text, exclude=[first])


def test_roles_of_the_interview_tilt_a_close_call() -> None:
    text = "Vrijwilligers worden begeleid"
    assert ids(text, roles=["P"])[0] == "D10"  # the norm asked of professionals
    assert ids(text, roles=["Mng"])[0] == "O11"  # the one asked of managers


def test_the_current_norm_tilts_a_close_call() -> None:
    text = "Stagiaires worden begeleid"  # D11 (the professional's) and O12 (the policy)
    first, second, *_ = ids(text)
    assert ids(text, current=second)[0] == second
    assert ids(text, current=first)[0] == first


def test_the_vocabulary_names_only_norms_of_its_edition_and_covers_them_all() -> None:
    assert set(load_vocabulary("2019")) == set(load_catalogue("2019").norm_ids)


# -- adding a proposed norm to a note ------------------------------------------------------


@pytest.fixture
def interview(store: AuditStore) -> InterviewSession:
    workspace = AuditWorkspace(store, create_audit(store, "Stichting Welzijn West").id)
    session = workspace.start_session("Anna", [Interviewee("sociaal werker", ("P",))])
    interview = InterviewSession(workspace, session.id, fresh=True)
    interview.go_to("V2")
    return interview


def test_a_stored_note_gets_suggestions_besides_its_own_norm(interview) -> None:
    note = interview.add("In de intervisie bespreken we wat we leerden van een casus")
    assert note.norms == ("V2",) and untagged(note)
    proposed = [s.norm_id for s in interview.suggestions_for(note)]
    assert proposed[0] == "V13" and "V2" not in proposed


def test_adding_a_proposed_norm_keeps_the_default_norm_and_is_stored(interview, store) -> None:
    note = interview.add("Maandelijks intervisie met het hele team")
    tagged = interview.add_tag("V13")
    assert tagged is not None and tagged.norms == ("V2", "V13")
    assert tagged.text == "Maandelijks intervisie met het hele team #V2 #V13"
    assert not untagged(tagged)
    again = AuditWorkspace(AuditStore(store.data_dir), interview.workspace.audit.id)
    assert again.note(interview.session_id, note.id).norms == ("V2", "V13")
    assert interview.add_tag("V13") is None  # already there: nothing stored


def test_undo_takes_an_added_norm_back(interview) -> None:
    note = interview.add("Maandelijks intervisie met het hele team")
    interview.add_tag("V13", note.id)
    undone, restored = interview.undo()
    assert undone is Undone.EDIT
    assert restored.norms == ("V2",) and restored.text == note.text


def test_a_note_with_its_own_tag_only_gains_the_new_one(interview) -> None:
    note = interview.add("Intervisie maandelijks #V13")
    assert text_with_tag(note, "D8") == "Intervisie maandelijks #V13 #D8"


# -- the command line ------------------------------------------------------------------------


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interview_assistant", "suggest", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )


def test_suggest_reads_one_text_per_line_and_answers_one_json_line_each() -> None:
    result = cli("-", stdin="De RI&E is oud\nhet regent\n\nintervisie\n")
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == 4
    assert answers[0]["norms"][0]["id"] == "O16" and answers[0]["norms"][0]["why"] == ["RI&E"]
    assert answers[1] == {"norms": []} and answers[2] == {"norms": []}
    assert answers[3]["norms"][0]["id"] == "V13"
    assert set(answers[0]["norms"][0]) == {"id", "score", "why"}


def test_suggest_one_text_prints_the_norms_for_people() -> None:
    result = cli("--role", "P", "Maandelijks intervisie")
    assert result.stdout.splitlines()[0].startswith("V13 ")


def test_suggest_rejects_an_unknown_norm_in_dutch() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "interview_assistant", "suggest", "--norm", "X9", "tekst"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "Onbekende norm 'X9'" in result.stderr


def test_suggest_untagged_lists_the_notes_that_only_joined_the_current_norm(
    interview, store
) -> None:
    interview.add("Maandelijks intervisie met het hele team")
    interview.add("Inwerkmap gezien #V2")  # tagged: no proposals
    result = cli(
        interview.workspace.audit.id, "--untagged", "--json", "--data-dir", str(store.data_dir)
    )
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["text"] == "Maandelijks intervisie met het hele team" and row["norms"] == ["V2"]
    assert row["suggestions"][0]["id"] == "V13"


def test_a_role_heard_as_a_second_source_tilts_towards_its_norms() -> None:
    """A client (CB) is a second source for the Dienstverlening norms they experience: in
    a client interview those norms rise over a norm no client speaks to."""
    text = "Ik wist waar ik terecht kon en de hulp kwam snel"

    def scores(**priors) -> dict[str, float]:
        return {s.norm_id: s.score for s in suggester_for().suggest(text, limit=49, **priors)}

    heard, plain = scores(roles=["CB"]), scores()
    assert heard["D1"] == pytest.approx(plain["D1"] * (1 + ROLE_BOOST))  # a second source
    assert heard["O11"] == pytest.approx(plain["O11"])  # a policy no client speaks to
    assert heard["D1"] > heard["O11"]
