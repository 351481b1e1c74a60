"""Content-addressed files: <root>/blobs/<sha[:2]>/<sha256>, written to <root>/incoming/ first and renamed
into place, so a file under blobs/ is always complete. Identical bytes share one file. A complete file that
goes (a stored file deleted, an upload whose bytes were already stored) is renamed into <root>/trash/ and
unlinked in the background: freeing a large file's pages and blocks takes tens of ms of kernel time that the
caller need not wait for.

Writes and reads run in worker threads (hashing releases the GIL); every operation on one sha256 can be
serialised with `locked(sha)`, so a delete never removes a file that an upload is about to reference. The lock
is in-process: one media process owns a files directory.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hashlib
import logging
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

from storyboard_common.chunks import CHUNK_SIZE

from media_service.formats import HEAD_BYTES
from media_service.writeback import start_writeback

log = logging.getLogger(__name__)

_DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
# Written bytes are handed to the disk in steps of this size while the upload goes on (see writeback.py).
WRITEBACK_STEP = 8 * CHUNK_SIZE


class DiskFullError(Exception):
    """The file system ran out of space (or quota) while writing."""


class PendingBlob:
    """An upload being written: its temporary file, running sha256, size and first bytes.

    Each chunk is hashed and written in a worker thread while the next one is received: at most one write is
    in flight, so memory stays at about two chunks whatever the file size. The event loop only waits for the
    worker (a thread wake-up) when that write is still running; usually it is done by the next chunk.
    """

    def __init__(self, path: Path, writer: Executor):
        self.path = path
        self.size = 0
        self.head = b""
        self._writer = writer
        self._written = self._written_back = 0  # advanced by the worker thread only
        self._hash = hashlib.sha256()
        self._file: BinaryIO | None = open(path, "xb", buffering=0)  # noqa: SIM115 - closed in close()
        self._in_flight: Future[None] | None = None

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    async def write(self, chunk: bytes | memoryview) -> None:
        """Starts writing `chunk` once the previous chunk is written; a failure surfaces on the next call."""
        await self._settle()
        if len(self.head) < HEAD_BYTES:
            self.head += chunk[: HEAD_BYTES - len(self.head)]
        self.size += len(chunk)
        self._in_flight = self._writer.submit(self._write, chunk)

    async def _settle(self) -> None:
        """Waits for the write in flight and raises its failure. It stays in flight until done, so a cancelled
        wait leaves discard() to wait again before the file is closed."""
        in_flight = self._in_flight
        if in_flight is None:
            return
        if not in_flight.done():
            await asyncio.wrap_future(in_flight)
        self._in_flight = None
        in_flight.result()

    def _write(self, chunk: bytes | memoryview) -> None:
        self._hash.update(chunk)
        assert self._file is not None
        with _disk_full_as_error():
            view = memoryview(chunk)
            while view:  # an unbuffered write may be partial
                view = view[self._file.write(view):]
        self._written += len(chunk)
        if self._written - self._written_back >= WRITEBACK_STEP:
            start_writeback(self._file.fileno(), self._written_back, self._written - self._written_back)
            self._written_back = self._written

    async def finish(self) -> None:
        """Waits for the last write, flushes the bytes to disk and closes the file; the rename comes later."""
        await self._settle()
        await asyncio.to_thread(self._finish)

    def _finish(self) -> None:
        assert self._file is not None
        with _disk_full_as_error():
            os.fsync(self._file.fileno())
        self._file.close()
        self._file = None

    async def discard(self) -> None:
        """Drops the temporary file (after any write still in flight)."""
        try:
            await self._settle()
        except Exception:  # noqa: BLE001 - the upload already failed; only the cleanup matters here
            pass
        await asyncio.to_thread(self._discard)

    def _discard(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self.path.unlink(missing_ok=True)


class BlobStore:
    def __init__(self, root: Path):
        self.root = root
        self._blobs = root / "blobs"
        self._incoming = root / "incoming"
        self._trash = root / "trash"
        self._writers = ThreadPoolExecutor(thread_name_prefix="blob-writer")
        self._readers = ThreadPoolExecutor(thread_name_prefix="blob-reader")
        self._deleter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="blob-deleter")
        self._locks: dict[str, asyncio.Lock] = {}
        self._lock_users: dict[str, int] = {}

    def prepare(self) -> None:
        """Creates the directories and drops the files a crash left behind (temporary and doomed ones)."""
        for directory in (self._blobs, self._incoming, self._trash):
            directory.mkdir(parents=True, exist_ok=True)
        for leftover in self._incoming.iterdir():
            log.warning("removing an incomplete upload left by an earlier run: %s", leftover.name)
            leftover.unlink(missing_ok=True)
        for leftover in self._trash.iterdir():
            leftover.unlink(missing_ok=True)

    def close(self) -> None:
        """Waits for the writes, reads and deletions still running."""
        self._writers.shutdown(wait=True)
        self._readers.shutdown(wait=True)
        self._deleter.shutdown(wait=True)

    def free_bytes(self) -> int:
        return shutil.disk_usage(self.root).free

    def path_for(self, sha256: str) -> Path:
        return self._blobs / sha256[:2] / sha256

    @contextlib.asynccontextmanager
    async def pending(self) -> AsyncIterator[PendingBlob]:
        """A temporary file in the same file system as blobs/ (so the rename is atomic); removed on exit
        unless it was committed."""
        blob = PendingBlob(self._incoming / f"{uuid.uuid4()}.part", self._writers)
        try:
            yield blob
        finally:
            await asyncio.shield(blob.discard())  # also when the upload was cancelled

    @contextlib.asynccontextmanager
    async def locked(self, sha256: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(sha256, asyncio.Lock())
        self._lock_users[sha256] = self._lock_users.get(sha256, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._lock_users[sha256] -= 1
            if not self._lock_users[sha256]:
                del self._lock_users[sha256], self._locks[sha256]

    async def commit(self, blob: PendingBlob) -> None:
        """Moves a finished upload into place; when the bytes are already stored, the copy is dropped.
        Call it under locked(blob.sha256)."""
        await asyncio.to_thread(self._commit, blob)

    def _commit(self, blob: PendingBlob) -> None:
        final = self.path_for(blob.sha256)
        if final.exists():
            self._delete_soon(blob.path)
            return
        final.parent.mkdir(exist_ok=True)
        os.replace(blob.path, final)
        _fsync_dir(final.parent)

    async def remove(self, sha256: str) -> int:
        """Deletes a stored file; the bytes freed (0 when it was gone). Call it under locked(sha256)."""
        return await asyncio.to_thread(self._remove, sha256)

    def _remove(self, sha256: str) -> int:
        path = self.path_for(sha256)
        try:
            size = path.stat().st_size
            self._delete_soon(path)
        except FileNotFoundError:
            return 0
        return size

    def _delete_soon(self, path: Path) -> None:
        """Takes a complete file away from its directory now and unlinks it in the background."""
        doomed = self._trash / uuid.uuid4().hex
        os.replace(path, doomed)
        self._deleter.submit(_unlink_quietly, doomed)

    def open(self, sha256: str) -> StoredFile:
        """The stored file, open for reading; FileNotFoundError when it is missing."""
        return StoredFile(self.path_for(sha256), self._readers)


class StoredFile:
    """A stored file open for reading, in chunks of at most 1 MiB.

    The next chunk is read in a worker thread while the current one is sent, so it is usually ready when
    asked for: the event loop seldom waits for the disk or for a thread wake-up.
    """

    def __init__(self, path: Path, reader: Executor):
        self._fd = os.open(path, os.O_RDONLY)
        self._reader = reader
        self._ahead: Future[bytes] | None = None

    async def chunks(self, offset: int, length: int) -> AsyncIterator[bytes]:
        """`length` bytes from `offset`."""
        end = offset + length
        self._read_ahead(offset, end)
        while self._ahead is not None:
            chunk = await self._next()
            offset += len(chunk)
            self._read_ahead(offset, end)
            yield chunk

    def _read_ahead(self, offset: int, end: int) -> None:
        size = min(CHUNK_SIZE, end - offset)
        self._ahead = self._reader.submit(self._read, offset, size) if size > 0 else None

    async def _next(self) -> bytes:
        ahead = self._ahead
        assert ahead is not None
        if not ahead.done():
            await asyncio.wrap_future(ahead)
        return ahead.result()

    def _read(self, offset: int, size: int) -> bytes:
        data = os.pread(self._fd, size, offset)
        if len(data) < size:
            raise OSError(f"stored file ended {size - len(data)} bytes early")
        return data

    async def aclose(self) -> None:
        """Closes the file, after a read still running (its result no longer matters)."""
        ahead, self._ahead = self._ahead, None
        try:
            if ahead is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wrap_future(ahead)
        finally:
            os.close(self._fd)


@contextlib.contextmanager
def _disk_full_as_error() -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        if exc.errno in _DISK_FULL:
            raise DiskFullError(str(exc)) from exc
        raise


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:  # the file stays in trash/ until the next start
        log.warning("could not delete %s: %s", path.name, exc)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
