"""Chunk messages written in their wire form, for the 1 MiB file streams (UploadMedia, ReadMedia).

protobuf's Python encoder is slow on a large bytes field: the bytes are copied into the message, into a growing
encode buffer and into the result, with fresh pages faulted in on the way (up to several ms per MiB, depending
on the allocator's state). On the file streams that cost more than everything else per chunk
(bench/media_transfer.py). A message whose only set field is one bytes field has a trivial wire form (the
field's key, the length, the bytes), so the streams send that form, built with one copy, and
`passing_encoded` hands such bytes to gRPC untouched while serializing any other message as usual. The
receiving side parses it as the ordinary message.
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


def passing_encoded(serialize: Callable[[Message], bytes]) -> Callable[[Message | bytes], bytes]:
    """A gRPC serializer that sends bytes (a message already in wire form) as they are and serializes any
    other message with `serialize`."""

    def serializer(message: Message | bytes) -> bytes:
        return message if isinstance(message, bytes) else serialize(message)

    return serializer
