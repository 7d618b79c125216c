"""Builders for deterministic audits (fixed ids and times) and helpers to drive the TUI."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from textual import events
from textual.pilot import Pilot

from interview_assistant.domain.audit import Audit, CoreData
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import parse_note
from interview_assistant.storage.repository import AuditStore
from norm_catalogue import load_catalogue

CET = timezone(timedelta(hours=1))
MONDAY = datetime(2024, 3, 4, 9, 0, tzinfo=CET)


def build_audit(
    store: AuditStore,
    audit_id: str = "a1b2c3d4e5f6",
    organisation: str = "Stichting Welzijn Noord",
    created: datetime = MONDAY,
) -> Audit:
    audit = Audit(
        id=audit_id,
        organisation=organisation,
        edition=load_catalogue().edition,
        created=created,
        team=("Anna de Vries", "Bert Jansen"),
        core=CoreData(scope="Maatschappelijk werk, jongerenwerk"),
    )
    store.save_audit(audit)
    return audit


def build_session(
    store: AuditStore,
    audit_id: str,
    session_id: str,
    auditor: str,
    interviewees: tuple[tuple[str, tuple[str, ...]], ...],
    started: datetime,
    kind: SessionKind = SessionKind.INTERVIEW,
    ended: datetime | None = None,
) -> Session:
    session = Session(
        id=session_id,
        audit_id=audit_id,
        auditor=auditor,
        kind=kind,
        interviewees=tuple(Interviewee(f, r) for f, r in interviewees),
        location="Hoofdkantoor",
        started=started,
        ended=ended,
    )
    store.save_session(session)
    return session


def build_notes(store: AuditStore, session: Session, texts: list[str]) -> list[Note]:
    """Notes two minutes apart from the session's start, ids derived from the session id."""
    norm_ids = load_catalogue().norm_ids
    notes = [
        Note.create(
            f"{session.id}{index:04d}",
            session.id,
            parse_note(text, norm_ids),
            session.started + timedelta(minutes=2 * (index + 1)),
        )
        for index, text in enumerate(texts)
    ]
    store.save_notes(session.audit_id, session.id, notes)
    return notes


def build_demo_like_audit(store: AuditStore) -> tuple[Audit, list[Session]]:
    """A small audit with three sessions, used by the snapshot and navigation tests."""
    audit = build_audit(store)
    first = build_session(
        store,
        audit.id,
        "5e5510000001",
        "Anna de Vries",
        (("maatschappelijk werker", ("P",)),),
        MONDAY + timedelta(hours=1),
        ended=MONDAY + timedelta(hours=2),
    )
    build_notes(
        store,
        first,
        [
            "Werkt met een beroepscompetentieprofiel, laat POP zien #V1 @doc",
            "Inwerkprogramma van zes weken met maatje #V2 @vb",
            "Signaleert schulden vroeg via de huisarts #V3",
            "Casusoverleg elke week, verslagen in het dossier #V5 @reg",
            "Te weinig tijd voor intervisie #V6 !knelpunt",
        ],
    )
    second = build_session(
        store,
        audit.id,
        "5e5510000002",
        "Bert Jansen",
        (("teamcoach", ("Mng",)), ("stagiaire", ("S",))),
        MONDAY + timedelta(hours=3),
    )
    build_notes(
        store,
        second,
        [
            "Teamcoach bespreekt competenties in het jaargesprek #V1 @doc",
            "Stagiaire kreeg een inwerkmap #V2 @doc",
            "Klanttevredenheid wordt jaarlijks gemeten #D1 @data !compliment",
        ],
    )
    third = build_session(
        store,
        audit.id,
        "5e5510000003",
        "Anna de Vries",
        (("kwaliteitsmedewerker", ("BKC",)),),
        MONDAY + timedelta(hours=5),
    )
    build_notes(store, third, ["Kwaliteitshandboek is actueel #V1 @doc"])
    return audit, [first, second, third]


async def settle(pilot: Pilot) -> None:
    """Wait for loading workers and the resulting redraws."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(pilot: Pilot, condition: Callable[[], object], timeout: float = 8.0) -> None:
    """Let the app run until ``condition()`` holds (another process's change to show).

    The timeout is generous on purpose: it guards against a hang, it does not measure
    speed (``benchmarks/bench_tui.py`` does).
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "the screen did not show the change"
        await pilot.pause(0.02)


async def type_text(pilot: Pilot, text: str) -> None:
    """Put ``text`` into the focused widget as the terminal does for a paste.

    Pressing every key through the Pilot costs tens of milliseconds per key; tests that
    are about typing itself (completion) press keys, the others paste.
    """
    focused = pilot.app.focused
    assert focused is not None, "nothing has focus to type into"
    focused.post_message(events.Paste(text))
    await pilot.pause()
