"""Gateway settings: GATEWAY_ prefix, shared service addresses, CORS policy."""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import SettingsConfigDict
from storyboard_common.settings import CommonSettings, service_address

DEV_ORIGINS = ["http://localhost:3000", "http://127.0.0.1:3000"]


class Settings(CommonSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    host: str = "0.0.0.0"
    port: int = Field(8000, ge=0, le=65535)
    environment: Literal["development", "production"] = Field(
        "development", validation_alias=AliasChoices("GATEWAY_ENVIRONMENT", "ENVIRONMENT"))
    cors_origins: str = Field("", validation_alias=AliasChoices("GATEWAY_CORS_ORIGINS", "CORS_ORIGINS"))
    public_base_url: str = Field("", validation_alias=AliasChoices("GATEWAY_PUBLIC_BASE_URL", "PUBLIC_BASE_URL"))
    grpc_timeout_s: float = Field(10.0, gt=0)
    long_grpc_timeout_s: float = Field(120.0, gt=0)
    health_timeout_s: float = Field(2.0, gt=0)
    generate_wait_s: float = Field(280.0, ge=0, validation_alias=AliasChoices(
        "GATEWAY_GENERATE_WAIT_S", "LEGACY_GENERATE_WAIT_S"))

    projects_addr: str = service_address("projects")
    comfyui_addr: str = service_address("comfyui")
    generation_addr: str = service_address("generation")
    media_addr: str = service_address("media")

    @model_validator(mode="after")
    def _production_needs_origins(self) -> Settings:
        if self.environment == "production" and not self.cors_origins.strip():
            raise ValueError("GATEWAY_CORS_ORIGINS (or CORS_ORIGINS) must be set when ENVIRONMENT=production")
        return self

    def origins(self) -> list[str]:
        listed = [o.strip().rstrip("/") for o in self.cors_origins.split(",") if o.strip()]
        return listed or (DEV_ORIGINS if self.environment == "development" else [])
