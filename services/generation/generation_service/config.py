from __future__ import annotations

from typing import ClassVar

from pydantic import Field
from pydantic_settings import SettingsConfigDict
from storyboard_common.settings import ServiceSettings, service_address


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="GENERATION_", extra="ignore")
    service_name: ClassVar[str] = "generation"

    grpc_port: int = Field(50053, ge=0, le=65535)
    projects_addr: str = service_address("projects")
    comfyui_addr: str = service_address("comfyui")
    media_addr: str = service_address("media")
