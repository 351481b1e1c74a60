"""Generation pool protos <-> REST models, field by field."""

from __future__ import annotations

from typing import Any

from storyboard.projects.v1 import projects_resources_pb2 as pb

from api_gateway.mappers.clips import CONTENT_TYPE_NAMES, CONTENT_TYPES
from api_gateway.mappers.common import media_url, opt, rfc3339, struct_dict
from api_gateway.schemas.pool import PoolItemCreate, PoolItemPublic

SOURCE_TYPES = {"clip_generation": pb.POOL_SOURCE_TYPE_CLIP_GENERATION,
                "manual_upload": pb.POOL_SOURCE_TYPE_MANUAL_UPLOAD,
                "batch_generation": pb.POOL_SOURCE_TYPE_BATCH_GENERATION}
SOURCE_TYPE_NAMES = {v: k for k, v in SOURCE_TYPES.items()}


def pool_item_message(body: PoolItemCreate) -> pb.PoolItem:
    item = pb.PoolItem(
        project_id=body.project_id, name=body.name, description=body.description or "",
        content_type=CONTENT_TYPES[body.content_type],
        source_type=SOURCE_TYPES[body.source_type or "manual_upload"],
        source_clip_id=body.source_clip_id or None, media_url=body.media_url,
        thumbnail_url=body.thumbnail_url or None, tags=body.tags or [])
    if body.generation_params is not None:
        item.generation_params.update(body.generation_params)
    if body.metadata is not None:
        item.metadata.update(body.metadata)
    return item


def _struct_or_none(message: Any, field: str) -> dict[str, Any] | None:
    return struct_dict(getattr(message, field)) if message.HasField(field) else None


def pool_item_fields(i: pb.PoolItem, base_url: str) -> dict[str, Any]:
    return {
        "id": i.id, "project_id": i.project_id, "name": i.name, "description": i.description,
        "content_type": CONTENT_TYPE_NAMES.get(i.content_type, "image"),
        "source_type": SOURCE_TYPE_NAMES.get(i.source_type, "manual_upload"),
        "source_clip_id": opt(i, "source_clip_id"), "media_url": media_url(i.media_url, base_url),
        "thumbnail_url": media_url(opt(i, "thumbnail_url"), base_url),
        "generation_params": _struct_or_none(i, "generation_params"), "tags": list(i.tags),
        "metadata": _struct_or_none(i, "metadata"),
        "created_at": rfc3339(i.create_time), "updated_at": rfc3339(i.update_time),
    }


def pool_item_public(i: pb.PoolItem, base_url: str) -> PoolItemPublic:
    return PoolItemPublic(**pool_item_fields(i, base_url))
