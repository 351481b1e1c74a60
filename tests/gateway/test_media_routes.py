"""Media uploads through the gateway (REST contract 1.9, 3.7) on both mounts: streamed, checked by content."""

from __future__ import annotations

import asyncio
import re
import tracemalloc

import pytest

from tests.conftest import gateway_client
from tests.gateway.media_helpers import StreamedBody, media_stack, zeros
from tests.media import samples

MIB = 1024 * 1024
IMAGE_TYPES = "Invalid image file type. Allowed types: jpeg, png, webp, gif"


async def new_project(client, mount: str) -> str:
    return (await client.post(f"{mount}/projects", json={"name": "Video"})).json()["id"]


def string_detail(response) -> str:
    body = response.json()
    assert set(body) == {"detail", "request_id"}
    assert body["request_id"] == response.headers["x-request-id"]
    return body["detail"]


@pytest.mark.parametrize("path", ["/upload-face-image", "/media/upload-face-image"])
async def test_face_upload_answers_the_stored_file(client, mount, path):
    r = await client.post(f"{mount}{path}", files={"file": ("me.png", samples.png((320, 200)), "image/png")})
    assert r.status_code == 200
    body = r.json()
    assert re.fullmatch(r"/uploads/faces/[0-9a-f-]{36}\.png", body["file_url"])
    assert body == {"message": "Face image uploaded successfully", "file_url": body["file_url"],
                    "file_path": body["file_url"], "media_id": body["file_url"][15:-4],
                    "content_type": "image/png", "width": 320, "height": 200,
                    "size_bytes": len(samples.png((320, 200)))}
    media = (await client.get(f"{mount}/media/{body['media_id']}")).json()
    assert media["kind"] == "face" and media["url"] == body["file_url"]
    assert media["original_filename"] == "me.png" and media["project_id"] is None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", media["created_at"])
    assert set(media) == {"id", "kind", "content_type", "size_bytes", "sha256", "url", "original_filename",
                          "width", "height", "duration", "project_id", "clip_id", "job_id", "created_at"}


async def test_spoofed_mime_type_is_ignored_and_the_bytes_decide(client, mount):
    r = await client.post(f"{mount}/upload-face-image",
                          files={"file": ("face.png", samples.image("JPEG"), "image/png")})
    assert r.status_code == 200
    assert r.json()["content_type"] == "image/jpeg"
    assert r.json()["file_url"].endswith(".jpg")


async def test_renamed_executable_is_refused_with_a_string_detail(client, mount):
    r = await client.post(f"{mount}/upload-face-image",
                          files={"file": ("face.png", samples.windows_executable(), "image/png")})
    assert r.status_code == 400
    assert string_detail(r) == IMAGE_TYPES


async def test_truncated_png_is_refused(client, mount):
    data = samples.png((300, 300))
    r = await client.post(f"{mount}/upload-face-image", files={"file": ("a.png", data[:-200], "image/png")})
    assert r.status_code == 400
    assert string_detail(r) == "Invalid image file: cannot decode image"


async def test_empty_file_is_refused(client, mount):
    r = await client.post(f"{mount}/upload-face-image", files={"file": ("a.png", b"", "image/png")})
    assert (r.status_code, string_detail(r)) == (400, "Empty file")


async def test_missing_file_field_is_fastapi_422(client, mount):
    without_file = {"data": {"project_id": "x"}, "files": {"other": ("a.png", b"x")}}
    for kwargs in (without_file, {"json": {"file": "x"}}):
        r = await client.post(f"{mount}/upload-face-image", **kwargs)
        assert r.status_code == 422
        assert r.json()["detail"][0]["loc"] == ["body", "file"]
        assert r.json()["request_id"]


async def test_malformed_multipart_body_is_a_validation_error(client, mount):
    r = await client.post(f"{mount}/upload-face-image", content=b"--abc\r\nContent-Disposition: form-data; "
                          b'name="file"; filename="a.png"\r\n\r\n\x89PNG',  # the body ends inside the file
                          headers={"content-type": "multipart/form-data; boundary=abc"})
    assert r.status_code == 400
    assert r.json()["detail"]["error_code"] == "VALIDATION_ERROR"


@pytest.mark.parametrize(("given", "kept"), [
    ("../../../etc/passwd.png", "passwd.png"), ("..\\..\\boot.ini.png", "boot.ini.png"),
    ("con:*?<>|.png", "con.png"), ("visage été 顔.png", "visage été 顔.png"),
])
async def test_client_file_names_never_name_the_stored_file(client, mount, given, kept):
    r = await client.post(f"{mount}/upload-face-image", files={"file": (given, samples.png(), "image/png")})
    assert r.status_code == 200
    media_id = r.json()["media_id"]
    assert r.json()["file_url"] == f"/uploads/faces/{media_id}.png"
    assert (await client.get(f"{mount}/media/{media_id}")).json()["original_filename"] == kept


async def test_oversize_stream_is_cut_off_at_the_limit_with_413_and_bounded_memory(client, mount, data_dir):
    body = StreamedBody([samples.png(), *zeros(1024 * MIB)], filename="huge.png", content_type="image/png")
    tracemalloc.start()
    try:
        r = await client.post(f"{mount}/upload-face-image", content=body, headers=body.headers)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.status_code == 413
    assert string_detail(r) == "Image file size exceeds maximum allowed size of 10.0MB"
    assert body.sent <= 10 * MIB + 256 * 1024  # of 1 GiB offered, reading stopped one piece past the limit
    assert peak < 16 * MIB
    assert not [p for p in (data_dir / "media").rglob("*") if p.is_file()]


async def test_content_length_over_the_limit_is_refused_before_the_body_is_read(client, mount):
    body = StreamedBody(zeros(20 * MIB), filename="big.png", content_type="image/png")
    headers = {**body.headers, "content-length": str(10 * MIB + 64 * 1024 + 1)}
    r = await client.post(f"{mount}/upload-face-image", content=body, headers=headers)
    assert r.status_code == 413
    assert string_detail(r) == "Image file size exceeds maximum allowed size of 10.0MB"
    assert body.sent == 0


async def test_large_valid_upload_streams_with_memory_independent_of_its_size(client, mount):
    project_id = await new_project(client, mount)
    audio_bytes = 40 * MIB
    body = StreamedBody([samples.wav_header(audio_bytes), *zeros(audio_bytes)], filename="long.wav")
    tracemalloc.start()
    try:
        r = await client.post(f"{mount}/projects/{project_id}/upload-music", content=body,
                              headers=body.headers)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.status_code == 200, r.text
    assert r.json()["duration"] == pytest.approx(audio_bytes / (44100 * 4), abs=0.001)
    assert peak < 16 * MIB  # the file is 40 MiB


async def test_low_free_space_is_507_with_real_available_mb(data_dir, mount):
    async with media_stack(data_dir, free_space_reserve_mb=10**12) as stack, gateway_client(stack) as client:
        r = await client.post(f"{mount}/upload-face-image", files={"file": ("a.png", samples.png())})
    assert r.status_code == 507
    detail = r.json()["detail"]
    assert (detail["error_code"], detail["status_code"]) == ("INSUFFICIENT_STORAGE", 507)
    assert detail["details"]["required_mb"] == pytest.approx(10**12 + 10)
    assert 0 < detail["details"]["available_mb"] < 10**12


async def test_face_upload_can_be_tagged_with_a_project(client, mount):
    project_id = await new_project(client, mount)
    body = StreamedBody([samples.png()], filename="a.png", before={"project_id": project_id})
    r = await client.post(f"{mount}/media/upload-face-image", content=body, headers=body.headers)
    assert r.status_code == 200
    assert (await client.get(f"{mount}/media/{r.json()['media_id']}")).json()["project_id"] == project_id


async def test_face_upload_for_an_unknown_project_is_404(client, mount):
    body = StreamedBody([samples.png()], filename="a.png", before={"project_id": "missing"})
    r = await client.post(f"{mount}/upload-face-image", content=body, headers=body.headers)
    assert r.status_code == 404
    assert r.json()["detail"]["details"] == {"resource_type": "Project", "resource_id": "missing"}


async def test_project_id_sent_after_the_file_is_refused_and_nothing_is_stored(client, mount, data_dir):
    project_id = await new_project(client, mount)
    body = StreamedBody([samples.png()], filename="a.png", after={"project_id": project_id})
    r = await client.post(f"{mount}/upload-face-image", content=body, headers=body.headers)
    assert r.status_code == 400
    assert "before the file" in r.json()["detail"]["error"]
    assert not [p for p in (data_dir / "media" / "blobs").rglob("*") if p.is_file()]


@pytest.mark.parametrize("path", ["/projects/{id}/upload-music", "/media/projects/{id}/upload-music"])
async def test_music_upload_sets_the_project_track_and_duration(client, mount, path):
    project_id = await new_project(client, mount)
    r = await client.post(mount + path.format(id=project_id),
                          files={"file": ("song.mp3", samples.wav(2.25), "audio/mpeg")})
    assert r.status_code == 200
    body = r.json()
    assert re.fullmatch(r"/uploads/music/[0-9a-f-]{36}\.wav", body["file_path"])
    assert body == {"message": "Music uploaded successfully", "file_path": body["file_path"],
                    "file_url": body["file_path"], "media_id": body["media_id"], "duration": 2.25}
    project = (await client.get(f"{mount}/projects/{project_id}")).json()
    assert (project["music_file_path"], project["music_file"]) == (body["file_path"], body["file_path"])
    assert (project["music_duration"], project["music_media_id"]) == (2.25, body["media_id"])
    track = await client.get(body["file_path"])
    assert (track.status_code, track.headers["content-type"]) == (200, "audio/wav")


async def test_new_music_deletes_the_previous_track(client, mount):
    project_id = await new_project(client, mount)
    old = (await client.post(f"{mount}/projects/{project_id}/upload-music",
                             files={"file": ("a.wav", samples.wav(1.0))})).json()
    new = (await client.post(f"{mount}/projects/{project_id}/upload-music",
                             files={"file": ("b.flac", samples.flac(3.0))})).json()
    assert new["duration"] == 3.0 and new["file_path"].endswith(".flac")
    assert (await client.get(old["file_path"])).status_code == 404
    assert (await client.get(f"{mount}/media/{old['media_id']}")).status_code == 404
    assert (await client.get(f"{mount}/projects/{project_id}")).json()["music_media_id"] == new["media_id"]


async def test_music_for_an_unknown_project_is_404_project(client, mount):
    r = await client.post(f"{mount}/projects/nope/upload-music", files={"file": ("a.wav", samples.wav())})
    assert r.status_code == 404
    assert r.json()["detail"]["error"] == "Project with ID 'nope' not found"


async def test_music_that_is_not_audio_is_refused(client, mount):
    project_id = await new_project(client, mount)
    url = f"{mount}/projects/{project_id}/upload-music"
    image = await client.post(url, files={"file": ("a.mp3", samples.png(), "audio/mpeg")})
    assert (image.status_code, string_detail(image)) == (
        400, "Invalid music file type. Allowed types: mp3, wav, ogg, flac")
    broken = await client.post(url, files={"file": ("a.mp3", b"ID3\x03" + b"\x00" * 6 + b"x" * 500)})
    assert broken.status_code == 400
    assert string_detail(broken) == "Invalid music file: cannot read audio stream"
    assert (await client.get(f"{mount}/projects/{project_id}")).json()["music_file_path"] is None


async def test_music_over_the_limit_is_413(data_dir, mount):
    async with media_stack(data_dir, max_music_mb=1) as stack, gateway_client(stack) as client:
        project_id = await new_project(client, mount)
        body = StreamedBody([samples.wav_header(3 * MIB), *zeros(3 * MIB)], filename="a.wav")
        r = await client.post(f"{mount}/projects/{project_id}/upload-music", content=body,
                              headers=body.headers)
    assert (r.status_code, string_detail(r)) == (413, "Music file size exceeds maximum allowed size of 1.0MB")


async def test_concurrent_uploads_of_the_same_bytes_through_the_gateway_store_one_file(client, mount,
                                                                                       data_dir):
    data = samples.image("PNG", (500, 500), "orange")
    url = f"{mount}/upload-face-image"
    replies = await asyncio.gather(*(client.post(url, files={"file": ("a.png", data)}) for _ in range(8)))
    assert [r.status_code for r in replies] == [200] * 8
    assert len({r.json()["media_id"] for r in replies}) == 8
    assert len([p for p in (data_dir / "media" / "blobs").rglob("*") if p.is_file()]) == 1


async def test_upload_urls_are_absolute_when_public_base_url_is_set(stack, mount):
    async with gateway_client(stack, public_base_url="http://localhost:8000") as client:
        r = await client.post(f"{mount}/upload-face-image", files={"file": ("a.png", samples.png())})
        assert r.json()["file_url"].startswith("http://localhost:8000/uploads/faces/")
        media = (await client.get(f"{mount}/media/{r.json()['media_id']}")).json()
        assert media["url"] == r.json()["file_url"]


async def test_unknown_media_is_404_media(client, mount):
    r = await client.get(f"{mount}/media/nope")
    assert r.status_code == 404
    assert r.json()["detail"]["details"] == {"resource_type": "Media", "resource_id": "nope"}
