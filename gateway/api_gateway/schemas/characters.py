"""Character request and response models (rest-contract 1.6, 2.6)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from api_gateway.schemas.media_urls import MediaUrl, OptionalMediaUrl

GenerationMethod = Literal["ip_adapter", "reactor", "instantid", "lora"]


class CharacterFields(BaseModel):
    """The writable fields; a null text field means its default, as an omitted one does."""

    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field("", max_length=2000)
    reference_images: list[MediaUrl] | None = Field(default_factory=list, max_length=20)
    lora: str | None = Field(None, max_length=200)
    trigger_words: str | None = Field("", max_length=500)
    style_notes: str | None = Field("", max_length=2000)
    generation_method: GenerationMethod | None = "ip_adapter"
    face_image: OptionalMediaUrl = None
    generation_params: dict[str, Any] | None = Field(default_factory=dict)


class CharacterCreate(CharacterFields):
    project_id: str


class CharacterReplace(CharacterFields):
    """PUT is a full replace: omitted fields take their defaults. `project_id` is ignored (never moves)."""

    project_id: str | None = None


class CharacterPublic(BaseModel):
    id: str
    project_id: str
    name: str
    description: str
    reference_images: list[str]
    lora: str | None
    trigger_words: str
    style_notes: str
    generation_method: str
    face_image: str | None
    generation_params: dict[str, Any]
    created_at: str | None
    updated_at: str | None


class CharacterApplied(BaseModel):
    message: str
    clip_id: str
    character_id: str
    image_prompt: str
    video_prompt: str
