"""Which file types each kind accepts, and deciding a file's type from its first bytes (never from its name).

`filetype` classifies the bytes; each accepted format then has an explicit signature check from REST
contract 3.7, so a format is only accepted when both agree (or, for MPEG audio frames that `filetype` does not
know, when the explicit check alone matches).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import filetype

from media_service.domain import MediaKind

# How many leading bytes detection looks at (WebM's doc type and Ogg's first packet sit near the start).
HEAD_BYTES = 8192

AUDIO, IMAGE, VIDEO = "audio", "image", "video"


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    content_type: str
    family: str
    matches: Callable[[bytes], bool]


def _riff(form: bytes) -> Callable[[bytes], bool]:
    return lambda head: head[:4] == b"RIFF" and head[8:12] == form


def _mpeg_audio(head: bytes) -> bool:
    """An ID3v2 tag, or an MPEG audio frame sync with a valid version and layer (AAC's ADTS has layer 0)."""
    if head[:3] == b"ID3":
        return True
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version, layer = (head[1] >> 3) & 0b11, (head[1] >> 1) & 0b11
    bitrate, rate = head[2] >> 4, (head[2] >> 2) & 0b11
    return version != 0b01 and layer != 0 and bitrate != 0b1111 and rate != 0b11


def _ogg_audio(head: bytes) -> bool:
    """An Ogg page whose first packet is a Vorbis or Opus identification header."""
    if head[:4] != b"OggS" or len(head) < 28:
        return False
    packet = 27 + head[26]  # the page header is 27 bytes, then one lacing byte per segment
    return head[packet:packet + 7] == b"\x01vorbis" or head[packet:packet + 8] == b"OpusHead"


def _ftyp(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


def _quicktime(head: bytes) -> bool:
    return _ftyp(head) and head[8:12] == b"qt  "


def _webm(head: bytes) -> bool:
    return head[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in head[:64]


FORMATS = {f.name: f for f in (
    Format("mp3", "mp3", "audio/mpeg", AUDIO, _mpeg_audio),
    Format("wav", "wav", "audio/wav", AUDIO, _riff(b"WAVE")),
    Format("ogg", "ogg", "audio/ogg", AUDIO, _ogg_audio),
    Format("flac", "flac", "audio/flac", AUDIO, lambda h: h[:4] == b"fLaC"),
    Format("jpeg", "jpg", "image/jpeg", IMAGE, lambda h: h[:3] == b"\xff\xd8\xff"),
    Format("png", "png", "image/png", IMAGE, lambda h: h[:8] == b"\x89PNG\r\n\x1a\n"),
    Format("webp", "webp", "image/webp", IMAGE, _riff(b"WEBP")),
    Format("gif", "gif", "image/gif", IMAGE, lambda h: h[:6] in (b"GIF87a", b"GIF89a")),
    Format("mov", "mov", "video/quicktime", VIDEO, _quicktime),
    Format("mp4", "mp4", "video/mp4", VIDEO, lambda h: _ftyp(h) and not _quicktime(h)),
    Format("webm", "webm", "video/webm", VIDEO, _webm),
)}

IMAGE_FORMATS = ("jpeg", "png", "webp", "gif")
ACCEPTED: dict[MediaKind, tuple[str, ...]] = {
    MediaKind.MUSIC: ("mp3", "wav", "ogg", "flac"),
    MediaKind.FACE: IMAGE_FORMATS,
    MediaKind.REFERENCE: IMAGE_FORMATS,
    MediaKind.GENERATED: (*IMAGE_FORMATS, "mp4", "mov", "webm"),
}

# filetype's MIME guesses that correspond to our formats.
_FROM_FILETYPE = {"audio/mpeg": "mp3", "audio/x-wav": "wav", "audio/ogg": "ogg", "audio/opus": "ogg",
                  "audio/x-flac": "flac", "video/x-m4v": "mp4", "image/apng": "png",
                  "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp", "image/gif": "gif",
                  "video/quicktime": "mov", "video/mp4": "mp4", "video/webm": "webm"}


def guess(head: bytes) -> str | None:
    """filetype's MIME guess, for logs ("application/x-msdownload" for a renamed executable)."""
    kind = filetype.guess(head)
    return kind.mime if kind else None


def detect(head: bytes, kind: MediaKind) -> Format | None:
    """The accepted format these leading bytes are, or None."""
    accepted = ACCEPTED[kind]
    mime = guess(head)
    if mime is not None:  # filetype recognised the bytes: they must be one of ours, and pass our check too
        named = _FROM_FILETYPE.get(mime)
        return FORMATS[named] if named in accepted and FORMATS[named].matches(head) else None
    for name in accepted:  # explicit checks cover what filetype misses (MPEG frames without an ID3 tag)
        if FORMATS[name].matches(head):
            return FORMATS[name]
    return None
