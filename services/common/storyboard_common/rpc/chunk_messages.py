"""Chunk messages in their wire form, for the 1 MiB file streams (UploadMedia, ReadMedia).

A message whose only set field is one bytes field has a trivial wire form: the field's key, the length, the
bytes. Building it is one copy, where protobuf's Python encoder copies the bytes into the message, through a
growing encode buffer and into the result (2x the time with malloc_tuning, and over 20x without it, when each
of those buffers lands on fresh pages); reading the bytes back as a view of the received message saves
protobuf's parse and the copy that reading the field makes. `passing_encoded` and `passing_decoded` are the
gRPC serializer and deserializer for a method whose chunk messages go this way; every other message goes
through protobuf as usual, and the peer sees ordinary messages either way.
"""

from __future__ import annotations

from collections.abc import Callable

from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

_LENGTH_DELIMITED = 2


def _varint(value: int) -> bytes:
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _read_varint(data: bytes, start: int) -> tuple[int, int]:
    """The varint at `start` and the index after it (an unterminated one reads as too long to match)."""
    value = shift = 0
    for index in range(start, min(start + 10, len(data))):
        value |= (data[index] & 0x7F) << shift
        if data[index] < 0x80:
            return value, index + 1
        shift += 7
    return -1, len(data)


class BytesFieldMessage:
    """Encodes messages of `message_type` whose only set field is the bytes field `field_name` (such as
    ReadMediaResponse(chunk=data)) in their wire form."""

    def __init__(self, message_type: type[Message], field_name: str):
        field = message_type.DESCRIPTOR.fields_by_name[field_name]
        if field.type != FieldDescriptor.TYPE_BYTES:
            raise TypeError(f"{message_type.__name__}.{field_name} is not a bytes field")
        self._key = _varint(field.number << 3 | _LENGTH_DELIMITED)

    def encode(self, data: bytes | memoryview) -> bytes:
        return b"".join((self._key, _varint(len(data)), data))

    def decode(self, data: bytes) -> memoryview | None:
        """The field's bytes, without a copy, when `data` is exactly such a message; None otherwise."""
        if not data.startswith(self._key):
            return None
        length, start = _read_varint(data, len(self._key))
        return memoryview(data)[start:] if start + length == len(data) else None


def passing_decoded(field: BytesFieldMessage, parse: Callable[[bytes], Message]
                    ) -> Callable[[bytes], Message | memoryview]:
    """A gRPC deserializer that returns a message carrying only `field` as a view of that field's bytes, and
    parses any other message with `parse` (protobuf would copy the bytes out of the message again)."""

    def deserializer(data: bytes) -> Message | memoryview:
        chunk = field.decode(data)
        return parse(data) if chunk is None else chunk

    return deserializer


def passing_encoded(serialize: Callable[[Message], bytes]) -> Callable[[Message | bytes], bytes]:
    """A gRPC serializer that sends bytes (a message already in wire form) as they are and serializes any
    other message with `serialize`."""

    def serializer(message: Message | bytes) -> bytes:
        return message if isinstance(message, bytes) else serialize(message)

    return serializer
