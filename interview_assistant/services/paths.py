"""Where the user's audits live.

``--data-dir``, else ``$INTERVIEW_ASSISTANT_DATA``, else the platform's user data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "INTERVIEW_ASSISTANT_DATA"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # only needed without --data-dir or the variable

    return Path(user_data_dir("interview-assistant", appauthor=False))
