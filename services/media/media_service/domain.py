"""The media service's domain objects (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class MediaKind(StrEnum):
    MUSIC = "music"
    FACE = "face"
    GENERATED = "generated"
    REFERENCE = "reference"


# The URL folder of each kind: /uploads/<folder>/<media_id>.<ext> (REST contract 0.8).
FOLDERS = {MediaKind.MUSIC: "music", MediaKind.FACE: "faces", MediaKind.GENERATED: "generated",
           MediaKind.REFERENCE: "references"}


def media_url(kind: MediaKind, media_id: str, extension: str) -> str:
    return f"/uploads/{FOLDERS[kind]}/{media_id}.{extension}"


@dataclass(frozen=True)
class Media:
    id: str
    kind: MediaKind
    content_type: str
    size_bytes: int
    sha256: str
    url: str
    original_filename: str
    created_at: float
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    project_id: str | None = None
    clip_id: str | None = None
    job_id: str | None = None
    provenance: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class UploadHeader:
    """What an upload declares before its bytes arrive. Only kind and the tags are trusted."""

    kind: MediaKind | None
    original_filename: str = ""
    declared_content_type: str = ""
    declared_size_bytes: int | None = None
    project_id: str | None = None
    clip_id: str | None = None
    job_id: str | None = None
    provenance: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ByteRange:
    """A resolved range of a file: `length` bytes from `offset`."""

    offset: int
    length: int


def resolve_range(size: int, offset: int, length: int, suffix_length: int) -> ByteRange | None:
    """The bytes to send for a ReadMedia request; None when the range starts at or past the end of the file.

    Inputs are already non-negative. suffix_length > 0 means the last n bytes (HTTP "bytes=-n"); length 0
    means to the end; a range running past the end is clamped.
    """
    if suffix_length > 0:
        take = min(suffix_length, size)
        return ByteRange(size - take, take)
    if size == 0 and offset == 0:
        return ByteRange(0, 0)
    if offset >= size:
        return None
    rest = size - offset
    return ByteRange(offset, min(length, rest) if length else rest)


@dataclass(frozen=True)
class Release:
    """What releasing a project's media removed."""

    deleted_media_count: int = 0
    deleted_file_count: int = 0
    freed_bytes: int = 0
