from __future__ import annotations

from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api

from api_gateway.mappers.common import media_url, opt, rfc3339
from api_gateway.mappers.scenes import scene_public, scene_with_clips
from api_gateway.schemas.projects import ProjectPublic, ProjectWithScenes, TimelinePublic


def _project_fields(p: pb.Project, base_url: str) -> dict[str, object]:
    music = media_url(opt(p, "music_file_path"), base_url)
    return {"id": p.id, "name": p.name, "description": p.description, "music_file_path": music,
            "music_file": music, "music_duration": opt(p, "music_duration"),
            "music_media_id": opt(p, "music_media_id"), "created_at": rfc3339(p.create_time),
            "updated_at": rfc3339(p.update_time)}


def project_public(p: pb.Project, base_url: str) -> ProjectPublic:
    return ProjectPublic(**_project_fields(p, base_url))  # type: ignore[arg-type]


def project_with_scenes(p: pb.Project, scenes: list[pb.Scene], base_url: str) -> ProjectWithScenes:
    return ProjectWithScenes(**_project_fields(p, base_url),  # type: ignore[arg-type]
                             scenes=[scene_public(s) for s in scenes])


def timeline_public(reply: api.GetProjectTimelineResponse, base_url: str) -> TimelinePublic:
    return TimelinePublic(project=project_public(reply.project, base_url),
                          scenes=[scene_with_clips(s, base_url) for s in reply.scenes],
                          total_duration=reply.total_duration)
