"""A small, fully deterministic audit for the report's golden tests.

Fixed ids and times, written through the store: two auditors, six sessions, notes with
evidence, an edited and a deleted note, compliments and concerns, final verdicts, a
conflict between proposals, an agreed proposal, edited trend points and both texts.
One note carries hostile text (``|``, ``*``, ``<script>``, a newline, a very long
word) so the goldens show the escaping.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from interview_assistant.domain.assessment import (
    Assessment,
    ReportText,
    TextKey,
    TrendEdit,
    TrendKind,
    Verdict,
)
from interview_assistant.domain.audit import Audit, CoreData
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import parse_note
from interview_assistant.storage.repository import AuditStore
from norm_catalogue import load_catalogue

AUDIT_ID = "fixture00001"
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone(timedelta(hours=1)))
HOSTILE = (
    "Dossier | kolom *vet* <script>alert('x')</script>\n# geen kop "
    + "Zeerlangwoordzonderspaties" * 8
    + " #D6 @reg !knelpunt"
)

SESSIONS = [
    ("s01", "Anna de Vries", SessionKind.INTERVIEW, [("bestuurder", ("Mng",))], 0),
    ("s02", "Anna de Vries", SessionKind.INTERVIEW, [("sociaal werker", ("P",))], 2),
    (
        "s03",
        "Bram Jansen",
        SessionKind.INTERVIEW,
        [("sociaal werker", ("P",)), ("Stagiaire", ("S",))],
        3,
    ),
    ("s04", "Bram Jansen", SessionKind.INTERVIEW, [("P&O-adviseur", ("P&O",))], 5),
    ("s05", "Anna de Vries", SessionKind.DOCUMENTSTUDIE, [("kwaliteitsmedewerker", ("BKC",))], 6),
    ("s06", "Bram Jansen", SessionKind.OBSERVATIE, [("Sociaal  Werker", ("P",))], 8),
]

NOTES = [
    ("s01", "n0101", 5, "Visie en strategie besproken met de RvT #O2 @doc"),
    ("s01", "n0102", 12, "SWOT-analyse jaarlijks met OR #O1 @doc @gegevens"),
    ("s01", "n0103", 20, "Veel geïnvesteerd in methodiekontwikkeling #O6 !compliment"),
    ("s01", "n0104", 25, "RI&E-plannen verouderd #O16 @doc !zorgpunt"),
    ("s02", "n0201", 3, "Inwerken met maatje en meelopen #V2 @vb"),
    ("s02", "n0202", 9, "Kent de beroepscode nauwelijks #V7 !zorgpunt"),
    ("s02", "n0203", 15, "Eigen prioriteiten, niet altijd in lijn met organisatie #V5"),
    ("s02", "n0204", 22, HOSTILE),
    ("s03", "n0301", 4, "Stagiaire werkt zich actief in via projectopdracht #V2 @vb"),
    ("s03", "n0302", 11, "Vakvolwassen professionals die initiatief nemen #V3 !compliment"),
    ("s03", "n0303", 17, "Gedragscode niet besproken in team #V7"),
    ("s04", "n0401", 6, "Jaargesprekken met weinig medewerkers gevoerd #O10 @reg"),
    ("s04", "n0402", 13, "Dossiers achter slot, VOG aanwezig #O15 @doc @obs"),
    ("s05", "n0501", 8, "Jaarverslag op de website #O23 @doc"),
    ("s05", "n0502", 14, "Klachtenregeling en meldcode actueel #O17 @doc"),
    ("s06", "n0601", 7, "Evalueren gebeurt tussen de bedrijven door #D8 @obs"),
    ("s06", "n0602", 10, "Wordt verwijderd #D1"),
]

EDITED = ("s02", "n0203", 30, "Eigen prioriteiten, niet altijd in lijn met de opdracht #V5 @vb")
DELETED = ("s06", "n0602", 12)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def build_fixture_audit(store: AuditStore) -> str:
    catalogue = load_catalogue("2019")
    norm_ids = dict.fromkeys(catalogue.norm_ids)
    store.save_audit(
        Audit(
            id=AUDIT_ID,
            organisation="Stichting Welzijn De Brug",
            edition="2019",
            created=T0,
            target=3,
            team=("Anna de Vries", "Bram Jansen"),
            core=CoreData(
                address="Kerkstraat 1, Voorbeeldstad",
                scope="Opbouwwerk; jeugd- en jongerenwerk; maatschappelijk werk",
                size="Ca. 95 fte, 15 stagiaires, 30 bedrijfskritische vrijwilligers",
                audit_form="Alleen Label; hercertificering",
                visit_dates="10 en 11 maart 2026",
                locations="centraal bureau en buurthuis De Kern",
                lead_auditor="Anna de Vries (teamleider)",
            ),
        )
    )
    starts = {}
    for session_id, auditor, kind, people, hours in SESSIONS:
        started = T0 + timedelta(hours=hours)
        starts[session_id] = started
        store.save_session(
            Session(
                id=session_id,
                audit_id=AUDIT_ID,
                auditor=auditor,
                kind=kind,
                interviewees=tuple(Interviewee(f, r) for f, r in people),
                location="centraal bureau",
                started=started,
                ended=started + timedelta(minutes=50),
            )
        )
    notes: dict[str, Note] = {}
    for session_id, note_id, minutes, text in NOTES:
        moment = starts[session_id] + timedelta(minutes=minutes)
        notes[note_id] = Note.create(note_id, session_id, parse_note(text, norm_ids), moment)
    session_id, note_id, minutes, text = EDITED
    notes[note_id] = notes[note_id].edit(
        parse_note(text, norm_ids), starts[session_id] + timedelta(minutes=minutes)
    )
    session_id, note_id, minutes = DELETED
    notes[note_id] = notes[note_id].delete(starts[session_id] + timedelta(minutes=minutes))
    for session_id, *_ in SESSIONS:
        own = [n for n in notes.values() if n.session_id == session_id]
        store.save_notes(AUDIT_ID, session_id, own)

    decided = at(24 * 60)
    final = {norm_id: Verdict.VOLDOET for norm_id in catalogue.norm_ids}
    final.update(
        {
            "V5": Verdict.VERBETERPUNT,
            "V7": Verdict.VERBETERPUNT,
            "D8": Verdict.VERBETERPUNT,
            "O10": Verdict.VERBETERPUNT,
            "O16": Verdict.VOLDOET_NIET,
            "D11": Verdict.NVT,
        }
    )
    for open_norm in ("D6", "D9", "O21", "O22"):
        del final[open_norm]
    findings = {
        "V2": "Nieuwe medewerkers en stagiaires geven concrete voorbeelden van actief inwerken.",
        "V5": "Professionals stellen eigen prioriteiten.\nKaders ontbreken deels.",
        "O16": "RI&E-plannen zijn verouderd; een nieuwe ronde is pas gestart.",
    }
    assessments = [
        Assessment(n).decide(v, decided, findings.get(n, ""), "Anna de Vries")
        for n, v in final.items()
    ]
    assessments.append(
        Assessment("D9")
        .propose("Anna de Vries", Verdict.VOLDOET, at(25 * 60), "Samenwerking goed geregeld.")
        .propose("Bram Jansen", Verdict.VERBETERPUNT, at(25 * 60 + 5), "Afspraken niet vastgelegd.")
    )
    assessments.append(
        Assessment("O21")
        .propose("Anna de Vries", Verdict.VOLDOET, at(26 * 60))
        .propose("Bram Jansen", Verdict.VOLDOET, at(26 * 60 + 1))
    )
    store.save_assessments(AUDIT_ID, assessments)
    store.save_trend_edits(
        AUDIT_ID,
        [
            TrendEdit(
                "n0302",
                TrendKind.STRONG,
                "Vakvolwassen, ondernemende professionals",
                False,
                at(27 * 60),
                at(27 * 60),
                "n0302",
            ),
            TrendEdit(
                "own00001",
                TrendKind.CONCERN,
                "Incidenten melden en ervan leren",
                False,
                at(27 * 60 + 2),
                at(27 * 60 + 2),
                None,
            ),
        ],
    )
    store.save_report_texts(
        AUDIT_ID,
        [
            ReportText(
                TextKey.EXPLANATION,
                "De organisatie werkt voor tien gemeenten.\n\nBij de hertoetsing laat zij "
                "groei zien.",
                at(28 * 60),
            ),
            ReportText(TextKey.ADVICE, "Positief, na goedkeuring van de plannen.", at(28 * 60)),
        ],
    )
    return AUDIT_ID


#: norms of the fixture that need a plan of action (every - and +/-)
PLANNED = ("V5", "V7", "D8", "O10", "O16")


def complete_review(review, advice: bool = True) -> None:
    """What the lead does before the final report: decide the open norms, approve the plans,
    record the advice (``review`` is an AuditReview of the fixture audit)."""
    from datetime import date

    from interview_assistant.domain.assessment import AdviceDecision

    for norm_id in ("D6", "D9", "O21", "O22"):
        review.decide(norm_id, Verdict.VOLDOET)
    for norm_id in PLANNED:
        review.record_plan(norm_id, date(2026, 4, 1), date(2026, 4, 8))
    if advice:
        review.record_advice(AdviceDecision.POSITIEF, date(2026, 4, 10), "Anna de Vries", "Utrecht")
