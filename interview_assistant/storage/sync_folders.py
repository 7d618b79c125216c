"""Is a data folder inside a folder that a sync engine shares between laptops?

Then moving a broken file to quarantine, sweeping temp files or rewriting a file spreads
to every other laptop, where it may hit a file someone else is writing. Until a shared
team folder is supported, the store notices this, says so once, and moves or deletes
nothing there that it did not just write itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: folder names a sync client gives its root (the user's folder, or one level inside it)
_ROOT_NAMES = {
    "Dropbox": "Dropbox",
    "OneDrive": "OneDrive",
    "Nextcloud": "Nextcloud",
    "ownCloud": "Nextcloud",
    "Google Drive": "Google Drive",
    "GoogleDrive": "Google Drive",
    "My Drive": "Google Drive",
    "Mijn Drive": "Google Drive",
    "iCloud Drive": "iCloud",
    "iCloudDrive": "iCloud",
    "Mobile Documents": "iCloud",
}
#: marker files a sync client keeps in the root it syncs
_MARKERS = {
    ".stfolder": "Syncthing",
    ".dropbox": "Dropbox",
    ".nextcloudsync.log": "Nextcloud",
    ".owncloudsync.log": "Nextcloud",
}


@dataclass(frozen=True)
class SyncedFolder:
    engine: str
    root: Path


def synced_folder(path: Path) -> SyncedFolder | None:
    """The sync engine and the root it shares, if ``path`` lies in one; else None."""
    resolved = Path(path).expanduser().resolve()
    for folder in (resolved, *resolved.parents):
        for marker, marked_by in _MARKERS.items():
            if (folder / marker).exists():
                return SyncedFolder(marked_by, folder)
        if any(folder.glob(".sync_*.db")):  # the Nextcloud/ownCloud client's journal
            return SyncedFolder("Nextcloud", folder)
        name = folder.name
        engine = _ROOT_NAMES.get(name)
        if engine is None and name.startswith(("Dropbox (", "OneDrive - ")):
            engine = name.split(" ")[0]
        if engine is not None:
            return SyncedFolder(engine, folder)
    return None
