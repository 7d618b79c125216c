"""Tell a front end, within a fraction of a second, when files of an opened audit change.

Another process (the line mode, the CLI, a colleague's merge, a second TUI) writes the
audit's files while a screen shows them. Instead of polling the disk on the UI thread,
a background thread watches the audit's folder with watchfiles (inotify, FSEvents, ...),
groups a burst of changes (``step_ms`` of quiet, at most ``debounce_ms``) and reports
once per burst which files changed: the audit file, which session logs.

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

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from interview_assistant.storage.repository import AuditStore

#: longest a burst of changes is grouped before it is reported, in milliseconds
DEBOUNCE_MS = 300
#: quiet time that ends a burst, in milliseconds
STEP_MS = 30
#: how long the watcher waits before it reports that it is armed, in milliseconds
ARMED_MS = 200


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
        from watchfiles import watch

        try:
            for changes in watch(
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
                catch_up = not self.armed.is_set()
                self.armed.set()
                if changes or catch_up:
                    self._on_change(self._summarise(changes, catch_up))
        except Exception as exc:  # the folder vanished, too many watches: tell, do not crash
            self.error = exc
        finally:
            self.armed.set()

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
