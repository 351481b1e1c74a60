"""Byte streams regrouped into the fixed-size chunks our upload and download streams carry."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator

# gRPC caps a message at 4 MiB by default; we keep the cap and move files in 1 MiB pieces.
CHUNK_SIZE = 1024 * 1024


class ChunkBuffer:
    """Collects bytes as they come and hands them out in pieces of exactly `size` (the last may be less).

    Pieces are joined once when a chunk is full, so each byte is copied once on its way through.
    """

    def __init__(self, size: int = CHUNK_SIZE):
        self._size = size
        self._pieces: list[bytes | memoryview] = []
        self._held = 0

    def add(self, data: bytes | bytearray | memoryview) -> list[bytes]:
        """Adds data; returns the full pieces it completed (often none)."""
        ready = []
        view = memoryview(data)
        while self._held + len(view) >= self._size:
            take = self._size - self._held
            ready.append(b"".join([*self._pieces, view[:take]]))
            self._pieces, self._held = [], 0
            view = view[take:]
        if view:
            self._pieces.append(bytes(view) if isinstance(data, bytearray) else view)  # bytearrays may change
            self._held += len(view)
        return ready

    def flush(self) -> bytes:
        """What is left over, emptying the buffer."""
        rest = b"".join(self._pieces)
        self._pieces, self._held = [], 0
        return rest


async def rechunk(source: AsyncIterable[bytes], size: int = CHUNK_SIZE) -> AsyncIterator[bytes]:
    """`source` regrouped into pieces of `size` bytes; empty input yields nothing."""
    buffer = ChunkBuffer(size)
    async for data in source:
        for piece in buffer.add(data):
            yield piece
    if rest := buffer.flush():
        yield rest
