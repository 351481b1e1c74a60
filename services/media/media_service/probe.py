"""Opening a complete upload with the real decoders: image dimensions (Pillow), audio and video duration
(mutagen). Blocking; the service runs it in a worker thread.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from pathlib import Path

from mutagen.flac import FLAC
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE
from PIL import Image
from storyboard_common.errors import InvalidArgumentError

from media_service.formats import AUDIO, IMAGE, VIDEO, Format

log = logging.getLogger(__name__)

MAX_SIDE_PX = 8192
MAX_PIXELS = 40_000_000

_PILLOW_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
_AUDIO_PARSERS = {"mp3": (MP3,), "wav": (WAVE,), "ogg": (OggVorbis, OggOpus), "flac": (FLAC,)}


@dataclass(frozen=True)
class Facts:
    width: int | None = None
    height: int | None = None
    duration: float | None = None


def invalid(family: str, problem: str) -> InvalidArgumentError:
    noun = {AUDIO: "music", IMAGE: "image", VIDEO: "video"}[family]
    return InvalidArgumentError(f"Invalid {noun} file: {problem}", reason="INVALID_FILE")


def probe(path: Path, fmt: Format) -> Facts:
    """The file's dimensions or duration; InvalidArgumentError(INVALID_FILE) when it does not decode."""
    if fmt.family == IMAGE:
        return _image(path, fmt)
    if fmt.family == AUDIO:
        return Facts(duration=_duration(path, fmt, _AUDIO_PARSERS[fmt.name], "cannot read audio stream"))
    if fmt.name in ("mp4", "mov"):
        return Facts(duration=_duration(path, fmt, (MP4,), "cannot read video stream"))
    return Facts()  # WebM: the signature is all we check; no parser is at hand


def _image(path: Path, fmt: Format) -> Facts:
    try:
        with Image.open(path, formats=[_PILLOW_FORMATS[fmt.name]]) as image:
            width, height = image.size
            if width > MAX_SIDE_PX or height > MAX_SIDE_PX or width * height > MAX_PIXELS:
                raise invalid(IMAGE, f"at most {MAX_SIDE_PX} px a side and {MAX_PIXELS // 1_000_000} "
                                     "megapixels are allowed")
            image.verify()  # PNG: every chunk's CRC up to IEND, so a truncated PNG fails here
        if fmt.name == "jpeg":  # verify() reads no JPEG scan data; decode at 1/8 scale to keep memory small
            with Image.open(path, formats=["JPEG"]) as image:
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
    except InvalidArgumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - hostile input can make a decoder fail in any way
        log.info("image did not decode: %s", exc)
        raise invalid(IMAGE, "cannot decode image") from None
    return Facts(width=width, height=height)


def _duration(path: Path, fmt: Format, parsers: tuple[type, ...], problem: str) -> float:
    for parser in parsers:
        try:
            length = parser(path).info.length
        except Exception as exc:  # noqa: BLE001 - hostile input can make a parser fail in any way
            log.info("%s did not parse as %s: %s", fmt.name, parser.__name__, exc)
            continue
        if length and math.isfinite(length) and length > 0:
            return round(length, 3)
    raise invalid(fmt.family, problem)
