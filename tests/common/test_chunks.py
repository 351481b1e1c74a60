"""ChunkBuffer and rechunk: any pieces in, exact-size chunks out, every byte once and in order."""

from __future__ import annotations

import pytest
from storyboard_common.chunks import ChunkBuffer, rechunk


@pytest.mark.parametrize("pieces", [
    [b"abcdefghij"], [b"a", b"bcd", b"", b"efghij"], [b"ab", bytearray(b"cdefgh"), memoryview(b"ij")],
    [b"abc"] * 3 + [b"j"],
])
def test_pieces_come_out_as_exact_chunks_in_order(pieces):
    buffer = ChunkBuffer(4)
    chunks = [chunk for piece in pieces for chunk in buffer.add(piece)]
    rest = buffer.flush()
    assert all(len(c) == 4 for c in chunks)
    assert b"".join(chunks) + rest == b"".join(bytes(p) for p in pieces)
    assert len(rest) < 4 and buffer.flush() == b""


def test_a_bytearray_changed_after_it_was_added_does_not_change_the_output():
    buffer = ChunkBuffer(8)
    data = bytearray(b"abc")
    buffer.add(data)
    data[:] = b"xyz"
    assert buffer.flush() == b"abc"


async def test_rechunk_regroups_an_async_stream():
    async def source():
        for piece in (b"12345", b"", b"6789", b"0"):
            yield piece

    assert [c async for c in rechunk(source(), 3)] == [b"123", b"456", b"789", b"0"]
