"""Helpers for the media route tests: a media-centred stack with custom limits, and multipart bodies streamed
from generators (so a test can send far more bytes than it ever holds)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import Stack, run_service


@contextlib.asynccontextmanager
async def media_stack(data_dir: Path, **media_settings: Any) -> AsyncIterator[Stack]:
    """Projects and media in-process; media with the given settings (limits, free-space reserve)."""
    async with run_service("projects", data_dir) as projects, \
            run_service("media", data_dir, projects_addr=projects.address, **media_settings) as media:
        yield Stack({"projects": projects, "media": media})


@dataclass
class StreamedBody:
    """A multipart/form-data body produced lazily; `sent` counts the file bytes the server pulled."""

    file_chunks: Iterable[bytes]
    filename: str = "upload.bin"
    content_type: str = "application/octet-stream"
    before: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
    boundary: str = field(default_factory=lambda: uuid.uuid4().hex)
    sent: int = 0

    @property
    def headers(self) -> dict[str, str]:
        return {"content-type": f"multipart/form-data; boundary={self.boundary}"}

    def _field(self, name: str, value: str) -> bytes:
        return (f'--{self.boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n").encode()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for name, value in self.before.items():
            yield self._field(name, value)
        yield (f"--{self.boundary}\r\n"
               f'Content-Disposition: form-data; name="file"; filename="{self.filename}"\r\n'
               f"Content-Type: {self.content_type}\r\n\r\n").encode()
        for chunk in self.file_chunks:
            self.sent += len(chunk)
            yield chunk
        yield b"\r\n"
        for name, value in self.after.items():
            yield self._field(name, value)
        yield f"--{self.boundary}--\r\n".encode()


def zeros(total: int, piece: int = 256 * 1024) -> Iterable[bytes]:
    """`total` zero bytes in pieces, made one at a time."""
    block = bytes(piece)
    for start in range(0, total, piece):
        yield block[: min(piece, total - start)]
