"""ComfyUI servers (REST contract 1.2 and 2.5). `api_key` is accepted on write, never part of a response."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

ServerType = Literal["standard", "runpod"]


class ServerCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    url: str  # checked by the comfyui service (400 VALIDATION_ERROR when refused)
    server_type: ServerType = "standard"
    api_key: str | None = Field(None, max_length=512)
    endpoint_id: str | None = None
    is_active: bool = True
    max_concurrent: int = Field(1, ge=1, le=64)


class ServerUpdate(BaseModel):
    """Partial: absent or null keeps a field. `api_key` "" removes the key; `endpoint_id` "" clears it."""

    name: str | None = Field(None, min_length=1, max_length=200)
    url: str | None = None
    server_type: ServerType | None = None
    api_key: str | None = Field(None, max_length=512)
    endpoint_id: str | None = None
    is_active: bool | None = None
    max_concurrent: int | None = Field(None, ge=1, le=64)


class ServerPublic(BaseModel):
    id: str
    name: str
    url: str
    server_type: ServerType
    endpoint_id: str | None
    is_active: bool
    max_concurrent: int
    has_api_key: bool
    created_at: str | None
    updated_at: str | None


class CheckpointPublic(BaseModel):
    name: str
    type: Literal["checkpoint"] = "checkpoint"
    model_type: str


class LoraPublic(BaseModel):
    name: str
    type: Literal["lora"] = "lora"


class ServerDetailPublic(ServerPublic):
    """GET /comfyui/servers/{id}: the server plus its cached status and models (as in /info)."""

    is_online: bool
    status_checked_at: str | None
    models: list[CheckpointPublic]
    loras: list[LoraPublic]


class DevicePublic(BaseModel):
    name: str
    type: str
    vram_total: int
    vram_free: int


class SystemPublic(BaseModel):
    comfyui_version: str
    devices: list[DevicePublic]


class ServerInfoPublic(BaseModel):
    server: ServerPublic
    is_online: bool
    status_checked_at: str | None
    status_error: str | None
    latency_ms: float | None
    queue_remaining: int | None
    models: list[CheckpointPublic]
    loras: list[LoraPublic]
    vaes: list[str]
    diffusion_models: list[str]
    text_encoders: list[str]
    upscale_models: list[str]
    samplers: list[str]
    schedulers: list[str]
    system: SystemPublic | None


class ServerDeletedPublic(BaseModel):
    message: str
    failed_jobs: int


class WorkflowPublic(BaseModel):
    id: str
    name: str
    generation_type: Literal["image", "video"]
    model_types: list[str]
    available: bool


class WorkflowsPublic(BaseModel):
    workflows: list[WorkflowPublic]
