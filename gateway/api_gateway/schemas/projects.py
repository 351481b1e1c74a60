from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field
from storyboard_common.media_urls import media_url_problem

from api_gateway.schemas.scenes import ScenePublic, SceneWithClips

MUSIC_URL_MAX = 1024


def _music_url(value: str | None) -> str | None:
    """"" clears the music; anything else must be an acceptable media URL (contract 0.8)."""
    if value and (problem := media_url_problem(value, MUSIC_URL_MAX)):
        raise ValueError(f"media URL {problem}")
    return value


MusicUrl = Annotated[str | None, AfterValidator(_music_url)]


class ProjectCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=2000)


class ProjectUpdate(BaseModel):
    """Partial: an absent or null field is unchanged. `music_file` is an alias of `music_file_path`."""

    name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2000)
    music_file_path: MusicUrl = None
    music_file: MusicUrl = None
    music_duration: float | None = Field(None, ge=0, le=1e9)


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


class ProjectWithScenes(ProjectPublic):
    scenes: list[ScenePublic]


class TimelinePublic(BaseModel):
    project: ProjectPublic
    scenes: list[SceneWithClips]
    total_duration: float


class ProjectDeleted(BaseModel):
    scenes: int
    clips: int
    characters: int
    pool_items: int
    media_files: int


class ProjectDeleteResult(BaseModel):
    message: str
    deleted: ProjectDeleted
    cancelled_jobs: int
