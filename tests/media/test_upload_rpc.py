"""UploadMedia over a real channel: checks by content, limits, content-addressed storage, music, ingestion."""

from __future__ import annotations

import asyncio
import re
import shutil

import grpc
import pytest
from google.protobuf import struct_pb2
from storyboard.media.v1 import media_service_pb2 as pb
from storyboard_common.chunks import CHUNK_SIZE
from storyboard_common.rpc.uploads import ACCEPTED_KEY

from tests.media import samples
from tests.media.conftest import media_env, read_all, rejected, sha256, upload, upload_messages

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


async def test_face_image_is_stored_under_its_sha256_with_detected_type_and_dimensions(env):
    data = samples.png((320, 200))
    media = await upload(env.media, data, original_filename="../../etc/me.png",
                         declared_content_type="image/png")
    assert re.fullmatch(rf"/uploads/faces/({UUID})\.png", media.url)
    assert media.url == f"/uploads/faces/{media.id}.png"
    assert (media.kind, media.content_type, media.size_bytes) == (pb.MEDIA_KIND_FACE, "image/png", len(data))
    assert (media.width, media.height, media.HasField("duration")) == (320, 200, False)
    assert media.sha256 == sha256(data)
    assert media.original_filename == "me.png"
    assert env.stored_files() == [env.files / "blobs" / media.sha256[:2] / media.sha256]
    assert env.stored_files()[0].read_bytes() == data


async def test_declared_type_is_ignored_when_the_bytes_say_otherwise(env):
    jpeg = samples.image("JPEG")
    media = await upload(env.media, jpeg, original_filename="photo.png", declared_content_type="image/png")
    assert media.content_type == "image/jpeg"
    assert media.url.endswith(".jpg")
    assert media.original_filename == "photo.png"


async def test_renamed_executable_is_refused_and_nothing_is_kept(env):
    failure = await rejected(upload(env.media, samples.windows_executable(), original_filename="face.png",
                                    declared_content_type="image/png"))
    assert (failure.code, failure.reason) == (grpc.StatusCode.INVALID_ARGUMENT, "INVALID_FILE_TYPE")
    assert failure.message == "Invalid image file type. Allowed types: jpeg, png, webp, gif"
    assert env.stored_files() == [] and env.incoming_files() == []


async def test_truncated_png_is_refused_as_invalid_file(env):
    data = samples.png((256, 256))
    failure = await rejected(upload(env.media, data[: len(data) // 2]))
    assert (failure.code, failure.reason) == (grpc.StatusCode.INVALID_ARGUMENT, "INVALID_FILE")
    assert failure.message == "Invalid image file: cannot decode image"
    assert env.stored_files() == [] and env.incoming_files() == []


async def test_truncated_jpeg_is_refused_as_invalid_file(env):
    data = samples.image("JPEG", (256, 256), "blue")
    failure = await rejected(upload(env.media, data[: len(data) // 2]))
    assert failure.reason == "INVALID_FILE"


async def test_image_larger_than_8192_px_a_side_is_refused(env):
    failure = await rejected(upload(env.media, samples.image("PNG", (8193, 8))))
    assert failure.reason == "INVALID_FILE"
    assert "8192 px" in failure.message


async def test_empty_upload_is_refused(env):
    failure = await rejected(upload(env.media, b""))
    assert (failure.reason, failure.message) == ("EMPTY_FILE", "Empty file")


async def test_declared_size_over_the_limit_is_refused_before_any_chunk_is_sent(env):
    call = env.media.UploadMedia()
    await call.write(upload_messages(b"", declared_size_bytes=10 * CHUNK_SIZE + 1)[0])
    metadata = await call.initial_metadata()
    assert ACCEPTED_KEY not in dict(metadata or ())
    failure = await rejected(call)
    assert (failure.code, failure.reason) == (grpc.StatusCode.INVALID_ARGUMENT, "FILE_TOO_LARGE")
    assert failure.message == "Image file size exceeds maximum allowed size of 10.0MB"


async def test_stream_past_the_limit_is_cut_off_and_leaves_nothing(data_dir):
    async with media_env(data_dir, max_image_mb=1) as env:
        data = samples.png() + b"\x00" * (2 * CHUNK_SIZE)
        failure = await rejected(upload(env.media, data))
        assert failure.reason == "FILE_TOO_LARGE"
        assert failure.message == "Image file size exceeds maximum allowed size of 1.0MB"
        assert env.stored_files() == [] and env.incoming_files() == []


async def test_upload_exactly_at_the_limit_is_accepted(data_dir):
    async with media_env(data_dir, max_image_mb=1) as env:
        data = samples.png()
        data += b"\x00" * (CHUNK_SIZE - len(data))  # trailing bytes after IEND do not break a PNG
        assert (await upload(env.media, data)).size_bytes == CHUNK_SIZE


async def test_low_free_space_is_insufficient_storage_with_the_real_free_space(data_dir):
    async with media_env(data_dir, free_space_reserve_mb=10**12) as env:
        failure = await rejected(upload(env.media, samples.png()))
        free_mb = shutil.disk_usage(env.files).free / 2**20
    assert (failure.code, failure.reason) == (grpc.StatusCode.RESOURCE_EXHAUSTED, "INSUFFICIENT_STORAGE")
    assert float(failure.metadata["required_mb"]) == pytest.approx(10 + 10**12, rel=1e-9)
    assert float(failure.metadata["available_mb"]) == pytest.approx(free_mb, abs=64)


async def test_identical_bytes_are_stored_once_with_a_record_each(env):
    data = samples.png()
    first, second = await upload(env.media, data), await upload(env.media, data)
    assert first.id != second.id and first.sha256 == second.sha256
    assert len(env.stored_files()) == 1


async def test_concurrent_uploads_of_the_same_bytes_store_one_file(env):
    data = samples.image("PNG", (600, 400), "green") + b"\x00" * (3 * CHUNK_SIZE)
    results = await asyncio.gather(*(upload(env.media, data) for _ in range(12)))
    assert len({m.id for m in results}) == 12
    assert {m.sha256 for m in results} == {sha256(data)}
    assert len(env.stored_files()) == 1
    assert env.incoming_files() == []
    listed = await env.media.ListMedia(pb.ListMediaRequest())
    assert listed.total_size == 12


async def test_cancelled_upload_leaves_no_partial_file(env):
    call = env.media.UploadMedia()
    for message in upload_messages(samples.png() + b"\x00" * (2 * CHUNK_SIZE))[:2]:
        await call.write(message)
    call.cancel()
    await env.service.server.stop(grace=5)  # waits for the handler to finish its cleanup
    assert env.incoming_files() == [] and env.stored_files() == []


async def test_stream_must_start_with_a_header_and_carry_small_chunks(env):
    no_header = await rejected(env.media.UploadMedia(iter([pb.UploadMediaRequest(chunk=b"abc")])))
    assert no_header.code == grpc.StatusCode.INVALID_ARGUMENT
    huge = upload_messages(b"\x00" * (CHUNK_SIZE + 1), chunk_size=CHUNK_SIZE + 1)
    assert (await rejected(env.media.UploadMedia(iter(huge)))).code == grpc.StatusCode.INVALID_ARGUMENT
    no_kind = upload_messages(samples.png(), kind=pb.MEDIA_KIND_UNSPECIFIED)
    assert (await rejected(env.media.UploadMedia(iter(no_kind)))).code == grpc.StatusCode.INVALID_ARGUMENT


async def test_face_tagged_with_an_unknown_project_is_not_found(env):
    failure = await rejected(upload(env.media, samples.png(), project_id="missing"))
    assert (failure.code, failure.reason, failure.message) == (
        grpc.StatusCode.NOT_FOUND, "RESOURCE_NOT_FOUND", "Project with ID 'missing' not found")
    assert failure.metadata == {"resource_type": "Project", "resource_id": "missing"}


@pytest.mark.parametrize(("data", "extension", "content_type", "duration"), [
    (samples.wav(2.5), "wav", "audio/wav", 2.5),
    (samples.mp3(100), "mp3", "audio/mpeg", 2.606),
    (samples.flac(3.0), "flac", "audio/flac", 3.0),
    (samples.ogg_vorbis(1.5), "ogg", "audio/ogg", 1.5),
])
async def test_music_duration_is_measured_and_recorded_on_the_project(env, data, extension, content_type,
                                                                       duration):
    project_id = await env.new_project()
    media = await upload(env.media, data, kind=pb.MEDIA_KIND_MUSIC, project_id=project_id,
                         original_filename="track.bin", declared_content_type="application/octet-stream")
    assert media.url == f"/uploads/music/{media.id}.{extension}"
    assert (media.content_type, media.duration, media.project_id) == (content_type, duration, project_id)
    project = await env.project(project_id)
    assert (project.music_file_path, project.music_duration, project.music_media_id) == (media.url, duration,
                                                                                          media.id)


async def test_new_music_replaces_and_deletes_the_previous_track(env):
    project_id = await env.new_project()
    old = await upload(env.media, samples.wav(1.0), kind=pb.MEDIA_KIND_MUSIC, project_id=project_id)
    new = await upload(env.media, samples.wav(2.0), kind=pb.MEDIA_KIND_MUSIC, project_id=project_id)
    assert (await env.project(project_id)).music_media_id == new.id
    gone = await rejected(env.media.GetMedia(pb.GetMediaRequest(media_id=old.id)))
    assert gone.code == grpc.StatusCode.NOT_FOUND
    assert env.stored_files() == [env.files / "blobs" / new.sha256[:2] / new.sha256]


async def test_music_needs_an_existing_project(env):
    missing = await rejected(upload(env.media, samples.wav(), kind=pb.MEDIA_KIND_MUSIC, project_id="nope"))
    assert (missing.code, missing.metadata["resource_type"]) == (grpc.StatusCode.NOT_FOUND, "Project")
    untagged = await rejected(upload(env.media, samples.wav(), kind=pb.MEDIA_KIND_MUSIC))
    assert untagged.code == grpc.StatusCode.INVALID_ARGUMENT


async def test_music_that_does_not_parse_as_audio_is_invalid(env):
    project_id = await env.new_project()
    failure = await rejected(upload(env.media, b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"garbage" * 100,
                                    kind=pb.MEDIA_KIND_MUSIC, project_id=project_id))
    assert failure.reason == "INVALID_FILE"
    assert failure.message == "Invalid music file: cannot read audio stream"
    assert (await env.project(project_id)).HasField("music_file_path") is False
    assert env.stored_files() == []


async def test_an_image_is_not_music(env):
    project_id = await env.new_project()
    failure = await rejected(upload(env.media, samples.png(), kind=pb.MEDIA_KIND_MUSIC,
                                    project_id=project_id))
    assert (failure.reason, failure.message) == (
        "INVALID_FILE_TYPE", "Invalid music file type. Allowed types: mp3, wav, ogg, flac")


def _provenance(**values: object) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    struct.update(values)
    return struct


async def test_generated_output_keeps_its_provenance_and_a_rerun_ingestion_returns_the_same_record(env):
    project_id = await env.new_project()
    data = samples.image("WEBP", (128, 128), "purple")
    tags = {"project_id": project_id, "clip_id": "clip-1", "job_id": "job-1",
            "provenance": _provenance(seed=42, prompt_id="p-1", template={"id": "txt2img", "version": 3})}
    first = await upload(env.media, data, kind=pb.MEDIA_KIND_GENERATED, **tags)
    again = await upload(env.media, data, kind=pb.MEDIA_KIND_GENERATED, **tags)
    assert again.id == first.id
    assert first.url == f"/uploads/generated/{first.id}.webp"
    assert (first.clip_id, first.job_id) == ("clip-1", "job-1")
    assert dict(first.provenance)["seed"] == 42
    assert dict(first.provenance["template"]) == {"id": "txt2img", "version": 3}
    other_job = await upload(env.media, data, kind=pb.MEDIA_KIND_GENERATED, **{**tags, "job_id": "job-2"})
    assert other_job.id != first.id
    assert len(env.stored_files()) == 1


async def test_concurrent_ingestion_of_one_output_makes_one_record(env):
    data = samples.image("GIF", (32, 32), "white")
    results = await asyncio.gather(*(upload(env.media, data, kind=pb.MEDIA_KIND_GENERATED, job_id="job-9")
                                     for _ in range(6)))
    assert len({m.id for m in results}) == 1


async def test_generated_video_is_accepted_by_its_container_signature(env):
    webm = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 256
    media = await upload(env.media, webm, kind=pb.MEDIA_KIND_GENERATED)
    assert (media.content_type, media.url.rsplit(".", 1)[1]) == ("video/webm", "webm")
    header, chunks = await read_all(env.media, media_id=media.id)
    assert b"".join(chunks) == webm


async def test_leftover_temporary_files_are_removed_at_start(data_dir):
    incoming, trash = data_dir / "media" / "incoming", data_dir / "media" / "trash"
    for directory in (incoming, trash):
        directory.mkdir(parents=True)
    (incoming / "crashed.part").write_bytes(b"half an upload")
    (trash / "doomed").write_bytes(b"a file being deleted")
    async with media_env(data_dir) as env:
        assert env.incoming_files() == [] and list(trash.iterdir()) == []


async def test_an_upload_larger_than_the_writeback_step_is_stored_byte_for_byte(env):
    data = samples.png() + bytes(range(256)) * (9 * CHUNK_SIZE // 256)  # writeback starts at 8 MiB
    media = await upload(env.media, data)
    assert (media.size_bytes, media.sha256) == (len(data), sha256(data))
    assert env.stored_files()[0].read_bytes() == data


async def test_a_duplicate_copy_and_deleted_files_go_away_in_the_background(env):
    data = samples.png()
    first, second = await upload(env.media, data), await upload(env.media, data)
    for media in (first, second):
        await env.media.DeleteMedia(pb.DeleteMediaRequest(media_id=media.id))
    assert env.stored_files() == [] and env.incoming_files() == []
    trash = env.files / "trash"
    for _ in range(500):
        if not any(trash.iterdir()):
            break
        await asyncio.sleep(0.01)
    assert list(trash.iterdir()) == []
