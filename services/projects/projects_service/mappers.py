"""proto <-> domain; the only module that imports both."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from google.protobuf import json_format, struct_pb2
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard_common.timestamps import from_timestamp, to_timestamp

from projects_service.domain import (
    Clip,
    GeneratedContent,
    LaidOutScene,
    LoraRef,
    Project,
    Timeline,
)
from projects_service.timeline import Analysis, Summary

CONTENT_TYPES = {"image": pb.CONTENT_TYPE_IMAGE, "video": pb.CONTENT_TYPE_VIDEO}
CONTENT_TYPE_NAMES = {v: k for k, v in CONTENT_TYPES.items()}
SOURCES = {"generation": pb.CONTENT_SOURCE_GENERATION, "external_worker": pb.CONTENT_SOURCE_EXTERNAL_WORKER,
           "pool": pb.CONTENT_SOURCE_POOL}
SOURCE_NAMES = {v: k for k, v in SOURCES.items()}


def content_type_name(value: int) -> str:
    """"image", "video", or "" for CONTENT_TYPE_UNSPECIFIED (which the rules refuse)."""
    return CONTENT_TYPE_NAMES.get(value, "")


def optional(message: Any, field: str) -> Any:
    """A proto3 optional field's value, or None when unset."""
    return getattr(message, field) if message.HasField(field) else None


def without_empty_name(values: dict[str, Any]) -> dict[str, Any]:
    """Create values with an unset (empty) name left out, so that the rules answer "name is required"."""
    return {k: v for k, v in values.items() if k != "name" or v}


def struct_to_dict(struct: struct_pb2.Struct) -> dict[str, Any]:
    return json_format.MessageToDict(struct)


def dict_to_struct(values: Mapping[str, Any] | None) -> struct_pb2.Struct | None:
    if values is None:
        return None
    struct = struct_pb2.Struct()
    struct.update(values)
    return struct


def project_to_proto(p: Project) -> pb.Project:
    return pb.Project(
        id=p.id, name=p.name, description=p.description,
        music_file_path=p.music_file_path, music_duration=p.music_duration, music_media_id=p.music_media_id,
        create_time=to_timestamp(p.created_at), update_time=to_timestamp(p.updated_at),
    )


def project_values(p: pb.Project) -> dict[str, Any]:
    """The writable fields of a Project message; unset optionals are None."""
    return {"name": p.name, "description": p.description, "music_file_path": optional(p, "music_file_path"),
            "music_duration": optional(p, "music_duration"), "music_media_id": optional(p, "music_media_id")}


def scene_to_proto(laid_out: LaidOutScene) -> pb.Scene:
    s = laid_out.scene
    return pb.Scene(
        id=s.id, project_id=s.project_id, name=s.name, description=s.description, lyrics=s.lyrics,
        order=s.order, parent_scene_id=s.parent_scene_id, alternate_number=s.alternate_number,
        is_alternate=s.is_alternate,
        duration=laid_out.duration, timeline_start=laid_out.timeline_start,
        create_time=to_timestamp(s.created_at), update_time=to_timestamp(s.updated_at),
    )


def scene_values(s: pb.Scene) -> dict[str, Any]:
    return {"name": s.name, "description": s.description, "lyrics": s.lyrics, "order": s.order,
            "duration": s.duration}


def content_to_proto(c: GeneratedContent, selected: bool) -> pb.GeneratedContent:
    return pb.GeneratedContent(
        id=c.id, content_type=CONTENT_TYPES[c.content_type], url=c.url, thumbnail_url=c.thumbnail_url,
        media_id=c.media_id, prompt=c.prompt, negative_prompt=c.negative_prompt, server_id=c.server_id,
        server_name_snapshot=c.server_name, model_name=c.model_name, model_type=c.model_type,
        generation_params=dict_to_struct(c.generation_params),
        loras=[pb.LoraRef(name=lora.name, weight=lora.weight) for lora in c.loras],
        seed=c.seed, job_id=c.job_id, source=SOURCES.get(c.source, pb.CONTENT_SOURCE_GENERATION),
        is_selected=selected, create_time=to_timestamp(c.created_at),
    )


def content_from_proto(c: pb.GeneratedContent) -> GeneratedContent:
    return GeneratedContent(
        id=c.id, content_type=content_type_name(c.content_type), url=c.url,
        created_at=from_timestamp(c.create_time) if c.HasField("create_time") else None,
        thumbnail_url=optional(c, "thumbnail_url") or None, media_id=optional(c, "media_id") or None,
        prompt=c.prompt, negative_prompt=c.negative_prompt, server_id=c.server_id,
        server_name=c.server_name_snapshot, model_name=c.model_name or "unknown",
        model_type=optional(c, "model_type") or None, generation_params=struct_to_dict(c.generation_params),
        loras=tuple(LoraRef(name=lora.name, weight=lora.weight) for lora in c.loras),
        seed=optional(c, "seed"),
        job_id=optional(c, "job_id") or None, source=SOURCE_NAMES.get(c.source, "generation"),
    )


def clip_to_proto(c: Clip) -> pb.Clip:
    return pb.Clip(
        id=c.id, scene_id=c.scene_id, project_id=c.project_id, name=c.name, lyrics=c.lyrics, length=c.length,
        timeline_position=c.timeline_position, order=c.order, parent_clip_id=c.parent_clip_id,
        alternate_number=c.alternate_number, is_alternate=c.is_alternate, image_prompt=c.image_prompt,
        video_prompt=c.video_prompt,
        generated_images=[content_to_proto(g, g.id == c.selected_image_id) for g in c.generated_images],
        generated_videos=[content_to_proto(g, g.id == c.selected_video_id) for g in c.generated_videos],
        selected_image_id=c.selected_image_id, selected_video_id=c.selected_video_id,
        character_id=c.character_id, create_time=to_timestamp(c.created_at),
        update_time=to_timestamp(c.updated_at),
    )


def clip_values(c: pb.Clip) -> dict[str, Any]:
    """The writable fields of a Clip message; an unset `character_id` is None."""
    return {"name": c.name, "lyrics": c.lyrics, "length": c.length, "timeline_position": c.timeline_position,
            "order": c.order, "image_prompt": c.image_prompt, "video_prompt": c.video_prompt,
            "character_id": optional(c, "character_id")}


def summary_to_proto(s: Summary) -> pb.TimelineSummary:
    return pb.TimelineSummary(
        total_clips=s.total_clips, total_duration=s.total_duration, timeline_end=s.timeline_end,
        gaps=[pb.TimelineGap(start=g.start, end=g.end, duration=g.duration) for g in s.gaps])


def analysis_to_proto(a: Analysis) -> pb.TimelineAnalysis:
    return pb.TimelineAnalysis(
        scene_id=a.scene_id, summary=summary_to_proto(a.summary),
        overlaps=[pb.TimelineOverlap(clip1_id=o.first.id, clip1_name=o.first.name, clip2_id=o.second.id,
                                     clip2_name=o.second.name, overlap_duration=o.duration, error=o.message)
                  for o in a.overlaps],
        gaps=[pb.TimelineAnalysisGap(after_clip_id=g.after.id, after_clip_name=g.after.name,
                                     before_clip_id=g.before.id, before_clip_name=g.before.name,
                                     gap_start=g.start, gap_end=g.end, gap_duration=g.duration)
              for g in a.gaps],
        has_issues=a.has_issues, total_clips=a.total_clips, alternate_clips=a.alternate_clips)


def timeline_scenes_to_proto(t: Timeline) -> list[pb.TimelineScene]:
    return [pb.TimelineScene(scene=scene_to_proto(s.laid_out), clips=[clip_to_proto(c) for c in s.clips])
            for s in t.scenes]
