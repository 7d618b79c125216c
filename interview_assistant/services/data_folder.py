"""A data folder: the entry point every front end (TUI, line mode, CLI) starts from.

Front ends never build a store or a file path themselves. They open a
:class:`DataFolder` and ask it for the audits in it, a new audit, an opened audit
(:class:`~interview_assistant.services.audit.AuditWorkspace`), its review, an export
or a merge. Files the store had to set aside are collected here and reported once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

from interview_assistant.domain.audit import Audit, CoreData
from interview_assistant.services.audit import AuditWorkspace, create_audit
from interview_assistant.services.paths import resolve_data_dir
from interview_assistant.storage.repository import (
    AuditStore,
    FileProblem,
    ListedAudit,
    StoreError,
)

if TYPE_CHECKING:
    from interview_assistant.exchange import ExportSummary, MergeReport, Progress
    from interview_assistant.services.review import AuditReview


#: where the system keeps what is not a file (processes, devices): never a data folder
SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))


def check_data_dir(path: Path) -> None:
    """Refuse, in Dutch, a data folder that is a file, lies under a file, or lies in a
    system folder, before anything is read or created there."""
    resolved = path.expanduser().resolve()
    if any(resolved == s or s in resolved.parents for s in SYSTEM_FOLDERS):
        raise StoreError("store.data_dir_system", path=str(path))
    for probe in (resolved, *resolved.parents):
        if probe.exists():
            if not probe.is_dir():
                raise StoreError("store.data_dir_file", path=str(path), file=str(probe))
            return


#: the data folders opened inside :func:`remembering_folders`, if one is active
_opened: ContextVar[list[DataFolder] | None] = ContextVar("opened_data_folders", default=None)


@contextmanager
def remembering_folders() -> Iterator[list[DataFolder]]:
    """Collect every :class:`DataFolder` opened inside, so a one-shot command can report
    the problems (a loose permission tightened, a file set aside) that its own output
    did not: a notice said once must be said by the command that found it."""
    opened: list[DataFolder] = []
    token = _opened.set(opened)
    try:
        yield opened
    finally:
        _opened.reset(token)


class DataFolder:
    """The audits in one folder on disk."""

    def __init__(self, path: Path) -> None:
        check_data_dir(Path(path))
        self.store = AuditStore(Path(path))
        opened = _opened.get()
        if opened is not None:
            opened.append(self)

    @classmethod
    def resolve(cls, explicit: str | os.PathLike[str] | None = None) -> DataFolder:
        """``--data-dir``, else ``$INTERVIEW_ASSISTANT_DATA``, else the user's data folder."""
        return cls(resolve_data_dir(explicit))

    @property
    def path(self) -> Path:
        return self.store.data_dir

    # -- audits ------------------------------------------------------------------------------

    def audits(self) -> list[Audit]:
        """Every readable audit, newest first."""
        audits = self.store.list_audits()
        for audit in audits:  # what the listing read is tightened, and said, now
            self.store.tighten_permissions(audit.id)
        return audits

    def audit_listing(self) -> list[ListedAudit]:
        """Every audit folder for the audit list: the readable audits newest first (what
        was read tightened, as :meth:`audits`), then those that cannot be opened, each
        with its problem in Dutch (no access, a corrupt file set aside)."""
        listing = self.store.audit_listing()
        for entry in listing:
            if entry.audit is not None:
                self.store.tighten_permissions(entry.id)
        return listing

    def audit_ids(self) -> list[str]:
        return self.store.audit_ids()

    def session_count(self, audit_id: str) -> int:
        """The audit's sessions, not counting those the auditor removed."""
        return self.store.live_session_count(audit_id)

    def resolve_audit(self, prefix: str) -> str:
        """The audit id a unique prefix names (a Dutch error otherwise)."""
        return self.store.resolve_audit(prefix)

    def resolve_session(self, audit_id: str, prefix: str) -> str:
        return self.store.resolve_session(audit_id, prefix)

    def create_audit(
        self,
        organisation: str,
        edition: str | None = None,
        target: int | None = None,
        core: CoreData | None = None,
        team: Iterable[str] = (),
    ) -> Audit:
        return create_audit(self.store, organisation, edition, target, core, team)

    def open_audit(self, prefix: str) -> AuditWorkspace:
        """The audit a unique id prefix names, with its sessions and coverage loaded."""
        return AuditWorkspace.open(self.store, prefix)

    def open_review(self, prefix: str) -> AuditReview:
        from interview_assistant.services.review import AuditReview

        return AuditReview(self.open_audit(prefix))

    # -- exchange ----------------------------------------------------------------------------

    def export(
        self,
        audit_prefix: str,
        output: Path,
        sessions: Sequence[str] | None = None,
        progress: Callable[[Progress], None] | None = None,
    ) -> ExportSummary:
        """Write the audit (or some of its sessions) as a bundle for the lead auditor."""
        from interview_assistant.exchange import export_bundle

        audit_id = self.resolve_audit(audit_prefix)
        session_ids = [self.resolve_session(audit_id, s) for s in sessions] if sessions else None
        return export_bundle(self.store, audit_id, Path(output), session_ids, progress)

    def merge(
        self,
        paths: Sequence[Path],
        audit_prefix: str | None = None,
        progress: Callable[[Progress], None] | None = None,
    ) -> MergeReport:
        """Merge bundles and session logs into one audit, all or nothing."""
        from interview_assistant.exchange import merge_inputs

        return merge_inputs(self.store, [Path(p) for p in paths], audit_prefix, progress)

    # -- the demo ----------------------------------------------------------------------------

    def is_demo_source(self) -> bool:
        """True when this folder is the shipped demo itself (never written to)."""
        from interview_assistant.services.demo import DEMO_DATA_DIR

        return self.path.resolve() == DEMO_DATA_DIR.resolve()

    def install_demo(self) -> str:
        """Copy the shipped demo audit in (once); returns its id.

        Raises ``FileNotFoundError`` when the installation has no demo.
        """
        from interview_assistant.services.demo import demo_store, install_demo

        source = demo_store()
        try:
            return install_demo(self.store, source)
        finally:
            self.store.problems[:0] = source.take_problems()

    # -- problems ----------------------------------------------------------------------------

    def take_problems(self) -> list[FileProblem]:
        """Files set aside since the last call, for the front end to report once."""
        return self.store.take_problems()
