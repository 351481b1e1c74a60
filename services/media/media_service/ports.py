"""What the media service needs from other services, as plain Python (fakes implement these in tests)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class ProjectRef:
    id: str
    music_media_id: str | None


class ProjectsPort(Protocol):
    async def get(self, project_id: str) -> ProjectRef:
        """The project; NotFoundError ("Project with ID ... not found") when there is none."""

    async def set_music(self, project_id: str, url: str, duration: float, media_id: str) -> None:
        """Records the project's music track: URL, duration in seconds and media id."""
