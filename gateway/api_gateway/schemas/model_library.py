"""The model library (REST contract 1.14): model records, CivitAI info and search hits, active models, backends."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

ModelFileType = Literal["checkpoint", "lora", "vae", "diffusion_model", "text_encoder", "upscale_model"]


class CivitaiInfoPublic(BaseModel):
    civitai_model_id: int | None
    civitai_version_id: int | None
    name: str | None
    version_name: str | None
    base_model: str | None
    trained_words: list[str]
    thumbnail_url: str | None
    page_url: str | None
    synced_at: str | None


class CivitaiInfoIn(BaseModel):
    """A hand-written civitai_info; `{}` clears it. Unknown keys are ignored."""

    civitai_model_id: int | None = Field(None, gt=0)
    civitai_version_id: int | None = Field(None, gt=0)
    name: str | None = Field(None, max_length=500)
    version_name: str | None = Field(None, max_length=500)
    base_model: str | None = Field(None, max_length=200)
    trained_words: list[str] | None = Field(None, max_length=200)
    thumbnail_url: str | None = Field(None, max_length=2048)
    page_url: str | None = Field(None, max_length=2048)


class ModelPublic(BaseModel):
    id: str
    name: str
    display_name: str
    type: ModelFileType
    model_type: str | None
    filename: str
    filepath: str
    hash: str | None
    server_source: str
    server_name: str
    civitai_info: CivitaiInfoPublic | None
    configuration_presets: list[Any]
    metadata: dict[str, Any]
    is_active: bool
    created_at: str | None
    updated_at: str | None
    last_synced_at: str | None


class ModelUpdate(BaseModel):
    """Partial: an absent or null field is unchanged; `civitai_info: {}` clears it."""

    display_name: str | None = Field(None, min_length=1, max_length=255)
    metadata: dict[str, Any] | None = None
    is_active: bool | None = None
    civitai_info: CivitaiInfoIn | None = None


class ModelDeletedPublic(BaseModel):
    message: str


class ModelsSyncedPublic(BaseModel):
    message: str
    server_id: str
    added: int
    updated: int
    deactivated: int
    total: int


class ActiveModelServerPublic(BaseModel):
    server_id: str
    server_name: str
    is_online: bool


class ActiveModelPublic(BaseModel):
    name: str
    type: ModelFileType
    model_type: str | None
    servers: list[ActiveModelServerPublic]


class BackendPublic(BaseModel):
    id: str
    name: str
    url: str
    server_type: Literal["standard", "runpod"]
    is_online: bool
    model_count: int
    lora_count: int


class CivitaiSearchBody(BaseModel):
    query: str | None = Field(None, max_length=200)
    limit: int = Field(5, ge=1, le=20)


class CivitaiSearchResultPublic(BaseModel):
    civitai_model_id: int
    civitai_version_id: int | None
    name: str
    version_name: str
    type: str
    base_model: str
    download_count: int
    thumbnail_url: str | None


class CivitaiSearchPublic(BaseModel):
    results: list[CivitaiSearchResultPublic]


class CivitaiLinkBody(BaseModel):
    civitai_model_id: int = Field(gt=0)
    civitai_version_id: int | None = Field(None, gt=0)
