"""proto <-> domain for characters, style templates, pool items and export options (the companion of
mappers.py, whose helpers it reuses)."""

from __future__ import annotations

from typing import Any

from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard_common.timestamps import to_timestamp

from projects_service.characters import Character
from projects_service.domain import LoraRef
from projects_service.export.service import EDL, FCP7, FCPXML, JSON, ExportFile, ExportOptions
from projects_service.mappers import (
    CONTENT_TYPES,
    content_type_name,
    dict_to_struct,
    optional,
    struct_to_dict,
)
from projects_service.pool import PoolItem
from projects_service.style_templates import StyleTemplate

GENERATION_METHODS = {"ip_adapter": pb.GENERATION_METHOD_IP_ADAPTER, "reactor": pb.GENERATION_METHOD_REACTOR,
                      "instantid": pb.GENERATION_METHOD_INSTANTID, "lora": pb.GENERATION_METHOD_LORA}
GENERATION_METHOD_NAMES = {v: k for k, v in GENERATION_METHODS.items()}
POOL_SOURCE_TYPES = {"clip_generation": pb.POOL_SOURCE_TYPE_CLIP_GENERATION,
                     "manual_upload": pb.POOL_SOURCE_TYPE_MANUAL_UPLOAD,
                     "batch_generation": pb.POOL_SOURCE_TYPE_BATCH_GENERATION}
POOL_SOURCE_TYPE_NAMES = {v: k for k, v in POOL_SOURCE_TYPES.items()}
EXPORT_FORMATS = {pb.EXPORT_FORMAT_FCPXML: FCPXML, pb.EXPORT_FORMAT_EDL: EDL, pb.EXPORT_FORMAT_FCP7_XML: FCP7,
                  pb.EXPORT_FORMAT_JSON: JSON}
EXPORT_MEDIA = {pb.EXPORT_MEDIA_SELECTION_AUTO: "auto", pb.EXPORT_MEDIA_SELECTION_VIDEO: "video",
                pb.EXPORT_MEDIA_SELECTION_IMAGE: "image"}


def _struct_or_none(message: Any, field: str) -> dict[str, Any] | None:
    return struct_to_dict(getattr(message, field)) if message.HasField(field) else None


# --- characters ---

def character_to_proto(c: Character) -> pb.Character:
    return pb.Character(
        id=c.id, project_id=c.project_id, name=c.name, description=c.description,
        reference_images=c.reference_images, lora=c.lora, trigger_words=c.trigger_words,
        style_notes=c.style_notes, generation_method=GENERATION_METHODS[c.generation_method],
        face_image=c.face_image, generation_params=dict_to_struct(c.generation_params),
        create_time=to_timestamp(c.created_at), update_time=to_timestamp(c.updated_at),
    )


def character_values(c: pb.Character) -> dict[str, Any]:
    """The writable fields of a Character message; UNSPECIFIED and unset optionals mean the create default."""
    return {
        "name": c.name, "description": c.description, "reference_images": list(c.reference_images),
        "lora": optional(c, "lora"), "trigger_words": c.trigger_words, "style_notes": c.style_notes,
        "generation_method": GENERATION_METHOD_NAMES.get(c.generation_method, ""),
        "face_image": optional(c, "face_image"), "generation_params": struct_to_dict(c.generation_params),
    }


# --- style templates ---

def style_template_to_proto(t: StyleTemplate) -> pb.StyleTemplate:
    return pb.StyleTemplate(
        id=t.id, name=t.name, description=t.description, category=t.category, model=t.model,
        negative_prompt=t.negative_prompt,
        loras=[pb.LoraRef(name=lora.name, weight=lora.weight) for lora in t.loras],
        params=dict_to_struct(t.params), preview_url=t.preview_url, is_public=t.is_public,
        created_by=t.created_by, use_count=t.use_count,
        create_time=to_timestamp(t.created_at), update_time=to_timestamp(t.updated_at),
    )


def style_template_values(t: pb.StyleTemplate) -> dict[str, Any]:
    return {
        "name": t.name, "description": t.description, "category": t.category, "model": optional(t, "model"),
        "negative_prompt": t.negative_prompt, "loras": [LoraRef(lo.name, lo.weight) for lo in t.loras],
        "params": struct_to_dict(t.params), "preview_url": optional(t, "preview_url"),
        "is_public": t.is_public,
    }


# --- generation pool ---

def pool_item_to_proto(i: PoolItem) -> pb.PoolItem:
    return pb.PoolItem(
        id=i.id, project_id=i.project_id, name=i.name, description=i.description,
        content_type=CONTENT_TYPES[i.content_type], source_type=POOL_SOURCE_TYPES[i.source_type],
        source_clip_id=i.source_clip_id, media_url=i.media_url, thumbnail_url=i.thumbnail_url,
        generation_params=dict_to_struct(i.generation_params), tags=i.tags,
        metadata=dict_to_struct(i.metadata),
        create_time=to_timestamp(i.created_at), update_time=to_timestamp(i.updated_at),
    )


def pool_item_values(i: pb.PoolItem) -> dict[str, Any]:
    return {
        "name": i.name, "description": i.description, "content_type": content_type_name(i.content_type),
        "source_type": POOL_SOURCE_TYPE_NAMES.get(i.source_type, ""),
        "source_clip_id": optional(i, "source_clip_id"), "media_url": i.media_url,
        "thumbnail_url": optional(i, "thumbnail_url"),
        "generation_params": _struct_or_none(i, "generation_params"), "tags": list(i.tags),
        "metadata": _struct_or_none(i, "metadata"),
    }


# --- export ---

def export_options(r: api.ExportProjectRequest) -> ExportOptions:
    """UNSPECIFIED format maps to "" (refused by the service); UNSPECIFIED media means auto."""
    return ExportOptions(format=EXPORT_FORMATS.get(r.format, ""), fps=r.fps,
                         media=EXPORT_MEDIA.get(r.media, "auto"), width=r.width, height=r.height,
                         start_tc=r.start_tc, base_url=r.base_url)


def export_file_to_proto(f: ExportFile) -> api.ExportProjectResponse:
    return api.ExportProjectResponse(content=f.content, content_type=f.content_type, filename=f.filename)
