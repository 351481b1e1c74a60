from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic import AliasChoices, Field
from pydantic_settings import SettingsConfigDict
from storyboard_common.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MEDIA_", extra="ignore")
    service_name: ClassVar[str] = "media"

    grpc_port: int = Field(50054, ge=0, le=65535)
    # MEDIA_FILES_DIR: where the content-addressed files live; empty means <STORYBOARD_DATA_DIR>/media.
    files_dir: Path | None = None
    # Size limits per kind, in MiB (REST contract 3.7).
    max_music_mb: float = Field(50.0, gt=0)
    max_image_mb: float = Field(10.0, gt=0)
    max_generated_mb: float = Field(500.0, gt=0)
    # An upload is refused (507) unless this much more than the kind's limit is free at the files dir.
    free_space_reserve_mb: float = Field(100.0, ge=0)
    projects_addr: str = Field("localhost:50051", validation_alias=AliasChoices("PROJECTS_SERVICE_ADDR"))

    def resolved_files_dir(self) -> Path:
        return self.files_dir or self.data_dir / "media"
