"""Encoders for the output files: real PNG/WEBP via Pillow, and MP4/WEBM containers.

The video files carry correct container headers (`ftyp` at offset 4, EBML magic 1A45DFA3) plus duration
and frame size, but no decodable frames: they identify and probe correctly, they do not play.
"""

from __future__ import annotations

import io
import json
import struct
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image
from PIL.PngImagePlugin import PngInfo


def png_bytes(image: Image.Image, text: Mapping[str, Any] | None = None, compress_level: int = 4) -> bytes:
    info = PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, json.dumps(value))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", pnginfo=info, compress_level=compress_level)
    return buffer.getvalue()


def jpeg_bytes(image: Image.Image, quality: int = 90) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def _animation_bytes(frames: Sequence[Image.Image], fps: float, image_format: str, **options: Any) -> bytes:
    """All frames in one animated file of `image_format`, each shown for 1/fps seconds."""
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        format=image_format,
        save_all=True,
        append_images=list(frames[1:]),
        duration=int(1000.0 / fps),
        **options,
    )
    return buffer.getvalue()


def animated_webp_bytes(
    frames: Sequence[Image.Image], fps: float, lossless: bool, quality: int, method: int
) -> bytes:
    # libwebp merges identical consecutive frames, as on the real server.
    return _animation_bytes(frames, fps, "WEBP", lossless=lossless, quality=quality, method=method)


def animated_png_bytes(frames: Sequence[Image.Image], fps: float, compress_level: int) -> bytes:
    return _animation_bytes(frames, fps, "PNG", compress_level=compress_level)


# --- MP4 (ISO BMFF) ------------------------------------------------------------------------------

_IDENTITY_MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)


def _box(kind: bytes, *payload: bytes) -> bytes:
    body = b"".join(payload)
    return struct.pack(">I", 8 + len(body)) + kind + body


def _full_box(kind: bytes, version: int, flags: int, *payload: bytes) -> bytes:
    return _box(kind, struct.pack(">I", (version << 24) | flags), *payload)


def mp4_bytes(width: int, height: int, frame_count: int, fps: float) -> bytes:
    duration_ms = int(round(1000 * frame_count / fps))
    ftyp = _box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isom", b"iso2", b"avc1", b"mp41")
    mvhd = _full_box(
        b"mvhd",
        0,
        0,
        struct.pack(">IIII", 0, 0, 1000, duration_ms),
        struct.pack(">IH", 0x10000, 0x100),
        bytes(10),
        _IDENTITY_MATRIX,
        bytes(24),
        struct.pack(">I", 2),
    )
    tkhd = _full_box(
        b"tkhd",
        0,
        3,
        struct.pack(">IIIII", 0, 0, 1, 0, duration_ms),
        bytes(8),
        struct.pack(">hhhH", 0, 0, 0, 0),
        _IDENTITY_MATRIX,
        struct.pack(">II", width << 16, height << 16),
    )
    mdhd = _full_box(
        b"mdhd", 0, 0, struct.pack(">IIII", 0, 0, 1000, duration_ms), struct.pack(">HH", 0x55C4, 0)
    )
    hdlr = _full_box(b"hdlr", 0, 0, bytes(4), b"vide", bytes(12), b"VideoHandler\x00")
    avc1 = _box(
        b"avc1",
        bytes(6),
        struct.pack(">H", 1),
        bytes(16),
        struct.pack(">HH", width, height),
        struct.pack(">II", 0x480000, 0x480000),
        bytes(4),
        struct.pack(">H", 1),
        bytes(32),
        struct.pack(">Hh", 24, -1),
    )
    stbl = _box(
        b"stbl",
        _full_box(b"stsd", 0, 0, struct.pack(">I", 1), avc1),
        _full_box(b"stts", 0, 0, struct.pack(">I", 0)),
        _full_box(b"stsc", 0, 0, struct.pack(">I", 0)),
        _full_box(b"stsz", 0, 0, struct.pack(">II", 0, 0)),
        _full_box(b"stco", 0, 0, struct.pack(">I", 0)),
    )
    minf = _box(b"minf", _full_box(b"vmhd", 0, 1, bytes(8)), stbl)
    moov = _box(b"moov", mvhd, _box(b"trak", tkhd, _box(b"mdia", mdhd, hdlr, minf)))
    return ftyp + moov + _box(b"mdat")


# --- WEBM (Matroska / EBML) ----------------------------------------------------------------------


def _ebml_size(length: int) -> bytes:
    return struct.pack(">Q", length | (0x01 << 56))  # 8-byte vint: simple and always valid


def _element(element_id: int, payload: bytes) -> bytes:
    id_bytes = element_id.to_bytes((element_id.bit_length() + 7) // 8, "big")
    return id_bytes + _ebml_size(len(payload)) + payload


def _uint(element_id: int, value: int) -> bytes:
    return _element(element_id, value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


def webm_bytes(width: int, height: int, frame_count: int, fps: float, codec: str) -> bytes:
    header = _element(
        0x1A45DFA3,
        _uint(0x4286, 1)
        + _uint(0x42F7, 1)
        + _uint(0x42F2, 4)
        + _uint(0x42F3, 8)
        + _element(0x4282, b"webm")
        + _uint(0x4287, 4)
        + _uint(0x4285, 2),
    )
    info = _element(
        0x1549A966,
        _uint(0x2AD7B1, 1_000_000)
        + _element(0x4D80, b"storyboard-fake-comfyui")
        + _element(0x5741, b"storyboard-fake-comfyui")
        + _element(0x4489, struct.pack(">d", 1000.0 * frame_count / fps)),
    )
    video = _element(0xE0, _uint(0xB0, width) + _uint(0xBA, height))
    track = _element(
        0xAE,
        _uint(0xD7, 1)
        + _uint(0x73C5, 1)
        + _uint(0x83, 1)
        + _element(0x86, b"V_AV1" if codec == "av1" else b"V_VP9")
        + _uint(0x23E383, int(1_000_000_000 / fps))
        + video,
    )
    segment = _element(0x18538067, info + _element(0x1654AE6B, track) + _element(0x1F43B675, _uint(0xE7, 0)))
    return header + segment
