"""Where a report or bundle is written by default, and whether it may be written there.

The default is the user's documents folder (platformdirs' ``user_documents_dir``, the home
folder when there is none), never the current folder: following the README that is the
code checkout. Before writing, :func:`check_target` says whether a file would be replaced
(the TUI asks, the CLI refuses without ``--overwrite``) and refuses, in Dutch, a folder
that does not exist or a name that is a folder.
"""

from __future__ import annotations

import re
from pathlib import Path

from interview_assistant.domain.errors import DomainError, describe_os_error
from interview_assistant.messages import msg
from interview_assistant.storage.batch import export_target_state


class ExportTargetError(DomainError):
    """The file cannot be written where the user asked: says what is wrong there."""


def default_export_dir() -> Path:
    from platformdirs import user_documents_dir

    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def _slug(organisation: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", organisation.lower()).strip("-") or "audit"


def default_report_base(organisation: str) -> Path:
    """'rapport-welzijn-noord' in the documents folder (the format adds its suffix)."""
    return default_export_dir() / f"rapport-{_slug(organisation)}"


def default_bundle_path(organisation: str) -> Path:
    return default_export_dir() / f"sessielogs-{_slug(organisation)}.zip"


def report_path(typed: str, organisation: str, suffix: str) -> Path:
    """The file a typed name means: with the format's suffix; a folder gets the default
    name in it (typing where is enough)."""
    path = Path(typed).expanduser()
    if export_target_state(path) == "folder":
        path = path / default_report_base(organisation).name
    if path.suffix.lower() == suffix:
        return path
    return path.with_name(path.name + suffix) if path.suffix == "" else path.with_suffix(suffix)


def check_target(path: Path) -> bool:
    """True when a file is already at ``path`` (ask before replacing it); raises
    :class:`ExportTargetError` when nothing can be written there."""
    path = Path(path).expanduser()
    try:
        state = export_target_state(path)
    except OSError as exc:
        raise ExportTargetError("export.failed", path=path, reason=describe_os_error(exc)) from exc
    if state == "no_folder":
        raise ExportTargetError("export.no_folder", folder=path.parent)
    if state == "parent_file":
        raise ExportTargetError("export.parent_file", folder=path.parent)
    if state == "folder":
        raise ExportTargetError("export.folder", path=path)
    return state == "file"


def write_failed(path: Path, exc: OSError) -> str:
    """One Dutch sentence: which file was not written and why."""
    return msg("export.failed", path=path, reason=describe_os_error(exc, with_path=False))
