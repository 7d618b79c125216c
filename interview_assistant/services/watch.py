"""Tell a front end, within a fraction of a second, when files of an opened audit change.

Another process (the line mode, the CLI, a colleague's merge, a second TUI) writes the
audit's files while a screen shows them. Instead of polling the disk on the UI thread,
a background thread watches the audit's folder with watchfiles (inotify, FSEvents, ...),
groups a burst of changes (``step_ms`` of quiet, at most ``debounce_ms``) and reports
once per burst which files changed: the audit file, which session logs. Where the OS
gives no notifications (a watch limit reached, some network folders) the same thread
compares the files' signatures every ``POLL_MS`` instead.

The callback runs on the watcher thread. It must only hand the change over to the
thread that owns the workspace (Textual's ``post_message`` is thread-safe); reading
the files is the workspace's job (:meth:`AuditWorkspace.read_changes`), which also
recognises our own writes so that a save does not come back as someone else's change.

Typical use::

    watcher = AuditWatcher(workspace.store, workspace.audit.id, on_change)
    watcher.start()
    ...
    watcher.stop()
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from interview_assistant.storage.repository import AuditStore

#: longest a burst of changes is grouped before it is reported, in milliseconds
DEBOUNCE_MS = 300
#: quiet time that ends a burst, in milliseconds
STEP_MS = 30
#: how long the watcher waits before it reports that it is armed, in milliseconds
ARMED_MS = 200
#: when the OS gives no change notifications: how often the watcher thread compares files
POLL_MS = 300


@dataclass(frozen=True)
class FolderChange:
    """One burst of changes to an audit's files."""

    #: the audit file (metadata, core data, verdicts, proposals, texts) changed
    audit_file: bool
    #: session logs added, changed or removed (set aside counts as removed)
    sessions: frozenset[str]
    #: the first report after the watcher armed: changes made before it may be missed,
    #: so the receiver checks everything once
    catch_up: bool = False


class AuditWatcher:
    """Watches one audit's folder on a daemon thread until :meth:`stop`."""

    def __init__(
        self,
        store: AuditStore,
        audit_id: str,
        on_change: Callable[[FolderChange], object],
        debounce_ms: int = DEBOUNCE_MS,
        step_ms: int = STEP_MS,
    ) -> None:
        self.audit_id = audit_id
        self.folder = Path(store.audit_dir(audit_id)).resolve()
        self._classify = store.watched_file
        self._on_change = on_change
        self._debounce_ms = debounce_ms
        self._step_ms = step_ms
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: set once the folder is being watched (the first report is a catch-up)
        self.armed = threading.Event()
        #: why the watcher ended early (the folder vanished, the OS refused a watch)
        self.error: BaseException | None = None

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("an AuditWatcher starts once")
        self._thread = threading.Thread(
            target=self._run, name=f"watch-audit-{self.audit_id}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop watching; returns once the thread ended (or ``timeout`` seconds passed)."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the watcher thread ---------------------------------------------------------------------

    def _wanted(self, _change: object, path: str) -> bool:
        return self._role(path) is not None

    def _role(self, path: str) -> str | None:
        try:
            relative = Path(path).relative_to(self.folder)
        except ValueError:
            return None
        return self._classify(relative)

    def _run(self) -> None:
        # imported here, on the watcher thread: the first frame does not wait for it
        import watchfiles

        try:
            try:
                self._watch(watchfiles)
            except Exception as exc:
                if self._stop.is_set() or not self.folder.is_dir():
                    raise
                # the OS refused a watch (inotify limit, some network folders): poll the
                # files' signatures on this thread instead; never on the UI thread
                self.error = exc
                self._poll()
        except Exception as exc:  # the folder vanished: tell whoever asks, do not crash
            self.error = exc
        finally:
            self.armed.set()

    def _watch(self, watchfiles: ModuleType) -> None:
        first = True  # the first report after arming: check everything once
        for changes in watchfiles.watch(
            self.folder,
            watch_filter=self._wanted,
            debounce=self._debounce_ms,
            step=self._step_ms,
            stop_event=self._stop,
            rust_timeout=ARMED_MS,
            yield_on_timeout=True,
            raise_interrupt=False,
        ):
            if self._stop.is_set():
                return
            catch_up, first = first, False
            self.armed.set()
            if changes or catch_up:
                self._on_change(self._summarise(changes, catch_up))

    def _poll(self) -> None:
        """Compare the files' (inode, size, mtime) every ``POLL_MS`` and report differences.

        watchfiles' own polling compares whole-second modification times and misses a
        second write within the same second; this does not.
        """
        seen = self._signatures()
        self.armed.set()
        self._on_change(FolderChange(True, frozenset(), catch_up=True))
        while not self._stop.wait(POLL_MS / 1000):
            now = self._signatures()
            changed = [path for path in seen.keys() | now.keys() if seen.get(path) != now.get(path)]
            seen = now
            if changed:
                self._on_change(self._summarise(((None, path) for path in changed), False))

    def _signatures(self) -> dict[str, tuple[int, int, int]]:
        found: dict[str, tuple[int, int, int]] = {}
        for folder, _dirs, names in os.walk(self.folder):
            for name in names:
                path = os.path.join(folder, name)
                if self._role(path) is None:
                    continue
                try:
                    st = os.stat(path)
                except FileNotFoundError:
                    continue  # replaced or removed while we looked: the next round sees it
                found[path] = (st.st_ino, st.st_size, st.st_mtime_ns)
        return found

    def _summarise(self, changes: Iterable[tuple[object, str]], catch_up: bool) -> FolderChange:
        audit_file = catch_up
        sessions: set[str] = set()
        for _change, path in changes:
            role = self._role(path)
            if role == "audit":
                audit_file = True
            elif role is not None:
                sessions.add(role.removeprefix("session:"))
        return FolderChange(audit_file, frozenset(sessions), catch_up)
