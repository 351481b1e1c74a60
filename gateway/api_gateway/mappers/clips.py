"""Clip, gallery and timeline-summary protos -> REST bodies, field by field.

The `*_json` mappers return plain JSON-ready dicts with exactly the fields of the matching schema (a test
checks this). Big answers (a 2,000-clip timeline, complete clip lists) are serialized from them directly:
building and validating a pydantic model per clip cost more than everything else in those requests. The
`*_public` mappers validate the same dicts into models for the other routes.
"""

from __future__ import annotations

from typing import Any

from storyboard.projects.v1 import projects_resources_pb2 as pb

from api_gateway.mappers.common import media_url, opt, rfc3339, struct_dict
from api_gateway.schemas.clips import (
    ClipPublic,
    GeneratedContentPublic,
    TimelineGapPublic,
    TimelineSummaryPublic,
)

CONTENT_TYPE_NAMES = {pb.CONTENT_TYPE_IMAGE: "image", pb.CONTENT_TYPE_VIDEO: "video"}
CONTENT_TYPES = {name: value for value, name in CONTENT_TYPE_NAMES.items()}
SOURCE_NAMES = {pb.CONTENT_SOURCE_GENERATION: "generation",
                pb.CONTENT_SOURCE_EXTERNAL_WORKER: "external_worker",
                pb.CONTENT_SOURCE_POOL: "pool"}


def content_json(c: pb.GeneratedContent, base_url: str) -> dict[str, Any]:
    model_name = c.model_name or "unknown"
    return {
        "id": c.id, "content_type": CONTENT_TYPE_NAMES.get(c.content_type, "image"),
        "url": media_url(c.url, base_url), "thumbnail_url": media_url(opt(c, "thumbnail_url"), base_url),
        "media_id": opt(c, "media_id"), "prompt": c.prompt, "negative_prompt": c.negative_prompt,
        "server_id": c.server_id, "server_name": c.server_name_snapshot, "model_name": model_name,
        "model": None if model_name == "unknown" else model_name, "model_type": opt(c, "model_type"),
        "generation_params": struct_dict(c.generation_params),
        "loras": [{"name": lora.name, "weight": lora.weight} for lora in c.loras], "seed": opt(c, "seed"),
        "job_id": opt(c, "job_id"), "source": SOURCE_NAMES.get(c.source, "generation"),
        "is_selected": c.is_selected, "created_at": rfc3339(c.create_time),
    }


def content_public(c: pb.GeneratedContent, base_url: str) -> GeneratedContentPublic:
    return GeneratedContentPublic.model_validate(content_json(c, base_url))


def clip_json(c: pb.Clip, base_url: str) -> dict[str, Any]:
    return {
        "id": c.id, "scene_id": c.scene_id, "project_id": c.project_id, "name": c.name, "lyrics": c.lyrics,
        "length": c.length, "timeline_position": c.timeline_position, "order": c.order,
        "parent_clip_id": opt(c, "parent_clip_id"), "alternate_number": c.alternate_number,
        "is_alternate": c.is_alternate, "image_prompt": c.image_prompt, "video_prompt": c.video_prompt,
        "generated_images": [content_json(g, base_url) for g in c.generated_images],
        "generated_videos": [content_json(g, base_url) for g in c.generated_videos],
        "selected_image_id": opt(c, "selected_image_id"), "selected_video_id": opt(c, "selected_video_id"),
        "character_id": opt(c, "character_id"), "versions": [], "active_version": 1,
        "created_at": rfc3339(c.create_time), "updated_at": rfc3339(c.update_time),
    }


def clip_public(c: pb.Clip, base_url: str) -> ClipPublic:
    return ClipPublic.model_validate(clip_json(c, base_url))


def gallery_json(images: list[pb.GeneratedContent], videos: list[pb.GeneratedContent],
                 selected_image_id: str | None, selected_video_id: str | None,
                 base_url: str) -> dict[str, Any]:
    return {"images": [content_json(g, base_url) for g in images],
            "videos": [content_json(g, base_url) for g in videos],
            "selected_image_id": selected_image_id, "selected_video_id": selected_video_id}


def summary_public(s: pb.TimelineSummary) -> TimelineSummaryPublic:
    return TimelineSummaryPublic(
        total_clips=s.total_clips, total_duration=s.total_duration, timeline_end=s.timeline_end,
        gaps=[TimelineGapPublic(start=g.start, end=g.end, duration=g.duration) for g in s.gaps])
