"""Model library protos <-> REST models, field by field."""

from __future__ import annotations

from storyboard.comfyui.v1 import comfyui_service_pb2 as pb
from storyboard.comfyui.v1 import model_library_pb2 as lib

from api_gateway.errors import ApiError
from api_gateway.mappers.comfyui import SERVER_TYPE_NAMES
from api_gateway.mappers.common import opt, rfc3339, struct_dict
from api_gateway.mappers.masks import mask_of, set_fields
from api_gateway.schemas.model_library import (
    ActiveModelPublic,
    ActiveModelServerPublic,
    BackendPublic,
    CivitaiInfoIn,
    CivitaiInfoPublic,
    CivitaiSearchResultPublic,
    ModelPublic,
    ModelUpdate,
)

MODEL_FILE_TYPES = {
    "checkpoint": lib.MODEL_FILE_TYPE_CHECKPOINT,
    "lora": lib.MODEL_FILE_TYPE_LORA,
    "vae": lib.MODEL_FILE_TYPE_VAE,
    "diffusion_model": lib.MODEL_FILE_TYPE_DIFFUSION_MODEL,
    "text_encoder": lib.MODEL_FILE_TYPE_TEXT_ENCODER,
    "upscale_model": lib.MODEL_FILE_TYPE_UPSCALE_MODEL,
}
MODEL_FILE_TYPE_NAMES = {v: k for k, v in MODEL_FILE_TYPES.items()}


def type_filter(value: str | None) -> int:
    """The `type` query parameter; an unknown type is a 400."""
    if value is None:
        return lib.MODEL_FILE_TYPE_UNSPECIFIED
    if value not in MODEL_FILE_TYPES:
        raise ApiError(400, "INVALID_PARAMETER", f"Unknown model type '{value}'; use one of: "
                       + ", ".join(MODEL_FILE_TYPES), {"parameter": "type"})
    return MODEL_FILE_TYPES[value]


def civitai_public(info: lib.CivitaiInfo) -> CivitaiInfoPublic:
    return CivitaiInfoPublic(
        civitai_model_id=opt(info, "civitai_model_id"), civitai_version_id=opt(info, "civitai_version_id"),
        name=opt(info, "name"), version_name=opt(info, "version_name"), base_model=opt(info, "base_model"),
        trained_words=list(info.trained_words), thumbnail_url=opt(info, "thumbnail_url"),
        page_url=opt(info, "page_url"), synced_at=rfc3339(info.sync_time))


def model_public(m: lib.Model) -> ModelPublic:
    return ModelPublic(
        id=m.id, name=m.name, display_name=m.display_name, type=MODEL_FILE_TYPE_NAMES[m.type],
        model_type=opt(m, "model_type"), filename=m.filename, filepath=m.filepath, hash=opt(m, "hash"),
        server_source=m.server_id, server_name=m.server_name,
        civitai_info=civitai_public(m.civitai_info) if m.HasField("civitai_info") else None,
        configuration_presets=[], metadata=struct_dict(m.metadata), is_active=m.is_active,
        created_at=rfc3339(m.create_time), updated_at=rfc3339(m.update_time),
        last_synced_at=rfc3339(m.last_sync_time))


def _civitai_message(body: CivitaiInfoIn) -> lib.CivitaiInfo | None:
    fields = body.model_dump(exclude_none=True)
    return lib.CivitaiInfo(**fields) if fields else None


def update_model_request(model_id: str, body: ModelUpdate) -> pb.UpdateModelRequest:
    given = set_fields({"display_name": body.display_name, "metadata": body.metadata,
                        "is_active": body.is_active, "civitai_info": body.civitai_info})
    model = lib.Model(id=model_id)
    if body.display_name is not None:
        model.display_name = body.display_name
    if body.metadata is not None:
        model.metadata.update(body.metadata)
    if body.is_active is not None:
        model.is_active = body.is_active
    if body.civitai_info is not None and (info := _civitai_message(body.civitai_info)) is not None:
        model.civitai_info.CopyFrom(info)
    return pb.UpdateModelRequest(model=model, update_mask=mask_of(given))


def active_model_public(m: lib.ActiveModel) -> ActiveModelPublic:
    return ActiveModelPublic(
        name=m.name, type=MODEL_FILE_TYPE_NAMES[m.type], model_type=opt(m, "model_type"),
        servers=[ActiveModelServerPublic(server_id=s.server_id, server_name=s.server_name, is_online=s.is_online)
                 for s in m.servers])


def backend_public(b: pb.Backend) -> BackendPublic:
    s = b.server
    return BackendPublic(id=s.id, name=s.name, url=s.url, server_type=SERVER_TYPE_NAMES.get(s.server_type, "standard"),
                         is_online=b.is_online, model_count=b.model_count, lora_count=b.lora_count)


def search_result_public(r: lib.CivitaiSearchResult) -> CivitaiSearchResultPublic:
    return CivitaiSearchResultPublic(
        civitai_model_id=r.civitai_model_id, civitai_version_id=opt(r, "civitai_version_id"), name=r.name,
        version_name=r.version_name, type=r.type, base_model=r.base_model, download_count=r.download_count,
        thumbnail_url=opt(r, "thumbnail_url"))
