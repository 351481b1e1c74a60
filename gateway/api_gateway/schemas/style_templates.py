"""Style template request and response models (rest-contract 1.7, 2.7)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from api_gateway.schemas.clips import LoraRefPublic
from api_gateway.schemas.media_urls import OptionalMediaUrl


class LoraRefIn(BaseModel):
    name: str = Field(min_length=1, max_length=255)
    weight: float = Field(1.0, ge=-5.0, le=5.0)


class StyleTemplateFields(BaseModel):
    """Create and PUT (a full replace: omitted fields take their defaults); null means the default too."""

    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field("", max_length=2000)
    category: str | None = Field("custom", max_length=100)
    model: str | None = Field(None, max_length=200)
    negative_prompt: str | None = Field("", max_length=5000)
    loras: list[LoraRefIn] | None = Field(default_factory=list, max_length=20)
    params: dict[str, Any] | None = Field(default_factory=dict, max_length=64)
    preview_url: OptionalMediaUrl = None
    is_public: bool | None = False


class StyleTemplatePublic(BaseModel):
    id: str
    name: str
    description: str
    category: str
    model: str | None
    negative_prompt: str
    loras: list[LoraRefPublic]
    params: dict[str, Any]
    preview_url: str | None
    is_public: bool
    created_by: str | None
    use_count: int
    created_at: str | None
    updated_at: str | None


class UseCount(BaseModel):
    message: str
    use_count: int
