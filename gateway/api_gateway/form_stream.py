"""A multipart/form-data body read part by part as it arrives, so a file part is never held whole.

Starlette's request.form() spools files before the handler runs; uploads use this instead: python-multipart's
streaming parser over request.stream(), with small text fields kept and file bytes handed on in 1 MiB chunks.
"""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass

from python_multipart import MultipartParser
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import parse_options_header
from starlette.requests import Request
from storyboard_common.chunks import ChunkBuffer

MAX_FIELD_BYTES = 64 * 1024  # a text field, and everything after the file part together


class MalformedFormError(Exception):
    """The body is not a complete multipart/form-data body, or its text fields are too large."""


@dataclass(frozen=True)
class FilePart:
    field: str
    filename: str
    content_type: str


@dataclass(frozen=True)
class _PartStart:
    name: str
    filename: str | None
    content_type: str


_PART_END = object()


def _text(raw: bytes) -> str:
    """Header values arrive as bytes; browsers send UTF-8 file names, older clients Latin-1."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


class StreamedForm:
    def __init__(self, request: Request, boundary: bytes):
        self._stream = request.stream().__aiter__()
        self._events: deque[object] = deque()
        self._finished = False
        self._headers: dict[bytes, bytes] = {}
        self._header_name = self._header_value = b""
        self._parser = MultipartParser(boundary, callbacks={
            "on_part_begin": self._on_part_begin, "on_header_field": self._on_header_field,
            "on_header_value": self._on_header_value, "on_header_end": self._on_header_end,
            "on_headers_finished": self._on_headers_finished, "on_part_data": self._on_part_data,
            "on_part_end": lambda: self._events.append(_PART_END), "on_end": self._on_end,
        })

    @classmethod
    def of(cls, request: Request) -> StreamedForm | None:
        """A reader for the request's body, or None when it is not multipart/form-data."""
        content_type, options = parse_options_header(request.headers.get("content-type"))
        boundary = options.get(b"boundary")
        if content_type != b"multipart/form-data" or not boundary:
            return None
        return cls(request, boundary)

    async def until_file(self, name: str = "file") -> tuple[dict[str, str], FilePart | None]:
        """The text fields before the file part named `name`, and that part (None when the body has none).
        The file's bytes are read next, with file_chunks()."""
        fields: dict[str, str] = {}
        while (event := await self._next()) is not None:
            if isinstance(event, _PartStart):
                if event.name == name and event.filename is not None:
                    return fields, FilePart(event.name, event.filename, event.content_type)
                fields[event.name] = _text(await self._read_part(MAX_FIELD_BYTES))
        return fields, None

    async def file_chunks(self, stop_after: int | None = None) -> AsyncIterator[bytes]:
        """The current file part's bytes in 1 MiB chunks. With stop_after, reading stops as soon as more than
        that many bytes came in (the last chunk then holds what was read)."""
        buffer = ChunkBuffer()
        received = 0
        while isinstance(event := await self._next(), bytes):
            received += len(event)
            for chunk in buffer.add(event):
                yield chunk
            if stop_after is not None and received > stop_after:
                if rest := buffer.flush():
                    yield rest
                return
        if event is not _PART_END:
            raise MalformedFormError("the body ended inside the file")
        if rest := buffer.flush():
            yield rest

    async def rest(self) -> dict[str, str]:
        """The text fields after the file part, reading the body to its end (at most 64 KiB more)."""
        fields: dict[str, str] = {}
        budget = MAX_FIELD_BYTES
        while (event := await self._next()) is not None:
            if isinstance(event, _PartStart):
                value = await self._read_part(budget)
                budget -= len(value)
                if event.filename is None:
                    fields.setdefault(event.name, _text(value))
        return fields

    async def _read_part(self, limit: int) -> bytes:
        value = bytearray()
        while isinstance(event := await self._next(), bytes):
            value += event
            if len(value) > limit:
                raise MalformedFormError("a form field is too large")
        if event is not _PART_END:
            raise MalformedFormError("the body ended inside a field")
        return bytes(value)

    async def _next(self) -> object | None:
        """The next parser event, reading more of the body when needed; None at the end of the form."""
        while not self._events:
            if self._finished:
                return None
            data = await anext(self._stream, None)
            if data is None:
                raise MalformedFormError("the body ended before the closing boundary")
            try:
                self._parser.write(data)
            except FormParserError as exc:
                raise MalformedFormError(str(exc)) from None
        return self._events.popleft()

    # python-multipart callbacks: they only queue events for _next().
    def _on_part_begin(self) -> None:
        self._headers = {}

    def _on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def _on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _on_header_end(self) -> None:
        self._headers[self._header_name.lower()] = self._header_value
        self._header_name = self._header_value = b""

    def _on_headers_finished(self) -> None:
        _, disposition = parse_options_header(self._headers.get(b"content-disposition", b""))
        filename = disposition.get(b"filename")
        content_type = self._headers.get(b"content-type", b"").decode("latin-1")
        self._events.append(_PartStart(_text(disposition.get(b"name", b"")),
                                       None if filename is None else _text(filename), content_type))

    def _on_part_data(self, data: bytes, start: int, end: int) -> None:
        whole = type(data) is bytes and start == 0 and end == len(data)  # immutable: safe to keep, no copy
        self._events.append(data if whole else bytes(data[start:end]))

    def _on_end(self) -> None:
        self._finished = True
