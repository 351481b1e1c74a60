"""GET and HEAD /uploads/... (REST contract 0.9): streamed from the media service, with Range and ETag."""

from __future__ import annotations

import email.utils

import pytest

from tests.media import samples

PREFIXES = ["/uploads", "/api/uploads", "/api/v1/uploads"]
FILE = samples.png((40, 40)) + bytes(range(256)) * 12_000  # about 3 MiB: several gRPC chunks


@pytest.fixture
async def stored(client):
    r = await client.post("/api/v1/upload-face-image", files={"file": ("f.png", FILE, "image/png")})
    return r.json()


def at(prefix: str, url: str) -> str:
    return prefix + url.removeprefix("/uploads")


@pytest.mark.parametrize("prefix", PREFIXES)
async def test_whole_file_is_served_with_cache_and_safety_headers(client, stored, prefix):
    r = await client.get(at(prefix, stored["file_url"]))
    assert r.status_code == 200
    assert r.content == FILE
    media = (await client.get(f"/api/v1/media/{stored['media_id']}")).json()
    assert r.headers["content-type"] == "image/png"
    assert r.headers["content-length"] == str(len(FILE))
    assert r.headers["accept-ranges"] == "bytes"
    assert r.headers["etag"] == f'"{media["sha256"]}"'
    assert email.utils.parsedate_to_datetime(r.headers["last-modified"]).year >= 2025
    assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["content-disposition"] == "inline"


@pytest.mark.parametrize(("header", "expected"), [
    ("bytes=0-99", slice(0, 100)),  # the first bytes
    ("bytes=1000000-1999999", slice(1_000_000, 2_000_000)),  # the middle, across gRPC chunks
    ("bytes=3000000-", slice(3_000_000, None)),
    ("bytes=-500", slice(-500, None)),  # a suffix
    (f"bytes={len(FILE) - 10}-{len(FILE) + 1000}", slice(len(FILE) - 10, None)),  # clamped to the end
    ("bytes=-99999999", slice(0, None)),  # a suffix longer than the file is all of it
])
@pytest.mark.parametrize("prefix", PREFIXES)
async def test_single_range_gives_206_with_content_range(client, stored, prefix, header, expected):
    r = await client.get(at(prefix, stored["file_url"]), headers={"Range": header})
    assert r.status_code == 206
    assert r.content == FILE[expected]
    span = range(len(FILE))[expected]
    assert r.headers["content-range"] == f"bytes {span.start}-{span.stop - 1}/{len(FILE)}"
    assert r.headers["content-length"] == str(len(span))


@pytest.mark.parametrize("header", [f"bytes={len(FILE)}-", f"bytes={len(FILE) + 5}-{len(FILE) + 10}",
                                    "bytes=-0"])
async def test_unsatisfiable_range_gives_416_with_the_size(client, stored, header):
    r = await client.get(stored["file_url"], headers={"Range": header})
    assert r.status_code == 416
    assert r.headers["content-range"] == f"bytes */{len(FILE)}"


@pytest.mark.parametrize("header", ["bytes=0-10,20-30", "bytes=50-10", "items=0-5", "bytes=abc", "bytes=-"])
async def test_multi_range_or_malformed_range_gives_the_whole_file(client, stored, header):
    r = await client.get(stored["file_url"], headers={"Range": header})
    assert r.status_code == 200
    assert r.content == FILE


async def test_head_answers_the_headers_without_a_body(client, stored):
    r = await client.head(stored["file_url"])
    assert (r.status_code, r.content) == (200, b"")
    assert r.headers["content-length"] == str(len(FILE))
    ranged = await client.head(stored["file_url"], headers={"Range": "bytes=10-19"})
    assert (ranged.status_code, ranged.headers["content-range"], ranged.headers["content-length"]) == (
        206, f"bytes 10-19/{len(FILE)}", "10")


async def test_matching_if_none_match_gives_304(client, stored):
    etag = (await client.head(stored["file_url"])).headers["etag"]
    for header in (etag, f'"other", {etag}', f"W/{etag}", "*"):
        r = await client.get(stored["file_url"], headers={"If-None-Match": header})
        assert (r.status_code, r.content) == (304, b"")
        assert r.headers["etag"] == etag
    assert (await client.get(stored["file_url"], headers={"If-None-Match": '"other"'})).status_code == 200


@pytest.mark.parametrize("path", [
    "/uploads/faces/00000000-0000-4000-8000-000000000000.png", "/uploads/nothing/here.png",
    "/uploads/faces/..%2F..%2Fmedia.sqlite3", "/uploads/faces/%2e%2e/%2e%2e/media.sqlite3", "/uploads/x",
    "/api/v1/uploads/faces/..%2Fmedia%2Fblobs", "/api/uploads/music/%00.wav",
])
async def test_unknown_files_and_traversal_attempts_are_plain_404(client, stored, path):
    r = await client.get(path)
    assert r.status_code == 404
    assert r.json() == {"detail": "Not Found"}


async def test_a_file_is_only_served_at_its_own_folder_and_extension(client, stored):
    media_id = stored["media_id"]
    for wrong in (f"/uploads/music/{media_id}.png", f"/uploads/faces/{media_id}.jpg",
                  f"/uploads/faces/{media_id}"):
        assert (await client.get(wrong)).status_code == 404
