"""The shipped demo audit (``sessions/demo`` in the repository), opened as a copy.

The demo is a data folder in the store's own layout. Opening it copies it into the
user's data folder through the store, so the repository is never written to and the
copy gets the same validation and owner-only permissions as any audit.
"""

from __future__ import annotations

from pathlib import Path

from interview_assistant.storage.repository import AuditStore

DEMO_DATA_DIR = Path(__file__).resolve().parents[2] / "sessions" / "demo"


def demo_store() -> AuditStore:
    return AuditStore(DEMO_DATA_DIR)


def install_demo(store: AuditStore, source: AuditStore | None = None) -> str:
    """Copy the demo audit into ``store`` unless it is already there; returns its id."""
    source = source or demo_store()
    audit_ids = source.audit_ids()
    if not audit_ids:
        raise FileNotFoundError(f"Geen demo-audit gevonden in {source.data_dir}.")
    audit_id = audit_ids[0]
    if audit_id in store.audit_ids():
        return audit_id
    store.save_audit(source.load_audit(audit_id))
    for log in source.load_session_logs(audit_id):
        store.save_session(log.session)
        if log.notes:
            store.save_notes(audit_id, log.session.id, log.notes)
    return audit_id
