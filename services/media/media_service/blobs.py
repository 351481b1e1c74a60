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
from concurrent.futures import ThreadPoolExecutor
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
    in flight, so memory stays at about two chunks whatever the file size.
    """

    def __init__(self, path: Path):
        self.path = path
        self.size = 0
        self.head = b""
        self._written = self._written_back = 0  # advanced by the worker thread only
        self._hash = hashlib.sha256()
        self._file: BinaryIO | None = open(path, "xb", buffering=0)  # noqa: SIM115 - closed in close()
        self._in_flight: asyncio.Future[None] | None = None

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    async def write(self, chunk: bytes) -> None:
        """Starts writing `chunk` once the previous chunk is written; a failure surfaces on the next call."""
        await self._settle()
        if len(self.head) < HEAD_BYTES:
            self.head += chunk[: HEAD_BYTES - len(self.head)]
        self.size += len(chunk)
        self._in_flight = asyncio.get_running_loop().run_in_executor(None, self._write, chunk)

    async def _settle(self) -> None:
        if self._in_flight is not None:
            in_flight, self._in_flight = self._in_flight, None
            await in_flight

    def _write(self, chunk: bytes) -> None:
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
        """Waits for the deletions still running."""
        self._deleter.shutdown(wait=True)

    def free_bytes(self) -> int:
        return shutil.disk_usage(self.root).free

    def path_for(self, sha256: str) -> Path:
        return self._blobs / sha256[:2] / sha256

    @contextlib.asynccontextmanager
    async def pending(self) -> AsyncIterator[PendingBlob]:
        """A temporary file in the same file system as blobs/ (so the rename is atomic); removed on exit
        unless it was committed."""
        blob = PendingBlob(self._incoming / f"{uuid.uuid4()}.part")
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

    def open(self, sha256: str) -> BinaryIO:
        """The stored file, open for reading; FileNotFoundError when it is missing."""
        return open(self.path_for(sha256), "rb")  # noqa: SIM115 - the reader closes it


async def read_range(file: BinaryIO, offset: int, length: int) -> AsyncIterator[bytes]:
    """`length` bytes from `offset`, in chunks of at most 1 MiB."""
    await asyncio.to_thread(file.seek, offset)
    left = length
    while left > 0:
        data = await asyncio.to_thread(file.read, min(CHUNK_SIZE, left))
        if not data:
            raise OSError(f"stored file ended {left} bytes early")
        left -= len(data)
        yield data


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
