"""Projects' domain objects (pure)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    description: str
    created_at: float
    updated_at: float
    music_file_path: str | None = None
    music_duration: float | None = None
    music_media_id: str | None = None
