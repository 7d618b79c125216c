"""Merge properties on real bundles: any order, any number of times, nothing lost.

Each example sets up a lead and two team members who joined from the lead's bundle,
lets them work at random (notes, edits of shared notes, deletions, proposals, trend
edits), exports their bundles, and merges those into fresh data folders.
"""

from __future__ import annotations

import tempfile
from itertools import permutations
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from laptops import Laptop, folder_state

from interview_assistant.domain.assessment import TrendKind, Verdict
from interview_assistant.domain.note import Revision
from interview_assistant.domain.session import SessionKind
from interview_assistant.exchange import export_bundle, merge_inputs
from interview_assistant.services.audit import create_audit
from interview_assistant.services.review import AuditReview

actions = st.lists(
    st.tuples(
        st.sampled_from(
            ["note", "edit", "delete", "restore", "propose", "trend", "session", "purge"]
        ),
        st.integers(0, 10),
    ),
    max_size=6,
)


def work(laptop: Laptop, audit_id: str, plan: list[tuple[str, int]], shared: list[tuple]) -> None:
    """Carry out ``plan`` on the laptop; ``shared`` are (session, note) ids everyone has."""
    workspace = laptop.workspace(audit_id)
    review = AuditReview(workspace)
    own = workspace.start_session(laptop.auditor, [], SessionKind.DOCUMENTSTUDIE)
    for action, n in plan:
        session_id, note_id = shared[n % len(shared)]
        gone = note_id not in {note.id for note in workspace.notes(session_id, True)}
        if gone and action in ("edit", "delete", "restore", "purge"):
            continue  # purged here before: nothing of it left to change
        if action == "note":
            workspace.add_note(own.id, f"{laptop.auditor} notitie {n} #V{1 + n % 15} @doc")
        elif action == "session":
            workspace.start_session(laptop.auditor, [], SessionKind.OBSERVATIE)
        elif action == "edit":
            workspace.edit_note(session_id, note_id, f"Versie van {laptop.auditor} {n} #O2")
        elif action == "delete":
            workspace.delete_note(session_id, note_id)
        elif action == "restore":
            workspace.restore_note(session_id, note_id)
        elif action == "purge":
            workspace.purge_note(session_id, note_id)
        elif action == "propose":
            verdict = [Verdict.VOLDOET, Verdict.VERBETERPUNT, Verdict.VOLDOET_NIET][n % 3]
            review.propose(f"V{1 + n % 3}", laptop.auditor, verdict)
        elif action == "trend":
            review.add_trend_point(TrendKind.STRONG, f"Sterk punt {laptop.auditor} {n}")


def content(laptop: Laptop, audit_id: str) -> dict:
    store = laptop.fresh_store()
    workspace = laptop.workspace(audit_id)
    return {
        "team": set(workspace.audit.team),
        "sessions": {s.id: s for s in workspace.sessions},
        "notes": {(s.id, n.id): n for s in workspace.sessions for n in workspace.notes(s.id, True)},
        "assessments": store.load_assessments(audit_id),
        "trend": store.load_trend_edits(audit_id),
        "purged": {
            (s.id, doc.id)
            for s in workspace.sessions
            if (stored := store.stored_session(audit_id, s.id)) is not None
            for doc in stored.note_docs.values()
            if doc.purged is not None
        },
    }


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(actions, actions, actions)
def test_bundles_merge_in_any_order_any_number_of_times_losing_nothing(
    lead_plan, bram_plan, cees_plan
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        lead = Laptop(root / "lead", "Anna")
        audit_id = create_audit(lead.store, "Stichting").id
        session_id = lead.interview(audit_id, "teamcoach", ["Eerste #O2", "Tweede #V3"])
        shared = [(session_id, n.id) for n in lead.workspace(audit_id).notes(session_id)]
        export_bundle(lead.fresh_store(), audit_id, root / "start.zip")

        bundles = []
        for name, plan in (("Anna", lead_plan), ("Bram", bram_plan), ("Cees", cees_plan)):
            laptop = lead if name == "Anna" else Laptop(root / name, name)
            if laptop is not lead:
                merge_inputs(laptop.store, [root / "start.zip"])
            work(laptop, audit_id, plan, shared)
            bundles.append(root / f"{name}.zip")
            export_bundle(laptop.fresh_store(), audit_id, bundles[-1])

        results = []
        for number, order in enumerate(permutations(bundles)):
            target = Laptop(root / f"merged{number}", "lead")
            merge_inputs(target.store, list(order[:1]))
            merge_inputs(target.fresh_store(), list(order[1:]))
            results.append(content(target, audit_id))
            before = folder_state(target.root)
            assert not merge_inputs(target.fresh_store(), list(order)).changed
            assert folder_state(target.root) == before
        assert all(result == results[0] for result in results[1:])

        merged = results[0]
        texts: dict[tuple, set[str]] = {}  # every text any laptop's copy of a note had
        for bundle_owner in ("lead", "Bram", "Cees"):
            laptop = lead if bundle_owner == "lead" else Laptop(root / bundle_owner, bundle_owner)
            mine = content(laptop, audit_id)
            assert mine["purged"] <= merged["purged"]  # a tombstone always comes through
            for key, note in mine["notes"].items():
                texts.setdefault(key, set()).update(r.text for r in note.revisions)
                if key in merged["purged"]:
                    continue
                assert set(note.revisions) <= set(merged["notes"][key].revisions)
            for norm_id, assessment in mine["assessments"].items():
                assert set(assessment.proposals) <= set(merged["assessments"][norm_id].proposals)
            assert set(mine["trend"]) <= set(merged["trend"])
        for key in shared:
            if key in merged["purged"]:
                assert key not in merged["notes"]
                continue
            note = merged["notes"][key]
            assert note.text == max(note.revisions, key=Revision.order).text
        # a merge never brings a purged text back: not in any merged folder's files
        for number in range(len(results)):
            raw = b"".join(folder_state(root / f"merged{number}").values())
            for key in merged["purged"]:
                for text in texts.get(key, ()):
                    assert text.encode() not in raw
