from __future__ import annotations

from typing import ClassVar

from pydantic import Field
from pydantic_settings import SettingsConfigDict
from storyboard_common.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="PROJECTS_", extra="ignore")
    service_name: ClassVar[str] = "projects"

    grpc_port: int = Field(50051, ge=0, le=65535)
