"""The model library's values: one record per model file per server, and what CivitAI says of it. Pure data."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from comfyui_service.domain import MODEL_FOLDERS, Server
from comfyui_service.presets import basename, detect_model_type

# Catalog kind -> REST model type. The ComfyUI folder of each kind is domain.MODEL_FOLDERS.
MODEL_TYPES = {
    "checkpoints": "checkpoint",
    "loras": "lora",
    "vaes": "vae",
    "diffusion_models": "diffusion_model",
    "text_encoders": "text_encoder",
    "upscale_models": "upscale_model",
}
FOLDER_OF_TYPE = {MODEL_TYPES[kind]: folder for kind, folder in MODEL_FOLDERS.items()}
# Types whose files a generation loads as "the model": they get a detected model type (contract 3.6).
TYPED_MODELS = frozenset({"checkpoint", "diffusion_model"})
# Fixed, so ids stay the same across processes and versions.
_ID_NAMESPACE = uuid.UUID("5b0d3f0e-8f0c-4f8e-9a57-6d0c1f3c2a10")
MAX_DISPLAY_NAME = 255


def model_id(server_id: str, folder: str, name: str) -> str:
    """The stable id of a file: the same server, folder and listed name always give the same id."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"{server_id}\n{folder}\n{name}"))


def default_display_name(name: str) -> str:
    stem = basename(name)
    return stem.rsplit(".", 1)[0] if "." in stem[1:] else stem


def model_type_of(model_type: str, name: str) -> str | None:
    return detect_model_type(name) if model_type in TYPED_MODELS else None


@dataclass(frozen=True)
class CivitaiInfo:
    civitai_model_id: int | None = None
    civitai_version_id: int | None = None
    name: str | None = None
    version_name: str | None = None
    base_model: str | None = None
    trained_words: tuple[str, ...] = ()
    thumbnail_url: str | None = None
    page_url: str | None = None
    synced_at: float | None = None


@dataclass(frozen=True)
class ModelRecord:
    id: str
    server_id: str
    server_name: str
    type: str             # REST type: checkpoint, lora, ...
    name: str             # as ComfyUI lists it, possibly with subfolders
    display_name: str
    hash: str | None
    present: bool         # the file was in the server's last catalog (owned by sync)
    enabled: bool         # the user's switch (owned by UpdateModel)
    civitai_info: CivitaiInfo | None
    metadata: Mapping[str, Any]
    created_at: float
    updated_at: float
    last_synced_at: float | None

    @property
    def folder(self) -> str:
        return FOLDER_OF_TYPE[self.type]

    @property
    def filename(self) -> str:
        return basename(self.name)

    @property
    def filepath(self) -> str:
        return f"{self.folder}/{self.name}"

    @property
    def model_type(self) -> str | None:
        return model_type_of(self.type, self.name)

    @property
    def is_active(self) -> bool:
        return self.present and self.enabled


@dataclass(frozen=True)
class SyncResult:
    added: int = 0
    updated: int = 0
    deactivated: int = 0
    total: int = 0


@dataclass(frozen=True)
class ServerPresence:
    server_id: str
    server_name: str
    is_online: bool


@dataclass(frozen=True)
class ActiveModel:
    name: str
    type: str
    servers: tuple[ServerPresence, ...] = field(default_factory=tuple)

    @property
    def model_type(self) -> str | None:
        return model_type_of(self.type, self.name)


@dataclass(frozen=True)
class CivitaiSearchResult:
    civitai_model_id: int
    civitai_version_id: int | None
    name: str
    version_name: str
    type: str
    base_model: str
    download_count: int
    thumbnail_url: str | None


@dataclass(frozen=True)
class Backend:
    """A registry server with its status and catalog counts (REST GET /backends)."""

    server: Server
    is_online: bool
    model_count: int
    lora_count: int
