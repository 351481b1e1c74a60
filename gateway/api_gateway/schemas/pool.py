"""Generation pool request and response models (rest-contract 1.8, 2.8, 3.5)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from api_gateway.schemas.clips import GeneratedContentPublic
from api_gateway.schemas.media_urls import MediaUrl, OptionalMediaUrl

Tag = Annotated[str, Field(max_length=100)]
Tags = Annotated[list[Tag], Field(max_length=50)]


class PoolItemCreate(BaseModel):
    project_id: str
    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field("", max_length=2000)
    content_type: Literal["image", "video"]
    source_type: Literal["clip_generation", "manual_upload", "batch_generation"] | None = "manual_upload"
    source_clip_id: str | None = None
    media_url: MediaUrl
    thumbnail_url: OptionalMediaUrl = None
    generation_params: dict[str, Any] | None = None
    tags: Tags | None = Field(default_factory=list)
    metadata: dict[str, Any] | None = None


class PoolItemUpdate(BaseModel):
    """Partial: an absent or null field is unchanged."""

    name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2000)
    tags: Tags | None = None


class PoolItemPublic(BaseModel):
    id: str
    project_id: str
    name: str
    description: str
    content_type: str
    source_type: str
    source_clip_id: str | None
    media_url: str
    thumbnail_url: str | None
    generation_params: dict[str, Any] | None
    tags: list[str]
    metadata: dict[str, Any] | None
    created_at: str | None
    updated_at: str | None


class PoolItemUpdated(PoolItemPublic):
    message: str


class PoolItemApplied(BaseModel):
    message: str
    content_id: str
    content: GeneratedContentPublic
