"""The lead's "this finding is fine" marks travel in bundles and merge like the other
review rows: the newest mark of a text wins, whatever the order of the merges."""

from __future__ import annotations

from interview_assistant.exchange import export_bundle, merge_inputs
from interview_assistant.services.privacy import PrivacyMarks


def test_marks_travel_in_bundles_and_the_newest_mark_wins(lead, bram, audit_id, tmp_path):
    PrivacyMarks(lead.workspace(audit_id)).mark(["Lindewaard"])
    export_bundle(lead.store, audit_id, tmp_path / "lead.zip")
    merge_inputs(bram.store, [tmp_path / "lead.zip"])  # the audit is new on Bram's laptop
    on_bram = PrivacyMarks(bram.workspace(audit_id))
    assert on_bram.fine() == {"lindewaard": "Lindewaard"}

    on_bram.mark(["Lindewaard"], ok=False)  # later: it is a person's name after all
    on_bram.mark(["De Brug"])
    export_bundle(bram.fresh_store(), audit_id, tmp_path / "bram.zip")
    report = merge_inputs(lead.fresh_store(), [tmp_path / "bram.zip"])
    assert report.audit_updated
    assert PrivacyMarks(lead.workspace(audit_id)).fine() == {"de brug": "De Brug"}

    merge_inputs(bram.fresh_store(), [tmp_path / "lead.zip"])  # the older bundle again
    assert PrivacyMarks(bram.workspace(audit_id)).fine() == {"de brug": "De Brug"}
