"""The shipped demo audit (``sessions/demo`` in the repository), opened as a copy.

The demo is a data folder in the store's own layout. Opening it copies it into the
user's data folder through the store, so the installed files are never written to and the
copy gets the same validation and owner-only permissions as any audit.

The top-level ``sessions/`` folder is installed as the package ``interview_assistant.demo``
(see ``setup.py``), so the demo is found through :mod:`importlib.resources` both in a
checkout with an editable install and in an installed wheel.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from interview_assistant.storage.repository import AuditStore

DEMO_PACKAGE = "interview_assistant.demo"


def shipped_demo_dir() -> Path:
    """The folder of the installed demo; a path that does not exist if it is not installed."""
    try:
        folder = files(DEMO_PACKAGE) / "demo"
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent / "demo-not-installed"
    # A package imported from a zip archive has no folder the store could read; its
    # string form then names no existing path and the demo is reported missing.
    return folder if isinstance(folder, Path) else Path(str(folder))


DEMO_DATA_DIR = shipped_demo_dir()


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
