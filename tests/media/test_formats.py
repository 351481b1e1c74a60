"""Pure rules: type detection from bytes, safe names, byte ranges."""

from __future__ import annotations

import pytest
from media_service.domain import ByteRange, MediaKind, resolve_range
from media_service.formats import detect
from media_service.names import sanitize_filename

from tests.media import samples


@pytest.mark.parametrize(("data", "expected"), [
    (samples.mp3(), "mp3"), (b"ID3\x04\x00" + samples.mp3(), "mp3"), (samples.wav(), "wav"),
    (samples.ogg_vorbis(), "ogg"), (samples.flac(), "flac"),
])
def test_music_types_are_recognised_from_their_bytes(data, expected):
    assert detect(data, MediaKind.MUSIC).name == expected


@pytest.mark.parametrize(("fmt", "expected"),
                         [("PNG", "png"), ("JPEG", "jpeg"), ("WEBP", "webp"), ("GIF", "gif")])
def test_image_types_are_recognised_for_faces_and_outputs(fmt, expected):
    data = samples.image(fmt)
    assert detect(data, MediaKind.FACE).name == expected
    assert detect(data, MediaKind.GENERATED).name == expected


def test_video_containers_are_accepted_only_as_generated_outputs():
    mp4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64
    mov = b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  " + b"\x00" * 64
    webm = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 64
    assert detect(mp4, MediaKind.GENERATED).extension == "mp4"
    assert detect(mov, MediaKind.GENERATED).extension == "mov"
    assert detect(webm, MediaKind.GENERATED).extension == "webm"
    assert detect(mp4, MediaKind.FACE) is None
    assert detect(mp4, MediaKind.MUSIC) is None


@pytest.mark.parametrize("data", [
    samples.windows_executable(), b"#!/bin/sh\nrm -rf /\n", b"<svg xmlns='http://www.w3.org/2000/svg'/>",
    b"\xff\xf1\x50\x80" + b"\x00" * 64,  # AAC ADTS: a frame sync with layer 0 is not MPEG audio
    b"RIFF\x00\x00\x00\x00AVI LIST", b"OggS" + b"\x00" * 60,  # an Ogg page that is neither Vorbis nor Opus
])
def test_other_bytes_are_not_music(data):
    assert detect(data, MediaKind.MUSIC) is None


def test_audio_is_not_an_image_and_an_image_is_not_music():
    assert detect(samples.wav(), MediaKind.FACE) is None
    assert detect(samples.png(), MediaKind.MUSIC) is None


@pytest.mark.parametrize(("given", "expected"), [
    ("song.mp3", "song.mp3"),
    ("../../etc/passwd", "passwd"),
    ("..\\..\\windows\\system32\\evil.dll", "evil.dll"),
    ("C:\\Users\\me\\face.png", "face.png"),
    ("bad\x00name.png", "badname.png"),
    ('a:b*c?d"e<f>g|h.png', "abcdefgh.png"),
    ("tab\tand\nnewline.wav", "tabandnewline.wav"),
    ("", "unnamed_file"), ("..", "unnamed_file"), ("/", "unnamed_file"), ("\x01\x02", "unnamed_file"),
    ("Ünïcødé 音楽.mp3", "Ünïcødé 音楽.mp3"),
])
def test_client_file_names_are_reduced_to_a_safe_basename(given, expected):
    assert sanitize_filename(given) == expected


def test_long_names_are_cut_to_255_bytes_keeping_the_extension_and_whole_characters():
    name = sanitize_filename("音" * 200 + ".flac")
    assert len(name.encode()) <= 255
    assert name.endswith(".flac")
    assert set(name.removesuffix(".flac")) == {"音"}


@pytest.mark.parametrize(("size", "offset", "length", "suffix", "expected"), [
    (100, 0, 0, 0, ByteRange(0, 100)),
    (100, 10, 20, 0, ByteRange(10, 20)),
    (100, 90, 50, 0, ByteRange(90, 10)),  # clamped to the end
    (100, 0, 0, 30, ByteRange(70, 30)),
    (100, 0, 0, 500, ByteRange(0, 100)),  # a suffix longer than the file is the whole file
    (100, 100, 0, 0, None),
    (100, 250, 10, 0, None),
])
def test_byte_ranges_resolve_like_http(size, offset, length, suffix, expected):
    assert resolve_range(size, offset, length, suffix) == expected
