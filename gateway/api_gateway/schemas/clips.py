"""Clip, gallery and timeline-position request and response models (rest-contract 1.5, 2.3, 2.4, 3.1)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

INT32_MAX = 2**31 - 1
PROMPT_MAX = 10000


class ClipCreate(BaseModel):
    scene_id: str
    name: str = Field(min_length=1, max_length=200)
    lyrics: str | None = Field("", max_length=5000)
    length: float = Field(5.0, gt=0, le=10000)
    timeline_position: float = Field(0.0, ge=0, le=10000)
    order: int = Field(0, ge=0, le=INT32_MAX)
    image_prompt: str | None = Field("", max_length=PROMPT_MAX)
    video_prompt: str | None = Field("", max_length=PROMPT_MAX)
    character_id: str | None = None


class ClipUpdate(BaseModel):
    """Partial: an absent or null field is unchanged; `character_id: ""` clears the character."""

    name: str | None = Field(None, min_length=1, max_length=200)
    lyrics: str | None = Field(None, max_length=5000)
    length: float | None = Field(None, gt=0, le=10000)
    timeline_position: float | None = Field(None, ge=0, le=10000)
    order: int | None = Field(None, ge=0, le=INT32_MAX)
    image_prompt: str | None = Field(None, max_length=PROMPT_MAX)
    video_prompt: str | None = Field(None, max_length=PROMPT_MAX)
    character_id: str | None = None


class TimelinePositionBody(BaseModel):
    position: float = Field(ge=0, le=10000)


class PromptsBody(BaseModel):
    image_prompt: str | None = Field(None, max_length=PROMPT_MAX)
    video_prompt: str | None = Field(None, max_length=PROMPT_MAX)


class SelectContentBody(BaseModel):
    content_id: str | None = None
    content_type: str | None = None
    image_id: str | None = None
    video_id: str | None = None


class LoraRefPublic(BaseModel):
    name: str
    weight: float


class GeneratedContentPublic(BaseModel):
    id: str
    content_type: str
    url: str
    thumbnail_url: str | None
    media_id: str | None
    prompt: str
    negative_prompt: str
    server_id: str
    server_name: str
    model_name: str
    model: str | None
    model_type: str | None
    generation_params: dict[str, Any]
    loras: list[LoraRefPublic]
    seed: int | None
    job_id: str | None
    source: str
    is_selected: bool
    created_at: str | None


class ClipPublic(BaseModel):
    id: str
    scene_id: str
    project_id: str
    name: str
    lyrics: str
    length: float
    timeline_position: float
    order: int
    parent_clip_id: str | None
    alternate_number: int
    is_alternate: bool
    image_prompt: str
    video_prompt: str
    generated_images: list[GeneratedContentPublic]
    generated_videos: list[GeneratedContentPublic]
    selected_image_id: str | None
    selected_video_id: str | None
    character_id: str | None
    versions: list[Any]
    active_version: int
    created_at: str | None
    updated_at: str | None


class ClipMessage(ClipPublic):
    message: str


class GalleryPublic(BaseModel):
    images: list[GeneratedContentPublic]
    videos: list[GeneratedContentPublic]
    selected_image_id: str | None
    selected_video_id: str | None


class SelectContentResult(BaseModel):
    message: str
    clip_id: str
    selected_image_id: str | None
    selected_video_id: str | None


class TimelineGapPublic(BaseModel):
    start: float
    end: float
    duration: float


class TimelineSummaryPublic(BaseModel):
    total_clips: int
    total_duration: float
    timeline_end: float
    gaps: list[TimelineGapPublic]


class TimelinePositionResult(BaseModel):
    message: str
    clip_id: str
    new_position: float
    timeline_summary: TimelineSummaryPublic


class ClipsDeleted(BaseModel):
    clips: int


class ClipDeleteResult(BaseModel):
    message: str
    deleted: ClipsDeleted
    cancelled_jobs: int
