from __future__ import annotations

from pydantic import BaseModel, Field


class ProjectCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=2000)


class ProjectPublic(BaseModel):
    id: str
    name: str
    description: str
    music_file_path: str | None
    music_file: str | None
    music_duration: float | None
    music_media_id: str | None
    created_at: str | None
    updated_at: str | None


class ProjectsPublic(BaseModel):
    projects: list[ProjectPublic]
    total: int
