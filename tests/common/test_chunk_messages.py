"""Chunk messages in wire form: the bytes protobuf would write, read back as views; other messages through
protobuf."""

from __future__ import annotations

import pytest
from storyboard.media.v1 import media_service_pb2 as pb
from storyboard_common.rpc.chunk_messages import BytesFieldMessage, passing_decoded, passing_encoded

CHUNK = BytesFieldMessage(pb.ReadMediaResponse, "chunk")


@pytest.mark.parametrize("size", [0, 1, 127, 128, 16_383, 16_384, 1024 * 1024])
def test_a_chunk_is_encoded_as_protobuf_does_and_decoded_as_a_view_of_its_bytes(size):
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    wire = CHUNK.encode(memoryview(data))
    assert wire == pb.ReadMediaResponse(chunk=data).SerializeToString()
    assert pb.ReadMediaResponse.FromString(wire).chunk == data
    decoded = CHUNK.decode(wire)
    assert isinstance(decoded, memoryview) and decoded == data


@pytest.mark.parametrize("wire", [b"\x12\x05ab", b"\x12\x01ab", b"\x12\x85", b"\x0a\x00", b""])
def test_anything_but_exactly_one_chunk_field_is_not_a_chunk(wire):
    assert CHUNK.decode(wire) is None


def test_other_messages_go_through_protobuf_both_ways():
    header = pb.ReadMediaResponse(header=pb.ReadMediaHeader(offset=5, length=9))
    assert passing_decoded(CHUNK, pb.ReadMediaResponse.FromString)(header.SerializeToString()) == header
    serialize = passing_encoded(pb.ReadMediaResponse.SerializeToString)
    assert serialize(header) == header.SerializeToString()
    assert serialize(CHUNK.encode(b"abc")) == CHUNK.encode(b"abc")


def test_only_a_bytes_field_can_be_sent_this_way():
    with pytest.raises(TypeError):
        BytesFieldMessage(pb.ReadMediaResponse, "header")
