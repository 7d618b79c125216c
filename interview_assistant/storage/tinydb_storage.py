"""A TinyDB storage that publishes every write atomically and durably, and a middleware
that batches several Table calls into one such write.

TinyDB's own JSONStorage truncates and rewrites its file in place, so a crash in the
middle leaves broken JSON. This storage writes through :func:`write_atomic` instead,
keeps the last state in memory and re-reads the file only when another process has
replaced it (its inode, size or mtime changed), which keeps a note save close to the
cost of the fsync itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import orjson
from tinydb import TinyDB
from tinydb.middlewares import Middleware
from tinydb.storages import MemoryStorage, Storage

from interview_assistant.storage.durable import write_atomic
from interview_assistant.storage.schema import stamp_schema


def encode_tables(tables: dict[str, dict[str, Any]]) -> bytes:
    """TinyDB tables as compact UTF-8 JSON.

    orjson encodes a 1,000-note session log in a fifteenth of the time the standard
    library needs, which is most of the cost of saving a note in a long interview.
    """
    return orjson.dumps(tables)


def decode_tables(raw: bytes) -> Any:
    return orjson.loads(raw)


class UnreadableFile(Exception):
    """The file exists but is not a JSON object of tables (corrupt or truncated)."""


def file_signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class DurableJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._cache: dict[str, dict[str, Any]] | None = None
        self._signature: tuple[int, int, int] | None = None
        self._raw: bytes | None = None  # the bytes ``_cache`` was read from or written as

    @property
    def signature(self) -> tuple[int, int, int] | None:
        """Identity of the file state held in memory (inode, size, mtime)."""
        return self._signature

    def changed_on_disk(self) -> bool:
        """True when the file is not the one this storage last read or wrote."""
        return self._cache is None or file_signature(self.path) != self._signature

    def matches_disk(self) -> bool:
        """True when the state held in memory is the file's, compared byte for byte.

        For writers holding the audit lock: (inode, size, mtime) can repeat when a file
        is replaced twice within the file system's clock tick by one of the same size,
        and a read-modify-write must never start from a stale copy.
        """
        if self._cache is None:
            return False
        try:
            return self.path.read_bytes() == self._raw
        except FileNotFoundError:
            return False

    def read(self) -> dict[str, dict[str, Any]] | None:
        signature = file_signature(self.path)
        if signature is None:
            self._cache, self._signature, self._raw = None, None, None
            return None
        if self._cache is not None and signature == self._signature:
            return self._cache
        raw = self.path.read_bytes()
        try:
            data = decode_tables(raw)
        except orjson.JSONDecodeError as exc:
            reason = "leeg bestand" if not raw.strip() else f"geen geldige JSON: {exc}"
            raise UnreadableFile(reason) from exc
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise UnreadableFile("geen TinyDB-tabellen")
        for name, table in data.items():
            for key in table:
                if not key.isdecimal():  # TinyDB's document ids are numbers
                    raise UnreadableFile(f"documentsleutel '{key}' in tabel '{name}' is geen getal")
        self._cache, self._signature, self._raw = data, signature, raw
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        stamp_schema(data)
        payload = encode_tables(data)
        try:
            write_atomic(self.path, payload)
        except BaseException:
            # TinyDB mutated the cached tables before calling write; forget them.
            self._cache, self._signature, self._raw = None, None, None
            raise
        self._cache, self._signature, self._raw = data, file_signature(self.path), payload

    def forget(self) -> None:
        """Drop the state held in memory (TinyDB may have changed it without a write)."""
        self._cache, self._signature, self._raw = None, None, None

    def close(self) -> None:
        self.forget()


class BatchedWrites(Middleware):
    """Buffers the writes TinyDB makes inside :meth:`batch` and publishes them once.

    Each Table call (insert, update) reads and writes the whole file; saving a note
    takes several, and each write through :class:`DurableJSONStorage` costs an fsync.
    Inside ``with db.storage.batch():`` the writes only replace a pending state that
    reads see; leaving the block publishes it in one durable write, and an exception
    drops it, leaving the file as it was.
    """

    def __init__(self, storage_cls: type[Storage] = DurableJSONStorage) -> None:
        super().__init__(storage_cls)
        self._pending: dict[str, dict[str, Any]] | None = None
        self._depth = 0

    @property
    def durable(self) -> DurableJSONStorage:
        """The storage that publishes the writes."""
        return cast(DurableJSONStorage, self.storage)

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._pending if self._pending is not None else self.storage.read()

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self._depth:
            self._pending = data
        else:
            self.storage.write(data)

    @contextmanager
    def batch(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        except BaseException:
            if self._depth == 1:
                self._pending = None
                if isinstance(self.storage, DurableJSONStorage):
                    self.storage.forget()  # TinyDB changed the cached tables in place
            raise
        else:
            if self._depth == 1 and self._pending is not None:
                data, self._pending = self._pending, None
                self.storage.write(data)
        finally:
            self._depth -= 1

    def close(self) -> None:
        self.storage.close()


class Database(TinyDB):
    """A TinyDB over one file of the data folder: durable writes, batched by
    ``with db.batched.batch()``. Without a path, over ``tables`` in memory (to build a
    file that is published some other way, as a merge does)."""

    def __init__(self, path: Path | None = None, tables: dict[str, Any] | None = None) -> None:
        if path is None:
            super().__init__(storage=BatchedWrites(MemoryStorage))
            self.batched.write(tables or {})
        else:
            super().__init__(path, storage=BatchedWrites(DurableJSONStorage))

    @property
    def batched(self) -> BatchedWrites:
        """The storage, as the middleware it is."""
        return cast(BatchedWrites, self.storage)
