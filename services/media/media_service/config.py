from __future__ import annotations

from typing import ClassVar

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from storyboard_common.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MEDIA_", extra="ignore")
    service_name: ClassVar[str] = "media"

    grpc_port: int = Field(50054, ge=0, le=65535)
