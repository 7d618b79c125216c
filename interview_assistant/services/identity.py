"""Who audits on this computer ("ik ben ..."): set once, the default for new interviews.

The auditor of the last interview is no default: after a merge that is a colleague. The
name is kept in the user's config folder (``identity.toml``), not in any audit, so it
holds for every audit on this laptop and never travels in a bundle.
"""

from __future__ import annotations

from pathlib import Path

from interview_assistant.domain.errors import DomainError
from interview_assistant.messages import msg
from interview_assistant.storage.user_config import (
    UnreadableConfig,
    config_dir,
    read_config,
    write_config,
)

FILE_NAME = "identity.toml"
HEADER = "interview-assistant: wie op deze computer auditeert (interview-assistant ik-ben NAAM)"


def identity_file() -> Path:
    return config_dir() / FILE_NAME


def current_auditor() -> str:
    """The name set for this computer; empty if none (or the file is unreadable: then
    :func:`identity_problem` says why)."""
    try:
        value = read_config(identity_file()).get("auditor", "")
    except (UnreadableConfig, OSError):
        return ""
    return " ".join(value.split()) if isinstance(value, str) else ""


def identity_problem() -> str | None:
    """Why the identity file cannot be used, in Dutch; None if it can (or is absent)."""
    path = identity_file()
    try:
        read_config(path)
    except (UnreadableConfig, OSError) as exc:
        return msg("identity.unreadable", path=str(path), reason=exc)
    return None


def set_current_auditor(name: str) -> str:
    """Store ``name`` (whitespace collapsed) as this computer's auditor; returns it."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise DomainError("identity.blank")
    write_config(identity_file(), {"auditor": cleaned}, HEADER)
    return cleaned
