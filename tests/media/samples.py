"""Small, valid media files made on the fly (Pillow images, stdlib WAV, hand-built MP3/FLAC/Ogg headers)."""

from __future__ import annotations

import io
import struct
import wave

from mutagen.ogg import OggPage
from PIL import Image


def image(fmt: str = "PNG", size: tuple[int, int] = (64, 48), color: str = "red", **save: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt, **save)
    return buffer.getvalue()


def png(size: tuple[int, int] = (64, 48), color: str = "red") -> bytes:
    return image("PNG", size, color)


def wav(seconds: float = 1.0, rate: int = 8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return buffer.getvalue()


def wav_header(data_bytes: int, rate: int = 44100) -> bytes:
    """The 44-byte header of a 16-bit stereo PCM WAV with data_bytes of samples (for streamed bodies)."""
    channels, width = 2, 2
    return (b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE"
            + b"fmt " + struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * channels * width,
                                    channels * width, width * 8)
            + b"data" + struct.pack("<I", data_bytes))


def mp3(frames: int = 100) -> bytes:
    """MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz, no ID3 tag: 417 bytes and 1152 samples each."""
    frame = b"\xff\xfb\x90\x64" + b"\x00" * 413
    return frame * frames


def flac(seconds: float = 2.0, rate: int = 44100) -> bytes:
    """A FLAC stream marker and its STREAMINFO block (mutagen reads the duration from it)."""
    samples = int(seconds * rate)
    # sample rate, channels - 1, bits per sample - 1, total samples
    packed = (rate << 44) | ((2 - 1) << 41) | ((16 - 1) << 36) | samples
    info = struct.pack(">HH", 4096, 4096) + b"\x00" * 6 + packed.to_bytes(8, "big") + b"\x00" * 16
    return b"fLaC" + bytes([0x80]) + len(info).to_bytes(3, "big") + info


def ogg_vorbis(seconds: float = 1.5, rate: int = 44100) -> bytes:
    """Three Ogg pages: the Vorbis identification and comment headers, then a last page giving the length."""
    ident = (b"\x01vorbis" + struct.pack("<IBIiiiBB", 0, 2, rate, 0, 128000, 0, 0xB8, 1))
    comment = b"\x03vorbis" + struct.pack("<I", 4) + b"test" + struct.pack("<I", 0) + b"\x01"
    pages = []
    packets = [(ident, 0), (comment, 0), (b"\x00" * 32, int(seconds * rate))]
    for sequence, (packet, position) in enumerate(packets):
        page = OggPage()
        page.serial, page.sequence, page.position, page.packets = 7, sequence, position, [packet]
        page.first, page.last = sequence == 0, sequence == 2
        pages.append(page.write())
    return b"".join(pages)


def windows_executable() -> bytes:
    """The start of a PE file: an MZ stub pointing to a PE header."""
    stub = bytearray(b"MZ" + b"\x90\x00" * 29 + b"\x00" * 2)
    stub += b"\x00" * (0x3C - len(stub)) + struct.pack("<I", 0x80)
    stub += b"\x00" * (0x80 - len(stub)) + b"PE\x00\x00" + b"\x00" * 200
    return bytes(stub)
