"""The Storyboard JSON export `storyboard_v1` (REST contract 3.8): every scene and clip, alternates included,
in the REST shapes (2.1-2.4) with project-absolute start and end, the chosen media, and the NLE timeline as
OpenTimelineIO JSON under `otio_timeline` so any OTIO tool can open it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from fractions import Fraction
from typing import Any

import opentimelineio as otio

from projects_service.domain import Clip, GeneratedContent, Project, Timeline, TimelineScene
from projects_service.export.plan import absolute_url, chosen_media
from projects_service.export.rates import FrameRate, exact

FORMAT = "storyboard_v1"


def rfc3339(seconds: float | None) -> str | None:
    """UTC with Z and exactly three fractional digits."""
    if seconds is None:
        return None
    moment = datetime.fromtimestamp(seconds, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _r2(value: Fraction | float) -> float:
    return round(float(value), 2) + 0.0


def _url(url: str | None, base_url: str) -> str | None:
    return absolute_url(url, base_url) if url else url


def project_json(project: Project, base_url: str) -> dict[str, Any]:
    music = _url(project.music_file_path, base_url)
    return {
        "id": project.id, "name": project.name, "description": project.description, "music_file_path": music,
        "music_file": music, "music_duration": project.music_duration,
        "music_media_id": project.music_media_id,
        "created_at": rfc3339(project.created_at), "updated_at": rfc3339(project.updated_at),
    }


def content_json(entry: GeneratedContent, selected_id: str | None, base_url: str) -> dict[str, Any]:
    return {
        "id": entry.id, "content_type": entry.content_type, "url": _url(entry.url, base_url),
        "thumbnail_url": _url(entry.thumbnail_url, base_url), "media_id": entry.media_id,
        "prompt": entry.prompt, "negative_prompt": entry.negative_prompt, "server_id": entry.server_id,
        "server_name": entry.server_name,
        "model_name": entry.model_name, "model": None if entry.model_name == "unknown" else entry.model_name,
        "model_type": entry.model_type, "generation_params": entry.generation_params,
        "loras": [{"name": lora.name, "weight": lora.weight} for lora in entry.loras], "seed": entry.seed,
        "job_id": entry.job_id, "source": entry.source, "is_selected": entry.id == selected_id,
        "created_at": rfc3339(entry.created_at),
    }


def clip_json(clip: Clip, scene_start: Fraction, selection: str, base_url: str) -> dict[str, Any]:
    start = scene_start + exact(clip.timeline_position)
    media = chosen_media(clip, selection, base_url)
    return {
        "id": clip.id, "scene_id": clip.scene_id, "project_id": clip.project_id, "name": clip.name,
        "lyrics": clip.lyrics, "length": clip.length, "timeline_position": clip.timeline_position,
        "order": clip.order, "parent_clip_id": clip.parent_clip_id, "alternate_number": clip.alternate_number,
        "is_alternate": clip.is_alternate, "image_prompt": clip.image_prompt,
        "video_prompt": clip.video_prompt,
        "generated_images": [content_json(e, clip.selected_image_id, base_url)
                             for e in clip.generated_images],
        "generated_videos": [content_json(e, clip.selected_video_id, base_url)
                             for e in clip.generated_videos],
        "selected_image_id": clip.selected_image_id, "selected_video_id": clip.selected_video_id,
        "character_id": clip.character_id, "versions": [], "active_version": 1,
        "created_at": rfc3339(clip.created_at), "updated_at": rfc3339(clip.updated_at),
        "start": _r2(start), "end": _r2(start + exact(clip.length)),
        "media": {"type": media.type, "url": media.url} if media else None,
    }


def scene_json(entry: TimelineScene, selection: str, base_url: str) -> dict[str, Any]:
    scene, laid_out = entry.laid_out.scene, entry.laid_out
    start = exact(laid_out.timeline_start)
    return {
        "id": scene.id, "project_id": scene.project_id, "name": scene.name, "description": scene.description,
        "lyrics": scene.lyrics, "order": scene.order, "parent_scene_id": scene.parent_scene_id,
        "alternate_number": scene.alternate_number, "is_alternate": scene.is_alternate,
        "duration": laid_out.duration, "timeline_start": laid_out.timeline_start,
        "created_at": rfc3339(scene.created_at), "updated_at": rfc3339(scene.updated_at),
        "start": _r2(start), "end": _r2(start + exact(laid_out.duration)),
        "clips": [clip_json(c, start, selection, base_url) for c in entry.clips],
    }


def write_json(timeline: Timeline, rate: FrameRate, selection: str, base_url: str, exported_at: float,
               otio_timeline: otio.schema.Timeline) -> str:
    document = {
        "format": FORMAT,
        "exported_at": rfc3339(exported_at),
        "fps": float(rate.label) if rate.is_ntsc else int(rate.label),
        "project": project_json(timeline.project, base_url),
        "scenes": [scene_json(s, selection, base_url) for s in timeline.scenes],
        "otio_timeline": json.loads(otio.adapters.write_to_string(otio_timeline, "otio_json")),
    }
    # Compact: large projects must still fit one gRPC message (see ExportService).
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
