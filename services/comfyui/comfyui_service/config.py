"""Settings of the comfyui service (COMFYUI_ prefix; the secret key also answers to STORYBOARD_SECRET_KEY)."""

from __future__ import annotations

import json
from typing import ClassVar, Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import SettingsConfigDict
from storyboard_common.settings import ServiceSettings

# REST contract 3.10: what a RunPod endpoint reports when nothing more specific is configured for it.
DEFAULT_RUNPOD_CATALOG = {
    "checkpoints": ["sd_xl_base_1.0.safetensors", "sd_xl_refiner_1.0.safetensors", "v1-5-pruned-emaonly.ckpt",
                    "realisticVisionV60B1_v60B1VAE.safetensors"],
    "loras": ["lcm-lora-sdxl.safetensors", "pytorch_lora_weights.safetensors"],
}


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="COMFYUI_", extra="ignore")
    service_name: ClassVar[str] = "comfyui"

    grpc_port: int = Field(50052, ge=0, le=65535)
    environment: Literal["development", "production"] = Field(
        "development", validation_alias=AliasChoices("COMFYUI_ENVIRONMENT", "ENVIRONMENT"))

    # Fernet key(s) for API keys at rest, comma-separated: the first encrypts, all decrypt (rotation).
    # Unset in development: one is generated under the data dir; unset in production: start-up fails.
    secret_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("COMFYUI_SECRET_KEY", "STORYBOARD_SECRET_KEY"))

    # URL policy (contract 3.10). Link-local and metadata addresses are always refused.
    allowed_hosts: str = Field("", validation_alias=AliasChoices(
        "COMFYUI_ALLOWED_HOSTS", "COMFYUI_URL_ALLOWLIST"))
    block_private: bool = False
    dns_timeout_s: float = Field(2.0, gt=0)

    # Live status.
    health_interval_s: float = Field(5.0, gt=0)
    health_max_backoff_s: float = Field(60.0, gt=0)
    probe_timeout_s: float = Field(5.0, gt=0)
    info_max_age_s: float = Field(10.0, ge=0)
    catalog_interval_s: float = Field(600.0, gt=0)
    catalog_timeout_s: float = Field(30.0, gt=0)
    max_parallel_probes: int = Field(16, ge=1)

    # RunPod: where health is asked, and what each endpoint offers
    # (JSON {endpoint_id or "*": {folder: [names]}}).
    runpod_api_base: str = "https://api.runpod.ai/v2"
    runpod_catalogs: dict[str, dict[str, list[str]]] = Field(
        default_factory=lambda: {"*": DEFAULT_RUNPOD_CATALOG})

    # CivitAI enrichment of the model library. The key is sent only as a bearer token to civitai_base_url,
    # which must be https (plain http only on loopback, for a local fake or proxy).
    civitai_enabled: bool = True
    civitai_base_url: str = "https://civitai.com"
    civitai_api_key: SecretStr | None = None
    civitai_timeout_s: float = Field(10.0, gt=0)
    civitai_cache_ttl_s: float = Field(3600.0, ge=0)

    @field_validator("civitai_base_url")
    @classmethod
    def _check_civitai_url(cls, value: str) -> str:
        url = urlsplit(value)
        loopback = url.hostname in ("localhost", "127.0.0.1", "::1")
        if not url.hostname or url.scheme not in ("https", "http") or (url.scheme == "http" and not loopback):
            raise ValueError("must be an https URL (http only for localhost)")
        return value.rstrip("/")

    @field_validator("runpod_catalogs", mode="before")
    @classmethod
    def _parse_catalogs(cls, value: object) -> object:
        return json.loads(value) if isinstance(value, str) else value
