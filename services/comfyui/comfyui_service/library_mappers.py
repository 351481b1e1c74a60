"""Model library values <-> proto messages."""

from __future__ import annotations

from typing import Any

from google.protobuf import json_format
from storyboard.comfyui.v1 import comfyui_service_pb2 as pb
from storyboard.comfyui.v1 import model_library_pb2 as lib
from storyboard_common.timestamps import to_timestamp

from comfyui_service.library_domain import (
    ActiveModel,
    Backend,
    CivitaiInfo,
    CivitaiSearchResult,
    ModelRecord,
)
from comfyui_service.mappers import server_to_proto

MODEL_FILE_TYPES = {
    "checkpoint": lib.MODEL_FILE_TYPE_CHECKPOINT,
    "lora": lib.MODEL_FILE_TYPE_LORA,
    "vae": lib.MODEL_FILE_TYPE_VAE,
    "diffusion_model": lib.MODEL_FILE_TYPE_DIFFUSION_MODEL,
    "text_encoder": lib.MODEL_FILE_TYPE_TEXT_ENCODER,
    "upscale_model": lib.MODEL_FILE_TYPE_UPSCALE_MODEL,
}
MODEL_FILE_TYPE_NAMES = {v: k for k, v in MODEL_FILE_TYPES.items()}


def type_filter(value: int) -> str | None:
    """None for UNSPECIFIED (any type); an unknown number names no records."""
    return None if value == lib.MODEL_FILE_TYPE_UNSPECIFIED else MODEL_FILE_TYPE_NAMES.get(value, f"unknown({value})")


def civitai_to_proto(info: CivitaiInfo) -> lib.CivitaiInfo:
    return lib.CivitaiInfo(
        civitai_model_id=info.civitai_model_id, civitai_version_id=info.civitai_version_id, name=info.name,
        version_name=info.version_name, base_model=info.base_model, trained_words=info.trained_words,
        thumbnail_url=info.thumbnail_url, page_url=info.page_url, sync_time=to_timestamp(info.synced_at))


def _opt(message: Any, field: str) -> Any:
    return getattr(message, field) if message.HasField(field) else None


def civitai_from_proto(info: lib.CivitaiInfo) -> CivitaiInfo:
    """A hand-written object: sync_time is the service's, never the caller's."""
    return CivitaiInfo(
        civitai_model_id=_opt(info, "civitai_model_id"), civitai_version_id=_opt(info, "civitai_version_id"),
        name=_opt(info, "name"), version_name=_opt(info, "version_name"), base_model=_opt(info, "base_model"),
        trained_words=tuple(info.trained_words), thumbnail_url=_opt(info, "thumbnail_url"),
        page_url=_opt(info, "page_url"))


def model_to_proto(r: ModelRecord) -> lib.Model:
    model = lib.Model(
        id=r.id, name=r.name, display_name=r.display_name, type=MODEL_FILE_TYPES[r.type], model_type=r.model_type,
        filename=r.filename, filepath=r.filepath, hash=r.hash, server_id=r.server_id, server_name=r.server_name,
        civitai_info=civitai_to_proto(r.civitai_info) if r.civitai_info else None, is_active=r.is_active,
        create_time=to_timestamp(r.created_at), update_time=to_timestamp(r.updated_at),
        last_sync_time=to_timestamp(r.last_synced_at))
    model.metadata.update(dict(r.metadata))
    return model


def model_changes_from_proto(model: lib.Model, paths: list[str]) -> dict[str, Any]:
    """The masked fields' new values; unknown paths pass through for the service to refuse."""
    changes: dict[str, Any] = {}
    for path in paths:
        if path == "display_name":
            changes[path] = model.display_name
        elif path == "metadata":
            changes[path] = json_format.MessageToDict(model.metadata)
        elif path == "is_active":
            changes[path] = model.is_active
        elif path == "civitai_info":
            changes[path] = civitai_from_proto(model.civitai_info) if model.HasField("civitai_info") else None
        else:
            changes[path] = None
    return changes


def active_model_to_proto(m: ActiveModel) -> lib.ActiveModel:
    return lib.ActiveModel(
        name=m.name, type=MODEL_FILE_TYPES[m.type], model_type=m.model_type,
        servers=[lib.ActiveModelServer(server_id=s.server_id, server_name=s.server_name, is_online=s.is_online)
                 for s in m.servers])


def backend_to_proto(b: Backend) -> pb.Backend:
    return pb.Backend(server=server_to_proto(b.server), is_online=b.is_online, model_count=b.model_count,
                      lora_count=b.lora_count)


def search_result_to_proto(r: CivitaiSearchResult) -> lib.CivitaiSearchResult:
    return lib.CivitaiSearchResult(
        civitai_model_id=r.civitai_model_id, civitai_version_id=r.civitai_version_id, name=r.name,
        version_name=r.version_name, type=r.type, base_model=r.base_model, download_count=r.download_count,
        thumbnail_url=r.thumbnail_url)
