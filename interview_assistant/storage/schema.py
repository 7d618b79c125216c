"""The versions of the files a data folder holds, and what changed between them.

Schema 1: the first release. Schema 2: every note change carries a logical clock
(``clock`` on a revision, ``state_clock`` on a note; see ``domain.note``); a note
without them is a schema-1 note and reads as clock 0, so schema-1 files are read as
they are and become schema 2 on their next write (:func:`stamp_schema`). A release
that knows only schema 1 sets a schema-2 file aside instead of dropping its clocks.
"""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 2
AUDIT_FORMAT = "interview-assistant/audit"
SESSION_FORMAT = "interview-assistant/session"
META_TABLE = "meta"
META_DOC_ID = 1


def stamp_schema(tables: dict[str, dict[str, Any]]) -> None:
    """Mark a file about to be written as this schema (a schema-1 file is migrated)."""
    meta = tables.get(META_TABLE, {}).get(str(META_DOC_ID))
    if isinstance(meta, dict) and meta.get("schema") != SCHEMA_VERSION:
        meta["schema"] = SCHEMA_VERSION
