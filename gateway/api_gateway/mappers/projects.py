"""Project protos -> REST bodies, field by field (see mappers/clips.py on `*_json`)."""

from __future__ import annotations

from typing import Any

from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api

from api_gateway.mappers.common import media_url, opt, rfc3339
from api_gateway.mappers.scenes import scene_json, scene_with_clips_json
from api_gateway.schemas.projects import ProjectPublic, ProjectWithScenes


def project_json(p: pb.Project, base_url: str) -> dict[str, Any]:
    music = media_url(opt(p, "music_file_path"), base_url)
    return {"id": p.id, "name": p.name, "description": p.description, "music_file_path": music,
            "music_file": music, "music_duration": opt(p, "music_duration"),
            "music_media_id": opt(p, "music_media_id"), "created_at": rfc3339(p.create_time),
            "updated_at": rfc3339(p.update_time)}


def project_public(p: pb.Project, base_url: str) -> ProjectPublic:
    return ProjectPublic.model_validate(project_json(p, base_url))


def project_with_scenes(p: pb.Project, scenes: list[pb.Scene], base_url: str) -> ProjectWithScenes:
    body = {**project_json(p, base_url), "scenes": [scene_json(s) for s in scenes]}
    return ProjectWithScenes.model_validate(body)


def timeline_json(reply: api.GetProjectTimelineResponse, base_url: str) -> dict[str, Any]:
    return {"project": project_json(reply.project, base_url),
            "scenes": [scene_with_clips_json(s, base_url) for s in reply.scenes],
            "total_duration": reply.total_duration}
