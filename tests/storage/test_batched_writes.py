"""A note save is several TinyDB Table calls published as one durable write; one that
fails halfway publishes nothing and leaves the store usable."""

from __future__ import annotations

import pytest

from interview_assistant.domain import merge
from interview_assistant.domain.ids import now
from interview_assistant.domain.note import Note
from interview_assistant.domain.session import Interviewee
from interview_assistant.domain.tags import parse_note
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.storage import repository, tinydb_storage
from interview_assistant.storage.repository import AuditStore


def test_saving_several_notes_is_one_durable_write(store: AuditStore, monkeypatch) -> None:
    workspace = AuditWorkspace(store, create_audit(store, "Stichting").id)
    session = workspace.start_session("Anna", [Interviewee("teamcoach", ("P",))])
    first = workspace.add_note(session.id, "Eerste #V1")
    norms = dict.fromkeys(workspace.catalogue.norm_ids)
    edited = first.edit(parse_note("Eerste, aangevuld #V2", norms), now())
    new = [
        Note.create(f"n{i}", session.id, parse_note(f"Nieuw {i} #V3", norms), now())
        for i in range(3)
    ]

    writes = []
    real = tinydb_storage.write_atomic
    monkeypatch.setattr(tinydb_storage, "write_atomic", lambda p, d: (writes.append(p), real(p, d)))
    stored = store.save_notes(workspace.audit.id, session.id, [edited, *new])
    assert len(writes) == 1
    assert [n.text for n in stored] == ["Eerste, aangevuld #V2"] + [
        f"Nieuw {i} #V3" for i in range(3)
    ]
    reopened = AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id)
    assert [n.text for n in reopened.notes(session.id)] == [n.text for n in stored]


def test_a_save_that_fails_halfway_publishes_nothing(store: AuditStore, monkeypatch) -> None:
    workspace = AuditWorkspace(store, create_audit(store, "Stichting").id)
    session = workspace.start_session("Anna", [Interviewee("teamcoach", ("P",))])
    first = workspace.add_note(session.id, "Eerste #V1")
    second = workspace.add_note(session.id, "Tweede #V1")
    path = store.audit_dir(workspace.audit.id) / "sessions" / f"{session.id}.json"
    before = path.read_bytes()
    norms = dict.fromkeys(workspace.catalogue.norm_ids)
    changes = [
        first.edit(parse_note("Eerste, aangevuld #V2", norms), now()),  # updated in the batch
        second.edit(parse_note("Tweede, aangevuld #V2", norms), now()),  # fails
        Note.create("n3", session.id, parse_note("Derde #V3", norms), now()),
    ]
    calls = []

    def failing_second(a, b):
        calls.append(b.id)
        if len(calls) == 2:
            raise ValueError("kapot")
        return merge.merge_notes(a, b)

    monkeypatch.setattr(repository, "merge_notes", failing_second)
    with pytest.raises(ValueError):
        store.save_notes(workspace.audit.id, session.id, changes)
    assert path.read_bytes() == before
    assert [
        n.text
        for n in AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id).notes(session.id)
    ] == ["Eerste #V1", "Tweede #V1"]

    monkeypatch.setattr(repository, "merge_notes", merge.merge_notes)
    store.save_notes(workspace.audit.id, session.id, changes[2:])  # the store is still usable
    reopened = AuditWorkspace(AuditStore(store.data_dir), workspace.audit.id)
    assert [n.text for n in reopened.notes(session.id)] == ["Eerste #V1", "Tweede #V1", "Derde #V3"]
