"""Byte streams regrouped into the fixed-size chunks our upload and download streams carry."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator

# gRPC caps a message at 4 MiB by default; we keep the cap and move files in 1 MiB pieces.
CHUNK_SIZE = 1024 * 1024


class ChunkBuffer:
    """Collects bytes as they come and hands them out in pieces of exactly `size` (the last may be less)."""

    def __init__(self, size: int = CHUNK_SIZE):
        self._size = size
        self._buffer = bytearray()

    def add(self, data: bytes | bytearray | memoryview) -> list[bytes]:
        """Adds data; returns the full pieces it completed (often none)."""
        self._buffer += data
        full = len(self._buffer) // self._size * self._size
        if not full:
            return []
        with memoryview(self._buffer) as view:  # one copy per piece (a bytearray slice would be a second)
            ready = [bytes(view[start:start + self._size]) for start in range(0, full, self._size)]
        del self._buffer[:full]
        return ready

    def flush(self) -> bytes:
        """What is left over, emptying the buffer."""
        rest = bytes(self._buffer)
        self._buffer.clear()
        return rest


async def rechunk(source: AsyncIterable[bytes], size: int = CHUNK_SIZE) -> AsyncIterator[bytes]:
    """`source` regrouped into pieces of `size` bytes; empty input yields nothing."""
    buffer = ChunkBuffer(size)
    async for data in source:
        for piece in buffer.add(data):
            yield piece
    if rest := buffer.flush():
        yield rest
