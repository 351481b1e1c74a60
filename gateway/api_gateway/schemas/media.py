from __future__ import annotations

from pydantic import BaseModel


class MediaPublic(BaseModel):
    """A stored file's metadata (REST contract 2.9)."""

    id: str
    kind: str
    content_type: str
    size_bytes: int
    sha256: str
    url: str | None
    original_filename: str
    width: int | None
    height: int | None
    duration: float | None
    project_id: str | None
    clip_id: str | None
    job_id: str | None
    created_at: str | None


class MusicUploadPublic(BaseModel):
    message: str
    file_path: str | None
    file_url: str | None
    media_id: str
    duration: float | None


class FaceUploadPublic(BaseModel):
    message: str
    file_url: str | None
    file_path: str | None
    media_id: str
    content_type: str
    width: int | None
    height: int | None
    size_bytes: int
