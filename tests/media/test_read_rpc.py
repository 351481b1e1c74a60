"""ReadMedia, GetMedia, ListMedia, DeleteMedia and ReleaseProjectMedia over a real channel."""

from __future__ import annotations

import grpc
import pytest
from storyboard.media.v1 import media_service_pb2 as pb
from storyboard_common.chunks import CHUNK_SIZE

from tests.media import samples
from tests.media.conftest import read_all, rejected, upload

BIG = samples.png() + bytes(range(256)) * (10 * 1024)  # 2.5 MiB of known bytes after a valid PNG


@pytest.fixture
async def big(env):
    return await upload(env.media, BIG)


async def test_whole_file_streams_in_chunks_of_at_most_one_mib(env, big):
    header, chunks = await read_all(env.media, url=big.url)
    assert (header.offset, header.length, header.media.id) == (0, len(BIG), big.id)
    assert b"".join(chunks) == BIG
    assert max(len(c) for c in chunks) == CHUNK_SIZE and len(chunks) == 3


@pytest.mark.parametrize(("request_range", "expected"), [
    ({"offset": 0, "length": 100}, slice(0, 100)),
    ({"offset": 1_500_000, "length": 1_000_000}, slice(1_500_000, 2_500_000)),
    ({"offset": 2_000_000}, slice(2_000_000, None)),
    ({"suffix_length": 4096}, slice(-4096, None)),
    ({"offset": len(BIG) - 10, "length": 500}, slice(len(BIG) - 10, None)),
])
async def test_byte_ranges_return_exactly_the_requested_bytes(env, big, request_range, expected):
    header, chunks = await read_all(env.media, media_id=big.id, **request_range)
    assert b"".join(chunks) == BIG[expected]
    assert header.length == len(BIG[expected])
    assert header.media.size_bytes == len(BIG)


async def test_range_starting_past_the_end_is_out_of_range_with_the_size(env, big):
    failure = await rejected(read_all(env.media, url=big.url, offset=len(BIG)))
    assert (failure.code, failure.reason) == (grpc.StatusCode.OUT_OF_RANGE, "RANGE_NOT_SATISFIABLE")
    assert failure.metadata == {"size_bytes": str(len(BIG))}


async def test_metadata_only_read_sends_just_the_header(env, big):
    messages = [m async for m in env.media.ReadMedia(pb.ReadMediaRequest(url=big.url, metadata_only=True,
                                                                         suffix_length=10))]
    assert len(messages) == 1
    assert (messages[0].header.offset, messages[0].header.length) == (len(BIG) - 10, 10)


@pytest.mark.parametrize("url", [
    "/uploads/faces/../../media.sqlite3", "/uploads/faces/%2e%2e/media.sqlite3", "/uploads/generated/x.png",
    "/etc/passwd", "", "/uploads/faces/{id}.jpg", "/uploads/music/{id}.png",
])
async def test_unknown_or_mismatched_urls_are_not_found(env, big, url):
    failure = await rejected(read_all(env.media, url=url.format(id=big.id)))
    assert failure.code == grpc.StatusCode.NOT_FOUND


async def test_bad_read_requests_are_invalid(env, big):
    for request in ({}, {"url": big.url, "offset": -1}, {"url": big.url, "suffix_length": 5, "offset": 1}):
        assert (await rejected(read_all(env.media, **request))).code == grpc.StatusCode.INVALID_ARGUMENT


async def test_reader_that_stops_early_cancels_the_stream(env, big):
    call = env.media.ReadMedia(pb.ReadMediaRequest(media_id=big.id))
    async for message in call:
        assert message.WhichOneof("payload") == "header"
        break
    call.cancel()
    assert call.cancelled()


async def test_get_media_returns_the_record_or_not_found(env, big):
    assert (await env.media.GetMedia(pb.GetMediaRequest(media_id=big.id))).media == big
    failure = await rejected(env.media.GetMedia(pb.GetMediaRequest(media_id="nope")))
    assert (failure.code, failure.message) == (grpc.StatusCode.NOT_FOUND, "Media with ID 'nope' not found")
    assert failure.metadata == {"resource_type": "Media", "resource_id": "nope"}


async def test_list_filters_and_pages_oldest_first(env):
    project_id = await env.new_project()
    faces = [await upload(env.media, samples.png(color=c), project_id=project_id)
             for c in ("red", "blue", "green")]
    await upload(env.media, samples.png(color="black"))
    music = await upload(env.media, samples.wav(), kind=pb.MEDIA_KIND_MUSIC, project_id=project_id)
    tagged = await env.media.ListMedia(pb.ListMediaRequest(project_id=project_id))
    assert [m.id for m in tagged.media] == [f.id for f in faces] + [music.id]
    first = await env.media.ListMedia(pb.ListMediaRequest(project_id=project_id, kind=pb.MEDIA_KIND_FACE,
                                                          page_size=2))
    assert ([m.id for m in first.media], first.total_size) == ([faces[0].id, faces[1].id], 3)
    rest = await env.media.ListMedia(pb.ListMediaRequest(project_id=project_id, kind=pb.MEDIA_KIND_FACE,
                                                         page_token=first.next_page_token))
    assert ([m.id for m in rest.media], rest.next_page_token) == ([faces[2].id], "")
    foreign = await rejected(env.media.ListMedia(pb.ListMediaRequest(page_token=first.next_page_token)))
    assert (foreign.code, foreign.reason) == (grpc.StatusCode.INVALID_ARGUMENT, "INVALID_PARAMETER")


async def test_deleting_one_of_two_records_keeps_the_shared_file_until_the_last_goes(env):
    data = samples.png()
    first, second = await upload(env.media, data), await upload(env.media, data)
    await env.media.DeleteMedia(pb.DeleteMediaRequest(media_id=first.id))
    assert len(env.stored_files()) == 1
    _, chunks = await read_all(env.media, url=second.url)
    assert b"".join(chunks) == data
    await env.media.DeleteMedia(pb.DeleteMediaRequest(media_id=second.id))
    assert env.stored_files() == []
    assert (await rejected(env.media.DeleteMedia(pb.DeleteMediaRequest(media_id=second.id)))).code == \
        grpc.StatusCode.NOT_FOUND


async def test_release_drops_the_projects_tagged_media_and_only_unreferenced_files(env):
    project_id, other_id = await env.new_project("A"), await env.new_project("B")
    shared = samples.png(color="white")
    await upload(env.media, samples.wav(), kind=pb.MEDIA_KIND_MUSIC, project_id=project_id)
    await upload(env.media, shared, project_id=project_id)
    await upload(env.media, samples.image("GIF"), kind=pb.MEDIA_KIND_GENERATED, project_id=project_id,
                 job_id="j")
    untagged = await upload(env.media, shared)  # uploaded without a project: others may use it
    kept = await upload(env.media, samples.png(color="navy"), project_id=other_id)
    released = await env.media.ReleaseProjectMedia(pb.ReleaseProjectMediaRequest(project_id=project_id))
    assert (released.deleted_media_count, released.deleted_file_count) == (3, 2)
    assert released.freed_bytes == len(samples.wav()) + len(samples.image("GIF"))
    remaining = await env.media.ListMedia(pb.ListMediaRequest())
    assert {m.id for m in remaining.media} == {untagged.id, kept.id}
    assert len(env.stored_files()) == 2
    again = await env.media.ReleaseProjectMedia(pb.ReleaseProjectMediaRequest(project_id=project_id))
    assert (again.deleted_media_count, again.deleted_file_count, again.freed_bytes) == (0, 0, 0)
